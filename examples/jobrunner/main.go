// Command jobrunner is a small host program that embeds arun: it runs every
// JavaScript or TypeScript job in a directory, each in its own runtime and
// goroutine, and gives the jobs a Go API ("host:api") whose calls share one
// rate limiter. It is the embedding tutorial of examples/jobrunner/README.md.
//
//	go run ./examples/jobrunner [-timeout 10s] [-rate 5] DIR
//
// Ctrl-C stops every job: first gracefully (their finally blocks run), then,
// after a grace period, by interrupting them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"golang.org/x/time/rate"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the os.Exit, so that the test can call it: it returns
// 0 when every job succeeded, 1 when one failed, 2 for a usage error and 130
// when Ctrl-C stopped the jobs.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("jobrunner", flag.ContinueOnError)
	flags.SetOutput(stderr)
	timeout := flags.Duration("timeout", 10*time.Second, "how long each job may run")
	perSecond := flags.Float64("rate", 5, "host API calls per second, shared by all jobs")
	grace := flags.Duration("grace", 2*time.Second, "after Ctrl-C, how long jobs get to clean up")
	if err := flags.Parse(args); err != nil || flags.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: jobrunner [-timeout D] [-rate N] [-grace D] DIR")
		return 2
	}
	dir, err := filepath.Abs(flags.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "jobrunner:", err)
		return 2
	}
	var jobs []string
	for _, pattern := range []string{"*.js", "*.ts"} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		jobs = append(jobs, m...)
	}
	slices.Sort(jobs)
	if len(jobs) == 0 {
		fmt.Fprintln(stderr, "jobrunner: no .js or .ts jobs in", dir)
		return 2
	}

	// Ctrl-C cancels ctx; every job watches it.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	out := &lockedWriter{w: stdout}
	api := &hostAPI{limiter: rate.NewLimiter(rate.Limit(*perSecond), 1), out: out}
	errs := make([]error, len(jobs))
	took := make([]time.Duration, len(jobs))
	var wg sync.WaitGroup
	for i, path := range jobs {
		wg.Go(func() {
			start := time.Now()
			errs[i] = runJob(ctx, path, api, *timeout, *grace)
			took[i] = time.Since(start)
		})
	}
	wg.Wait()

	fmt.Fprintln(out, "--- results")
	status := 0
	for i, path := range jobs {
		fmt.Fprintf(out, "%-12s %s (%v)\n", filepath.Base(path), describe(errs[i]), took[i].Round(time.Millisecond))
		if errs[i] != nil {
			status = 1
		}
	}
	if ctx.Err() != nil {
		status = 130
	}
	return status
}

// runJob runs one job in a runtime of its own and returns how it ended.
func runJob(ctx context.Context, path string, api *hostAPI, timeout, grace time.Duration) error {
	name := filepath.Base(path)
	dir := filepath.Dir(path)
	rt, err := runtime.New(runtime.Options{
		Stdout: prefixWriter{api.out, name}, // console.log goes to our output
		Stderr: prefixWriter{api.out, name},
		Dir:    dir,
		// Grant explicitly: a job may read files of its own directory and
		// nothing else (no writes, no network, no environment).
		Permissions: &runtime.Permissions{Read: []string{dir}},
		Modules:     []bindings.Module{api.module(name)},
		Timeout:     timeout, // bounds the run; a timeout is a *runtime.ScriptError
	})
	if err != nil {
		return err
	}
	defer rt.Close() // stops what is left and waits for the job's goroutines

	// On Ctrl-C, ask the job to stop: what it awaits throws a CancelledError
	// and its finally blocks run. If it is still running after the grace
	// period (it ignores cancellation, or spins), cancel its run context,
	// which interrupts it.
	runCtx, hardStop := context.WithCancel(context.WithoutCancel(ctx))
	defer hardStop()
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-done:
			return
		case <-ctx.Done():
		}
		rt.Shutdown()
		select {
		case <-done:
		case <-time.After(grace):
			hardStop()
		}
	}()
	return rt.RunFile(runCtx, path)
}

// describe turns a job's error into one line of the report, using the
// fields of *runtime.ScriptError.
func describe(err error) string {
	var se *runtime.ScriptError
	switch {
	case err == nil:
		return "ok"
	case !errors.As(err, &se):
		return "error: " + err.Error()
	case se.Kind == runtime.KindTimeout:
		return "timed out"
	case se.Kind == runtime.KindInterrupted || errors.Is(err, runtime.ErrCancelled):
		return "cancelled"
	}
	where := ""
	if se.Line > 0 {
		where = fmt.Sprintf(" at %s:%d:%d", se.File, se.Line, se.Column)
	}
	line := fmt.Sprintf("failed (%v)%s: %s", se.Kind, where, se.Message)
	var apiErr *bindings.Error // the Go error a host function returned
	if errors.As(err, &apiErr) {
		line += fmt.Sprintf(" [host error %s, unknown endpoint: %v]", apiErr.Code, errors.Is(err, errUnknownEndpoint))
	}
	return line
}
