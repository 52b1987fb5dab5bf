package asyncio

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// Subprocesses: asyncio.createSubprocessExec and createSubprocessShell
// (CPython's asyncio/subprocess.py). subprocess.js holds Process; this file
// starts the child (through bindings.Env.StartChild, which checks the run
// permission and reaps it) and makes each of its pipes a stream of
// streams.go, so a child's stdout is a StreamReader with the same buffer,
// limit and backpressure as a socket's, and its stdin a StreamWriter with
// the same drain.

//go:embed subprocess.js
var subprocessSource string

var subprocessScript = bindings.NewScript("arun:asyncio/subprocess.js", subprocessSource)

// The stdio modes (CPython's subprocess.PIPE, STDOUT, DEVNULL values);
// anything else (undefined, null) inherits the runtime's own stdio.
const (
	modePipe    = -1
	modeStdout  = -2
	modeDevnull = -3
)

// proc is one child of createSubprocess*: it lives on the loop.
type proc struct {
	s      *streams
	child  *bindings.Child
	handle goja.Value

	exited   bool
	status   bindings.ExitStatus
	open     int  // read pipes whose end has not been read yet
	finished bool // exited and every read pipe at its end (CPython's _try_finish)
	waiters  []*bindings.Waiter
	release  func()
}

// installSubprocess adds subprocess.js's API to the asyncio exports.
func (s *streams) installSubprocess(exports, internal *goja.Object) error {
	v, err := subprocessScript.Run(s.vm)
	if err != nil {
		return fmt.Errorf("asyncio: running subprocess.js: %w", err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return fmt.Errorf("asyncio: subprocess.js did not produce a function")
	}
	natives := s.vm.NewObject()
	_ = natives.Set("spawn", s.spawn)
	_ = natives.Set("wait", s.procWait)
	_ = natives.Set("returncode", func(call goja.FunctionCall) goja.Value {
		p := s.proc(call.Argument(0))
		if !p.exited {
			return goja.Null()
		}
		return s.vm.ToValue(p.status.Code)
	})
	_ = natives.Set("signal", s.procSignal)
	_ = natives.Set("cancelKill", func(call goja.FunctionCall) goja.Value {
		s.proc(call.Argument(0)).child.KillOnCancel()
		return goja.Undefined()
	})
	_ = natives.Set("toThread", func(call goja.FunctionCall) goja.Value {
		return s.env.ToThread("asyncio.toThread", call.Argument(0), call.Arguments[min(1, len(call.Arguments)):])
	})
	res, err := fn(goja.Undefined(), natives, exports, s.c.hooks, internal)
	if err != nil {
		return fmt.Errorf("asyncio: initialising subprocess.js: %w", err)
	}
	ex := res.ToObject(s.vm)
	for _, k := range ex.Keys() {
		if err := exports.Set(k, ex.Get(k)); err != nil {
			return err
		}
	}
	return nil
}

func (s *streams) proc(v goja.Value) *proc {
	if o, ok := v.(*goja.Object); ok {
		if p, ok := o.Export().(*proc); ok {
			return p
		}
	}
	s.throw(bindings.TypeErrorf("asyncio: not a process"))
	return nil
}

// pipeEnd is the parent's end of one of a child's pipes as a stream's
// connection: readable (stdout, stderr) or writable (stdin).
type pipeEnd struct{ r, w *os.File }

func (p pipeEnd) Read(b []byte) (int, error) {
	if p.r == nil {
		return 0, io.EOF
	}
	return p.r.Read(b)
}

func (p pipeEnd) Write(b []byte) (int, error) {
	if p.w == nil {
		return 0, errors.New("the pipe is not writable")
	}
	return p.w.Write(b)
}

func (p pipeEnd) Close() error {
	if p.r != nil {
		return p.r.Close()
	}
	return p.w.Close()
}

// CloseWrite is writeEof: the child reads the end of its stdin.
func (p pipeEnd) CloseWrite() error {
	if p.w != nil {
		return p.w.Close()
	}
	return nil
}

// spawn(program, args, argv0, stdin, stdout, stderr, cwd, env, limit,
// verbatim) starts a child (verbatim: bindings.ChildSpec.Verbatim); it returns {handle, pid, stdin, stdout, stderr}, the
// pipes as stream handles (null when not piped). Errors are thrown:
// a PermissionDenied, or Node's spawn error (code ENOENT...).
func (s *streams) spawn(call goja.FunctionCall) goja.Value {
	vm := s.vm
	spec := bindings.ChildSpec{Program: call.Argument(0).String()}
	if err := vm.ExportTo(call.Argument(1), &spec.Args); err != nil {
		s.throw(bindings.TypeErrorf("asyncio: subprocess arguments must be strings"))
	}
	if v := call.Argument(2); !goja.IsUndefined(v) && !goja.IsNull(v) {
		spec.Argv0 = v.String()
	}
	modes := [3]int{0, 0, 0}
	for i := range modes {
		v := call.Argument(3 + i)
		if goja.IsUndefined(v) || goja.IsNull(v) {
			continue
		}
		m := int(v.ToInteger())
		if m != modePipe && m != modeDevnull && (m != modeStdout || i != 2) {
			s.throw(bindings.TypeErrorf("asyncio: invalid %s mode %s", [3]string{"stdin", "stdout", "stderr"}[i], v.String()))
		}
		modes[i] = m
	}
	if v := call.Argument(6); !goja.IsUndefined(v) && !goja.IsNull(v) {
		spec.Dir = v.String()
	}
	if v := call.Argument(7); !goja.IsUndefined(v) && !goja.IsNull(v) {
		obj := v.ToObject(vm)
		spec.Env = []string{}
		for _, k := range obj.Keys() {
			spec.Env = append(spec.Env, k+"="+obj.Get(k).String())
		}
	}
	limit := int(call.Argument(8).ToInteger())
	spec.Verbatim = call.Argument(9).ToBoolean()
	if limit <= 0 {
		limit = defaultLimit
	}

	// the pipes: the child's ends go to StartChild, ours become streams
	var mine [3]*os.File
	var theirs []*os.File
	closeAll := func() {
		for _, f := range mine {
			if f != nil {
				f.Close()
			}
		}
		for _, f := range theirs {
			f.Close()
		}
	}
	pipe := func(i int) *os.File {
		r, w, err := os.Pipe()
		if err != nil {
			closeAll()
			s.throw(fmt.Errorf("asyncio: creating a pipe: %w", err))
		}
		if i == 0 {
			mine[0] = w
			theirs = append(theirs, r)
			return r
		}
		mine[i] = r
		theirs = append(theirs, w)
		return w
	}
	switch modes[0] {
	case modePipe:
		spec.Stdin = pipe(0)
	case 0:
		if s.env.Stdin != nil {
			spec.Stdin = s.env.Stdin
		}
	}
	switch modes[1] {
	case modePipe:
		spec.Stdout = pipe(1)
	case 0:
		spec.Stdout = s.env.Stdout
	}
	switch modes[2] {
	case modePipe:
		spec.Stderr = pipe(2)
	case modeStdout:
		spec.Stderr = spec.Stdout
	case 0:
		spec.Stderr = s.env.Stderr
	}
	child, err := s.env.StartChild(spec)
	for _, f := range theirs {
		f.Close() // the child has its copies
	}
	theirs = nil
	if err != nil {
		closeAll()
		s.throw(err)
	}
	p := &proc{s: s, child: child}
	p.handle = vm.ToValue(p)
	what := fmt.Sprintf("process %d (%s)", child.Pid, spec.Program)
	p.release = s.env.TrackResource("process", what, func() { _ = child.Signal(syscall.SIGKILL) })
	out := vm.NewObject()
	_ = out.Set("handle", p.handle)
	_ = out.Set("pid", child.Pid)
	for i, name := range [3]string{"stdin", "stdout", "stderr"} {
		f := mine[i]
		if f == nil {
			_ = out.Set(name, goja.Null())
			continue
		}
		var st *stream
		if i == 0 {
			st = s.open(pipeEnd{w: f}, limit, nil, "pipe", what+" "+name, false)
		} else {
			st = s.open(pipeEnd{r: f}, limit, nil, "pipe", what+" "+name, true)
			p.open++
			st.onEOF = func() {
				p.open--
				p.tryFinish()
			}
		}
		_ = out.Set(name, st.handle)
	}
	child.Wait(func(es bindings.ExitStatus) {
		p.exited, p.status = true, es
		p.release()
		p.tryFinish()
	})
	return out
}

// tryFinish wakes wait() once the child has exited and its output pipes
// are read to their end (CPython resolves wait() at connection_lost).
func (p *proc) tryFinish() {
	if p.finished || !p.exited || p.open > 0 {
		return
	}
	p.finished = true
	ws := p.waiters
	p.waiters = nil
	for _, w := range ws {
		w.Resolve(p.status.Code)
	}
}

// procWait(h): Process.wait(). Cancelling the task that awaits it kills
// the child (which is then reaped).
func (s *streams) procWait(call goja.FunctionCall) goja.Value {
	p := s.proc(call.Argument(0))
	var w *bindings.Waiter
	w = s.env.NewWaiter(fmt.Sprintf("Process.wait() (pid %d)", p.child.Pid), func() {
		for i, x := range p.waiters {
			if x == w {
				p.waiters = append(p.waiters[:i], p.waiters[i+1:]...)
				break
			}
		}
		p.child.KillOnCancel()
	})
	if w.Done() {
		p.child.KillOnCancel()
		return w.Value()
	}
	if p.finished {
		w.Resolve(p.status.Code)
	} else {
		p.waiters = append(p.waiters, w)
	}
	return w.Value()
}

// procSignal(h, sig): sendSignal, terminate, kill. A child that has
// exited is ProcessLookupError (CPython's, once wait() could return).
func (s *streams) procSignal(call goja.FunctionCall) goja.Value {
	p := s.proc(call.Argument(0))
	sig, err := bindings.ParseSignal(call.Argument(1))
	if err != nil {
		s.throw(err)
	}
	if p.exited {
		s.throw(&bindings.Error{Name: "ProcessLookupError", Code: "ESRCH", Message: "[Errno 3] No such process"})
	}
	if err := p.child.Signal(sig); err != nil {
		if errors.Is(err, bindings.ErrChildExited) || errors.Is(err, os.ErrProcessDone) {
			s.throw(&bindings.Error{Name: "ProcessLookupError", Code: "ESRCH", Message: "[Errno 3] No such process"})
		}
		s.throw(fmt.Errorf("asyncio: sending %s to process %d: %w", bindings.SignalName(int(sig)), p.child.Pid, err))
	}
	return goja.Undefined()
}
