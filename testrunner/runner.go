package testrunner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/bindings/testing"
	"github.com/arun-js/arun/runtime"
)

// Config configures a run. The zero value runs the test files under the
// working directory with the spec reporter writing nowhere.
type Config struct {
	// Paths are the files and directories to search; empty means ".".
	Paths []string
	// Filter selects tests by full name ("suite > test"): a substring, or a
	// regular expression written /like this/.
	Filter string
	// VirtualTime runs every file on virtual time.
	VirtualTime bool
	// TimeOrigin is where every file's clock starts (runtime.Options.TimeOrigin).
	TimeOrigin time.Time
	// Timeout is the per-test timeout; 0 means DefaultTimeout, negative none.
	Timeout time.Duration
	// Jobs is how many files run at once; 0 means the number of CPUs.
	Jobs int
	// Reporter prints the results; nil means Spec(Stdout).
	Reporter Reporter
	// Stdout is where the default reporter writes.
	Stdout io.Writer
	// Dir is the directory paths in reports are relative to; "" means the
	// working directory.
	Dir string
	// Env is the scripts' process.env.
	Env map[string]string
	// Permissions of the scripts; nil grants everything, as the CLI does.
	// Without the read permission a test file loads modules only from Dir
	// (or its own folder, for a file outside Dir) and the node_modules
	// folders above it.
	Permissions *runtime.Permissions
	// Trace records each file's timeline of tasks in FileResult.Trace
	// (runtime.Options.Trace).
	Trace bool
}

// DefaultTimeout is the per-test timeout when Config.Timeout is 0.
const DefaultTimeout = 5 * time.Second

// TestResult is one test's result with the output it printed.
type TestResult struct {
	testing.Result
	// Output is what the test printed (stdout and stderr) while it ran.
	Output string
}

// FileResult is what one test file produced, in order.
type FileResult struct {
	// File is the file's path relative to Config.Dir.
	File  string
	Tests []TestResult
	// Output is what the file printed outside any test.
	Output   string
	Duration time.Duration
	// Trace is the file's timeline of tasks (package trace's JSON), when
	// Config.Trace asked for one.
	Trace []byte
}

// Summary counts a run's results.
type Summary struct {
	Passed, Failed, Skipped int
	Files                   []FileResult
	Duration                time.Duration
}

// Line is the closing line: "N passed, N failed" and ", N skipped" when
// some were.
func (s Summary) Line() string {
	line := fmt.Sprintf("%d passed, %d failed", s.Passed, s.Failed)
	if s.Skipped > 0 {
		line += fmt.Sprintf(", %d skipped", s.Skipped)
	}
	return line
}

// OK reports whether nothing failed.
func (s Summary) OK() bool { return s.Failed == 0 }

// ErrBadFilter is returned for a --filter /regexp/ that does not compile.
var ErrBadFilter = errors.New("testrunner: invalid --filter")

// ParseFilter turns a --filter value into a predicate on full names.
func ParseFilter(f string) (func(string) bool, error) {
	if f == "" {
		return nil, nil
	}
	if len(f) >= 2 && strings.HasPrefix(f, "/") && strings.HasSuffix(f, "/") {
		re, err := regexp.Compile(f[1 : len(f)-1])
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadFilter, err)
		}
		return re.MatchString, nil
	}
	return func(name string) bool { return strings.Contains(name, f) }, nil
}

// Run discovers and runs the tests, reporting as files complete (in file
// order), and returns the summary. Its error is for what prevents running
// (a path that does not exist, a bad filter); failing tests are in the
// summary.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	start := time.Now()
	filter, err := ParseFilter(cfg.Filter)
	if err != nil {
		return Summary{}, err
	}
	files, err := Discover(cfg.Paths)
	if err != nil {
		return Summary{}, err
	}
	if cfg.Dir == "" {
		cfg.Dir, _ = os.Getwd()
	}
	if cfg.Dir, err = filepath.Abs(cfg.Dir); err != nil {
		return Summary{}, fmt.Errorf("testrunner: %w", err)
	}
	rep := cfg.Reporter
	if rep == nil {
		w := cfg.Stdout
		if w == nil {
			w = io.Discard
		}
		rep = Spec(w)
	}
	jobs := cfg.Jobs
	if jobs <= 0 {
		jobs = goruntime.NumCPU()
	}
	jobs = min(jobs, max(len(files), 1))

	results := make([]chan FileResult, len(files))
	for i := range results {
		results[i] = make(chan FileResult, 1)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] <- runFile(ctx, cfg, filter, files[i])
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range files {
			select {
			case next <- i:
			case <-ctx.Done():
				for j := i; j < len(files); j++ {
					results[j] <- FileResult{File: rel(cfg.Dir, files[j]), Tests: []TestResult{{Result: testing.Result{
						Name: "(file)", Status: testing.Failed, Hook: true,
						Err: &testing.Failure{Message: "not run: " + context.Cause(ctx).Error()},
					}}}}
				}
				return
			}
		}
	}()
	var sum Summary
	rep.Start(len(files))
	for i := range files {
		fr := <-results[i]
		for _, t := range fr.Tests {
			switch t.Status {
			case testing.Passed:
				sum.Passed++
			case testing.Failed:
				sum.Failed++
			default:
				sum.Skipped++
			}
		}
		sum.Files = append(sum.Files, fr)
		rep.File(fr)
	}
	wg.Wait()
	sum.Duration = time.Since(start)
	rep.Done(sum)
	return sum, nil
}

