package testing

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

//go:embed test.js
var testSrc string

//go:embed assert.js
var assertSrc string

var (
	testScript   = bindings.NewScript("arun:internal/test.js", testSrc)
	assertScript = bindings.NewScript("arun:internal/assert.js", assertSrc)
)

// Modules returns the modules this package provides: "arun:test" and the
// assert modules.
func Modules() []bindings.Module {
	return []bindings.Module{
		{Name: "arun:test", Aliases: []string{"node:test"}, Init: initTest},
		{Name: "assert", Aliases: []string{"node:assert"}, Init: initAssert(false)},
		{Name: "assert/strict", Aliases: []string{"node:assert/strict"}, Init: initAssert(true)},
	}
}

// Globals returns the global installers of this package: none; the test
// runner installs its Harness with Install.
func Globals() []bindings.Global { return nil }

type assertKey struct{}

func initAssert(strict bool) func(env *bindings.Env, module *goja.Object) error {
	return func(env *bindings.Env, module *goja.Object) error {
		legacy, ok := env.Value(assertKey{}).(*goja.Object)
		if !ok {
			fv, err := assertScript.Run(env.VM)
			if err != nil {
				return fmt.Errorf("testing: assert.js: %w", err)
			}
			fn, _ := goja.AssertFunction(fv)
			v, err := fn(goja.Undefined())
			if err != nil {
				return fmt.Errorf("testing: assert.js: %w", err)
			}
			legacy = v.ToObject(env.VM)
			env.SetValue(assertKey{}, legacy)
		}
		if strict {
			return module.Set("exports", legacy.Get("strict"))
		}
		return module.Set("exports", legacy)
	}
}

func initTest(env *bindings.Env, module *goja.Object) error {
	st, err := stateOf(env, nil)
	if err != nil {
		return err
	}
	return module.Set("exports", st.exports)
}

// Status is the outcome of a test.
type Status string

// The outcomes.
const (
	Passed  Status = "passed"
	Failed  Status = "failed"
	Skipped Status = "skipped"
	Todo    Status = "todo"
)

// Failure is an error a test failed with.
type Failure struct {
	// Message is the "Name: message" text ("AssertionError [ERR_ASSERTION]:
	// Expected values to be strictly equal:..."); it may span lines.
	Message string
	// Stack is the JS stack, one frame a line ("at f (/abs/x.test.js:3:5(12))"),
	// as the engine wrote it: positions are the user's source positions;
	// clean them with runtime.CleanStack.
	Stack []string
	// Frame is a code frame (the source line with a caret) at the first
	// user frame; the test runner fills it in.
	Frame string
}

// Leak is something a test left open when it finished: a timer, an
// interval, an asyncio task, a server, a file handle, a request.
type Leak struct {
	Kind string // "timer", "interval", "task" or the tracked resource's kind
	What string // "setTimeout(1000 ms)", "asyncio task Task-3", ...
	// Stack is where it was created (frames as in Failure.Stack).
	Stack []string
}

// Result is the outcome of one test, or of a suite's afterAll hooks when
// they fail or leak (Hook is then true).
type Result struct {
	Name string
	// Path is the names of the enclosing describe blocks, outermost first.
	Path     []string
	Status   Status
	Reason   string // why it was skipped, or the todo text
	Duration time.Duration
	// Err is what the test failed with (nil when it failed only by leaks).
	Err *Failure
	// Errors are further uncaught errors seen while the test ran.
	Errors []Failure
	Leaks  []Leak
	Hook   bool
}

// FullName is the path and name joined with " > ".
func (r Result) FullName() string {
	return strings.Join(append(append([]string{}, r.Path...), r.Name), " > ")
}

// TestInfo describes a test that started.
type TestInfo struct {
	Name    string
	Path    []string
	Timeout time.Duration
}

// FullName is the path and name joined with " > ".
func (t TestInfo) FullName() string {
	return strings.Join(append(append([]string{}, t.Path...), t.Name), " > ")
}

// ErrBlocked is the interrupt cause when a test kept the event loop busy past
// its timeout (a synchronous infinite loop).
var ErrBlocked = errors.New("testing: a test blocked the event loop past its timeout")

