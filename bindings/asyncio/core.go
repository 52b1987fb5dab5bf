package asyncio

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// core is one runtime's asyncio state on the Go side.
type core struct {
	env  *bindings.Env
	vm   *goja.Runtime
	loop *eventloop.Loop

	tasks map[*goja.Object]*taskRec // tasks not yet done
	seq   uint64
	stack []goja.StackFrame // reused by CaptureCallStack
	wheel timerWheel

	main     *goja.Object  // asyncio.run's main task while it runs
	describe goja.Callable // JS: describe(task) -> string
	state    goja.Callable // JS: state(task) -> 0 pending, 1 done
	rewait   *goja.Object  // sentinel a deliver hook returns to wait again
	followed *goja.Object  // sentinel: enter made the task follow fn's promise
	reported bool
	hooks    *goja.Object // asyncio.js's internal hooks
	// thenQuiet's state (initQuiet)
	then         goja.Callable // Promise.prototype.then, as first seen
	thenObj      *goja.Object
	promiseProto *goja.Object
	quietProto   *goja.Object
	// soon's callbacks, asserted callable once (most calls pass one of a
	// few: startTask, a done callback, a settler)
	soonFns bindings.Callables
}

// taskRec is the Go side of one asyncio Task.
type taskRec struct {
	ref     bindings.TaskRef
	obj     *goja.Object
	seq     uint64
	site    goja.StackFrame
	hasSite bool
}

func newCore(env *bindings.Env) *core {
	c := &core{
		env:   env,
		vm:    env.VM,
		loop:  env.Loop,
		tasks: map[*goja.Object]*taskRec{},
	}
	c.wheel.init(c)
	c.rewait = c.vm.NewObject()
	c.followed = c.vm.NewObject()
	env.OnDeadlock(c.describeWaiting)
	env.Loop.OnIdle(c.onIdle)
	env.OnShutdown(c.shutdown)
	return c
}

// shutdown is a graceful stop of the runtime (SIGINT): as CPython's
// asyncio.run does on Ctrl-C, the main task is cancelled (and, with no
// asyncio.run, every task), so CancelledError reaches their awaits and
// their finally blocks run.
func (c *core) shutdown(reason goja.Value) {
	msg := c.vm.ToValue("interrupted")
	cancel := func(o *goja.Object) {
		if fn, ok := goja.AssertFunction(o.Get("cancel")); ok {
			_, _ = fn(o, msg)
		}
	}
	if c.main != nil {
		cancel(c.main)
		return
	}
	for _, r := range c.sorted() {
		cancel(r.obj)
	}
}

// bind reads the hooks asyncio.js exports for Go.
func (c *core) bind(exports *goja.Object) error {
	hooks, ok := exports.Get("__hooks").(*goja.Object)
	if !ok {
		return fmt.Errorf("asyncio: asyncio.js exports no hooks")
	}
	c.describe, _ = goja.AssertFunction(hooks.Get("describe"))
	c.state, _ = goja.AssertFunction(hooks.Get("state"))
	if c.describe == nil || c.state == nil {
		return fmt.Errorf("asyncio: asyncio.js hooks incomplete")
	}
	c.hooks = hooks // streams.js takes shared helpers from it
	_ = exports.Delete("__hooks")
	return nil
}