// virtualRe finds the per-test/describe option that asks for virtual time.
var virtualRe = regexp.MustCompile(`virtualTime\s*:\s*true`)

// capture collects a file's output, attributing it to the running test.
type capture struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *capture) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.Write(p)
}

func (c *capture) take() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.buf.String()
	c.buf.Reset()
	return s
}

// runFile runs one test file in a fresh runtime.
func runFile(ctx context.Context, cfg Config, filter func(string) bool, abs string) FileResult {
	start := time.Now()
	fr := FileResult{File: rel(cfg.Dir, abs)}
	out := &capture{}
	var pre strings.Builder
	timeout := cfg.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	if timeout < 0 {
		timeout = 0
	}
	clean := cleaner(cfg.Dir)
	h := &testing.Harness{
		Filter:  filter,
		Timeout: timeout,
		OnStart: func(testing.TestInfo) { pre.WriteString(out.take()) },
		OnResult: func(r testing.Result) {
			fr.Tests = append(fr.Tests, TestResult{Result: clean(r), Output: out.take()})
		},
	}
	defer h.Stop()
	src, err := os.ReadFile(abs)
	if err != nil {
		fr.Tests = append(fr.Tests, loadFailure(fmt.Sprintf("cannot read %s: %v", fr.File, err)))
		return fr
	}
	perms := cfg.Permissions
	if perms == nil {
		perms = runtime.AllowAll()
	}
	dir := filepath.Dir(abs)
	var tb *bytes.Buffer
	var tw io.Writer // (a nil *bytes.Buffer in the interface would not be nil)
	if cfg.Trace {
		tb = &bytes.Buffer{}
		tw = tb
	}
	rt, err := runtime.New(runtime.Options{
		Trace:  tw,
		Stdout: out, Stderr: out,
		Env:         cfg.Env,
		Args:        []string{fr.File},
		Dir:         dir,
		Permissions: perms,
		ModuleRoot:  moduleRoot(cfg.Dir, abs),
		VirtualTime: cfg.VirtualTime || virtualRe.Match(src),
		TimeOrigin:  cfg.TimeOrigin,
		Globals:     []bindings.Global{testing.Install(h)},
	})
	if err != nil {
		fr.Tests = append(fr.Tests, loadFailure(err.Error()))
		return fr
	}
	defer rt.Close()
	stub := "import " + strconv.Quote("./"+filepath.Base(abs)) + ";\nawait __arun_test_run();\n__arun_test_done();\n"
	err = rt.RunString(ctx, filepath.Join(dir, stubName), stub)
	h.Stop()
	if err != nil {
		fr.Tests = append(fr.Tests, aborted(ctx, h, err, cfg.Dir, dir)...)
	}
	if rest := out.take(); rest != "" {
		pre.WriteString(rest)
	}
	fr.Output = pre.String()
	fr.Duration = time.Since(start)
	if tb != nil {
		_ = rt.Close() // completes the trace (the deferred Close does nothing more)
		fr.Trace = tb.Bytes()
	}
	return fr
}

// moduleRoot is the folder a test file's modules may be loaded from
// without the read permission: the run's directory (the project, so that
// tests may import the code they test), or the file's own folder for a
// file outside it.
func moduleRoot(dir, file string) string {
	if strings.HasPrefix(file, dir+string(filepath.Separator)) {
		return dir
	}
	return filepath.Dir(file)
}

// stubName is the main module's name; its frames are dropped from stacks.
const stubName = "[arun test].js"

func loadFailure(msg string) TestResult {
	return TestResult{Result: testing.Result{Name: "(file)", Status: testing.Failed, Hook: true, Err: &testing.Failure{Message: msg}}}
}

