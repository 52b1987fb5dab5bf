// Package runtime is arun's embedding API: it creates a JavaScript runtime
// (goja on arun's event loop, with the built-in modules and globals), runs
// files and source strings to completion under a context, evaluates
// expressions, and lets a host program expose Go functions and modules.
//
// The CLI (cmd/arun), the REPL (repl) and the test runner all use this same
// API.
//
// # Goroutine rules
//
// A Runtime is used by one goroutine at a time: its Run*, Eval and Call
// methods must not be called concurrently. Many Runtimes may run at once on
// different goroutines. Close may be called from any goroutine and is
// idempotent. Go functions exposed to scripts run on the loop goroutine; the
// work of an async one runs on its own goroutine.
//
// # Modules and syntax
//
// Every script goes through esbuild: TypeScript is stripped, ES modules and
// CommonJS are linked together (node_modules resolved as in Node), syntax
// goja lacks (async generators, for await) is lowered, and an inline source
// map lets every stack position name the user's own file:line:col. The main
// module runs inside an async function, which is how top-level await works.
//
// Modules are resolved and read by the runtime, never by esbuild: every
// module file (of every kind and import attribute, package.json files,
// source maps, code-frame lines, worker modules) is read through one
// checked file system (modfs.go) that allows only the module root (the main
// module's folder or Options.ModuleRoot, and the node_modules folders of
// its ancestors) and the read grants, by real path, opening through os.Root.
package runtime

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/arun-js/arun/trace"
	"github.com/dop251/goja"
)

// Version is arun's version.
const Version = "0.1.0"

// RejectionPolicy is what an unhandled promise rejection does.
type RejectionPolicy int

// The policies of --unhandled-rejections.
const (
	RejectStrict RejectionPolicy = iota // report and fail the run (exit 1)
	RejectWarn                          // report and go on
	RejectNone                          // ignore
)

// ParseRejectionPolicy parses "strict", "warn" or "none".
func ParseRejectionPolicy(s string) (RejectionPolicy, error) {
	switch s {
	case "strict", "":
		return RejectStrict, nil
	case "warn":
		return RejectWarn, nil
	case "none":
		return RejectNone, nil
	}
	return 0, fmt.Errorf("runtime: unknown unhandled-rejections policy %q (want strict, warn or none)", s)
}