// Harness connects a test runner to the arun:test module of one runtime.
// Set the fields, pass Install(h) in runtime.Options.Globals, run the test
// file followed by `await __arun_test_run()`; results arrive on OnResult.
// A Harness serves one runtime.
type Harness struct {
	// Filter selects tests by full name ("suite > test"); nil runs all.
	Filter func(fullName string) bool
	// Timeout is the default per-test timeout; 0 means none.
	Timeout time.Duration
	// Grace is how long past its timeout a test may keep the loop busy
	// (synchronously) before the watchdog interrupts the runtime; 0 means
	// one second or half the timeout, whichever is longer.
	Grace time.Duration
	// OnStart is called (on the loop) when a test starts.
	OnStart func(TestInfo)
	// OnResult is called (on the loop) with every result.
	OnResult func(Result)

	mu       sync.Mutex
	current  *TestInfo
	blocked  bool
	watchdog *time.Timer
	planned  []string
	reported map[string]int
	stopped  bool
}

func (h *Harness) arm(info TestInfo, loop *eventloop.Loop) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.current = &info
	if h.watchdog != nil {
		h.watchdog.Stop()
		h.watchdog = nil
	}
	if info.Timeout <= 0 || h.stopped {
		return
	}
	grace := h.Grace
	if grace <= 0 {
		grace = max(time.Second, info.Timeout/2)
	}
	h.watchdog = time.AfterFunc(info.Timeout+grace, func() {
		h.mu.Lock()
		if h.current == nil || h.stopped {
			h.mu.Unlock()
			return
		}
		h.blocked = true
		h.mu.Unlock()
		loop.Interrupt(ErrBlocked)
	})
}

func (h *Harness) disarm(full string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.current = nil
	if h.watchdog != nil {
		h.watchdog.Stop()
		h.watchdog = nil
	}
	if h.reported == nil {
		h.reported = map[string]int{}
	}
	h.reported[full]++
}

// Running returns the test that had started and not finished, if any (after
// a run that stopped early: an uncaught error or the watchdog).
func (h *Harness) Running() (TestInfo, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.current == nil {
		return TestInfo{}, false
	}
	return *h.current, true
}

// Blocked reports whether the watchdog interrupted the runtime because the
// running test kept the loop busy past its timeout.
func (h *Harness) Blocked() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.blocked
}

// Pending lists the full names of the tests selected to run that have not
// reported a result (after a run that stopped early), the running one
// included.
func (h *Harness) Pending() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	seen := map[string]int{}
	var out []string
	for _, n := range h.planned {
		seen[n]++
		if seen[n] > h.reported[n] {
			out = append(out, n)
		}
	}
	return out
}

// Stop disarms the watchdog; call it when the run is over.
func (h *Harness) Stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.stopped = true
	if h.watchdog != nil {
		h.watchdog.Stop()
		h.watchdog = nil
	}
}

// Install returns the global installer that puts h in a runtime: it loads
// arun:test's registry (wrapping the timer globals so the sanitizers see
// them), takes over unhandled-rejection tracking (a rejection nobody handles
// fails the running test instead of stopping the run), publishes the
// resource tracker (Env.SetResourceTracker) and defines the hidden globals
// __arun_test_run (runs the declared tests, returns a promise) and
// __arun_test_done (stops the loop, dropping whatever is left).
func Install(h *Harness) bindings.Global {
	return func(env *bindings.Env) error {
		st, err := stateOf(env, h)
		if err != nil {
			return err
		}
		env.VM.SetPromiseRejectionTracker(st.trackRejection)
		g := env.VM.GlobalObject()
		hidden := func(name string, v any) {
			_ = g.DefineDataProperty(name, env.VM.ToValue(v), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		}
		hidden("__arun_test_run", func(goja.FunctionCall) goja.Value {
			v, err := st.run(goja.Undefined())
			if err != nil {
				panic(err)
			}
			return v
		})
		hidden("__arun_test_done", func(goja.FunctionCall) goja.Value {
			env.Loop.Stop(nil)
			return goja.Undefined()
		})
		return nil
	}
}

type stateKey struct{}

// state is one runtime's arun:test: the JS registry and its Go helpers.
type state struct {
	env      *bindings.Env
	h        *Harness
	exports  *goja.Object
	run      goja.Callable
	hasTests goja.Callable
	res      *resources
	start    time.Time

	current  *bindings.TaskRef // the task of the test or hook last started
	rejected []*goja.Promise
	pending  map[*goja.Promise]bool

	// direct mode (no harness): counts for the closing line
	passed, failed, skipped int
}

func stateOf(env *bindings.Env, h *Harness) (*state, error) {
	if st, ok := env.Value(stateKey{}).(*state); ok {
		return st, nil
	}
	prog, err := testScript.Program()
	if err != nil {
		return nil, fmt.Errorf("testing: test.js: %w", err)
	}
	st := &state{env: env, h: h, start: time.Now(), pending: map[*goja.Promise]bool{}}
	st.res = newResources(env)
	vm := env.VM
	fv, err := vm.RunProgram(prog)
	if err != nil {
		return nil, fmt.Errorf("testing: test.js: %w", err)
	}
	fn, _ := goja.AssertFunction(fv)
	out, err := fn(goja.Undefined(), st.helpers(), vm.GlobalObject())
	if err != nil {
		return nil, fmt.Errorf("testing: test.js: %w", err)
	}
	o := out.ToObject(vm)
	st.exports = o.Get("exports").ToObject(vm)
	st.run, _ = goja.AssertFunction(o.Get("run"))
	st.hasTests, _ = goja.AssertFunction(o.Get("hasTests"))
	env.SetValue(stateKey{}, st)
	env.SetResourceTracker(st.res)
	// a shutdown (SIGINT) cancels what the running test awaits, as it
	// cancels the main module's awaits
	env.OnShutdown(func(reason goja.Value) {
		if st.current != nil {
			st.current.Cancel(reason)
		}
	})
	if h == nil {
		env.Loop.OnIdle(st.autoRun)
	}
	return st, nil
}

func (st *state) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	if op == goja.PromiseRejectionReject {
		if !st.pending[p] {
			st.pending[p] = true
			st.rejected = append(st.rejected, p)
		}
		return
	}
	delete(st.pending, p)
}

