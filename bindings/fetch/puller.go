package fetch

import (
	"bytes"
	"context"
	"errors"
	"io"

	"github.com/dop251/goja"
)

// errPullFailed is the Go side of a JS body stream that errored; the JS
// error itself stays on the loop (puller.jsErr).
var errPullFailed = errors.New("fetch: body stream errored")

// errLoopGone is what a puller reads once the run is over.
var errLoopGone = errors.New("fetch: the runtime stopped")

// puller is an io.Reader over a JS body (a ReadableStream, an async
// iterable): a goroutine reading it asks the loop, through a mailbox, to call
// pull() and waits for the chunk. It feeds streamed request bodies and
// streamed server responses; one chunk is requested at a time, so the
// stream's backpressure reaches the script.
type puller struct {
	s      *state
	mb     *mailbox
	ctx    context.Context
	pull   goja.Callable
	cancel goja.Value // JS cancel(reason), may be undefined

	ch    chan pullResult
	buf   []byte
	err   error // sticky, goroutine side
	jsErr goja.Value

	// loop side
	finished bool
	ended    bool // the JS side reported the end or an error
}

type pullResult struct {
	data []byte
	eof  bool
	err  error
}

// newPuller makes a puller over pull/cancel (on the loop). The mailbox it
// opens keeps the loop alive until finish.
func newPuller(s *state, pull goja.Callable, cancel goja.Value) *puller {
	return &puller{
		s: s, mb: newMailbox(s.env.Loop, false), ctx: s.env.Context(),
		pull: pull, cancel: cancel, ch: make(chan pullResult, 1),
	}
}

// Read implements io.Reader (off the loop).
func (p *puller) Read(b []byte) (int, error) {
	for len(p.buf) == 0 {
		if p.err != nil {
			return 0, p.err
		}
		if !p.mb.post(p.next) {
			p.err = errLoopGone
			return 0, p.err
		}
		select {
		case r := <-p.ch:
			switch {
			case r.err != nil:
				p.err = r.err
			case r.eof:
				p.err = io.EOF
			default:
				p.buf = r.data
			}
		case <-p.ctx.Done():
			p.err = errLoopGone
		}
	}
	n := copy(b, p.buf)
	p.buf = p.buf[n:]
	return n, nil
}

// next runs on the loop: it calls pull() and sends its chunk to the reader.
func (p *puller) next() {
	if p.finished {
		select {
		case p.ch <- pullResult{err: errLoopGone}:
		default:
		}
		return
	}
	vm := p.s.env.VM
	send := func(r pullResult) {
		if r.eof || r.err != nil {
			p.ended = true
		}
		select {
		case p.ch <- r:
		default:
		}
	}
	fail := func(v goja.Value) {
		p.jsErr = v
		send(pullResult{err: errPullFailed})
	}
	v, err := p.pull(goja.Undefined())
	if err != nil {
		fail(jsValueOf(vm, err))
		return
	}
	onChunk := func(c goja.Value) {
		if goja.IsUndefined(c) || goja.IsNull(c) {
			send(pullResult{eof: true})
			return
		}
		var data []byte
		switch x := c.Export().(type) {
		case string:
			data = []byte(x)
		case goja.ArrayBuffer:
			data = bytes.Clone(x.Bytes())
		default:
			if err := vm.ExportTo(c, &data); err != nil {
				fail(vm.NewTypeError("body stream chunks must be Uint8Array"))
				return
			}
			data = bytes.Clone(data)
		}
		send(pullResult{data: data})
	}
	then := promiseThen(vm, v)
	if then == nil {
		onChunk(v)
		return
	}
	_, err = then(v,
		vm.ToValue(func(call goja.FunctionCall) goja.Value { onChunk(call.Argument(0)); return goja.Undefined() }),
		vm.ToValue(func(call goja.FunctionCall) goja.Value { fail(call.Argument(0)); return goja.Undefined() }))
	if err != nil {
		fail(jsValueOf(vm, err))
	}
}

// finish closes the mailbox and cancels the JS stream unless it ended (on
// the loop).
func (p *puller) finish() {
	if p.finished {
		return
	}
	p.finished = true
	p.mb.close()
	if !p.ended {
		p.ended = true
		if fn, ok := goja.AssertFunction(p.cancel); ok {
			_, _ = fn(goja.Undefined())
		}
	}
}

// promiseThen returns v's then method if v is a thenable.
func promiseThen(vm *goja.Runtime, v goja.Value) goja.Callable {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	fn, ok := goja.AssertFunction(o.Get("then"))
	if !ok {
		return nil
	}
	return fn
}

// jsValueOf is the JS value of an error returned by a goja call.
func jsValueOf(vm *goja.Runtime, err error) goja.Value {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	return vm.NewGoError(err)
}