// Options configures a Runtime. The zero value works: output is discarded,
// nothing is granted (see Permissions), time is real.
type Options struct {
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	// Env is what process.env shows (when the env permission is granted).
	Env map[string]string
	// Args are the script's arguments, after the file name
	// (process.argv is ["arun", FILE, ...Args]).
	Args []string
	// Dir is the directory relative paths resolve against; "" means the
	// process's working directory.
	Dir string
	// HTTPClient is used by fetch; nil means a shared client of arun's own.
	HTTPClient *http.Client
	// Permissions says what scripts may touch. Nil grants nothing: host
	// programs opt in (AllowAll grants everything, as the CLI does by default).
	Permissions *Permissions
	// ModuleRoot is the folder modules may be loaded from without the read
	// permission, with the node_modules folders of its ancestors. "" means
	// the main module's folder (Dir for RunString of a bare name, Eval and
	// the REPL); a relative path is relative to Dir. Every other module
	// file needs the read permission (see "Permissions" in the README).
	ModuleRoot string
	// VirtualTime puts the runtime on a virtual clock (contract section 6):
	// it moves only when the loop jumps to the next timer, never while code
	// runs, so the same script prints the same times on every run.
	VirtualTime bool
	// TimeOrigin is the wall-clock time the runtime's clock starts at (what
	// Date.now() reports at the start, and performance.timeOrigin); zero
	// means the real time when New runs. With VirtualTime, a fixed
	// TimeOrigin makes the dates a script sees reproducible too.
	TimeOrigin time.Time
	// UnhandledRejections is the policy for rejections nobody handles.
	UnhandledRejections RejectionPolicy
	// Modules are extra native modules scripts can require or import.
	Modules []bindings.Module
	// Globals are extra global installers, run after the built-in ones.
	Globals []bindings.Global
	// Debug turns on the --debug diagnostics.
	Debug bool
	// MaxConcurrentOps caps the Go work in flight at once for this runtime
	// (file operations, async Go functions); the rest wait in call order.
	// 0 means no cap. fetch's requests, response body sizes and connection
	// counts are capped through HTTPClient's transport.
	MaxConcurrentOps int
	// Timeout bounds each Run/Eval call; 0 means no limit.
	Timeout time.Duration
	// MaxCallStackSize bounds JS recursion (a RangeError past it); 0 means
	// a default of 10000 frames.
	MaxCallStackSize int
	// MaxMemory, if positive, bounds the live heap in bytes: a run (Run*,
	// Eval, Call) during which the collector finds more live heap than
	// that is stopped with a ScriptError of KindMemoryLimit whose cause is
	// a *MemoryLimitError (errors.Is(err, ErrMemoryLimit)). The heap is the
	// process's: a host running several runtimes at once bounds them
	// together. While such a run is in progress the process's soft memory
	// limit (debug.SetMemoryLimit) is set an eighth above the bound, so the
	// collector checks in time; it is put back afterwards. A single
	// allocation bigger than the machine's memory (new ArrayBuffer(2**40))
	// still ends the process: see the README's limits.
	MaxMemory int64
	// OnMemoryLimit, if set, is called (on a goroutine of its own) when a
	// run passes MaxMemory, as the run is being stopped: a CLI can end the
	// process if the script is inside a long native call that cannot be
	// interrupted.
	OnMemoryLimit func(*MemoryLimitError)
	// Location, if set, is an http(s) URL that becomes the read-only global
	// location (as Deno's --location): fetch, Request and Response.redirect
	// resolve relative URLs against it. Without it relative URLs are errors.
	Location string
	// Trace, if set, receives a timeline of the run's tasks and awaits in
	// the Trace Event Format (JSON that Perfetto and chrome://tracing
	// open; see package trace), completed when the runtime is closed.
	Trace io.Writer
}

// Runtime is one JavaScript runtime with its event loop.
type Runtime struct {
	opts   Options
	vm     *goja.Runtime
	loop   *eventloop.Loop
	env    *bindings.Env
	dir    string
	mods   *moduleTable
	ld     *loader
	closed bool
	mu     sync.Mutex

	exitCode int
	failure  error // set by Fatal / rejection policy during a run
	mainFile string
	// taskSite describes the timer callback running now (--debug only).
	taskSite     string
	taskSiteTurn uint64
	// busy counts public calls in progress; interruptReq is an Interrupt
	// that arrived during one (see runLoop).
	busy         atomic.Int32
	interruptReq atomic.Bool
	// shutdown is set by Shutdown, so the run's end is reported as such.
	shutdown atomic.Bool
	// mainTask is the main module's task record (for Shutdown).
	mainTask *bindings.TaskRef
	// mainExports is the namespace of the last main module run.
	mainExports *goja.Object
	sources     *sourceCache
	timers      *timerTable
	tracer      *trace.Tracer // nil unless Options.Trace
}

