package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"golang.org/x/time/rate"
)

// backend stands in for what a real host fronts (an HTTP service, a
// database): endpoint name to response.
var backend = map[string]any{
	"ping":         "pong",
	"users":        []string{"ada", "grace", "linus"},
	"users/ada":    map[string]any{"commits": 120},
	"users/grace":  map[string]any{"commits": 95},
	"users/linus":  map[string]any{"commits": 310},
	"config/flags": map[string]any{"beta": true},
}

// errUnknownEndpoint is the Go cause of a call to an endpoint the backend
// lacks; the host sees it again in the job's *runtime.ScriptError.
var errUnknownEndpoint = errors.New("host: unknown endpoint")

// hostAPI is the Go side of the "host:api" module. One hostAPI serves every
// job: its limiter is shared, so all jobs together stay under the rate.
type hostAPI struct {
	limiter *rate.Limiter
	out     io.Writer
}

// module returns "host:api" for the job called job:
//
//	call(endpoint): Promise  - async, rate-limited, cancellable
//	log(...values)           - sync, writes "[job] values" to the host's output
func (a *hostAPI) module(job string) bindings.Module {
	return runtime.Module("host:api", map[string]any{
		"call": runtime.AsyncFunc(a.call),
		"log": bindings.SyncFunc(func(args []any) (any, error) {
			fmt.Fprint(prefixWriter{a.out, job}, fmt.Sprintln(args...))
			return nil, nil
		}),
	})
}

// call runs on a goroutine of its own. ctx is cancelled when the job's
// asyncio task is cancelled, when the job times out or is stopped, and when
// its runtime closes: waiting for the limiter must give up then.
func (a *hostAPI) call(ctx context.Context, args []any) (any, error) {
	if len(args) != 1 {
		return nil, bindings.TypeErrorf("call(endpoint) takes one argument, got %d", len(args))
	}
	endpoint, ok := args[0].(string)
	if !ok {
		return nil, bindings.TypeErrorf("call(endpoint): endpoint must be a string")
	}
	if err := a.limiter.Wait(ctx); err != nil {
		return nil, err
	}
	select { // the backend's latency
	case <-time.After(10 * time.Millisecond):
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
	resp, ok := backend[endpoint]
	if !ok {
		// A *bindings.Error becomes a JS error with this name and code; its
		// Cause stays reachable from Go with errors.Is.
		return nil, &bindings.Error{Code: "ENOTFOUND", Message: fmt.Sprintf("no endpoint %q", endpoint), Cause: errUnknownEndpoint}
	}
	return resp, nil
}

// lockedWriter serialises the writes of concurrent jobs.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// prefixWriter prefixes each line with the job's name. Each Write is one
// console.log or log call, so lines of different jobs do not mix.
type prefixWriter struct {
	w   io.Writer
	job string
}

func (p prefixWriter) Write(b []byte) (int, error) {
	var sb strings.Builder
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if line != "" {
			sb.WriteString("[" + p.job + "] " + line)
		}
	}
	if _, err := io.WriteString(p.w, sb.String()); err != nil {
		return 0, err
	}
	return len(b), nil
}
