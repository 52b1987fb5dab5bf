package bindings

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// Child processes: the part asyncio's subprocess API and child_process
// share. StartChild checks the run permission, resolves the program on the
// PATH the child will see, starts it in arun's own process group (so a
// terminal's Ctrl-C reaches it as it reaches arun) and registers it with
// the runtime; Wait reaps it off the loop. A child still running when the
// run of the loop ends is killed and reaped, so no child outlives a run as
// a zombie and no goroutine is left waiting for one.

// PermRun is the permission to start programs (Deno's --allow-run): the
// target is the program as the script named it.
const PermRun PermissionKind = "run"

// ChildSpec is what to start.
type ChildSpec struct {
	// Program is the program as the script named it: a path, or a name
	// looked up on the child's PATH.
	Program string
	// Argv0 is the child's argv[0]; "" means Program.
	Argv0 string
	// Args are the arguments after argv[0].
	Args []string
	// Dir is the working directory; "" means the script's (process.cwd()).
	Dir string
	// Env is the child's environment ("K=V"); nil means the script's
	// process.env (Host.Env).
	Env []string
	// Stdin, Stdout and Stderr are the child's descriptors 0-2: an
	// *os.File is passed as it is; another io.Reader or io.Writer is
	// copied by os/exec's goroutines; nil is /dev/null.
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Setpgid starts the child in a process group of its own (Node's
	// detached).
	Setpgid bool
	// Verbatim is Node's windowsVerbatimArguments: on Windows the command
	// line is argv0 and Args joined by spaces, none quoted (what cmd.exe
	// /d /s /c "..." needs); elsewhere it changes nothing.
	Verbatim bool
}

// Child is a started child process. Its fields are read on the loop.
type Child struct {
	env *Env
	reg *children
	cmd *exec.Cmd
	// Pid is the child's process id.
	Pid int
	// Path is the program file that runs.
	Path string

	mu          sync.Mutex // guards exited and interrupted (other goroutines signal)
	exited      bool
	interrupted bool
	//lint:ignore U1000 the platform's part (used on Windows), guarded by mu
	sys  childSys
	stop func() bool
}

// children is a runtime's set of running children. It has its own lock:
// the CLI forwards signals to them from its signal goroutine.
type children struct {
	mu  sync.Mutex
	set map[*Child]struct{}
}

func (e *Env) children() *children { return &e.kids }

// InterruptChildren is called when the host got SIGINT: it marks every
// running child as interrupted and, with forward, sends it SIGINT too (a
// terminal's Ctrl-C reaches the whole foreground process group, children
// included; a SIGINT sent to arun alone does not). An interrupted child is
// not killed by the cancellation of the task awaiting it (KillOnCancel):
// it is left to end by its own SIGINT handling, and is killed only
// InterruptGrace after the run has ended. It returns how many children it
// marked. It may be called from any goroutine.
func (e *Env) InterruptChildren(forward bool) int {
	c := &e.kids
	c.mu.Lock()
	list := make([]*Child, 0, len(c.set))
	for ch := range c.set {
		list = append(list, ch)
	}
	c.mu.Unlock()
	n := 0
	for _, ch := range list {
		ch.mu.Lock()
		if !ch.exited {
			ch.interrupted = true
			n++
			if forward {
				_ = ch.signal(syscall.SIGINT)
			}
		}
		ch.mu.Unlock()
	}
	return n
}

// KillOnCancel is what cancelling the task that awaits the child does:
// SIGKILL, unless the child was interrupted by a SIGINT (see
// InterruptChildren), which it is left to handle.
func (c *Child) KillOnCancel() {
	c.mu.Lock()
	interrupted := c.interrupted
	c.mu.Unlock()
	if !interrupted {
		_ = c.Signal(syscall.SIGKILL)
	}
}

// Cwd is the script's working directory: process.cwd() now.
func (e *Env) Cwd() (string, error) {
	vm := e.VM
	p := vm.Get("process")
	if p == nil || goja.IsUndefined(p) || goja.IsNull(p) {
		return "", errors.New("no process object to take the working directory from")
	}
	obj := p.ToObject(vm)
	fn, ok := goja.AssertFunction(obj.Get("cwd"))
	if !ok {
		return "", errors.New("process.cwd is not a function")
	}
	v, err := fn(obj)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

// HostEnviron is Host.Env as a sorted "K=V" list (a child's default
// environment).
func (e *Env) HostEnviron() []string {
	out := make([]string, 0, len(e.Env))
	for k, v := range e.Env {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// spawnError is Node's error for a program that cannot be started:
// "spawn git ENOENT" with code, errno, syscall, path.
func spawnError(program string, err error) *Error {
	code, errno := "ENOENT", -int(syscall.ENOENT)
	switch {
	case errors.Is(err, fs.ErrPermission):
		code, errno = "EACCES", -int(syscall.EACCES)
	case errors.Is(err, syscall.ENOTDIR):
		code, errno = "ENOTDIR", -int(syscall.ENOTDIR)
	case errors.Is(err, syscall.ENOEXEC):
		code, errno = "ENOEXEC", -int(syscall.ENOEXEC)
	case !errors.Is(err, fs.ErrNotExist):
		return &Error{Message: "spawn " + program + ": " + err.Error(), Cause: err,
			Props: map[string]any{"syscall": "spawn " + program, "path": program}}
	}
	return &Error{Code: code, Message: "spawn " + program + " " + code, Cause: err,
		Props: map[string]any{"errno": errno, "syscall": "spawn " + program, "path": program}}
}

// StartChild checks PermRun on spec.Program, starts it and registers it.
// It runs on the loop. The error is a *PermissionError, a spawn error (an
// *Error with code ENOENT, EACCES...) or a bad argument.
func (e *Env) StartChild(spec ChildSpec) (*Child, error) {
	if strings.IndexByte(spec.Program, 0) >= 0 {
		return nil, &Error{Name: "TypeError", Code: "ERR_INVALID_ARG_VALUE", Message: "the program must be a string without null bytes"}
	}
	for _, a := range spec.Args {
		if strings.IndexByte(a, 0) >= 0 {
			return nil, &Error{Name: "TypeError", Code: "ERR_INVALID_ARG_VALUE", Message: "the arguments must be strings without null bytes"}
		}
	}
	if err := e.Check(PermRun, spec.Program); err != nil {
		return nil, err
	}
	dir := spec.Dir
	if dir == "" || !filepath.IsAbs(dir) {
		wd, err := e.Cwd()
		if err != nil {
			return nil, fmt.Errorf("spawn %s: %w", spec.Program, err)
		}
		dir = filepath.Join(wd, dir)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		// Node reports a bad cwd as the program's ENOENT
		if err == nil {
			err = syscall.ENOTDIR
		}
		return nil, spawnError(spec.Program, err)
	}
	env := spec.Env
	if env == nil {
		env = e.HostEnviron()
	}
	path, err := LookPath(spec.Program, dir, env)
	if err != nil {
		return nil, err
	}
	argv0 := spec.Argv0
	if argv0 == "" {
		argv0 = spec.Program
	}
	cmd := &exec.Cmd{
		Path:   path,
		Args:   append([]string{argv0}, spec.Args...),
		Dir:    dir,
		Env:    env,
		Stdin:  spec.Stdin,
		Stdout: spec.Stdout,
		Stderr: spec.Stderr,
		// os/exec's copying goroutines (a Stdin or Stdout that is not a
		// file) may outlive the child when a grandchild keeps the pipe
		WaitDelay: waitDelay,
	}
	if spec.Setpgid {
		cmd.SysProcAttr = detachedAttr()
	}
	if spec.Verbatim {
		cmd.SysProcAttr = verbatimAttr(cmd.SysProcAttr, cmd.Args)
	}
	if err := cmd.Start(); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, spawnError(spec.Program, err)
	}
	reg := e.children()
	ch := &Child{env: e, reg: reg, cmd: cmd, Pid: cmd.Process.Pid, Path: path}
	reg.mu.Lock()
	if reg.set == nil {
		reg.set = map[*Child]struct{}{}
	}
	reg.set[ch] = struct{}{}
	reg.mu.Unlock()
	// the run ending kills a child still running (Wait then reaps it); an
	// interrupted one first gets InterruptGrace to end by itself
	ch.stop = context.AfterFunc(e.Context(), func() {
		ch.mu.Lock()
		interrupted := ch.interrupted
		ch.mu.Unlock()
		if interrupted {
			time.AfterFunc(InterruptGrace, func() { _ = ch.Signal(syscall.SIGKILL) })
			return
		}
		_ = ch.Signal(syscall.SIGKILL)
	})
	return ch, nil
}

// waitDelay bounds how long Wait waits for the copying of a non-file
// stdio after the child has exited.
const waitDelay = 2 * time.Second

// InterruptGrace is how long a child interrupted by a SIGINT (see
// InterruptChildren) may go on after the run has ended before it is
// killed: the time to finish its own cleanup, as after a terminal's
// Ctrl-C. Closing the runtime waits for it.
const InterruptGrace = 2 * time.Second

// ErrChildExited is Signal's error for a child that has exited.
var ErrChildExited = errors.New("bindings: the child process has exited")

// Signal sends sig to the child, unless it has exited (then
// ErrChildExited: its pid may belong to another process by now).
func (c *Child) Signal(sig os.Signal) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.exited {
		return ErrChildExited
	}
	return c.signal(sig)
}

// Exited reports whether the child has been reaped.
func (c *Child) Exited() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.exited
}

// ExitStatus is how a child ended: Code for a normal exit, or Signal (a
// name such as "SIGKILL") and its number for a death by signal (Code is
// then minus the number, as Python's returncode).
type ExitStatus struct {
	Code      int
	Signal    string
	SignalNum int
}

// Wait reaps the child on a goroutine (which keeps the loop alive: a
// running child is work in flight) and calls done on the loop with how it
// ended. Call it once, right after StartChild.
func (c *Child) Wait(done func(ExitStatus)) {
	e := c.env
	cmd := c.cmd
	// not e.Context(): the child must be reaped even if the run ends
	// first (the AfterFunc of StartChild kills it then); Loop.Close waits
	// for this goroutine
	e.Loop.Go(context.Background(), func(context.Context) eventloop.Task {
		st := c.reap(cmd)
		return func() error {
			done(st)
			return nil
		}
	})
}

// WaitSync reaps the child on a goroutine and calls done there: for the
// functions that block the loop until the child ends (spawnSync). Call it
// once, instead of Wait.
func (c *Child) WaitSync(done func(ExitStatus)) {
	go func() { done(c.reap(c.cmd)) }()
}

// reap waits for the child and unregisters it.
func (c *Child) reap(cmd *exec.Cmd) ExitStatus {
	_ = cmd.Wait()
	c.mu.Lock()
	c.exited = true
	c.mu.Unlock()
	reg := c.reg
	reg.mu.Lock()
	delete(reg.set, c)
	reg.mu.Unlock()
	c.stop()
	return c.statusOf(cmd.ProcessState)
}