func (c *core) natives() *goja.Object {
	o := c.vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }
	set("soon", c.soon)
	set("sleep", c.sleep)
	set("now", func(goja.FunctionCall) goja.Value { return c.vm.ToValue(c.loop.Now().Seconds()) })
	set("timer", c.timer)
	set("timerCancel", c.timerCancel)
	set("taskNew", c.taskNew)
	set("enter", c.enter)
	set("follow", c.follow)
	set("taskDone", c.taskDone)
	set("cancel", c.cancel)
	set("clearPending", c.clearPending)
	ref := func(call goja.FunctionCall) *bindings.TaskRef {
		if r := c.rec(call.Argument(0)); r != nil {
			return &r.ref
		}
		return nil
	}
	set("requestCancel", func(call goja.FunctionCall) goja.Value {
		if t := ref(call); t != nil {
			t.RequestCancel(call.Argument(1))
			if tr := c.env.Tracer(); tr != nil {
				msg := ""
				if m := call.Argument(1); !goja.IsUndefined(m) && !goja.IsNull(m) {
					msg = m.String()
				}
				tr.TaskCancel(t, msg)
			}
		}
		return goja.Undefined()
	})
	set("cancelling", func(call goja.FunctionCall) goja.Value {
		if t := ref(call); t != nil {
			return c.vm.ToValue(t.Cancelling())
		}
		return c.vm.ToValue(-1)
	})
	set("uncancel", func(call goja.FunctionCall) goja.Value {
		if t := ref(call); t != nil {
			return c.vm.ToValue(t.Uncancel())
		}
		return c.vm.ToValue(-1)
	})
	set("cancelMsg", func(call goja.FunctionCall) goja.Value {
		if t := ref(call); t != nil && t.CancelMessage() != nil {
			return t.CancelMessage()
		}
		return goja.Undefined()
	})
	set("mustCancel", func(call goja.FunctionCall) goja.Value {
		t := ref(call)
		return c.vm.ToValue(t != nil && t.MustCancel())
	})
	set("delivered", func(call goja.FunctionCall) goja.Value {
		t := ref(call)
		return c.vm.ToValue(t != nil && t.Delivered())
	})
	set("setDelivered", func(call goja.FunctionCall) goja.Value {
		if t := ref(call); t != nil {
			t.SetDelivered(call.Argument(1).ToBoolean())
		}
		return goja.Undefined()
	})
	set("cur", c.cur)
	_ = o.Set("CancelledError", c.env.CancelledError())
	set("adopt", c.adopt)
	// ownAwait(p): there is a current asyncio task (not the main module's
	// context, where timeout() makes a task) and p is a pending runtime
	// await of it (Env.OwnAwait), which waitFor runs in that task
	set("ownAwait", func(call goja.FunctionCall) goja.Value {
		p, ok := call.Argument(0).(*goja.Object)
		if !ok || goja.IsUndefined(c.cur(goja.FunctionCall{})) {
			return c.vm.ToValue(false)
		}
		return c.vm.ToValue(c.env.OwnAwait(p))
	})
	set("noteAwait", func(call goja.FunctionCall) goja.Value {
		if box, ok := call.Argument(0).(*goja.Object); ok {
			c.env.NoteAwait(box)
		}
		return goja.Undefined()
	})
	set("inFirstStep", func(goja.FunctionCall) goja.Value { return c.vm.ToValue(c.env.InFirstStep()) })
	set("all", c.all)
	set("wq", c.newWaitq)
	set("wait", c.wait)
	set("waitRun", c.waitRun)
	set("wake", c.wake)
	set("wakeAll", c.wakeAll)
	set("live", c.live)
	set("setMain", func(call goja.FunctionCall) goja.Value {
		c.main, _ = call.Argument(0).(*goja.Object)
		c.reported = false
		return goja.Undefined()
	})
	set("fatal", func(call goja.FunctionCall) goja.Value {
		c.env.Fatal(call.Argument(0))
		return goja.Undefined()
	})
	set("cleanStack", func(call goja.FunctionCall) goja.Value {
		return c.vm.ToValue(bindings.CleanStack(call.Argument(0).String()))
	})
	set("stderr", func(call goja.FunctionCall) goja.Value {
		_, _ = io.WriteString(c.env.Stderr, call.Argument(0).String())
		return goja.Undefined()
	})
	_ = o.Set("debug", c.env.Debug)
	_ = o.Set("REWAIT", c.rewait)
	_ = o.Set("FOLLOWED", c.followed)
	return o
}

func (c *core) throw(err error) { panic(c.env.ToJSError(err)) }

// seconds converts a JS number of seconds to a duration (NaN and negative
// become 0, huge values are capped).
func seconds(v goja.Value) time.Duration {
	s := v.ToFloat()
	if math.IsNaN(s) || s <= 0 {
		return 0
	}
	if s > 1e9 {
		s = 1e9
	}
	return time.Duration(s * float64(time.Second))
}

// soon(fn, arg): call fn(arg) on a later turn of the loop (call_soon).
func (c *core) soon(call goja.FunctionCall) goja.Value {
	fn, ok := c.soonFns.Assert(call.Argument(0))
	if !ok {
		c.throw(bindings.TypeErrorf("callback must be a function"))
	}
	arg := call.Argument(1)
	c.loop.Schedule(func() error {
		_, err := fn(goja.Undefined(), arg)
		return err
	})
	return goja.Undefined()
}