func (st *state) helpers() *goja.Object {
	vm := st.env.VM
	loop := st.env.Loop
	h := vm.NewObject()
	set := func(name string, v any) { _ = h.Set(name, v) }
	timeout := 5.0
	if st.h != nil {
		timeout = st.h.Timeout.Seconds()
	}
	set("timeout", timeout)
	set("virtual", loop.Virtual())
	set("useVirtualTime", func(goja.FunctionCall) goja.Value {
		loop.UseVirtualTime()
		_ = h.Set("virtual", true)
		return goja.Undefined()
	})
	set("filter", func(call goja.FunctionCall) goja.Value {
		if st.h == nil || st.h.Filter == nil {
			return vm.ToValue(true)
		}
		return vm.ToValue(st.h.Filter(call.Argument(0).String()))
	})
	set("now", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(float64(time.Since(st.start)) / float64(time.Millisecond))
	})
	set("setTimer", func(call goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic(st.env.ToJSError(bindings.TypeErrorf("setTimer needs a function")))
		}
		ms := call.Argument(0).ToFloat()
		if math.IsNaN(ms) || ms < 0 {
			ms = 0
		}
		d := time.Duration(math.Min(ms, float64(math.MaxInt64/int64(time.Millisecond))) * float64(time.Millisecond))
		t := loop.SetTimer(d, func() error {
			_, err := fn(goja.Undefined())
			return err
		})
		return vm.ToValue(t)
	})
	set("clearTimer", func(call goja.FunctionCall) goja.Value {
		if t, ok := call.Argument(0).Export().(*eventloop.Timer); ok {
			loop.StopTimer(t)
		}
		return goja.Undefined()
	})
	set("macrotask", func(call goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			panic(st.env.ToJSError(bindings.TypeErrorf("macrotask needs a function")))
		}
		loop.Schedule(func() error {
			_, err := fn(goja.Undefined())
			return err
		})
		return goja.Undefined()
	})
	// Each test and hook runs as a task of its own (a bindings.TaskRef), so
	// that a timeout can say which runtime awaits it was suspended on.
	set("newTask", func(goja.FunctionCall) goja.Value { return vm.ToValue(&bindings.TaskRef{}) })
	set("callIn", func(call goja.FunctionCall) goja.Value {
		t, _ := call.Argument(0).Export().(*bindings.TaskRef)
		fn, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic(st.env.ToJSError(bindings.TypeErrorf("callIn needs a function")))
		}
		if t != nil {
			prev := st.env.SetCurrentTask(t)
			st.current = t
			defer func() { st.env.RestoreCurrent(prev) }()
		}
		v, err := fn(goja.Undefined(), call.Argument(2))
		if err != nil {
			eventloop.PanicIfUncatchable(err)
			var ex *goja.Exception
			if errors.As(err, &ex) {
				panic(ex)
			}
			panic(st.env.ToJSError(err))
		}
		return v
	})
	// waiting(task): the runtime awaits the task is suspended on, innermost
	// first as the deadlock report names them: [what, frame] pairs, the
	// frame ("at /path/file.js:4:9") empty when no script frame made it.
	set("waiting", func(call goja.FunctionCall) goja.Value {
		t, _ := call.Argument(0).Export().(*bindings.TaskRef)
		out := []any{}
		if t == nil {
			return vm.ToValue(out)
		}
		for _, w := range t.Waiting() {
			frame := ""
			if file, line, col, ok := w.SitePosition(); ok {
				frame = fmt.Sprintf("    at %s:%d:%d", file, line, col)
			}
			out = append(out, vm.NewArray(w.What, frame))
		}
		return vm.ToValue(out)
	})
	set("owner", func(call goja.FunctionCall) goja.Value {
		st.res.setOwner(call.Argument(0).ToInteger())
		return goja.Undefined()
	})
	set("resources", func(call goja.FunctionCall) goja.Value {
		leaks := st.res.collect(call.Argument(0).ToInteger())
		arr := make([]any, len(leaks))
		for i, l := range leaks {
			o := vm.NewObject()
			_ = o.Set("kind", l.kind)
			_ = o.Set("what", l.what)
			_ = o.Set("stack", l.stack)
			arr[i] = o
		}
		return vm.ToValue(arr)
	})
	set("rejections", func(goja.FunctionCall) goja.Value {
		var out []any
		for _, p := range st.rejected {
			if st.pending[p] {
				delete(st.pending, p)
				out = append(out, p.Result())
			}
		}
		st.rejected = nil
		if out == nil {
			out = []any{}
		}
		return vm.ToValue(out)
	})
	set("plan", func(call goja.FunctionCall) goja.Value {
		if st.h != nil {
			var names []string
			_ = vm.ExportTo(call.Argument(0), &names)
			st.h.mu.Lock()
			st.h.planned = append(st.h.planned, names...)
			st.h.mu.Unlock()
		}
		return goja.Undefined()
	})
	set("start", func(call goja.FunctionCall) goja.Value {
		o := call.Argument(0).ToObject(vm)
		info := TestInfo{Name: o.Get("name").String(), Path: strings2(vm, o.Get("path"))}
		if t := o.Get("timeout"); t != nil && !goja.IsUndefined(t) {
			info.Timeout = seconds(t.ToFloat())
		}
		if st.h != nil {
			st.h.arm(info, loop)
			if st.h.OnStart != nil {
				st.h.OnStart(info)
			}
		}
		return goja.Undefined()
	})
	set("result", func(call goja.FunctionCall) goja.Value {
		r := st.toResult(call.Argument(0).ToObject(vm))
		if st.h != nil {
			if !r.Hook {
				st.h.disarm(r.FullName())
			}
			if st.h.OnResult != nil {
				st.h.OnResult(r)
			}
			return goja.Undefined()
		}
		st.print(r)
		return goja.Undefined()
	})
	return h
}

