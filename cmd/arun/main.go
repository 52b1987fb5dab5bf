// Command arun runs JavaScript and TypeScript with Python-asyncio-style
// concurrency: `arun FILE [ARGS]`, `arun -e CODE`, `arun -` (or a piped
// stdin), `arun test [PATHS]`, and the REPL when stdin is a terminal.
//
// This is the only package that touches os.*, installs signal handlers and
// maps errors to exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/arun-js/arun/runtime"
	tasktrace "github.com/arun-js/arun/trace"
	"github.com/dop251/goja"
)

// Exit statuses of contract section 1.
const (
	exitOK        = 0
	exitError     = 1
	exitUsage     = 2
	exitTimeout   = 124
	exitMemory    = 134 // as Node when its heap limit is reached (SIGABRT)
	exitInterrupt = 130
	exitTerm      = 143
)

const usage = `arun - JavaScript with Python-asyncio-style concurrency

Usage:
  arun [FLAGS] FILE [ARGS...]   run FILE (.js .mjs .cjs .ts .mts) as the main module
  arun [FLAGS] -e CODE          run CODE as the main module (top-level await allowed)
  arun [FLAGS] -                read the main module from stdin (also when stdin is piped)
  arun                          the interactive REPL (on a terminal)
  arun test [FLAGS] [PATHS...]  run *_test.js / *.test.ts files (see 'arun test --help')
  arun --version | --help

Flags (before FILE):
  --virtual-time[=TIME]         virtual clock: sleeps and timers complete at once, the same
                                output and times on every run; Date starts at TIME (RFC 3339)
  --timeout DURATION            stop the whole run after DURATION (Go syntax: 10s, 2m); exit 124
  --max-memory SIZE             stop the script when its live heap passes SIZE (512M, 2G); exit 134
  --unhandled-rejections=MODE   strict (default: exit 1), warn, or none
  --trace FILE                  write a timeline of the run's tasks and awaits: FILE.json for
                                Perfetto / chrome://tracing, FILE.html for a self-contained page
  --debug                       warn about slow callbacks, unawaited promises, lost task errors
  --location URL                the global location (http/https): fetch resolves relative URLs against it
  --sandbox                     deny all permissions (grant back with the flags below)
  --allow-read[=PATHS]          allow reading files (comma-separated paths)
  --allow-write[=PATHS]         allow writing files
  --allow-net[=HOSTS]           allow network access (host or host:port, comma-separated)
  --allow-env                   allow reading the environment
  --allow-run[=PROGRAMS]        allow starting programs (names or paths, comma-separated)

Environment:
  ARUN_DEBUG=1                  as --debug
  ARUN_REPL_HISTORY=FILE        the REPL's history file (empty: none; default ~/.arun_history)
  ARUN_MIN_HEAP_MB=N            the collector's minimum heap goal (default 32; 0: none)
  GOGC=N                        Go's own collector setting; turns arun's policy off
  ARUN_CPUPROFILE=FILE          write a CPU profile of the run (go tool pprof)
  ARUN_JSPROFILE=FILE           write a profile of the script's own functions (go tool pprof)
  ARUN_TRACE=FILE               write a Go execution trace of the run (go tool trace)

Exit status: 0 done, 1 uncaught error / unhandled rejection / deadlock, 2 usage or
syntax error, 124 timeout, 130 interrupted (SIGINT), 134 --max-memory exceeded,
143 terminated (SIGTERM).
`

