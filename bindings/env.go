// Package bindings is the contract between arun's runtime and the Go code
// that gives scripts their APIs (the packages under bindings/).
//
// A binding is a Module: a name scripts resolve with require or import, and
// an Init function that fills in its exports. Global installs globals. Both
// receive the per-runtime *Env, which carries the event loop, the injected
// host I/O, the permissions and the shared services bindings need from each
// other without importing each other: the current asyncio task (for
// cancellation), Waiters (runtime-owned promises that a cancelled task
// rejects), Async (blocking Go work turned into a promise), child processes
// (StartChild, shared by asyncio's subprocesses and child_process), host
// functions run off the loop (ToThread) and JS error construction.
//
// # Platforms
//
// Signals, process groups and how a program is found differ between POSIX
// and Windows: child_unix.go and child_windows.go hold the differences
// (Windows has no signals; as libuv, SIGINT, SIGTERM, SIGKILL and SIGQUIT
// terminate a child there), child_signals.go and lookpath.go the rules as
// plain functions so that both platforms' are tested everywhere.
// NodePlatform and NodeArch are Node's names for GOOS and GOARCH.
//
// # Goroutine rules
//
// Everything on Env runs on the loop goroutine, except what the work function
// passed to Async does, which runs on its own goroutine and must not touch
// goja values.
package bindings

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// Module is a built-in module resolvable by name from scripts.
type Module struct {
	// Name is what scripts pass to require or import ("asyncio", "arun:html").
	Name string
	// Aliases are other names for the same module ("node:fs/promises").
	Aliases []string
	// Init fills module.exports (or replaces it). It runs once per runtime,
	// on the first require of the module.
	Init func(env *Env, module *goja.Object) error
}

// Global installs global names when a runtime starts.
type Global func(env *Env) error

// Host is what the embedding program injects; every field may be nil.
type Host struct {
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	// Env is the environment visible to process.env (subject to permissions).
	Env map[string]string
	// Args is process.argv.
	Args []string
	// HTTPClient is used by fetch; nil means a client of the runtime's own.
	HTTPClient *http.Client
	// Perms answers permission checks; nil denies nothing.
	Perms Permissions
	// Debug enables the --debug diagnostics.
	Debug bool
	// MaxConcurrentOps caps the Go work of Async in flight at once (file
	// operations, host AsyncFuncs); the rest wait in call order. 0 means no
	// cap.
	MaxConcurrentOps int
}

// Env is one runtime's environment, shared by all bindings.
type Env struct {
	Loop *eventloop.Loop
	VM   *goja.Runtime
	Host

	require   func(name string) (goja.Value, error)
	values    map[any]any
	tasks     taskState
	ops       opState
	fatal     func(v goja.Value)
	deadlock  []func() []string
	shutdown  []func(reason goja.Value)
	resources ResourceTracker
	kids      children // the running child processes (child.go)
	tracer    Tracer   // nil: tracing off (trace.go)

	deadlockReport func(msg string, waiting []string)

	cancelled, cancelledProto *goja.Object // CancelledError and its prototype
}

// NewEnv creates the environment for loop's runtime. The runtime calls this;
// bindings receive the result.
func NewEnv(loop *eventloop.Loop, host Host) *Env {
	if host.Stdout == nil {
		host.Stdout = io.Discard
	}
	if host.Stderr == nil {
		host.Stderr = io.Discard
	}
	if host.Env == nil {
		host.Env = map[string]string{}
	}
	e := &Env{Loop: loop, VM: loop.VM(), Host: host, values: map[any]any{}}
	e.tasks.init(e)
	return e
}

// Value returns the per-runtime value stored under key (see SetValue).
// Bindings use private key types, like context.Context values.
func (e *Env) Value(key any) any { return e.values[key] }

// SetValue stores a per-runtime value under key.
func (e *Env) SetValue(key, v any) { e.values[key] = v }

