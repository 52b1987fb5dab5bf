// Package childproc is Node's child_process module (also node:child_process):
// spawn, exec and execFile (with their util.promisify forms), spawnSync,
// execSync and execFileSync, and the ChildProcess event emitter whose stdio
// are streams.
//
// The API is childproc.js, over the natives of this file, which start the
// child with bindings.Env.StartChild (the run permission, the PATH lookup,
// reaping, the kill when the run ends) and move bytes through its pipes.
//
// # Goroutine rules
//
// Natives run on the loop. Each pipe read and write is one Loop.Go (so
// Loop.Close waits for it); a read blocked on a pipe ends when the pipe is
// closed, which the script's destroy, the child's end or the run's end
// (a context.AfterFunc on Env.Context) does. The child is reaped by
// bindings.Child.Wait's goroutine. The Sync functions block the loop until
// the child ends, as in Node.
package childproc

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

//go:embed childproc.js
var source string

var script = bindings.NewScript("arun:child_process.js", source)

// Modules returns the module this package provides: "child_process", also
// "node:child_process".
func Modules() []bindings.Module {
	return []bindings.Module{{Name: "child_process", Aliases: []string{"node:child_process"}, Init: initModule}}
}

// Globals returns nothing: the package has no globals.
func Globals() []bindings.Global { return nil }

type module struct {
	env  *bindings.Env
	vm   *goja.Runtime
	loop *eventloop.Loop

	bufferFrom goja.Callable
	bufferObj  goja.Value
}