// Tasks.

func (c *core) rec(v goja.Value) *taskRec {
	o, _ := v.(*goja.Object)
	if o == nil {
		return nil
	}
	return c.tasks[o]
}

// taskNew(task): registers a task and records where it was created.
func (c *core) taskNew(call goja.FunctionCall) goja.Value {
	o, ok := call.Argument(0).(*goja.Object)
	if !ok {
		c.throw(bindings.TypeErrorf("not a task"))
	}
	c.seq++
	r := &taskRec{obj: o, seq: c.seq}
	r.ref.Data = r
	c.stack = c.vm.CaptureCallStack(8, c.stack[:0])
	for _, f := range c.stack {
		// Position() resolves source maps: too slow for every task, so it
		// waits for a report to need it
		if name := f.SrcName(); name != "" && name != jsName && name != "<native>" {
			r.site, r.hasSite = f, true
			break
		}
	}
	c.tasks[o] = r
	if tr := c.env.Tracer(); tr != nil {
		tr.TaskStart(&r.ref, c.env.CurrentTask(), c.taskName(o), r.where())
	}
	return goja.Undefined()
}

// enter(task, fn, onOk, onFail): runs fn() as the first step of task, which
// is the current task meanwhile; goja's async context tracker carries it
// across fn's awaits. When fn returns a plain native promise (an async
// function's), task follows it as N.follow(task, p, onOk, onFail) would and
// enter returns the FOLLOWED sentinel; anything else is returned for
// asyncio.js to handle.
func (c *core) enter(call goja.FunctionCall) goja.Value {
	r := c.rec(call.Argument(0))
	fn, ok := goja.AssertFunction(call.Argument(1))
	if !ok {
		c.throw(bindings.TypeErrorf("a task needs a function"))
	}
	var prev *bindings.Coro
	if r != nil {
		prev = c.env.SetCurrentTask(&r.ref)
	}
	v, err := fn(goja.Undefined())
	if err == nil && r != nil {
		if p, ok := v.(*goja.Object); ok {
			if c.quietable(p) {
				c.quietThen(p, call.Arguments[2], call.Arguments[3])
				c.env.RestoreCurrent(prev)
				return c.followed
			}
		}
	}
	if r != nil {
		c.env.RestoreCurrent(prev)
	}
	if err != nil {
		rethrow(err)
	}
	return v
}

// follow(task, promise, onOk, onFail): registers onOk/onFail on promise
// (see thenQuiet) while task is current, so that the async context tracker
// makes task current again when the reaction runs (N.cur() tells the shared
// handlers which task settled).
func (c *core) follow(call goja.FunctionCall) goja.Value {
	r := c.rec(call.Argument(0))
	p, ok := call.Argument(1).(*goja.Object)
	if !ok || r == nil {
		c.throw(bindings.TypeErrorf("asyncio: follow needs a task and a promise"))
	}
	prev := c.env.SetCurrentTask(&r.ref)
	c.thenQuiet(p, call.Argument(2), call.Argument(3))
	c.env.RestoreCurrent(prev)
	return goja.Undefined()
}

// thenQuiet calls Promise.prototype.then on p without the derived promise
// it would make: each goja promise carries two resolving function objects
// (about 1.3 KB while it is pending), and asyncio registers one such
// reaction per task. During the call p's
// prototype is one whose constructor's Symbol.species is quietCtor, whose
// capabilities are a shared object and shared resolving functions; the
// prototype is put back at once. Only a plain promise with no own
// properties goes this way (quietable), so no script code runs meanwhile.
// A reaction that throws reaches the fatal handler (an asyncio bug), since
// no promise would carry its rejection.
func (c *core) thenQuiet(p *goja.Object, onOk, onFail goja.Value) {
	if !c.quietable(p) {
		// a subclass, a proxy, a promise with its own then or constructor,
		// or a patched Promise.prototype.then: p.then(onOk, onFail), as an
		// await would call it
		then, ok := goja.AssertFunction(p.Get("then"))
		if !ok {
			c.throw(bindings.TypeErrorf("asyncio: the awaited object has no then method"))
		}
		c.callThen(then, p, onOk, onFail)
		return
	}
	c.quietThen(p, onOk, onFail)
}