// New creates a runtime. Close it when done.
func New(opts Options) (*Runtime, error) {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.Stdin == nil {
		opts.Stdin = eofReader{}
	}
	dir := opts.Dir
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("runtime: %w", err)
	}
	r := &Runtime{opts: opts, dir: abs, sources: newSourceCache()}
	r.vm = goja.New()
	r.vm.SetFieldNameMapper(goja.UncapFieldNameMapper())
	stack := opts.MaxCallStackSize
	if stack == 0 {
		stack = 10000
	}
	r.vm.SetMaxCallStackSize(stack)
	lopts := eventloop.Options{
		VirtualTime:          opts.VirtualTime,
		TimeOrigin:           opts.TimeOrigin,
		OnUnhandledRejection: r.onUnhandledRejection,
	}
	if opts.Debug {
		lopts.SlowTaskThreshold = 100 * time.Millisecond
		lopts.OnSlowTask = r.warnSlowTask
	}
	r.loop = eventloop.New(r.vm, lopts)
	perms := opts.Permissions
	if perms == nil {
		perms = &Permissions{}
	}
	args := append([]string{"arun"}, opts.Args...)
	r.env = bindings.NewEnv(r.loop, bindings.Host{
		Stdout: opts.Stdout, Stderr: opts.Stderr, Stdin: opts.Stdin,
		Env: opts.Env, Args: args, HTTPClient: opts.HTTPClient,
		Perms: perms, Debug: opts.Debug, MaxConcurrentOps: opts.MaxConcurrentOps,
	})
	if opts.Trace != nil {
		r.tracer = trace.New(opts.Trace, r.loop.Now)
		r.env.SetTracer(r.tracer)
	}
	r.env.SetFatal(r.fatal)
	r.env.SetDeadlockReporter(func(msg string, waiting []string) {
		if r.failure == nil {
			r.failure = &ScriptError{Kind: KindDeadlock, Message: msg, Waiting: waiting}
			r.loop.Stop(r.failure)
		}
	})
	r.mods = newModuleTable(r, allModules(), opts.Modules)
	moduleRoot := opts.ModuleRoot
	if moduleRoot != "" && !filepath.IsAbs(moduleRoot) {
		moduleRoot = filepath.Join(abs, moduleRoot)
	}
	r.ld = newLoader(r, newModFS(perms, moduleRoot, abs))
	r.sources.read = func(p string) ([]byte, error) {
		_, b, err := r.ld.fs.readFile(p)
		return b, err
	}
	r.env.SetRequire(func(name string) (goja.Value, error) { return r.ld.require(r.dir, name) })
	if err := r.installGlobals(); err != nil {
		return nil, err
	}
	if opts.Location != "" {
		if err := installLocation(r.vm, opts.Location); err != nil {
			return nil, err
		}
	}
	for _, g := range opts.Globals {
		if err := g(r.env); err != nil {
			return nil, fmt.Errorf("runtime: installing globals: %w", err)
		}
	}
	if err := installWorkers(r.env, r); err != nil {
		return nil, fmt.Errorf("runtime: workers: %w", err)
	}
	return r, nil
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// Env returns the bindings environment (for extension authors; see package
// bindings). Use it only from Go functions called by scripts.
func (r *Runtime) Env() *bindings.Env { return r.env }

// VM returns the goja runtime. Use it only from Go functions called by
// scripts, or between runs.
func (r *Runtime) VM() *goja.Runtime { return r.vm }

// Loop returns the runtime's event loop.
func (r *Runtime) Loop() *eventloop.Loop { return r.loop }

// ExitCode is the status the script asked for with process.exitCode or
// process.exit (0 if it did not).
func (r *Runtime) ExitCode() int { return r.exitCode }

// Close stops everything in flight and releases the runtime: it cancels
// the context of every Go function in flight (AsyncFunc and SetAsync
// functions, file and network operations, asyncio.toThread work) and
// waits until each has returned, so that none is left running. A Go
// function that ignores its context keeps Close waiting as long as it
// runs; CloseContext bounds that wait. Close is idempotent (a later call
// waits again for what is still running) and must not be called from one
// of those Go functions.
func (r *Runtime) Close() error { return r.CloseContext(context.Background()) }

// CloseContext is Close waiting at most until ctx is done; it then returns
// an error saying how many Go functions are still running. Those run on to
// their end with their context cancelled, their results dropped; a later
// Close waits for them.
func (r *Runtime) CloseContext(ctx context.Context) error {
	r.mu.Lock()
	first := !r.closed
	r.closed = true
	r.mu.Unlock()
	if first {
		r.closeWorkers()
	}
	err := r.loop.CloseContext(ctx)
	if first && r.tracer != nil {
		if terr := r.tracer.Close(); terr != nil && err == nil {
			return fmt.Errorf("runtime: writing the trace: %w", terr)
		}
	}
	if err != nil {
		return fmt.Errorf("runtime: %w", err)
	}
	return nil
}

