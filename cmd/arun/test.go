package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/arun-js/arun/testrunner"
	"github.com/arun-js/arun/trace"
)

const testUsage = `arun test - run the tests in *_test.js, *.test.js, *_test.ts, *.test.ts (.mjs, .mts)

Usage:
  arun test [FLAGS] [PATHS...]     PATHS are files or directories (default .);
                                   node_modules and dot-directories are skipped

Flags:
  --filter PATTERN        run only tests whose full name ("suite > test") contains
                          PATTERN, or matches it when written /regexp/
  --reporter=NAME         spec (default), tap (TAP 13) or junit (JUnit XML on stdout,
                          closing line on stderr)
  --virtual-time[=TIME]   run every file on virtual time (sleeps and timeouts take no
                          real time; Date starts at TIME, RFC 3339, if given); a file
                          using the option virtualTime: true gets it
  --timeout SECONDS       per-test timeout (default 5; 0 for none)
  --jobs N                files run in parallel (default: the number of CPUs)
  --trace FILE            write a timeline of every file's tasks and awaits (a process per
                          file): FILE.json for Perfetto / chrome://tracing, FILE.html a page
  --sandbox               deny all permissions (the default allows all); grant back with
                          --allow-read[=PATHS], --allow-write[=PATHS], --allow-net[=HOSTS],
                          --allow-env. Without the read permission, test files load modules
                          only from the working directory and node_modules above it

Tests are declared with test()/describe() from "arun:test"; a test fails on an
exception, a rejection, its timeout, or a timer, task or resource it leaves open.
Exit status: 0 all passed, 1 any failed, 2 usage error.
`

// runTests runs the test runner: arun test [FLAGS] [PATHS...].
func runTests(args []string, stdout, stderr io.Writer) int {
	cfg := testrunner.Config{Timeout: testrunner.DefaultTimeout}
	reporter := "spec"
	traceFile := ""
	bad := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "arun test: "+format+"\n", a...)
		fmt.Fprintln(stderr, "run 'arun test --help' for usage")
		return exitUsage
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			cfg.Paths = append(cfg.Paths, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			cfg.Paths = append(cfg.Paths, a)
			continue
		}
		name, val, hasVal := strings.Cut(a, "=")
		name = "--" + strings.TrimLeft(name, "-")
		value := func() (string, bool) {
			if hasVal {
				return val, true
			}
			if i+1 >= len(args) {
				return "", false
			}
			i++
			return args[i], true
		}
		switch name {
		case "--help", "--h":
			fmt.Fprint(stdout, testUsage)
			return exitOK
		case "--filter":
			v, ok := value()
			if !ok {
				return bad("--filter needs a PATTERN")
			}
			cfg.Filter = v
		case "--reporter":
			v, ok := value()
			if !ok {
				return bad("--reporter needs spec, tap or junit")
			}
			reporter = v
		case "--virtual-time":
			cfg.VirtualTime = true
			if hasVal {
				t, err := parseTimeOrigin(val)
				if err != nil {
					return bad("%v", err)
				}
				cfg.TimeOrigin = t
			}
		case "--timeout":
			v, ok := value()
			if !ok {
				return bad("--timeout needs a number of seconds")
			}
			s, err := strconv.ParseFloat(v, 64)
			if err != nil || s < 0 {
				return bad("--timeout: %q is not a number of seconds", v)
			}
			cfg.Timeout = time.Duration(s * float64(time.Second))
			if s == 0 {
				cfg.Timeout = -1
			}
		case "--sandbox", "--allow-read", "--allow-write", "--allow-net", "--allow-env", "--allow-all":
			cfg.Permissions = permissionFlag(cfg.Permissions, name, val, hasVal)
		case "--trace":
			v, ok := value()
			if !ok {
				return bad("--trace needs a FILE (.json or .html)")
			}
			traceFile = v
		case "--jobs", "--j":
			v, ok := value()
			if !ok {
				return bad("--jobs needs a number")
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return bad("--jobs: %q is not a positive number", v)
			}
			cfg.Jobs = n
		default:
			return bad("unknown flag %s", a)
		}
	}
	rep, err := testrunner.NewReporter(reporter, stdout, stderr)
	if err != nil {
		return bad("%v", err)
	}
	cfg.Reporter = rep
	cfg.Env = environ()

	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-sigs:
			cancel(errInterrupted)
		case <-done:
		}
	}()

	var tr *trace.Output
	if traceFile != "" {
		var err error
		if tr, err = trace.Create(traceFile); err != nil {
			return bad("%v", err)
		}
		cfg.Trace = true
	}
	sum, err := testrunner.Run(ctx, cfg)
	if tr != nil {
		// one process per test file, in the order they were reported
		parts := make([]trace.Part, 0, len(sum.Files))
		for _, f := range sum.Files {
			if f.Trace != nil {
				parts = append(parts, trace.Part{Name: f.File, Trace: f.Trace})
			}
		}
		terr := trace.Merge(tr.Writer(), parts)
		if ferr := tr.Finish(); terr == nil {
			terr = ferr
		}
		if terr != nil {
			fmt.Fprintf(stderr, "arun test: --trace: %v\n", terr)
		}
	}
	if err != nil {
		if errors.Is(err, testrunner.ErrNoPath) || errors.Is(err, testrunner.ErrBadFilter) {
			return bad("%v", err)
		}
		fmt.Fprintf(stderr, "arun test: %v\n", err)
		return exitError
	}
	if ctx.Err() != nil {
		return exitInterrupt
	}
	if len(sum.Files) == 0 {
		fmt.Fprintln(stderr, "arun test: no test files found (*_test.js, *.test.js, *_test.ts, *.test.ts, .mjs, .mts)")
	}
	if !sum.OK() {
		return exitError
	}
	return exitOK
}