// quietThen is thenQuiet for a p that quietable accepted.
func (c *core) quietThen(p *goja.Object, onOk, onFail goja.Value) {
	orig := p.Prototype()
	if err := p.SetPrototype(c.quietProto); err != nil {
		c.callThen(c.then, p, onOk, onFail)
		return
	}
	defer func() { _ = p.SetPrototype(orig) }()
	c.callThen(c.then, p, onOk, onFail)
}

// quietable: p is a plain native promise with no own properties (own
// symbols cannot change how then is found), and Promise.prototype.then is
// still the built-in one. It sets up thenQuiet's state on first use.
func (c *core) quietable(p *goja.Object) bool {
	if c.then == nil {
		c.initQuiet()
	}
	if _, ok := p.Export().(*goja.Promise); !ok {
		return false
	}
	if p.Prototype() != c.promiseProto || len(p.GetOwnPropertyNames()) != 0 {
		return false
	}
	then, _ := c.promiseProto.Get("then").(*goja.Object)
	return then == c.thenObj
}

func (c *core) callThen(then goja.Callable, p *goja.Object, onOk, onFail goja.Value) {
	if _, err := then(p, onOk, onFail); err != nil {
		rethrow(err)
	}
}

// rethrow throws err from a native function: a JS exception as its value,
// an interrupt or a stack overflow as itself (goja must unwind those).
func rethrow(err error) {
	eventloop.PanicIfUncatchable(err)
	if ex, ok := err.(*goja.Exception); ok {
		panic(ex.Value())
	}
	panic(err)
}