// Interrupt stops the running script (an infinite loop included): the
// current Run or Eval returns an error wrapping ErrInterrupted. Safe from any
// goroutine.
func (r *Runtime) Interrupt() {
	if r.busy.Load() > 0 {
		// remembered too, for an interrupt that lands while the source is
		// being bundled, before the loop runs
		r.interruptReq.Store(true)
	}
	r.loop.Interrupt(ErrInterrupted)
}

// runLoop runs the loop for one call of the public API, honouring an
// Interrupt that arrived before the loop started.
func (r *Runtime) runLoop(ctx context.Context, start eventloop.Task) error {
	r.busy.Add(1)
	defer r.busy.Add(-1)
	r.shutdown.Store(false)
	defer r.interruptReq.Store(false)
	if r.opts.MaxMemory > 0 {
		defer watchMemory(uint64(r.opts.MaxMemory), r.memoryExceeded)()
	}
	return r.loop.Run(ctx, func() error {
		if r.interruptReq.Swap(false) {
			return ErrInterrupted
		}
		return start()
	})
}

// memoryExceeded stops the run that passed Options.MaxMemory (on the
// memory watcher's goroutine).
func (r *Runtime) memoryExceeded(heap uint64) {
	err := &MemoryLimitError{Limit: uint64(r.opts.MaxMemory), Heap: heap}
	r.loop.Interrupt(err)
	if f := r.opts.OnMemoryLimit; f != nil {
		go f(err)
	}
}

// Shutdown asks the running script to stop gracefully, as SIGINT does in
// the CLI: every asyncio task and the main module are cancelled (a
// CancelledError is thrown where each awaits, so finally blocks run),
// servers shut down, and the run ends when what is left finishes. Safe from
// any goroutine; it does nothing if no run is active.
func (r *Runtime) Shutdown() {
	r.loop.Submit(func() error {
		r.shutdown.Store(true)
		reason := r.cancelledError("shutting down")
		if r.mainTask != nil {
			r.mainTask.Cancel(reason)
		}
		r.env.RunShutdown(reason)
		return nil
	})
}

// cancelledError makes an asyncio.CancelledError.
func (r *Runtime) cancelledError(msg string) goja.Value {
	return r.env.NewCancelledError(msg)
}

// ErrShutdown is the cause of a run that ended with the CancelledError
// Shutdown delivered (its kind is KindInterrupted).
var ErrShutdown = errors.New("runtime: shut down")

// ErrCancelled is the cause of a ScriptError whose exception is an
// asyncio.CancelledError (errors.Is(err, runtime.ErrCancelled)): a
// cancellation nobody caught.
var ErrCancelled = errors.New("runtime: cancelled")

// ErrInterrupted is the cause of a run stopped by Interrupt.
var ErrInterrupted = errors.New("runtime: interrupted")

// ErrClosed is returned by calls on a closed runtime.
var ErrClosed = errors.New("runtime: closed")

// RunFile runs the file at path (relative to Options.Dir) as the main module
// until the loop has nothing left to do.
func (r *Runtime) RunFile(ctx context.Context, path string) error {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(r.dir, path)
	}
	if _, err := os.Stat(abs); err != nil {
		return &ScriptError{Kind: KindLoad, Message: fmt.Sprintf("cannot read %s: %v", path, unwrapPathErr(err)), Cause: err}
	}
	r.mainFile = abs
	return r.runMain(ctx, abs, nil)
}