// SetRequire is called by the runtime to give bindings a way to load other
// modules by name (see Require).
func (e *Env) SetRequire(f func(name string) (goja.Value, error)) { e.require = f }

// Require loads a module as the script's require would.
func (e *Env) Require(name string) (goja.Value, error) {
	if e.require == nil {
		return nil, &Error{Name: "Error", Code: "ERR_MODULE_NOT_FOUND", Message: "cannot find module '" + name + "'"}
	}
	return e.require(name)
}

// Context is the context for Go work started now: cancelled when the current
// run of the loop ends.
func (e *Env) Context() context.Context { return e.Loop.Context() }

// Permissions decides whether an operation is allowed. Check returns nil or
// an error (a *PermissionError) naming the permission and target.
type Permissions interface {
	Check(kind PermissionKind, target string) error
}

// PermissionKind names a permission of contract section 9.
type PermissionKind string

// The permission kinds.
const (
	PermRead  PermissionKind = "read"
	PermWrite PermissionKind = "write"
	PermNet   PermissionKind = "net"
	PermEnv   PermissionKind = "env"
)

// Check asks the host's permissions; nil Perms allows everything.
func (e *Env) Check(kind PermissionKind, target string) error {
	if e.Perms == nil {
		return nil
	}
	return e.Perms.Check(kind, target)
}

// Confiner is implemented by Permissions that confine file access to their
// grants (runtime.Permissions does). Confine checks kind on path (absolute
// and cleaned) and returns where to do the I/O: the directory of the grant
// that covers path, opened as an os.Root, and path inside it. With follow,
// path is resolved through symlinks to the end (open, stat); without, its
// last component is kept as it is (lstat, unlink, rename, symlink), so a
// link inside a grant can be removed whatever it points to. A denied path
// is a *PermissionError and nothing is opened.
type Confiner interface {
	Confine(kind PermissionKind, path string, follow bool) (Place, error)
}

// Place is where a file operation on one path runs: through Root at Rel,
// which no rename or symlink can make reach outside Root, or, when Root is
// nil (the kind is granted everywhere, or the host's Permissions do not
// confine), at Path with plain os calls.
type Place struct {
	// Root is the covering grant's directory; nil means unconfined.
	Root *os.Root
	// Rel is the path inside Root ("." for Root itself), resolved through
	// symlinks as Confine's follow asked.
	Rel string
	// Path is the path as checked (absolute, cleaned): what a denial names.
	Path string
	// Kind is the permission the place was granted for.
	Kind PermissionKind
}

// Close releases Root (files opened through it stay open).
func (p Place) Close() {
	if p.Root != nil {
		p.Root.Close()
	}
}

// Confine checks every kind on path and returns the place to do the I/O
// (see Confiner), on the goroutine that does it, so that nothing can
// change between the check and the open. With several kinds (a file
// opened for reading and writing) the place is the deepest of their
// grants, which the others cover. Nil Perms allows everything, unconfined;
// Permissions that are not a Confiner are asked with Check, and the place
// is unconfined. Call Close on the result.
func (e *Env) Confine(path string, follow bool, kinds ...PermissionKind) (Place, error) {
	c, ok := e.Perms.(Confiner)
	if !ok {
		for _, k := range kinds {
			if err := e.Check(k, path); err != nil {
				return Place{}, err
			}
		}
		return Place{Path: path}, nil
	}
	best := Place{Path: path}
	for i, k := range kinds {
		pl, err := c.Confine(k, path, follow)
		if err != nil {
			best.Close()
			return Place{}, err
		}
		if i == 0 || deeper(pl, best) {
			best.Close()
			best = pl
		} else {
			pl.Close()
		}
	}
	return best, nil
}

// deeper reports whether a is confined to a deeper directory than b.
func deeper(a, b Place) bool {
	return a.Root != nil && (b.Root == nil || len(a.Root.Name()) > len(b.Root.Name()))
}