func main() {
	// the collector's policy (gctune.go); GOGC in the environment wins
	startGCPolicy()
	stop := startProfiles(os.Getenv, os.Stderr)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// startProfiles starts the profiles the environment (getenv) asks for:
// ARUN_CPUPROFILE is Go's CPU profile of the whole process, ARUN_JSPROFILE
// goja's sampling profile of the JavaScript functions (both for go tool
// pprof), ARUN_TRACE Go's execution trace (go tool trace: where goroutines
// wait, and for whom). The returned function stops them and closes their
// files.
func startProfiles(getenv func(string) string, stderr io.Writer) (stop func()) {
	profiles := []struct {
		env   string
		start func(io.Writer) error
		stop  func()
	}{
		{"ARUN_CPUPROFILE", pprof.StartCPUProfile, pprof.StopCPUProfile},
		{"ARUN_JSPROFILE", goja.StartProfile, goja.StopProfile},
		{"ARUN_TRACE", trace.Start, trace.Stop},
	}
	var stops []func()
	for _, p := range profiles {
		path := getenv(p.env)
		if path == "" {
			continue
		}
		f, err := os.Create(path)
		if err == nil {
			if err = p.start(f); err != nil {
				f.Close()
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "arun: %s: %v\n", p.env, err)
			continue
		}
		end := p.stop
		stops = append(stops, func() { end(); f.Close() })
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}

// config is the parsed command line.
type config struct {
	opts    runtime.Options
	timeout time.Duration
	eval    *string
	file    string
	stdin   bool
	trace   string // --trace FILE
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "test" {
		return runTests(args[1:], stdout, stderr)
	}
	cfg, code, done := parseArgs(args, stdout, stderr)
	if done {
		return code
	}
	cfg.opts.Stdout, cfg.opts.Stderr, cfg.opts.Stdin = stdout, stderr, stdin
	cfg.opts.Env = environ()
	if v := cfg.opts.Env["ARUN_DEBUG"]; v != "" && v != "0" {
		cfg.opts.Debug = true
	}
	if cfg.file == "" && cfg.eval == nil && !cfg.stdin {
		if isTerminal(stdin) {
			return runREPL(cfg.opts, stdin, stdout, stderr)
		}
		cfg.stdin = true
	}
	var src *string
	name := cfg.file
	switch {
	case cfg.eval != nil:
		src, name = cfg.eval, "[eval].js"
	case cfg.stdin:
		b, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "arun: reading stdin: %v\n", err)
			return exitUsage
		}
		s := string(b)
		src, name = &s, "[stdin].js"
		cfg.opts.Stdin = strings.NewReader("")
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	// past --max-memory the runtime interrupts the script; cancelling the
	// run too lets the hard exit below end a native call that ignores it
	cfg.opts.OnMemoryLimit = func(e *runtime.MemoryLimitError) { cancel(e) }
	var tr *tasktrace.Output
	if cfg.trace != "" {
		var err error
		if tr, err = tasktrace.Create(cfg.trace); err != nil {
			fmt.Fprintf(stderr, "arun: %v\n", err)
			return exitUsage
		}
		cfg.opts.Trace = tr.Writer()
	}
	rt, err := runtime.New(cfg.opts)
	if err != nil {
		fmt.Fprintf(stderr, "arun: %v\n", err)
		if tr != nil {
			_ = tr.Finish()
		}
		return exitError
	}
	defer func() {
		cerr := rt.Close()
		if tr != nil {
			if err := tr.Finish(); err != nil {
				fmt.Fprintf(stderr, "arun: %v\n", err)
			} else if cerr != nil {
				fmt.Fprintf(stderr, "arun: %v\n", cerr)
			}
		}
	}()

	if cfg.timeout > 0 {
		var c2 context.CancelFunc
		ctx, c2 = context.WithTimeoutCause(ctx, cfg.timeout, errTimeout)
		defer c2()
	}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	stopSignals := make(chan struct{})
	defer close(stopSignals)
	// The first signal shuts the script down gracefully: tasks are
	// cancelled (their finally blocks run) and servers close; what is still
	// running after shutdownGrace is interrupted. A second signal exits at
	// once, with the status of that signal (130 SIGINT, 143 SIGTERM).
	var signalled atomic.Value
	go func() {
		n := 0
		for {
			select {
			case s := <-sigs:
				n++
				cause, code := errInterrupted, exitInterrupt
				if s == syscall.SIGTERM {
					cause, code = errTerminated, exitTerm
				}
				if n > 1 {
					// the status names the signal that ended the run
					os.Exit(code)
				}
				signalled.Store(cause)
				if s == os.Interrupt {
					// a terminal's Ctrl-C reached the children (they are
					// in arun's process group); any other SIGINT is
					// forwarded to them
					rt.InterruptChildren(!terminalForeground())
				}
				rt.Shutdown()
				time.AfterFunc(shutdownGrace, func() { cancel(cause) })
			case <-stopSignals:
				return
			}
		}
	}()

	// Interrupting stops JavaScript, not a long native operation (searching
	// an array of billions of holes): once the run is cancelled, give it
	// hardExitAfter to return (memoryExitAfter past --max-memory: the call
	// may be what allocates), then exit anyway.
	runDone := make(chan struct{})
	defer close(runDone)
	go func() {
		select {
		case <-runDone:
			return
		case <-ctx.Done():
		}
		wait := hardExitAfter
		if errors.Is(context.Cause(ctx), runtime.ErrMemoryLimit) {
			wait = memoryExitAfter
		}
		select {
		case <-runDone:
		case <-time.After(wait):
			cause := context.Cause(ctx)
			if s, ok := signalled.Load().(error); ok {
				cause = s
			}
			fmt.Fprintf(stderr, "arun: the script did not stop within %v of being cancelled (%v); exiting\n", wait, cause)
			code := exitInterrupt
			switch {
			case errors.Is(cause, errTimeout):
				code = exitTimeout
			case errors.Is(cause, runtime.ErrMemoryLimit):
				code = exitMemory
			case errors.Is(cause, errTerminated):
				code = exitTerm
			}
			os.Exit(code)
		}
	}()
	if src != nil {
		err = rt.RunString(ctx, name, *src)
	} else {
		err = rt.RunFile(ctx, name)
	}
	cause := context.Cause(ctx)
	if s, ok := signalled.Load().(error); ok {
		cause = s
	}
	return exitStatus(rt, err, cause, stderr)
}

// shutdownGrace is how long a signalled script gets to finish its cleanup;
// hardExitAfter how long a cancelled run gets to return before arun exits.
const (
	shutdownGrace = 3 * time.Second
	hardExitAfter = 2 * time.Second
	// memoryExitAfter is hardExitAfter for a run past --max-memory.
	memoryExitAfter = 500 * time.Millisecond
)

var (
	errTimeout     = errors.New("arun: --timeout reached")
	errInterrupted = errors.New("arun: interrupted (SIGINT)")
	errTerminated  = errors.New("arun: terminated (SIGTERM)")
)

// exitStatus is the single mapping from a run's error to the exit status.
func exitStatus(rt *runtime.Runtime, err, cause error, stderr io.Writer) int {
	switch {
	case errors.Is(cause, errInterrupted):
		return exitInterrupt
	case errors.Is(cause, errTerminated):
		return exitTerm
	}
	if err == nil {
		return rt.ExitCode()
	}
	var ee *runtime.ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	switch {
	case errors.Is(cause, errTimeout):
		fmt.Fprintln(stderr, "error: timed out (--timeout)")
		return exitTimeout
	case errors.Is(cause, errInterrupted):
		return exitInterrupt
	case errors.Is(cause, errTerminated):
		return exitTerm
	}
	var me *runtime.MemoryLimitError
	if errors.As(err, &me) {
		fmt.Fprintf(stderr, "arun: script exceeded --max-memory %s (live heap %s)\n", runtime.FormatSize(me.Limit), runtime.FormatSize(me.Heap))
		return exitMemory
	}
	var se *runtime.ScriptError
	if errors.As(err, &se) {
		fmt.Fprint(stderr, se.Report())
		switch se.Kind {
		case runtime.KindSyntax, runtime.KindLoad:
			return exitUsage
		case runtime.KindTimeout:
			return exitTimeout
		case runtime.KindInterrupted:
			return exitInterrupt
		}
		return exitError
	}
	fmt.Fprintf(stderr, "error: %v\n", err)
	return exitError
}

func environ() map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return env
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