// RunString runs src as the main module, as if it were a file named name in
// Options.Dir (the extension picks the syntax: .ts for TypeScript).
func (r *Runtime) RunString(ctx context.Context, name, src string) error {
	if name == "" {
		name = "[eval].js"
	}
	abs := name
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(r.dir, name)
	}
	return r.runMain(ctx, abs, &src)
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *Runtime) runCtx(ctx context.Context) (context.Context, context.CancelFunc) {
	if ctx == nil {
		ctx = context.Background()
	}
	if r.opts.Timeout > 0 {
		return context.WithTimeout(ctx, r.opts.Timeout)
	}
	return context.WithCancel(ctx)
}

// runMain bundles and runs a main module.
func (r *Runtime) runMain(ctx context.Context, abs string, src *string) error {
	if r.isClosed() {
		return ErrClosed
	}
	r.busy.Add(1)
	defer r.busy.Add(-1)
	r.ld.fs.setMain(filepath.Dir(abs))
	if src == nil {
		if _, err := r.ld.fs.access(abs); err != nil {
			return &ScriptError{Kind: KindLoad, Message: "PermissionDenied: " + err.Error(), File: r.displayPath(abs), Cause: err}
		}
	}
	r.ld.setMain(abs, nil)
	if script := r.ld.plainScript(abs, src); script != nil {
		return r.runScript(ctx, abs, script)
	}
	prog, err := r.ld.buildMain(abs, src)
	if err != nil {
		return err
	}
	ctx, cancel := r.runCtx(ctx)
	defer cancel()
	var mainPromise *goja.Promise
	r.failure = nil
	err = r.runLoop(ctx, func() error {
		fnv, err := r.vm.RunProgram(prog)
		if err != nil {
			return err
		}
		fn, ok := goja.AssertFunction(fnv)
		if !ok {
			return errors.New("runtime: internal error: main module wrapper is not a function")
		}
		mod := r.vm.NewObject()
		exports := r.vm.NewObject()
		_ = mod.Set("exports", exports)
		r.ld.setMain(abs, mod)
		req := r.ld.requireFunc(filepath.Dir(abs))
		setExports := r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
			if o, ok := call.Argument(0).(*goja.Object); ok {
				r.mainExports = o
			}
			return goja.Undefined()
		})
		// The main module runs as a task of its own, so that Shutdown can
		// cancel what it awaits and its finally blocks run.
		r.mainTask = &bindings.TaskRef{}
		if r.tracer != nil {
			r.tracer.TaskStart(r.mainTask, nil, "main module", filepath.Base(abs))
		}
		prev := r.env.SetCurrentTask(r.mainTask)
		res, err := fn(goja.Undefined(), req, mod, exports, r.vm.ToValue(abs), r.vm.ToValue(filepath.Dir(abs)), setExports)
		r.env.RestoreCurrent(prev)
		if err != nil {
			return err
		}
		if p, ok := res.Export().(*goja.Promise); ok {
			mainPromise = p
			r.watchMain(res)
		}
		return nil
	})
	err = r.finishRun(ctx, err, mainPromise)
	if r.tracer != nil && r.mainTask != nil {
		out := bindings.Resolved
		if err != nil {
			out = bindings.Rejected
		}
		r.tracer.TaskEnd(r.mainTask, "main module", out)
	}
	return err
}