func (c *core) initQuiet() {
	vm := c.vm
	promise := vm.Get("Promise").ToObject(vm)
	c.promiseProto = promise.Get("prototype").ToObject(vm)
	c.thenObj, _ = c.promiseProto.Get("then").(*goja.Object)
	c.then, _ = goja.AssertFunction(c.thenObj)
	shared := vm.NewObject()
	ignore := vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	fatal := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		c.env.Fatal(call.Argument(0))
		return goja.Undefined()
	})
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		if exec, ok := goja.AssertFunction(call.Argument(0)); ok {
			if _, err := exec(goja.Undefined(), ignore, fatal); err != nil {
				panic(err)
			}
		}
		return shared
	}).ToObject(vm)
	_ = ctor.SetSymbol(goja.SymSpecies, ctor)
	c.quietProto = vm.NewObject()
	_ = c.quietProto.SetPrototype(c.promiseProto)
	_ = c.quietProto.DefineDataProperty("constructor", ctor, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// taskDone(task): forgets a finished task; reports whether a cancellation
// was still waiting to be delivered.
func (c *core) taskDone(call goja.FunctionCall) goja.Value {
	o, _ := call.Argument(0).(*goja.Object)
	r := c.tasks[o]
	if r == nil {
		return c.vm.ToValue(0)
	}
	delete(c.tasks, o)
	r.obj = nil
	n := r.ref.Cancelling()
	if msg := r.ref.CancelMessage(); r.ref.ClearPendingCancel() {
		if tr := c.env.Tracer(); tr != nil {
			tr.TaskEnd(&r.ref, c.taskName(o), bindings.Cancelled)
		}
		return c.vm.NewArray(n, msg)
	}
	if tr := c.env.Tracer(); tr != nil {
		// taskFail passes the error, taskOk nothing
		out := bindings.Resolved
		if len(call.Arguments) > 1 {
			out = bindings.Rejected
			if c.env.IsCancelled(call.Argument(1)) {
				out = bindings.Cancelled
			}
		}
		tr.TaskEnd(&r.ref, c.taskName(o), out)
	}
	return c.vm.ToValue(n)
}

// taskName is task.getName(), for a tracer.
func (c *core) taskName(o *goja.Object) string {
	if fn, ok := goja.AssertFunction(o.Get("getName")); ok {
		if v, err := fn(o); err == nil {
			return v.String()
		}
	}
	return "Task"
}

// cancel(task, reason, forwarded, shieldOnly) delivers a cancellation to
// the runtime awaits of task. forwarded says the cancellation already
// reached a future the task awaits; then the task's own waiters are
// rejected only if it has some and the futures are not all shields.
// Without forwarding and without waiters, the cancellation waits for the
// task's next runtime await; cancel then returns true.
func (c *core) cancel(call goja.FunctionCall) goja.Value {
	r := c.rec(call.Argument(0))
	if r == nil {
		return c.vm.ToValue(false)
	}
	reason := call.Argument(1)
	forwarded := call.Argument(2).ToBoolean()
	shieldOnly := call.Argument(3).ToBoolean()
	has := len(r.ref.Waiting()) > 0
	switch {
	case has && !shieldOnly:
		r.ref.Cancel(reason)
	case !forwarded:
		// reports false when nothing was waiting: the cancellation is kept
		// for the next runtime await
		return c.vm.ToValue(!r.ref.Cancel(reason))
	}
	return c.vm.ToValue(false)
}

func (c *core) clearPending(call goja.FunctionCall) goja.Value {
	r := c.rec(call.Argument(0))
	if r == nil {
		return c.vm.ToValue(false)
	}
	return c.vm.ToValue(r.ref.ClearPendingCancel())
}

// adopt(task, promise): if promise is the result of a coroutine call whose
// first step ended in this job (createTask(coro()) and the other Python
// forms), or a pending runtime await of the current task, task adopts it
// (Env.AdoptPromise), with the futures that call's first step awaits (the
// boxes of noteAwait); it reports whether it did. Otherwise task can only
// follow the promise.
func (c *core) adopt(call goja.FunctionCall) goja.Value {
	r := c.rec(call.Argument(0))
	p, ok := call.Argument(1).(*goja.Object)
	if r == nil || !ok {
		return c.vm.ToValue(false)
	}
	boxes, ok := c.env.AdoptPromise(&r.ref, p)
	for _, b := range boxes {
		_ = b.Set("0", r.obj)
	}
	return c.vm.ToValue(ok)
}

// cur(): the current task, or undefined.
func (c *core) cur(goja.FunctionCall) goja.Value {
	t := c.env.CurrentTask()
	if t == nil {
		return goja.Undefined()
	}
	if r, ok := t.Data.(*taskRec); ok && r.obj != nil {
		return r.obj
	}
	return goja.Undefined()
}

func (c *core) sorted() []*taskRec {
	out := make([]*taskRec, 0, len(c.tasks))
	for _, r := range c.tasks {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// all(): the tasks not yet done, in creation order.
func (c *core) all(goja.FunctionCall) goja.Value {
	recs := c.sorted()
	vals := make([]any, len(recs))
	for i, r := range recs {
		vals[i] = r.obj
	}
	return c.vm.NewArray(vals...)
}

// Deadlock diagnostics.

func (r *taskRec) where() string {
	if !r.hasSite {
		return ""
	}
	p := r.site.Position()
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

func (c *core) describeTask(r *taskRec) string {
	desc := ""
	if v, err := c.describe(goja.Undefined(), r.obj); err == nil {
		desc = v.String()
	}
	var whats []string
	for _, w := range r.ref.Waiting() {
		what := w.What
		if site := w.Site(); site != "" {
			what += " at " + site
		}
		whats = append(whats, what)
	}
	if len(whats) > 0 {
		if strings.Contains(desc, " waiting on ") {
			desc += ", " + strings.Join(whats, ", ")
		} else {
			desc += " waiting on " + strings.Join(whats, ", ")
		}
	}
	if !strings.Contains(desc, " waiting on ") {
		desc += " waiting on a promise the runtime does not own"
	}
	if w := r.where(); w != "" {
		desc += " (created at " + w + ")"
	}
	return desc
}

// describeWaiting is the OnDeadlock hook: one line per pending task.
func (c *core) describeWaiting() []string {
	var out []string
	for _, r := range c.sorted() {
		out = append(out, c.describeTask(r))
	}
	return out
}

// onIdle detects a deadlock of asyncio.run: the loop has nothing left to do
// while the main task is still pending.
func (c *core) onIdle() bool {
	if c.main == nil || c.reported {
		return false
	}
	st, err := c.state(goja.Undefined(), c.main)
	if err != nil || st.ToInteger() != 0 {
		return false
	}
	c.reported = true
	c.env.ReportDeadlock("deadlock: asyncio.run() main task is waiting, but nothing is left that could wake it", c.describeWaiting())
	return false
}