// aborted reports a run that stopped early: the running test fails with the
// reason, the tests that had not run are reported as not run.
func aborted(ctx context.Context, h *testing.Harness, err error, dir, fileDir string) []TestResult {
	var out []TestResult
	reason := err.Error()
	var failure *testing.Failure
	var se *runtime.ScriptError
	if errors.As(err, &se) {
		failure = &testing.Failure{Message: se.Message, Frame: se.Frame}
		if se.Stack != "" {
			for _, l := range strings.Split(se.Stack, "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, stubName) {
					failure.Stack = append(failure.Stack, rebase(dir, fileDir, l))
				}
			}
		}
		if se.Kind == runtime.KindSyntax || se.Kind == runtime.KindLoad {
			failure.Stack = nil
			if se.Line > 0 {
				file := se.File
				if !filepath.IsAbs(file) {
					file = filepath.Join(fileDir, file)
				}
				failure.Message = fmt.Sprintf("%s\n    at %s:%d:%d", se.Message, rel(dir, file), se.Line, se.Column)
				failure.Frame = se.Frame
			}
		}
		reason = se.Message
	}
	var ee *runtime.ExitError
	if errors.As(err, &ee) {
		reason = fmt.Sprintf("the file called process.exit(%d)", ee.Code)
		failure = &testing.Failure{Message: reason}
	}
	running, isRunning := h.Running()
	pending := h.Pending()
	switch {
	case h.Blocked() && isRunning:
		msg := fmt.Sprintf("TimeoutError: test timed out after %s (it kept the event loop busy, so the file was stopped)", secs(running.Timeout))
		out = append(out, TestResult{Result: testing.Result{Name: running.Name, Path: running.Path, Status: testing.Failed, Duration: running.Timeout,
			Err: &testing.Failure{Message: msg}}})
		reason = "an earlier test blocked the event loop"
	case isRunning:
		if failure == nil {
			failure = &testing.Failure{Message: reason}
		}
		out = append(out, TestResult{Result: testing.Result{Name: running.Name, Path: running.Path, Status: testing.Failed, Err: failure}})
	default:
		if failure == nil {
			failure = &testing.Failure{Message: reason}
		}
		if ctx.Err() != nil {
			failure = &testing.Failure{Message: "interrupted: " + context.Cause(ctx).Error()}
		}
		out = append(out, TestResult{Result: testing.Result{Name: "(file)", Status: testing.Failed, Hook: true, Err: failure}})
	}
	skipFirst := isRunning
	for _, name := range pending {
		if skipFirst && name == running.FullName() {
			skipFirst = false
			continue
		}
		out = append(out, TestResult{Result: testing.Result{Name: name, Status: testing.Failed,
			Err: &testing.Failure{Message: "not run: the file stopped early (" + firstLine(reason) + ")"}}})
	}
	return out
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func secs(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "s"
}

func rel(dir, abs string) string {
	if r, err := filepath.Rel(dir, abs); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return abs
}

// cleaner makes a result's stacks readable: no engine offsets, no frames of
// arun's own code, paths relative to dir.
func cleaner(dir string) func(testing.Result) testing.Result {
	return func(r testing.Result) testing.Result {
		if r.Err != nil {
			f := *r.Err
			f.Frame = codeFrame(runtimeClean(f.Stack))
			f.Stack = cleanFrames(dir, f.Stack)
			r.Err = &f
		}
		errs := make([]testing.Failure, len(r.Errors))
		for i, e := range r.Errors {
			e.Frame = codeFrame(runtimeClean(e.Stack))
			e.Stack = cleanFrames(dir, e.Stack)
			errs[i] = e
		}
		r.Errors = errs
		leaks := make([]testing.Leak, len(r.Leaks))
		for i, l := range r.Leaks {
			l.Stack = cleanFrames(dir, l.Stack)
			leaks[i] = l
		}
		r.Leaks = leaks
		return r
	}
}

func cleanFrames(dir string, frames []string) []string {
	var out []string
	for _, f := range frames {
		f = strings.TrimSpace(bindings.CleanStack(f))
		if f == "" || strings.Contains(f, "(native)") || strings.Contains(f, stubName) {
			continue
		}
		if dir != "" {
			f = relFrame(dir, f)
		}
		out = append(out, f)
	}
	return out
}

// rebase rewrites a frame whose path is relative to the test file's
// directory (as the runtime reports them) to be relative to dir.
func rebase(dir, fileDir, frame string) string {
	m := posRe.FindStringSubmatchIndex(frame)
	if m == nil {
		return relFrame(dir, frame)
	}
	file := frame[m[2]:m[3]]
	if !filepath.IsAbs(file) {
		file = filepath.Join(fileDir, file)
	}
	return frame[:m[2]] + rel(dir, file) + frame[m[3]:]
}

// runtimeClean drops arun's own frames and the engine's offsets, keeping
// absolute paths.
func runtimeClean(frames []string) []string {
	return cleanFrames("", frames)
}

func relFrame(dir, f string) string {
	f = strings.ReplaceAll(f, dir+string(filepath.Separator), "")
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		f = strings.ReplaceAll(f, real+string(filepath.Separator), "")
	}
	return f
}