// runScript runs a main module that goja compiled as it is (see
// loader.plainScript), with CommonJS's names as globals.
func (r *Runtime) runScript(ctx context.Context, abs string, prog *goja.Program) error {
	ctx, cancel := r.runCtx(ctx)
	defer cancel()
	r.failure = nil
	err := r.runLoop(ctx, func() error {
		vm := r.vm
		mod := vm.NewObject()
		exports := vm.NewObject()
		_ = mod.Set("exports", exports)
		r.ld.setMain(abs, mod)
		g := vm.GlobalObject()
		for name, v := range map[string]goja.Value{
			"require": r.ld.requireFunc(filepath.Dir(abs)), "module": mod, "exports": exports,
			"__filename": vm.ToValue(abs), "__dirname": vm.ToValue(filepath.Dir(abs)),
		} {
			_ = g.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
		if _, err := vm.RunProgram(prog); err != nil {
			return err
		}
		if o, ok := mod.Get("exports").(*goja.Object); ok {
			r.mainExports = o
		}
		return nil
	})
	return r.finishRun(ctx, err, nil)
}

// warnSlowTask is the --debug warning for a callback that held the loop.
func (r *Runtime) warnSlowTask(d time.Duration) {
	where := r.taskSite
	if r.taskSiteTurn != r.loop.Executed() || where == "" {
		where = "the main module or an I/O callback"
	}
	fmt.Fprintf(r.opts.Stderr, "warning: a callback held the event loop for %v (%s); move CPU-bound work to asyncio.toWorker\n",
		d.Round(time.Millisecond), where)
}

// watchMain stops the loop with the main module's rejection, whatever the
// rejection policy.
func (r *Runtime) watchMain(p goja.Value) {
	obj := p.ToObject(r.vm)
	then, _ := goja.AssertFunction(obj.Get("then"))
	onReject := r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		r.fatal(call.Argument(0))
		return goja.Undefined()
	})
	_, _ = then(obj, goja.Undefined(), onReject)
}

func (r *Runtime) isClosed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closed
}

// fatal stops the run with v as an uncaught error.
func (r *Runtime) fatal(v goja.Value) {
	if r.failure != nil {
		return
	}
	r.failure = r.scriptError(KindUncaught, v)
	r.loop.Stop(r.failure)
}

func (r *Runtime) onUnhandledRejection(reason goja.Value) error {
	switch r.opts.UnhandledRejections {
	case RejectNone:
		return nil
	case RejectWarn:
		se := r.scriptError(KindUnhandledRejection, reason)
		fmt.Fprintf(r.opts.Stderr, "warning: %s\n", se.Report())
		return nil
	}
	return r.scriptError(KindUnhandledRejection, reason)
}

// finishRun maps the loop's result to the run's error.
func (r *Runtime) finishRun(ctx context.Context, err error, main *goja.Promise) error {
	r.readExitCode()
	if err == nil && main != nil && main.State() == goja.PromiseStatePending {
		return r.deadlock()
	}
	if err == nil {
		return nil
	}
	r.timers.forget()
	var ee *ExitError
	if errors.As(err, &ee) {
		r.exitCode = ee.Code
		return err
	}
	var se *ScriptError
	if errors.As(err, &se) {
		if r.shutdown.Load() && se.Kind == KindUncaught && errors.Is(se, ErrCancelled) {
			// the cancellation Shutdown delivered, not caught: a clean stop
			se.Kind, se.Cause = KindInterrupted, errors.Join(ErrShutdown, ErrCancelled)
		}
		return se
	}
	var me *MemoryLimitError
	if errors.As(err, &me) {
		r.releaseStack()
		return &ScriptError{Kind: KindMemoryLimit, Message: me.Error(), Cause: me}
	}
	if ctx.Err() != nil {
		cause := context.Cause(ctx)
		if errors.Is(cause, context.DeadlineExceeded) {
			return r.stoppedAt(&ScriptError{Kind: KindTimeout, Message: "script timed out", Cause: context.DeadlineExceeded}, err)
		}
		if errors.Is(cause, ErrInterrupted) {
			return r.stoppedAt(&ScriptError{Kind: KindInterrupted, Message: "interrupted", Cause: ErrInterrupted}, err)
		}
		return r.stoppedAt(&ScriptError{Kind: KindInterrupted, Message: "cancelled: " + cause.Error(), Cause: cause}, err)
	}
	if errors.Is(err, ErrInterrupted) {
		return r.stoppedAt(&ScriptError{Kind: KindInterrupted, Message: "interrupted", Cause: ErrInterrupted}, err)
	}
	if errors.Is(err, eventloop.ErrClosed) {
		return &ScriptError{Kind: KindInterrupted, Message: "runtime closed", Cause: ErrClosed}
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return r.scriptError(KindUncaught, ex.Value())
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		return &ScriptError{Kind: KindUncaught, Message: "RangeError: Maximum call stack size exceeded", Cause: err}
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		return r.stoppedAt(&ScriptError{Kind: KindInterrupted, Message: "interrupted", Cause: ErrInterrupted}, err)
	}
	return &ScriptError{Kind: KindUncaught, Message: err.Error(), Cause: err}
}