func initModule(env *bindings.Env, module_ *goja.Object) error {
	events, err := env.Require("events")
	if err != nil {
		return fmt.Errorf("child_process: loading events: %w", err)
	}
	m := &module{env: env, vm: env.VM, loop: env.Loop}
	if b, ok := env.VM.Get("Buffer").(*goja.Object); ok {
		if from, ok := goja.AssertFunction(b.Get("from")); ok {
			m.bufferFrom, m.bufferObj = from, b
		}
	}
	v, err := script.Run(env.VM)
	if err != nil {
		return fmt.Errorf("child_process: running childproc.js: %w", err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return fmt.Errorf("child_process: childproc.js is not a function expression")
	}
	exports, err := fn(goja.Undefined(), m.natives(), events)
	if err != nil {
		return fmt.Errorf("child_process: initialising: %w", err)
	}
	return module_.Set("exports", exports)
}

func (m *module) natives() *goja.Object {
	o := m.vm.NewObject()
	_ = o.Set("spawn", m.spawn)
	_ = o.Set("wait", m.wait)
	_ = o.Set("kill", m.kill)
	_ = o.Set("read", m.read)
	_ = o.Set("write", m.write)
	_ = o.Set("closePipe", func(call goja.FunctionCall) goja.Value {
		m.pipe(call.Argument(0)).close()
		return goja.Undefined()
	})
	_ = o.Set("spawnSync", m.spawnSync)
	return o
}

func (m *module) throw(err error) { panic(m.env.ToJSError(err)) }

// bytesValue wraps b in a Buffer.
func (m *module) bytesValue(b []byte) goja.Value {
	ab := m.vm.ToValue(m.vm.NewArrayBuffer(b))
	if m.bufferFrom != nil {
		if v, err := m.bufferFrom(m.bufferObj, ab); err == nil {
			return v
		}
	}
	return ab
}

// bytesOf is bindings.BytesOf.
var bytesOf = bindings.BytesOf

// spec reads the options spawn and spawnSync share:
// {file, args, cwd, env, argv0, stdio: [3 x "pipe"|"inherit"|"ignore"],
// detached, windowsVerbatimArguments}.
func (m *module) spec(o *goja.Object) (bindings.ChildSpec, [3]string) {
	vm := m.vm
	spec := bindings.ChildSpec{Program: o.Get("file").String()}
	if err := vm.ExportTo(o.Get("args"), &spec.Args); err != nil {
		m.throw(bindings.TypeErrorf("The \"args\" argument must be an array of strings"))
	}
	if v := o.Get("argv0"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		spec.Argv0 = v.String()
	}
	if v := o.Get("cwd"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		spec.Dir = v.String()
	}
	if v := o.Get("env"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		eo := v.ToObject(vm)
		spec.Env = []string{}
		for _, k := range eo.Keys() {
			ev := eo.Get(k)
			if goja.IsUndefined(ev) {
				continue
			}
			spec.Env = append(spec.Env, k+"="+ev.String())
		}
	}
	spec.Setpgid = o.Get("detached") != nil && o.Get("detached").ToBoolean()
	spec.Verbatim = o.Get("windowsVerbatimArguments") != nil && o.Get("windowsVerbatimArguments").ToBoolean()
	var stdio [3]string
	if err := vm.ExportTo(o.Get("stdio"), &stdio); err != nil {
		m.throw(bindings.TypeErrorf("bad stdio"))
	}
	return spec, stdio
}

// pipe is the parent's end of one of a child's pipes.
type pipe struct {
	f      *os.File
	closed bool
	stop   func() bool
}

func (m *module) newPipe(f *os.File) *pipe {
	p := &pipe{f: f}
	p.stop = context.AfterFunc(m.env.Context(), func() { _ = f.Close() })
	return p
}

func (p *pipe) close() {
	if p.closed {
		return
	}
	p.closed = true
	p.stop()
	_ = p.f.Close()
}

func (m *module) pipe(v goja.Value) *pipe {
	if o, ok := v.(*goja.Object); ok {
		if p, ok := o.Export().(*pipe); ok {
			return p
		}
	}
	m.throw(bindings.TypeErrorf("child_process: not a pipe"))
	return nil
}

// stdio sets the child's descriptors of spec and returns the parent's
// pipe ends (nil where not piped) and the child's ends to close once it
// has started.
func (m *module) stdio(spec *bindings.ChildSpec, modes [3]string) (mine [3]*os.File, theirs []*os.File, err error) {
	for i, md := range modes {
		var f *os.File
		switch md {
		case "pipe", "overlapped":
			r, w, perr := os.Pipe()
			if perr != nil {
				for _, x := range append(theirs, mine[:]...) {
					if x != nil {
						x.Close()
					}
				}
				return [3]*os.File{}, nil, fmt.Errorf("child_process: creating a pipe: %w", perr)
			}
			if i == 0 {
				mine[0], f = w, r
			} else {
				mine[i], f = r, w
			}
			theirs = append(theirs, f)
		case "inherit":
		case "ignore":
			continue
		default:
			return [3]*os.File{}, nil, bindings.TypeErrorf("The argument 'stdio' is invalid. Received %q", md)
		}
		switch i {
		case 0:
			if f != nil {
				spec.Stdin = f
			} else if m.env.Stdin != nil {
				spec.Stdin = m.env.Stdin
			}
		case 1:
			if f != nil {
				spec.Stdout = f
			} else {
				spec.Stdout = m.env.Stdout
			}
		case 2:
			if f != nil {
				spec.Stderr = f
			} else {
				spec.Stderr = m.env.Stderr
			}
		}
	}
	return mine, theirs, nil
}

// proc is a ChildProcess's Go side.
type proc struct {
	child   *bindings.Child
	exited  bool
	status  bindings.ExitStatus
	onExit  goja.Callable
	release func()
}

// spawn(opts) starts the child: {handle, pid, pipes: [stdin, stdout,
// stderr]} (null where not piped). A spawn failure (ENOENT...) is
// returned as {error}, for the ChildProcess to emit; a permission denial
// or a bad argument is thrown.
func (m *module) spawn(call goja.FunctionCall) goja.Value {
	vm := m.vm
	spec, modes := m.spec(call.Argument(0).ToObject(vm))
	mine, theirs, err := m.stdio(&spec, modes)
	if err != nil {
		m.throw(err)
	}
	child, err := m.env.StartChild(spec)
	for _, f := range theirs {
		f.Close()
	}
	out := vm.NewObject()
	if err != nil {
		for _, f := range mine {
			if f != nil {
				f.Close()
			}
		}
		var pe *bindings.PermissionError
		var be *bindings.Error
		if errors.As(err, &pe) || (errors.As(err, &be) && be.Name == "TypeError") {
			m.throw(err)
		}
		_ = out.Set("error", m.env.ToJSError(err))
		return out
	}
	p := &proc{child: child}
	p.release = m.env.TrackResource("process", fmt.Sprintf("process %d (%s)", child.Pid, spec.Program), func() {
		_ = child.Signal(syscall.SIGKILL)
	})
	_ = out.Set("handle", vm.ToValue(p))
	_ = out.Set("pid", child.Pid)
	pipes := make([]any, 3)
	for i, f := range mine {
		if f == nil {
			pipes[i] = nil
		} else {
			pipes[i] = m.newPipe(f)
		}
	}
	_ = out.Set("pipes", pipes)
	child.Wait(func(es bindings.ExitStatus) {
		p.exited, p.status = true, es
		p.release()
		if p.onExit != nil {
			var code, sig goja.Value = vm.ToValue(es.Code), goja.Null()
			if es.Signal != "" {
				code, sig = goja.Null(), vm.ToValue(es.Signal)
			}
			if _, err := p.onExit(goja.Undefined(), code, sig); err != nil {
				eventloop.PanicIfUncatchable(err)
				m.env.Fatal(jsValueOf(err, vm))
			}
		}
	})
	return out
}

func jsValueOf(err error, vm *goja.Runtime) goja.Value {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	return vm.ToValue(err.Error())
}

func (m *module) proc(v goja.Value) *proc {
	if o, ok := v.(*goja.Object); ok {
		if p, ok := o.Export().(*proc); ok {
			return p
		}
	}
	m.throw(bindings.TypeErrorf("child_process: not a child process"))
	return nil
}

// wait(h, onExit): onExit(code, signal) runs on the loop when the child
// has been reaped.
func (m *module) wait(call goja.FunctionCall) goja.Value {
	p := m.proc(call.Argument(0))
	fn, ok := goja.AssertFunction(call.Argument(1))
	if !ok {
		m.throw(bindings.TypeErrorf("child_process: wait needs a function"))
	}
	p.onExit = fn
	return goja.Undefined()
}

// kill(h, signal) sends signal (a name or number, default SIGTERM) and
// reports whether it was delivered; an unknown signal, or one the platform
// cannot send (Windows: other than SIGINT, SIGTERM, SIGKILL, SIGQUIT, 0),
// throws.
func (m *module) kill(call goja.FunctionCall) goja.Value {
	p := m.proc(call.Argument(0))
	sig, err := bindings.ParseSignal(call.Argument(1))
	if err != nil {
		m.throw(err)
	}
	if p.exited {
		return m.vm.ToValue(false)
	}
	err = p.child.Signal(sig)
	var be *bindings.Error
	if errors.As(err, &be) && be.Code == "ENOSYS" {
		// a signal Windows cannot send: Node throws "kill ENOSYS"
		m.throw(err)
	}
	return m.vm.ToValue(err == nil)
}

const readChunk = 64 << 10

// read(h, cb): reads one chunk off the loop; cb(buffer) with data,
// cb(null) at the end, cb(null, error) on a read error.
func (m *module) read(call goja.FunctionCall) goja.Value {
	p := m.pipe(call.Argument(0))
	cb, ok := goja.AssertFunction(call.Argument(1))
	if !ok {
		m.throw(bindings.TypeErrorf("child_process: read needs a function"))
	}
	if p.closed {
		_, _ = cb(goja.Undefined(), goja.Null())
		return goja.Undefined()
	}
	f := p.f
	m.loop.Go(m.env.Context(), func(context.Context) eventloop.Task {
		buf := make([]byte, readChunk)
		n, err := f.Read(buf)
		return func() error {
			var data, jerr goja.Value = goja.Null(), goja.Null()
			switch {
			case n > 0:
				data = m.bytesValue(buf[:n:n])
			case err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, os.ErrClosed):
				jerr = m.env.ToJSError(sysError("read", err))
			}
			_, cerr := cb(goja.Undefined(), data, jerr)
			return cerr
		}
	})
	return goja.Undefined()
}