func seconds(s float64) time.Duration {
	if math.IsNaN(s) || s <= 0 || math.IsInf(s, 0) || s > 1e9 {
		return 0
	}
	return time.Duration(s * float64(time.Second))
}

func strings2(vm *goja.Runtime, v goja.Value) []string {
	var out []string
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	_ = vm.ExportTo(v, &out)
	return out
}

func (st *state) toResult(o *goja.Object) Result {
	vm := st.env.VM
	r := Result{
		Name:   o.Get("name").String(),
		Path:   strings2(vm, o.Get("path")),
		Status: Status(o.Get("status").String()),
	}
	if v := o.Get("reason"); v != nil && !goja.IsUndefined(v) {
		r.Reason = v.String()
	}
	if v := o.Get("duration"); v != nil && !goja.IsUndefined(v) {
		r.Duration = time.Duration(v.ToFloat() * float64(time.Millisecond))
	}
	if v := o.Get("hook"); v != nil && v.ToBoolean() {
		r.Hook = true
	}
	if v := o.Get("error"); v != nil && !goja.IsUndefined(v) {
		f := DescribeError(vm, v)
		r.Err = &f
	}
	if v := o.Get("errors"); v != nil && !goja.IsUndefined(v) {
		arr := v.ToObject(vm)
		n := int(arr.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			r.Errors = append(r.Errors, DescribeError(vm, arr.Get(fmt.Sprint(i))))
		}
	}
	if v := o.Get("leaks"); v != nil && !goja.IsUndefined(v) {
		arr := v.ToObject(vm)
		n := int(arr.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			l := arr.Get(fmt.Sprint(i)).ToObject(vm)
			r.Leaks = append(r.Leaks, Leak{
				Kind:  l.Get("kind").String(),
				What:  l.Get("what").String(),
				Stack: frames(l.Get("stack").String()),
			})
		}
	}
	return r
}