// stoppedAt gives se, the error of a run stopped by a timeout or an
// interrupt, the place the script was running when it was stopped (the
// stack of the engine's interrupt in err): its position, code frame and
// stack. A run stopped while no script ran (waiting for a timer or I/O)
// has none.
func (r *Runtime) stoppedAt(se *ScriptError, err error) *ScriptError {
	var ie *goja.InterruptedError
	if !errors.As(err, &ie) {
		return se
	}
	var b bytes.Buffer
	for _, f := range ie.Stack() {
		b.WriteString("at ")
		f.Write(&b)
		b.WriteByte('\n')
	}
	var frames []string
	for _, line := range strings.Split(bindings.CleanStack(b.String()), "\n") {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "at ") {
			frames = append(frames, "    "+line)
		}
	}
	se.File, se.Line, se.Column = userFrame(frames)
	if se.Line == 0 {
		return se
	}
	se.Stack = r.relativeStack(strings.Join(frames, "\n"))
	se.Frame = r.sources.frame(se.File, se.Line, se.Column)
	se.File = r.displayPath(se.File)
	return se
}

// releaseStack drops what the frames of an interrupted call left in
// goja's value stack: an outermost call does not clear it, so the heap
// that stopped a run would stay live until later runs overwrite it. A
// nested run clears the stack above its own frame as it returns.
func (r *Runtime) releaseStack() {
	nested := r.vm.ToValue(func(goja.FunctionCall) goja.Value {
		_, _ = r.vm.RunString("undefined")
		return goja.Undefined()
	})
	if fn, ok := goja.AssertFunction(nested); ok {
		_, _ = fn(goja.Undefined())
	}
}

func (r *Runtime) readExitCode() {
	p := r.vm.Get("process")
	if p == nil || goja.IsUndefined(p) {
		return
	}
	v := p.ToObject(r.vm).Get("exitCode")
	if v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		r.exitCode = int(v.ToInteger())
	}
}

func (r *Runtime) deadlock() error {
	waiting := r.env.DescribeWaiting()
	se := &ScriptError{Kind: KindDeadlock, Message: "deadlock: the main module is waiting, but nothing is left that could wake it (no timers, no I/O in flight)"}
	if len(waiting) == 0 {
		waiting = []string{"the main module, on a promise nothing will settle"}
	}
	se.Waiting = waiting
	return se
}

// StartTrace begins a timeline of tasks into w from now on, as
// Options.Trace does for a whole run; StopTrace ends it and completes w.
// Call both on the loop's goroutine (in a Session's Do, or between runs).
// A trace already in progress is an error.
func (r *Runtime) StartTrace(w io.Writer) error {
	if r.tracer != nil {
		return errors.New("runtime: a trace is already being written")
	}
	r.tracer = trace.New(w, r.loop.Now)
	r.env.SetTracer(r.tracer)
	return nil
}

// StopTrace ends the trace StartTrace (or Options.Trace) began: what is
// still open ends now, marked unfinished. It returns the first error
// writing the trace; with no trace in progress it is an error.
func (r *Runtime) StopTrace() error {
	if r.tracer == nil {
		return errors.New("runtime: no trace is being written")
	}
	t := r.tracer
	r.tracer = nil
	r.env.SetTracer(nil)
	if err := t.Close(); err != nil {
		return fmt.Errorf("runtime: writing the trace: %w", err)
	}
	return nil
}