// write(h, data, cb): writes data off the loop; cb(null) or cb(error).
func (m *module) write(call goja.FunctionCall) goja.Value {
	p := m.pipe(call.Argument(0))
	b, ok := bytesOf(call.Argument(1))
	if !ok {
		m.throw(bindings.TypeErrorf("The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array"))
	}
	cb, ok := goja.AssertFunction(call.Argument(2))
	if !ok {
		m.throw(bindings.TypeErrorf("child_process: write needs a function"))
	}
	data := bytes.Clone(b)
	f := p.f
	m.loop.Go(m.env.Context(), func(context.Context) eventloop.Task {
		_, err := f.Write(data)
		return func() error {
			var jerr goja.Value = goja.Null()
			if err != nil {
				jerr = m.env.ToJSError(sysError("write", err))
			}
			_, cerr := cb(goja.Undefined(), jerr)
			return cerr
		}
	})
	return goja.Undefined()
}

// sysError is Node's error for a failed pipe operation: "write EPIPE" with
// code, errno and syscall.
func sysError(op string, err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		name := map[syscall.Errno]string{syscall.EPIPE: "EPIPE", syscall.EBADF: "EBADF", syscall.EIO: "EIO", syscall.EAGAIN: "EAGAIN"}[errno]
		if name == "" {
			name = fmt.Sprintf("E%d", int(errno))
		}
		return &bindings.Error{Code: name, Message: op + " " + name, Cause: err,
			Props: map[string]any{"errno": -int(errno), "syscall": op}}
	}
	if errors.Is(err, os.ErrClosed) {
		return &bindings.Error{Code: "EPIPE", Message: op + " EPIPE", Cause: err, Props: map[string]any{"errno": -int(syscall.EPIPE), "syscall": op}}
	}
	return &bindings.Error{Message: op + ": " + err.Error(), Cause: err, Props: map[string]any{"syscall": op}}
}