// DescribeError turns a thrown JS value into a Failure. Call it on the loop.
func DescribeError(vm *goja.Runtime, v goja.Value) Failure {
	obj, ok := v.(*goja.Object)
	if !ok || v == nil {
		return Failure{Message: "Uncaught " + jsString(vm, v)}
	}
	msgV, stackV := obj.Get("message"), obj.Get("stack")
	if msgV == nil && stackV == nil {
		return Failure{Message: "Uncaught " + jsString(vm, v)}
	}
	name := "Error"
	if n := obj.Get("name"); n != nil && !goja.IsUndefined(n) {
		name = n.String()
	}
	if c := obj.Get("code"); c != nil && !goja.IsUndefined(c) && strings.HasSuffix(name, "AssertionError") {
		name += " [" + c.String() + "]"
	}
	msg := ""
	if msgV != nil && !goja.IsUndefined(msgV) {
		msg = msgV.String()
	}
	f := Failure{Message: name}
	if msg != "" {
		f.Message += ": " + strings.TrimRight(msg, "\n")
	}
	if stackV != nil && !goja.IsUndefined(stackV) {
		f.Stack = frames(stackV.String())
	}
	return f
}

func jsString(vm *goja.Runtime, v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if s, ok := v.Export().(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return v.String()
}

// frames keeps the "at ..." lines of a JS stack.
func frames(stack string) []string {
	var out []string
	for _, line := range strings.Split(stack, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "at ") {
			out = append(out, line)
		}
	}
	return out
}

// autoRun runs the declared tests once the loop is idle, when no runner
// drives the file (`arun file.test.js`).
func (st *state) autoRun() bool {
	if st.run == nil {
		return false
	}
	has, err := st.hasTests(goja.Undefined())
	if err != nil || !has.ToBoolean() {
		return false
	}
	run := st.run
	st.run = nil
	st.env.Loop.Schedule(func() error {
		p, err := run(goja.Undefined())
		if err != nil {
			return err
		}
		obj := p.ToObject(st.env.VM)
		then, _ := goja.AssertFunction(obj.Get("then"))
		done := st.env.VM.ToValue(func(goja.FunctionCall) goja.Value {
			st.closing()
			return goja.Undefined()
		})
		_, err = then(obj, done)
		return err
	})
	return true
}

func (st *state) print(r Result) {
	w := st.env.Stdout
	switch r.Status {
	case Passed:
		st.passed++
		fmt.Fprintf(w, "ok    %s (%s)\n", r.FullName(), FormatDuration(r.Duration))
	case Skipped, Todo:
		st.skipped++
		fmt.Fprintf(w, "%-5s %s\n", map[Status]string{Skipped: "skip", Todo: "todo"}[r.Status], r.FullName())
	default:
		st.failed++
		fmt.Fprintf(w, "FAIL  %s (%s)\n", r.FullName(), FormatDuration(r.Duration))
		if r.Err != nil {
			for _, l := range strings.Split(r.Err.Message, "\n") {
				fmt.Fprintf(w, "      %s\n", l)
			}
			for _, f := range r.Err.Stack {
				if f = strings.TrimSpace(bindings.CleanStack(f)); f != "" && !strings.Contains(f, "(native)") {
					if cwd := st.cwd(); cwd != "" {
						f = strings.ReplaceAll(f, cwd+string(os.PathSeparator), "")
					}
					fmt.Fprintf(w, "        %s\n", f)
				}
			}
		}
		for _, l := range r.Leaks {
			fmt.Fprintf(w, "      leaked %s: %s\n", l.Kind, l.What)
		}
	}
}

// cwd is process.cwd(), the runtime's directory.
func (st *state) cwd() string {
	p, ok := st.env.VM.Get("process").(*goja.Object)
	if !ok {
		return ""
	}
	fn, ok := goja.AssertFunction(p.Get("cwd"))
	if !ok {
		return ""
	}
	v, err := fn(p)
	if err != nil {
		return ""
	}
	return v.String()
}

func (st *state) closing() {
	line := fmt.Sprintf("%d passed, %d failed", st.passed, st.failed)
	if st.skipped > 0 {
		line += fmt.Sprintf(", %d skipped", st.skipped)
	}
	fmt.Fprintln(st.env.Stdout, line)
	if st.failed > 0 {
		if p := st.env.VM.Get("process"); p != nil && !goja.IsUndefined(p) {
			_ = p.ToObject(st.env.VM).Set("exitCode", 1)
		}
	}
}

// FormatDuration prints a test's time: "0.4ms", "12ms", "1.5s".
func FormatDuration(d time.Duration) string {
	switch {
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	default:
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
}