// Fatal reports v (a thrown value) as an uncaught error and stops the run,
// as an exception thrown in a callback does. Bindings call it for failures
// that belong to no awaiting caller (asyncio.run's main rejecting).
func (e *Env) Fatal(v goja.Value) {
	if e.fatal != nil {
		e.fatal(v)
		return
	}
	e.Loop.Stop(&Error{Message: v.String()})
}

// SetFatal is called by the runtime to install Fatal's handler.
func (e *Env) SetFatal(f func(v goja.Value)) { e.fatal = f }

// OnDeadlock registers fn to describe, when the runtime detects a deadlock,
// what is still waiting (one entry per waiting task).
func (e *Env) OnDeadlock(fn func() []string) { e.deadlock = append(e.deadlock, fn) }

// DescribeWaiting collects the descriptions of OnDeadlock's functions.
func (e *Env) DescribeWaiting() []string {
	var out []string
	for _, f := range e.deadlock {
		out = append(out, f()...)
	}
	return out
}

// OnShutdown registers fn to run (on the loop) when the host asks the
// runtime to shut down gracefully (SIGINT, Runtime.Shutdown): cancel tasks,
// close servers, flush.
func (e *Env) OnShutdown(fn func(reason goja.Value)) { e.shutdown = append(e.shutdown, fn) }

// RunShutdown runs the OnShutdown functions with reason (the runtime calls
// it).
func (e *Env) RunShutdown(reason goja.Value) {
	for _, f := range e.shutdown {
		f(reason)
	}
}

// ResourceTracker records resources scripts open (servers, file handles,
// requests), for the test runner's leak sanitizers.
type ResourceTracker interface {
	// Track records a resource opened now (called on the loop, from a Go
	// function called by JS, so the creation stack can be captured) and
	// returns the function to call (from any goroutine) when it closes;
	// close releases it if a test leaves it open.
	Track(kind, what string, close func()) (release func())
}

// SetResourceTracker installs the tracker TrackResource reports to.
func (e *Env) SetResourceTracker(t ResourceTracker) { e.resources = t }

// TrackResource tells the resource tracker, if any, that a resource was
// opened; call the returned function when it closes. Bindings call this for
// every server, file handle and request they open.
func (e *Env) TrackResource(kind, what string, close func()) (release func()) {
	if e.resources == nil {
		return func() {}
	}
	return e.resources.Track(kind, what, close)
}

// ReportDeadlock stops the run as a deadlock (exit status 1 in the CLI):
// what is blocked (msg) and every waiting task with what it awaits.
func (e *Env) ReportDeadlock(msg string, waiting []string) {
	if e.deadlockReport != nil {
		e.deadlockReport(msg, waiting)
		return
	}
	e.Loop.Stop(&Error{Message: msg + ": " + strings.Join(waiting, "; ")})
}

// SetDeadlockReporter is called by the runtime to install ReportDeadlock's
// handler.
func (e *Env) SetDeadlockReporter(f func(msg string, waiting []string)) { e.deadlockReport = f }

// LazyGlobals defines the globals names whose values are the properties of
// the same names of the object load returns, and calls load only when a
// script first reads (or assigns) one of them, so that a runtime does not
// pay for a module it never uses. Assigning a name replaces it.
func (e *Env) LazyGlobals(names []string, load func() (*goja.Object, error)) error {
	vm := e.VM
	g := vm.GlobalObject()
	var exports *goja.Object
	materialize := func() *goja.Object {
		if exports == nil {
			ex, err := load()
			if err != nil {
				panic(e.ToJSError(err))
			}
			exports = ex
			for _, n := range names {
				_ = g.DefineDataProperty(n, ex.Get(n), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			}
		}
		return exports
	}
	for _, name := range names {
		name := name
		getter := vm.ToValue(func(goja.FunctionCall) goja.Value {
			return materialize().Get(name)
		})
		setter := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			materialize()
			_ = g.DefineDataProperty(name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			return goja.Undefined()
		})
		if err := g.DefineAccessorProperty(name, getter, setter, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return err
		}
	}
	return nil
}