// limitWriter keeps the first max bytes written to it and notes the
// overflow; past it, it calls over once.
type limitWriter struct {
	buf      bytes.Buffer
	max      int
	exceeded bool
	over     func()
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.exceeded {
		return len(p), nil
	}
	if w.max >= 0 && w.buf.Len()+len(p) > w.max {
		w.buf.Write(p[:w.max-w.buf.Len()])
		w.exceeded = true
		w.over()
		return len(p), nil
	}
	w.buf.Write(p)
	return len(p), nil
}

// spawnSync(opts) runs the child to its end, blocking the loop:
// opts adds {input, timeout (ms), maxBuffer, killSignal}; the result is
// {pid, status, signal, stdout, stderr, error}.
func (m *module) spawnSync(call goja.FunctionCall) goja.Value {
	vm := m.vm
	o := call.Argument(0).ToObject(vm)
	spec, modes := m.spec(o)
	input, hasInput := bytesOf(o.Get("input"))
	maxBuffer := -1
	if v := o.Get("maxBuffer"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		if f := v.ToFloat(); f >= 0 && f < 1<<50 {
			maxBuffer = int(f)
		}
	}
	var timeout time.Duration
	if v := o.Get("timeout"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		timeout = time.Duration(v.ToFloat() * float64(time.Millisecond))
	}
	killSig, err := bindings.ParseSignal(o.Get("killSignal"))
	if err != nil {
		m.throw(err)
	}
	res := vm.NewObject()
	var outs [3]*limitWriter
	overCh := make(chan struct{}, 2) // from os/exec's copying goroutines
	for i := 1; i < 3; i++ {
		if modes[i] == "pipe" {
			outs[i] = &limitWriter{max: maxBuffer, over: func() { overCh <- struct{}{} }}
		}
	}
	// stdio: pipes of our own are served by os/exec's copying goroutines
	for i, md := range modes {
		switch md {
		case "pipe":
			switch i {
			case 0:
				if hasInput {
					spec.Stdin = bytes.NewReader(input)
				}
			case 1:
				spec.Stdout = outs[1]
			case 2:
				spec.Stderr = outs[2]
			}
		case "inherit":
			switch i {
			case 0:
				if m.env.Stdin != nil {
					spec.Stdin = m.env.Stdin
				}
			case 1:
				spec.Stdout = m.env.Stdout
			case 2:
				spec.Stderr = m.env.Stderr
			}
		case "ignore":
		default:
			m.throw(bindings.TypeErrorf("The argument 'stdio' is invalid. Received %q", md))
		}
	}
	child, err := m.env.StartChild(spec)
	if err != nil {
		var pe *bindings.PermissionError
		var be *bindings.Error
		if errors.As(err, &pe) || (errors.As(err, &be) && be.Name == "TypeError") {
			m.throw(err)
		}
		if errors.As(err, &be) {
			be.Message = "spawnSync " + spec.Program + " " + be.Code
			be.Props["syscall"] = "spawnSync " + spec.Program
		}
		_ = res.Set("error", m.env.ToJSError(err))
		_ = res.Set("pid", 0)
		_ = res.Set("status", goja.Null())
		_ = res.Set("signal", goja.Null())
		_ = res.Set("output", goja.Null())
		_ = res.Set("stdout", goja.Null())
		_ = res.Set("stderr", goja.Null())
		return res
	}
	killed := false
	killOnce := func() {
		if !killed {
			killed = true
			_ = child.Signal(killSig)
		}
	}
	done := make(chan bindings.ExitStatus, 1)
	child.WaitSync(func(es bindings.ExitStatus) { done <- es })
	var timedOut, overflowed bool
	var timer <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		timer = t.C
	}
	var es bindings.ExitStatus
	ctxDone := m.env.Context().Done()
