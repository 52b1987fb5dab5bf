// Package readline implements the modules "readline" and
// "readline/promises" (also with "node:"): Node's line-reading Interface
// over any readable stream or EventEmitter that emits "data" (process.stdin
// when the runtime has one, else the host's stdin as a stream of this
// package), with question (callback and promise forms, with an AbortSignal),
// prompt, the "line", "close", "pause" and "resume" events, and for await
// over the lines. Lines end at "\n", "\r\n" or "\r" (a "\r\n" split across
// chunks is one ending); crlfDelay, history, completion and terminal
// editing are not implemented (terminal is always false), and the cursor
// helpers (cursorTo, moveCursor, clearLine, clearScreenDown) write ANSI
// escapes to the stream they are given.
//
// # Goroutine rules
//
// The Interface is JavaScript on the loop. The stdin stream reads the
// host's stdin on one goroutine, started at the first read, that hands
// chunks over one at a time; a read keeps the loop alive while the stream
// wants data (a paused or closed Interface does not hold the run), and that
// goroutine ends at the end of the input.
package readline

import (
	_ "embed"
	"fmt"
	"io"
	"sync"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

//go:embed readline.js
var readlineJS string

var script = bindings.NewScript("arun:internal/readline.js", readlineJS)

// Modules returns "readline" and "readline/promises".
func Modules() []bindings.Module {
	return []bindings.Module{
		{Name: "readline", Aliases: []string{"node:readline"}, Init: func(env *bindings.Env, module *goja.Object) error {
			m, err := get(env)
			if err != nil {
				return err
			}
			return module.Set("exports", m.Get("readline"))
		}},
		{Name: "readline/promises", Aliases: []string{"node:readline/promises"}, Init: func(env *bindings.Env, module *goja.Object) error {
			m, err := get(env)
			if err != nil {
				return err
			}
			return module.Set("exports", m.Get("promises"))
		}},
	}
}

// Globals returns nothing.
func Globals() []bindings.Global { return nil }

type key struct{}

func get(env *bindings.Env) (*goja.Object, error) {
	if m, ok := env.Value(key{}).(*goja.Object); ok {
		return m, nil
	}
	vm := env.VM
	v, err := script.Run(vm)
	if err != nil {
		return nil, fmt.Errorf("readline: %w", err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("readline: internal error: readline.js is not a function")
	}
	req := vm.ToValue(func(c goja.FunctionCall) goja.Value {
		v, err := env.Require(c.Argument(0).String())
		if err != nil {
			env.Throw(err)
		}
		return v
	})
	in := &stdin{env: env, r: env.Stdin}
	res, err := fn(goja.Undefined(), req, vm.ToValue(in.read), vm.GlobalObject())
	if err != nil {
		return nil, fmt.Errorf("readline: %w", err)
	}
	m := res.ToObject(vm)
	env.SetValue(key{}, m)
	return m, nil
}

// stdin hands the host's stdin to the script a chunk at a time.
type stdin struct {
	env  *bindings.Env
	r    io.Reader
	once sync.Once
	ch   chan chunk
}

type chunk struct {
	b   []byte
	err error
}

// pump reads r until it fails, one chunk waiting at a time.
func (s *stdin) pump() {
	for {
		buf := make([]byte, 64<<10)
		n, err := s.r.Read(buf)
		if n > 0 {
			s.ch <- chunk{b: buf[:n]}
		}
		if err != nil {
			s.ch <- chunk{err: err}
			close(s.ch)
			return
		}
	}
}

// read(cb) waits for the next chunk and calls cb(bytes) (cb(null) at the
// end of input, cb(null, message) on an error); it returns the function
// that stops waiting (the stream paused), leaving the chunk for the next
// read.
func (s *stdin) read(cb goja.Callable) func() {
	if s.r == nil {
		s.r = eofReader{}
	}
	s.once.Do(func() {
		s.ch = make(chan chunk, 1)
		go s.pump()
	})
	enqueue := s.env.Loop.Reserve()
	stop := make(chan struct{})
	var stopOnce sync.Once
	vm := s.env.VM
	go func() {
		select {
		case c, ok := <-s.ch:
			enqueue(func() error {
				var err error
				switch {
				case !ok || c.err == io.EOF:
					_, err = cb(goja.Undefined(), goja.Null())
				case c.err != nil:
					_, err = cb(goja.Undefined(), goja.Null(), vm.ToValue(c.err.Error()))
				default:
					_, err = cb(goja.Undefined(), vm.ToValue(vm.NewArrayBuffer(c.b)))
				}
				return err
			})
		case <-stop:
			enqueue(func() error { return nil })
		case <-s.env.Context().Done():
			enqueue(func() error { return nil })
		}
	}()
	return func() { stopOnce.Do(func() { close(stop) }) }
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