wait:
	for {
		select {
		case es = <-done:
			break wait
		case <-overCh:
			overflowed = true
			killOnce()
		case <-timer:
			timedOut = true
			timer = nil
			killOnce()
		case <-ctxDone:
			ctxDone = nil
			_ = child.Signal(syscall.SIGKILL)
		}
	}
	_ = res.Set("pid", child.Pid)
	output := make([]goja.Value, 3)
	output[0] = goja.Null()
	for i := 1; i < 3; i++ {
		if outs[i] == nil {
			output[i] = goja.Null()
		} else {
			output[i] = m.bytesValue(outs[i].buf.Bytes())
		}
	}
	_ = res.Set("output", output)
	_ = res.Set("stdout", output[1])
	_ = res.Set("stderr", output[2])
	if es.Signal != "" {
		_ = res.Set("status", goja.Null())
		_ = res.Set("signal", es.Signal)
	} else {
		_ = res.Set("status", es.Code)
		_ = res.Set("signal", goja.Null())
	}
	switch {
	case timedOut:
		_ = res.Set("error", m.env.ToJSError(&bindings.Error{Code: "ETIMEDOUT", Message: "spawnSync " + spec.Program + " ETIMEDOUT",
			Props: map[string]any{"errno": -int(syscall.ETIMEDOUT), "syscall": "spawnSync " + spec.Program, "path": spec.Program}}))
	case overflowed:
		_ = res.Set("error", m.env.ToJSError(&bindings.Error{Code: "ENOBUFS", Message: "spawnSync " + spec.Program + " ENOBUFS",
			Props: map[string]any{"errno": -int(syscall.ENOBUFS), "syscall": "spawnSync " + spec.Program, "path": spec.Program}}))
	}
	return res
}
