// arun's asyncio: a port of CPython 3.12's asyncio (futures, tasks, locks,
// queues, timeouts, task groups) to JavaScript. Times are seconds. The Go
// natives N (see core.go, waitq.go) provide sleeps, timers, callSoon, task
// records for cancellation and wait queues of runtime-owned waiters.
(function (N) {
  "use strict";

  const PENDING = 0, FINISHED = 1, CANCELLED = 2;
  const STATE_NAMES = ["pending", "finished", "cancelled"];
  const soon = N.soon, wq = N.wq, nwait = N.wait, wake = N.wake, live = N.live;
  const REWAIT = N.REWAIT, FOLLOWED = N.FOLLOWED;
  const RESOLVED = Promise.resolve(undefined);
  const RESOLVED_TRUE = Promise.resolve(true);

  // ---- exceptions -------------------------------------------------------

  function errorClass(name, Base) {
    const C = {
      [name]: class extends Base {
        constructor(message) {
          super(message === undefined || message === null ? "" : String(message));
        }
      },
    }[name];
    Object.defineProperty(C.prototype, "name", { value: name, writable: true, configurable: true });
    return C;
  }
  const CancelledError = N.CancelledError; // the runtime's own (bindings.Env.CancelledError)
  const TimeoutError = errorClass("TimeoutError", Error);
  const InvalidStateError = errorClass("InvalidStateError", Error);
  const QueueEmpty = errorClass("QueueEmpty", Error);
  const QueueFull = errorClass("QueueFull", Error);
  const QueueShutDown = errorClass("QueueShutDown", Error);
  const BrokenBarrierError = errorClass("BrokenBarrierError", Error);
  const RuntimeError = errorClass("RuntimeError", Error);
  const ValueError = errorClass("ValueError", Error);

  const AggregateBase = typeof AggregateError === "function" ? AggregateError : Error;
  class ExceptionGroup extends AggregateBase {
    constructor(message, exceptions) {
      const list = Array.from(exceptions || []);
      if (AggregateBase === Error) {
        super(message);
        this.errors = list;
      } else {
        super(list, message);
      }
      this.exceptions = list;
    }
  }
  Object.defineProperty(ExceptionGroup.prototype, "name", { value: "ExceptionGroup", writable: true, configurable: true });

  function cancelledError(msg) {
    return new CancelledError(msg);
  }

  // ---- helpers ----------------------------------------------------------

  function isThenable(x) {
    return x !== null && (typeof x === "object" || typeof x === "function") && typeof x.then === "function";
  }

  // captures a new promise's resolving functions without a closure per call
  let capRes, capRej;
  function capture(res, rej) {
    capRes = res;
    capRej = rej;
  }

  const unretrieved = N.debug ? new Set() : null;

  function describeValue(v) {
    if (v instanceof Error) return String(v.stack || v);
    try {
      return String(v);
    } catch (e) {
      return "<value>";
    }
  }

  // console.log / util.inspect show asyncio objects as CPython's repr()
  // does (`<Task finished name='Task-1' result=2>`), not their fields
  const INSPECT = Symbol.for("nodejs.util.inspect.custom");
  function inspectAsRepr(cls) {
    Object.defineProperty(cls.prototype, INSPECT, {
      value: function () {
        return this.toString();
      },
      writable: true,
      configurable: true,
    });
  }
  function outcome(f, inspect, opts, depth) {
    if (f._state !== FINISHED) return "";
    // one level deeper, as Node's custom inspectors do
    const sub = Object.assign({}, opts, { depth: typeof depth === "number" ? depth - 1 : depth });
    const show = (v) => (typeof inspect === "function" ? inspect(v, sub) : describeValue(v));
    if (f._hasExc) {
      const e = f._exception;
      return " exception=" + (e instanceof Error ? `${e.name}(${JSON.stringify(e.message)})` : show(e));
    }
    return " result=" + show(f._result);
  }

  // ---- Future -----------------------------------------------------------

  class Future {
    constructor() {
      this._state = PENDING;
    }
    done() {
      return this._state !== PENDING;
    }
    cancelled() {
      return this._state === CANCELLED;
    }
    result() {
      if (this._state === CANCELLED) throw this._makeCancelledError();
      if (this._state !== FINISHED) throw new InvalidStateError("Result is not set.");
      this._retrieved();
      if (this._hasExc) throw this._exception;
      return this._result;
    }
    exception() {
      if (this._state === CANCELLED) throw this._makeCancelledError();
      if (this._state !== FINISHED) throw new InvalidStateError("Exception is not set.");
      this._retrieved();
      return this._hasExc ? this._exception : null;
    }
    setResult(value) {
      if (this._state !== PENDING) throw new InvalidStateError(`invalid state: ${STATE_NAMES[this._state]}`);
      this._result = value;
      this._state = FINISHED;
      this._schedule();
    }
    setException(exc) {
      if (this._state !== PENDING) throw new InvalidStateError(`invalid state: ${STATE_NAMES[this._state]}`);
      this._exception = exc;
      this._hasExc = true;
      this._state = FINISHED;
      this._logTb = true;
      this._schedule();
    }
    cancel(msg) {
      this._logTb = false;
      if (this._state !== PENDING) return false;
      this._state = CANCELLED;
      this._cancelMessage = msg;
      this._schedule();
      return true;
    }
    addDoneCallback(fn) {
      if (typeof fn !== "function") throw new TypeError("callback must be a function");
      if (this._state !== PENDING) soon(fn, this);
      else addCallback(this, fn);
    }
    removeDoneCallback(fn) {
      const cbs = this._callbacks;
      if (cbs === null) return 0;
      if (typeof cbs === "function") {
        if (cbs !== fn) return 0;
        this._callbacks = null;
        return 1;
      }
      const kept = cbs.filter((f) => f !== fn);
      this._callbacks = kept.length === 0 ? null : kept.length === 1 ? kept[0] : kept;
      return cbs.length - kept.length;
    }
    getLoop() {
      return theLoop;
    }
    // `await fut`: the getter runs synchronously in the awaiting task (before
    // goja's thenable job), which is how the task learns what it waits on.
    // Inside a coroutine's first step the task is kept in a box that a task
    // adopting the coroutine (createTask(coro())) updates before the
    // thenable job runs.
    get then() {
      const fut = this;
      const T = N.cur();
      if (!N.inFirstStep()) {
        return function then(onFulfilled, onRejected) {
          return awaitFuture(fut, T, onFulfilled, onRejected);
        };
      }
      const box = [T];
      N.noteAwait(box);
      return function then(onFulfilled, onRejected) {
        return awaitFuture(fut, box[0], onFulfilled, onRejected);
      };
    }
    catch(onRejected) {
      return this._promise().then(undefined, onRejected);
    }
    finally(fn) {
      return this._promise().finally(fn);
    }
    toString() {
      return `<Future ${STATE_NAMES[this._state]}>`;
    }
    _retrieved() {
      if (this._logTb) {
        this._logTb = false;
        if (unretrieved) unretrieved.delete(this);
      }
    }
    _makeCancelledError() {
      if (this._cancelledExc) return this._cancelledExc;
      const e = cancelledError(this._cancelMessage);
      this._cancelledExc = e;
      return e;
    }
    _schedule() {
      const cbs = this._callbacks;
      if (cbs !== null) {
        this._callbacks = null;
        if (typeof cbs === "function") soon(cbs, this);
        else for (let i = 0; i < cbs.length; i++) soon(cbs[i], this);
      }
    }
    // the native promise that awaiting tasks follow, settled by a done
    // callback (so on a later turn, as CPython wakes a task)
    _promise() {
      let p = this._p;
      if (p === undefined) {
        p = this._p = new Promise(capture);
        this._res = capRes;
        this._rej = capRej;
        if (this._state === PENDING) addCallback(this, settlePromise);
        else settlePromise(this);
      }
      return p;
    }
  }
  const inspecting = new Set(); // futures whose result is being shown
  Object.defineProperty(Future.prototype, INSPECT, {
    value: function (depth, opts, inspect) {
      const s = this.toString();
      // a result that contains its own future (job.task = task) or a depth
      // used up shows the future without it
      if (inspecting.has(this) || (typeof depth === "number" && depth < 0)) return s;
      inspecting.add(this);
      try {
        return s.slice(0, -1) + outcome(this, inspect, opts, depth) + ">";
      } finally {
        inspecting.delete(this);
      }
    },
    writable: true,
    configurable: true,
  });
  Future.prototype._p = undefined;
  Future.prototype._callbacks = null;
  Future.prototype._hasExc = false;
  Future.prototype._logTb = false;
  Future.prototype._cancelledExc = undefined;
  Future.prototype._cancelMessage = undefined;

  // _callbacks is null, one function, or an array of two or more: most
  // futures have a single done callback (gather's, or an awaiting task's)
  function addCallback(f, fn) {
    const cbs = f._callbacks;
    if (cbs === null) f._callbacks = fn;
    else if (typeof cbs === "function") f._callbacks = [cbs, fn];
    else cbs.push(fn);
  }

  function settlePromise(f) {
    if (f._state === CANCELLED) f._rej(f._makeCancelledError());
    else if (f._hasExc) f._rej(f._exception);
    else f._res(f._result);
    f._res = f._rej = undefined;
  }

  function awaitFuture(fut, T, onFulfilled, onRejected) {
    fut._retrieved();
    if (T !== undefined && T !== fut && fut._state === PENDING) {
      if (N.mustCancel(T)) {
        // CPython's _must_cancel: a cancellation waiting for this await
        // cancels what is awaited (else it waits for the next runtime await)
        N.clearPending(T);
        const msg = N.cancelMsg(T);
        if (!fut.cancel(msg)) N.cancel(T, cancelledError(msg), false, false);
      }
      addFutWaiter(T, fut);
    }
    return fut._promise().then(onFulfilled, onRejected);
  }

  function addFutWaiter(T, fut) {
    const fw = T._futWaiter;
    if (fw === null || fw === fut) T._futWaiter = fut;
    else if (Array.isArray(fw)) {
      const live = fw.filter((f) => f._state === PENDING && f !== fut);
      live.push(fut);
      T._futWaiter = live.length === 1 ? live[0] : live;
    } else if (fw._state !== PENDING) T._futWaiter = fut;
    else T._futWaiter = [fw, fut];
  }

  function isFuture(x) {
    return x instanceof Future;
  }

  // ---- Task -------------------------------------------------------------

  let taskCounter = 0;

  class Task extends Future {
    constructor(aw, opts) {
      super();
      this._id = ++taskCounter;
      if (opts !== undefined && opts !== null && opts.name !== undefined && opts.name !== null) this._name = String(opts.name);
      if (typeof aw === "function") {
        this._fn = aw;
        N.taskNew(this);
        soon(startTask, this);
      } else if (aw instanceof Future) {
        this._follow = aw;
        N.taskNew(this);
        addFutWaiter(this, aw);
        aw.addDoneCallback((f) => copyFuture(f, this));
      } else if (isThenable(aw)) {
        N.taskNew(this);
        // a coroutine's promise (createTask(coro())): the task adopts the
        // call, so cancel() reaches its awaits; any other promise can only
        // be followed
        if (!(aw instanceof Promise) || !N.adopt(this, aw)) this._follow = aw;
        follow(this, aw);
      } else {
        throw new TypeError(`a coroutine was expected, got ${describeValue(aw)}`);
      }
    }
    getName() {
      return this._name !== undefined ? this._name : "Task-" + this._id;
    }
    setName(name) {
      this._name = String(name);
    }
    // The cancel state (Python's cancelling() count, the message, the
    // cancellation waiting for the next await, a delivered one not yet run)
    // is the task's bindings.TaskRef's; a finished task keeps its count.
    cancelling() {
      const n = N.cancelling(this);
      return n >= 0 ? n : this._numCancels;
    }
    uncancel() {
      const n = N.uncancel(this);
      return n >= 0 ? n : this._numCancels;
    }
    cancel(msg) {
      this._logTb = false;
      if (this._state !== PENDING) return false;
      N.requestCancel(this, msg);
      if (this._follow !== undefined) {
        // a task following a promise: the promise's work cannot be reached
        if (this._follow instanceof Future && this._follow.cancel(msg)) return true;
        if (!this._cancelScheduled) {
          this._cancelScheduled = true;
          soon(cancelFollower, this);
        }
        return true;
      }
      if (N.delivered(this)) return true; // CPython: the pending wake-up delivers it
      let forwarded = false, shieldOnly = true;
      const fw = this._futWaiter;
      if (fw !== null) {
        if (Array.isArray(fw)) {
          for (const f of fw) {
            if (f._state === PENDING && f.cancel(msg)) {
              forwarded = true;
              if (!f._shield) shieldOnly = false;
            }
          }
        } else if (fw._state === PENDING && fw.cancel(msg)) {
          forwarded = true;
          if (!fw._shield) shieldOnly = false;
        }
      }
      if (!forwarded) shieldOnly = false;
      if (!N.cancel(this, cancelledError(msg), forwarded, shieldOnly)) {
        // delivered (not kept for the next await): until the task has run
        // again, another cancel() adds nothing (CPython's _must_cancel is
        // consumed by that same step)
        N.setDelivered(this, true);
        soon(endInFlight, this);
      }
      return true;
    }
    toString() {
      const st = this._state === PENDING ? "pending" : this._state === CANCELLED ? "cancelled" : "finished";
      return `<Task ${st} name='${this.getName()}'>`;
    }
  }
  Task.prototype._name = undefined;
  Task.prototype._fn = undefined;
  Task.prototype._follow = undefined;
  Task.prototype._futWaiter = null;
  Task.prototype._numCancels = 0; // the count a finished task keeps
  Task.prototype._cancelScheduled = false;

  function startTask(t) {
    if (t._state !== PENDING) return;
    const fn = t._fn;
    t._fn = undefined;
    if (N.clearPending(t)) {
      // cancelled before it started: the function never runs
      taskFail(t, cancelledError(N.cancelMsg(t)));
      return;
    }
    let r;
    try {
      r = N.enter(t, fn, followOk, followFail);
    } catch (e) {
      taskFail(t, e);
      return;
    }
    if (r === FOLLOWED) return; // an async function's promise, followed
    if (r instanceof Promise) {
      follow(t, r);
    } else if (r instanceof Future) {
      addFutWaiter(t, r);
      r.addDoneCallback((f) => copyFuture(f, t));
    } else if (isThenable(r)) {
      follow(t, r);
    } else {
      taskOk(t, r);
    }
  }

  // t settles as the thenable p does; a then() that throws fails t
  function follow(t, p) {
    try {
      N.follow(t, p instanceof Promise ? p : Promise.resolve(p), followOk, followFail);
    } catch (e) {
      taskFail(t, e);
    }
  }

  // The reactions of a task's promise: N.follow registers them while the
  // task is current, so the async context tracker makes it current again
  // when they run. Two shared functions instead of two closures per task.
  function followOk(v) {
    const t = N.cur();
    if (t !== undefined) taskOk(t, v);
  }
  function followFail(e) {
    const t = N.cur();
    if (t !== undefined) taskFail(t, e);
  }

  function endInFlight(t) {
    N.setDelivered(t, false);
  }

  function cancelFollower(t) {
    if (t._state === PENDING) taskFail(t, cancelledError(N.cancelMsg(t)));
  }

  function copyFuture(src, t) {
    if (t._state !== PENDING) return;
    if (src._state === CANCELLED) taskFail(t, src._makeCancelledError());
    else if (src._hasExc) {
      src._retrieved();
      taskFail(t, src._exception);
    } else taskOk(t, src._result);
  }

  function taskOk(t, v) {
    if (t._state !== PENDING) return;
    const d = N.taskDone(t);
    if (d !== 0) {
      if (typeof d !== "number") {
        // cancelled while finishing, as CPython's _must_cancel at the end
        t._numCancels = d[0];
        finishCancelled(t, cancelledError(d[1]));
        return;
      }
      t._numCancels = d;
    }
    t._result = v;
    t._state = FINISHED;
    t._schedule();
  }

  function taskFail(t, e) {
    if (t._state !== PENDING) return;
    const d = N.taskDone(t, e); // (e: the outcome, for a tracer)
    if (d !== 0) t._numCancels = typeof d === "number" ? d : d[0];
    if (e instanceof CancelledError) {
      finishCancelled(t, e);
      return;
    }
    t._exception = e;
    t._hasExc = true;
    t._state = FINISHED;
    t._logTb = true;
    if (unretrieved) unretrieved.add(t);
    t._schedule();
  }

  function finishCancelled(t, e) {
    t._cancelledExc = e;
    t._cancelMessage = e.message;
    t._state = CANCELLED;
    t._schedule();
  }

  function createTask(aw, opts) {
    return new Task(aw, opts);
  }

  function ensureFuture(aw) {
    if (aw instanceof Future) return aw;
    if (typeof aw === "function" || isThenable(aw)) return new Task(aw);
    throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
  }

  function currentTask() {
    const t = N.cur();
    return t === undefined ? null : t;
  }

  function allTasks() {
    return new Set(N.all());
  }

  const AsyncFunction = async function () {}.constructor;
  function iscoroutinefunction(fn) {
    return typeof fn === "function" && fn instanceof AsyncFunction;
  }

  const sleep = N.sleep;

  // ---- gather, shield, wait, asCompleted ------------------------------

  class GatheringFuture extends Future {
    constructor(children) {
      super();
      this._children = children;
      this._cancelRequested = false;
    }
    cancel(msg) {
      if (this._state !== PENDING) return false;
      let ret = false;
      for (const child of this._children) if (child.cancel(msg)) ret = true;
      if (ret) this._cancelRequested = true;
      return ret;
    }
  }

  function isOptions(x) {
    if (x === null || typeof x !== "object" || isThenable(x) || x instanceof Future) return false;
    const p = Object.getPrototypeOf(x);
    return (p === Object.prototype || p === null) && "returnExceptions" in x;
  }

  function gather(...args) {
    let returnExceptions = false;
    if (args.length > 0 && isOptions(args[args.length - 1])) returnExceptions = !!args.pop().returnExceptions;
    if (args.length === 0) {
      const f = new Future();
      f.setResult([]);
      return f;
    }
    const argToFut = new Map();
    const children = new Array(args.length);
    const doneFuts = [];
    let nfuts = 0, nfinished = 0;
    let outer = null;
    const doneCallback = (fut) => {
      nfinished++;
      if (outer === null || outer._state !== PENDING) {
        if (fut._state !== CANCELLED) fut.exception();
        return;
      }
      if (!returnExceptions) {
        if (fut._state === CANCELLED) {
          outer.setException(fut._makeCancelledError());
          return;
        }
        const exc = fut.exception();
        if (exc !== null) {
          outer.setException(exc);
          return;
        }
      }
      if (nfinished === nfuts) {
        const results = new Array(children.length);
        for (let i = 0; i < children.length; i++) {
          const f = children[i];
          if (f._state === CANCELLED) results[i] = cancelledError(f._cancelMessage);
          else {
            const e = f.exception();
            results[i] = e !== null ? e : f._result;
          }
        }
        if (outer._cancelRequested) outer.setException(fut._makeCancelledError());
        else outer.setResult(results);
      }
    };
    // indexed loops: for...of makes an iterator result per item
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      let fut = argToFut.get(arg);
      if (fut === undefined) {
        fut = ensureFuture(arg);
        nfuts++;
        argToFut.set(arg, fut);
        if (fut._state !== PENDING) doneFuts.push(fut);
        else fut.addDoneCallback(doneCallback);
      }
      children[i] = fut;
    }
    outer = new GatheringFuture(children);
    for (let i = 0; i < doneFuts.length; i++) doneCallback(doneFuts[i]);
    return outer;
  }
  function shield(arg) {
    const inner = ensureFuture(arg);
    if (inner._state !== PENDING) return inner;
    const outer = new Future();
    outer._shield = true;
    const innerDone = (inner) => {
      if (outer._state === CANCELLED) {
        if (inner._state !== CANCELLED) inner.exception();
        return;
      }
      if (inner._state === CANCELLED) outer.cancel();
      else {
        const exc = inner.exception();
        if (exc !== null) outer.setException(exc);
        else outer.setResult(inner._result);
      }
    };
    const outerDone = () => {
      if (inner._state === PENDING) inner.removeDoneCallback(innerDone);
    };
    inner.addDoneCallback(innerDone);
    outer.addDoneCallback(outerDone);
    return outer;
  }

  const FIRST_COMPLETED = "FIRST_COMPLETED";
  const FIRST_EXCEPTION = "FIRST_EXCEPTION";
  const ALL_COMPLETED = "ALL_COMPLETED";

  function futureSet(fs, what) {
    if (fs instanceof Future || isThenable(fs) || fs === null || fs === undefined || typeof fs[Symbol.iterator] !== "function")
      throw new TypeError(`expect an iterable of futures for ${what}, not ${describeValue(fs)}`);
    const out = new Set();
    for (const f of fs) out.add(ensureFuture(f));
    return out;
  }

  function releaseWaiter(waiter) {
    if (waiter._state === PENDING) waiter.setResult(undefined);
  }

  async function wait(aws, opts) {
    const timeout = opts && opts.timeout !== undefined ? opts.timeout : null;
    const returnWhen = opts && opts.returnWhen !== undefined ? opts.returnWhen : ALL_COMPLETED;
    const fs = futureSet(aws, "wait()");
    if (fs.size === 0) throw new ValueError("Set of Tasks/Futures is empty.");
    if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED)
      throw new ValueError(`Invalid return_when value: ${returnWhen}`);
    const waiter = new Future();
    let th = null;
    if (timeout !== null) th = theLoop.callLater(timeout, releaseWaiter, waiter);
    let counter = fs.size;
    const onCompletion = (f) => {
      counter--;
      if (
        counter <= 0 ||
        returnWhen === FIRST_COMPLETED ||
        (returnWhen === FIRST_EXCEPTION && f._state !== CANCELLED && f.exception() !== null)
      ) {
        if (th !== null) th.cancel();
        if (waiter._state === PENDING) waiter.setResult(undefined);
      }
    };
    for (const f of fs) f.addDoneCallback(onCompletion);
    try {
      await waiter;
    } finally {
      if (th !== null) th.cancel();
      for (const f of fs) f.removeDoneCallback(onCompletion);
    }
    const done = new Set(), pending = new Set();
    for (const f of fs) (f._state !== PENDING ? done : pending).add(f);
    return [done, pending];
  }

  class AsCompleted {
    constructor(aws, opts) {
      const timeout = opts && opts.timeout !== undefined && opts.timeout !== null ? opts.timeout : null;
      const done = new Queue();
      const todo = futureSet(aws, "asCompleted()");
      let th = null;
      const onTimeout = () => {
        for (const f of todo) {
          f.removeDoneCallback(onCompletion);
          done.putNowait(null);
        }
        todo.clear();
      };
      const onCompletion = (f) => {
        if (todo.size === 0) return;
        todo.delete(f);
        done.putNowait([f]); // boxed: a queue's promise would adopt a Future
        if (todo.size === 0 && th !== null) th.cancel();
      };
      for (const f of todo) f.addDoneCallback(onCompletion);
      if (todo.size && timeout !== null) th = theLoop.callLater(timeout, onTimeout);
      this._n = todo.size;
      this._waitForOne = async () => {
        const box = await done.get();
        if (box === null) throw new TimeoutError();
        return box[0].result();
      };
      // (no async function here: returning a Future from one adopts it)
      this._nextFuture = () =>
        done.get().then((box) => {
          if (box === null) throw new TimeoutError();
          return { value: box[0], done: false };
        });
    }
    [Symbol.iterator]() {
      let i = 0;
      const self = this;
      return {
        next() {
          if (i >= self._n) return { value: undefined, done: true };
          i++;
          return { value: self._waitForOne(), done: false };
        },
        [Symbol.iterator]() {
          return this;
        },
      };
    }
    // for await: the futures themselves, each done, in completion order
    // (CPython 3.13); await one (or call result()) for its value
    [Symbol.asyncIterator]() {
      let i = 0;
      const self = this;
      return {
        next() {
          if (i >= self._n) return Promise.resolve({ value: undefined, done: true });
          i++;
          return self._nextFuture();
        },
        return() {
          i = self._n;
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    }
  }

  function asCompleted(aws, opts) {
    return new AsCompleted(aws, opts);
  }

  // ---- timeouts ---------------------------------------------------------

  const T_CREATED = "created", T_ENTERED = "active", T_EXPIRING = "expiring", T_EXPIRED = "expired", T_EXITED = "finished";

  class Timeout {
    constructor(when) {
      this._state = T_CREATED;
      this._handler = null;
      this._task = null;
      this._when = when === undefined ? null : when;
      this._cancelling = 0;
    }
    when() {
      return this._when;
    }
    reschedule(when) {
      if (this._state !== T_ENTERED) {
        if (this._state === T_CREATED) throw new RuntimeError("Timeout has not been entered");
        throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
      }
      this._when = when === undefined ? null : when;
      clearHandler(this);
      if (this._when === null) return;
      const d = this._when - N.now();
      // a timer of the wheel calling onTimeoutExpired(this), its id kept:
      // no TimerHandle, arguments array or runHandle per timeout
      if (d <= 0) this._handler = theLoop.callSoon(onTimeoutExpired, this);
      else this._handler = N.timer(d, onTimeoutExpired, this);
    }
    expired() {
      return this._state === T_EXPIRING || this._state === T_EXPIRED;
    }
    toString() {
      return `<Timeout [${this._state}]>`;
    }
    _enter(task) {
      if (this._state !== T_CREATED) throw new RuntimeError("Timeout has already been entered");
      this._state = T_ENTERED;
      this._task = task;
      this._cancelling = task.cancelling();
      this.reschedule(this._when);
    }
    _exit(failed, exc) {
      clearHandler(this);
      if (this._state === T_EXPIRING) {
        this._state = T_EXPIRED;
        if (this._task.uncancel() <= this._cancelling && failed && exc instanceof CancelledError) {
          const e = new TimeoutError();
          e.cause = exc;
          throw e;
        }
      } else if (this._state === T_ENTERED) this._state = T_EXITED;
    }
  }

  // clearHandler cancels tm's pending expiry: a wheel timer's id or, for a
  // deadline already past when set, a callSoon handle.
  function clearHandler(tm) {
    const h = tm._handler;
    if (h === null) return;
    tm._handler = null;
    if (typeof h === "number") N.timerCancel(h);
    else h.cancel();
  }

  function onTimeoutExpired(tm) {
    tm._task.cancel();
    tm._state = T_EXPIRING;
    tm._handler = null;
  }

  function timeoutAt(when, fn) {
    if (typeof fn !== "function") return Promise.reject(new TypeError("timeout() needs an async function to run"));
    return runTimeout(when, fn, null);
  }

  // runTimeout awaits fn(tm), or aw if fn is null, in the current task
  // under a Timeout tm due at when.
  async function runTimeout(when, fn, aw) {
    const task = N.cur();
    if (task === undefined) return await new Task(() => runTimeout(when, fn, aw));
    const tm = new Timeout(when);
    tm._enter(task);
    let res, exc, failed = false;
    try {
      res = await (fn !== null ? fn(tm) : aw);
    } catch (e) {
      failed = true;
      exc = e;
    }
    tm._exit(failed, exc);
    if (failed) throw exc;
    return res;
  }

  function timeout(delay, fn) {
    return timeoutAt(delay === null || delay === undefined ? null : N.now() + delay, fn);
  }

  async function cancelAndWait(fut) {
    const waiter = new Future();
    const cb = () => {
      if (waiter._state === PENDING) waiter.setResult(undefined);
    };
    fut.addDoneCallback(cb);
    try {
      fut.cancel();
      await waiter;
    } finally {
      fut.removeDoneCallback(cb);
    }
  }

  function waitFor(aw, delay) {
    if (delay !== null && delay !== undefined && delay <= 0) return waitForNow(aw);
    // A pending runtime await of this task (waitFor(fetch(url), 5)) runs in
    // the task itself, as CPython 3.12 awaits the awaitable inside
    // timeout(): the timeout cancels the task, which rejects the await and
    // stops the operation behind it, and TimeoutError is raised. Anything
    // else (a coroutine call, which the task adopts, a foreign promise, a
    // future) is awaited through ensureFuture as before.
    let fut;
    try {
      fut = typeof aw === "object" && aw !== null && N.ownAwait(aw) ? aw : ensureFuture(aw);
    } catch (e) {
      return Promise.reject(e);
    }
    if (delay === null || delay === undefined) return awaitIt(fut);
    return runTimeout(N.now() + delay, null, fut);
  }

  async function awaitIt(fut) {
    return await fut;
  }

  // waitForNow is waitFor with a delay <= 0: a done future's result, or
  // TimeoutError once the awaitable is cancelled.
  async function waitForNow(aw) {
    const fut = ensureFuture(aw);
    if (fut._state !== PENDING) return fut.result();
    await cancelAndWait(fut);
    try {
      return fut.result();
    } catch (e) {
      if (e instanceof CancelledError) {
        const t = new TimeoutError();
        t.cause = e;
        throw t;
      }
      throw e;
    }
  }

  // ---- TaskGroup --------------------------------------------------------

  class TaskGroup {
    constructor() {
      this._entered = false;
      this._exiting = false;
      this._aborting = false;
      this._parentTask = null;
      this._parentCancelRequested = false;
      this._tasks = new Set();
      this._errors = [];
      this._onCompletedFut = null;
      this._onTaskDoneB = (t) => this._onTaskDone(t);
    }
    createTask(aw, opts) {
      if (!this._entered) throw new RuntimeError("TaskGroup has not been entered");
      if (this._exiting && this._tasks.size === 0) throw new RuntimeError("TaskGroup is finished");
      if (this._aborting) throw new RuntimeError("TaskGroup is shutting down");
      const task = new Task(aw, opts);
      if (task._state !== PENDING) this._onTaskDone(task);
      else {
        this._tasks.add(task);
        task.addDoneCallback(this._onTaskDoneB);
      }
      return task;
    }
    toString() {
      return `<TaskGroup tasks=${this._tasks.size}${this._aborting ? " cancelling" : this._entered ? " entered" : ""}>`;
    }
    _abort() {
      this._aborting = true;
      for (const t of this._tasks) if (t._state === PENDING) t.cancel();
    }
    _onTaskDone(task) {
      this._tasks.delete(task);
      if (this._onCompletedFut !== null && this._tasks.size === 0 && this._onCompletedFut._state === PENDING)
        this._onCompletedFut.setResult(true);
      if (task._state === CANCELLED) return;
      const exc = task.exception();
      if (exc === null) return;
      this._errors.push(exc);
      if (this._parentTask._state !== PENDING) {
        N.stderr(`Task ${task} has errored out but its parent task ${this._parentTask} is already completed\n${describeValue(exc)}\n`);
        return;
      }
      if (!this._aborting && !this._parentCancelRequested) {
        this._abort();
        this._parentCancelRequested = true;
        this._parentTask.cancel();
      }
    }
    async _aexit(failed, exc) {
      this._exiting = true;
      let propagate = failed && exc instanceof CancelledError ? exc : null;
      if (this._parentCancelRequested) {
        if (this._parentTask.uncancel() === 0) propagate = null;
      }
      if (failed && !this._aborting) this._abort();
      while (this._tasks.size > 0) {
        if (this._onCompletedFut === null) this._onCompletedFut = new Future();
        try {
          await this._onCompletedFut;
        } catch (ex) {
          if (!(ex instanceof CancelledError)) throw ex;
          if (!this._aborting) {
            propagate = ex;
            this._abort();
          }
        }
        this._onCompletedFut = null;
      }
      if (propagate !== null && this._errors.length === 0) throw propagate;
      if (failed && !(exc instanceof CancelledError)) this._errors.push(exc);
      if (this._errors.length > 0) {
        const me = new ExceptionGroup("unhandled errors in a TaskGroup", this._errors);
        this._errors = null;
        throw me;
      }
    }
  }

  async function taskGroup(fn) {
    if (typeof fn !== "function") throw new TypeError("taskGroup() needs an async function (tg) => ...");
    const parent = N.cur();
    if (parent === undefined) return await new Task(() => taskGroup(fn));
    const tg = new TaskGroup();
    tg._parentTask = parent;
    tg._entered = true;
    let res, exc, failed = false;
    try {
      res = await fn(tg);
    } catch (e) {
      failed = true;
      exc = e;
    }
    await tg._aexit(failed, exc);
    return res;
  }

  // ---- queues -----------------------------------------------------------

  function qGetDeliver(q) {
    if (q.empty()) {
      if (q._isShutdown) throw new QueueShutDown();
      return REWAIT;
    }
    return q.getNowait();
  }
  function qGetCancelWoken(q) {
    if (!q.empty()) wake(q._getters);
  }
  function qPutDeliver(q, item) {
    if (q.full()) {
      if (q._isShutdown) throw new QueueShutDown();
      return REWAIT;
    }
    q.putNowait(item);
    return undefined;
  }
  function qPutCancelWoken(q) {
    if (!q.full()) wake(q._putters);
  }

  class Queue {
    constructor(maxsize) {
      this._maxsize = maxsize === undefined || maxsize === null ? 0 : Number(maxsize);
      this._unfinished = 0;
      this._finished = new Event();
      this._finished.set();
      this._isShutdown = false;
      this._getters = wq(this, "Queue.get()", qGetDeliver, qGetCancelWoken);
      this._putters = wq(this, "Queue.put()", qPutDeliver, qPutCancelWoken);
      this._plain = new.target === Queue;
      this._init();
    }
    _init() {
      this._items = [];
      this._head = 0;
    }
    _get() {
      const a = this._items;
      const h = this._head;
      const item = a[h];
      a[h] = undefined;
      if (h + 1 === a.length) {
        a.length = 0;
        this._head = 0;
      } else if (h > 1024 && h * 2 > a.length) {
        this._items = a.slice(h + 1);
        this._head = 0;
      } else this._head = h + 1;
      return item;
    }
    _put(item) {
      this._items.push(item);
    }
    qsize() {
      return this._items.length - this._head;
    }
    get maxsize() {
      return this._maxsize;
    }
    empty() {
      return this.qsize() === 0;
    }
    full() {
      return this._maxsize > 0 && this.qsize() >= this._maxsize;
    }
    put(item) {
      if (this._plain) {
        // a plain Queue: putNowait inlined, 15% of queue_1x1 (subclasses go
        // through their overrides of full/putNowait/_put, as CPython's put does)
        if (this._isShutdown) return Promise.reject(new QueueShutDown());
        if (this._maxsize > 0 && this._items.length - this._head >= this._maxsize) return nwait(this._putters, item);
        this._items.push(item);
        if (this._unfinished++ === 0) this._finished.clear();
        wake(this._getters);
        return RESOLVED;
      }
      if (!this.full()) {
        try {
          this.putNowait(item);
        } catch (e) {
          return Promise.reject(e);
        }
        return RESOLVED;
      }
      if (this._isShutdown) return Promise.reject(new QueueShutDown());
      return nwait(this._putters, item);
    }
    putNowait(item) {
      if (this._isShutdown) throw new QueueShutDown();
      if (this.full()) throw new QueueFull();
      this._put(item);
      if (this._unfinished++ === 0) this._finished.clear();
      wake(this._getters);
    }
    get() {
      if (this._plain) {
        if (this._items.length - this._head > 0) {
          const item = this._get();
          wake(this._putters);
          return Promise.resolve(item);
        }
      } else if (this.qsize() > 0) {
        try {
          return Promise.resolve(this.getNowait());
        } catch (e) {
          return Promise.reject(e);
        }
      }
      if (this._isShutdown) return Promise.reject(new QueueShutDown());
      return nwait(this._getters);
    }
    getNowait() {
      if (this.qsize() === 0) {
        if (this._isShutdown) throw new QueueShutDown();
        throw new QueueEmpty();
      }
      const item = this._get();
      wake(this._putters);
      return item;
    }
    taskDone() {
      if (this._unfinished <= 0) throw new ValueError("task_done() called too many times");
      this._unfinished--;
      if (this._unfinished === 0) this._finished.set();
    }
    join() {
      if (this._unfinished > 0) return this._finished.wait();
      return RESOLVED;
    }
    shutdown(immediate) {
      this._isShutdown = true;
      if (immediate) {
        while (!this.empty()) {
          this._get();
          if (this._unfinished > 0) this._unfinished--;
        }
        if (this._unfinished === 0) this._finished.set();
      }
      N.wakeAll(this._getters);
      N.wakeAll(this._putters);
    }
    toString() {
      return `<${this.constructor.name} maxsize=${this._maxsize} qsize=${this.qsize()}${this._isShutdown ? " shutdown" : ""}>`;
    }
    [Symbol.asyncIterator]() {
      const q = this;
      return {
        next() {
          return q.get().then(
            (value) => ({ value, done: false }),
            (e) => {
              if (e instanceof QueueShutDown) return { value: undefined, done: true };
              throw e;
            },
          );
        },
        return() {
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    }
  }

  function compare(a, b) {
    if (Array.isArray(a) && Array.isArray(b)) {
      const n = Math.min(a.length, b.length);
      for (let i = 0; i < n; i++) {
        const c = compare(a[i], b[i]);
        if (c !== 0) return c;
      }
      return a.length - b.length;
    }
    if (a < b) return -1;
    if (a > b) return 1;
    return 0;
  }

  class PriorityQueue extends Queue {
    _init() {
      this._heap = [];
    }
    qsize() {
      return this._heap.length;
    }
    _put(item) {
      const h = this._heap;
      h.push(item);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (compare(h[i], h[p]) >= 0) break;
        const t = h[i];
        h[i] = h[p];
        h[p] = t;
        i = p;
      }
    }
    _get() {
      const h = this._heap;
      const top = h[0];
      const last = h.pop();
      if (h.length > 0) {
        h[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1, r = l + 1;
          let m = i;
          if (l < h.length && compare(h[l], h[m]) < 0) m = l;
          if (r < h.length && compare(h[r], h[m]) < 0) m = r;
          if (m === i) break;
          const t = h[i];
          h[i] = h[m];
          h[m] = t;
          i = m;
        }
      }
      return top;
    }
  }

  class LifoQueue extends Queue {
    _init() {
      this._stack = [];
    }
    qsize() {
      return this._stack.length;
    }
    _put(item) {
      this._stack.push(item);
    }
    _get() {
      return this._stack.pop();
    }
  }

  // ---- locks ------------------------------------------------------------

  class Event {
    constructor() {
      this._value = false;
      this._w = wq(this, "Event.wait()", null, null);
    }
    isSet() {
      return this._value;
    }
    set() {
      if (!this._value) {
        this._value = true;
        N.wakeAll(this._w, true);
      }
    }
    clear() {
      this._value = false;
    }
    wait() {
      if (this._value) return RESOLVED_TRUE;
      return nwait(this._w);
    }
    toString() {
      return `<Event [${this._value ? "set" : "unset"}]>`;
    }
  }

  // holding runs fn with lock held. A free lock is taken without a pause and
  // fn starts at once, as `async with lock:` does in Python.
  function holding(lock, fn) {
    if (lock.acquire === lockAcquire || lock.acquire === semAcquire) {
      if (lock._tryAcquire()) return runHeld(lock, fn);
      // runHeld starts in this task once the wait is delivered
      return N.waitRun(lock._w, undefined, runHeld, lock, fn);
    }
    const a = lock.acquire();
    if (a === RESOLVED_TRUE) return runHeld(lock, fn);
    return acquiredThen(a, lock, fn);
  }
  async function acquiredThen(a, lock, fn) {
    await a;
    return runHeld(lock, fn);
  }
  async function runHeld(lock, fn) {
    try {
      return await fn();
    } finally {
      lock.release();
    }
  }

  function lockDeliver(lock) {
    lock._locked = true;
    return true;
  }
  function lockCancelWoken(lock) {
    if (!lock._locked) wake(lock._w, true);
  }

  class Lock {
    constructor() {
      this._locked = false;
      this._w = wq(this, "Lock.acquire()", lockDeliver, lockCancelWoken);
    }
    locked() {
      return this._locked;
    }
    acquire() {
      if (this._tryAcquire()) return RESOLVED_TRUE;
      return nwait(this._w);
    }
    _tryAcquire() {
      if (!this._locked && live(this._w) === 0) {
        this._locked = true;
        return true;
      }
      return false;
    }
    release() {
      if (!this._locked) throw new RuntimeError("Lock is not acquired.");
      this._locked = false;
      wake(this._w, true);
    }
    withLock(fn) {
      return holding(this, fn);
    }
    toString() {
      return `<Lock [${this._locked ? "locked" : "unlocked"}]>`;
    }
  }

  function semDeliver(s) {
    if (s._value > 0) s._wakeUpNext();
    return true;
  }
  function semCancelWoken(s) {
    s._value++;
    s._wakeUpNext();
  }

  class Semaphore {
    constructor(value) {
      if (value === undefined) value = 1;
      if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
      this._value = value;
      this._w = wq(this, "Semaphore.acquire()", semDeliver, semCancelWoken);
    }
    locked() {
      return this._value === 0 || live(this._w) > 0;
    }
    acquire() {
      if (this._tryAcquire()) return RESOLVED_TRUE;
      return nwait(this._w);
    }
    _tryAcquire() {
      if (!this.locked()) {
        this._value--;
        return true;
      }
      return false;
    }
    release() {
      this._value++;
      this._wakeUpNext();
    }
    _wakeUpNext() {
      if (wake(this._w, true)) {
        this._value--;
        return true;
      }
      return false;
    }
    withAcquire(fn) {
      return holding(this, fn);
    }
    withLock(fn) {
      return holding(this, fn);
    }
    toString() {
      return `<${this.constructor.name} [${this.locked() ? "locked" : "unlocked, value:" + this._value}]>`;
    }
  }

  const lockAcquire = Lock.prototype.acquire, semAcquire = Semaphore.prototype.acquire;

  class BoundedSemaphore extends Semaphore {
    constructor(value) {
      if (value === undefined) value = 1;
      super(value);
      this._bound = value;
    }
    release() {
      if (this._value >= this._bound) throw new ValueError("BoundedSemaphore released too many times");
      super.release();
    }
  }

  class Condition {
    constructor(lock) {
      this._lock = lock === undefined || lock === null ? new Lock() : lock;
      this._w = wq(this, "Condition.wait()", null, null);
    }
    locked() {
      return this._lock.locked();
    }
    acquire() {
      return this._lock.acquire();
    }
    release() {
      return this._lock.release();
    }
    withLock(fn) {
      return holding(this._lock, fn);
    }
    async wait() {
      if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
      this.release();
      try {
        await nwait(this._w);
        return true;
      } finally {
        let cancelled = false;
        for (;;) {
          try {
            await this.acquire();
            break;
          } catch (e) {
            if (!(e instanceof CancelledError)) throw e;
            cancelled = true;
          }
        }
        if (cancelled) throw new CancelledError();
      }
    }
    async waitFor(predicate) {
      let result = predicate();
      while (!result) {
        await this.wait();
        result = predicate();
      }
      return result;
    }
    notify(n) {
      if (n === undefined) n = 1;
      if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
      let idx = 0;
      while (idx < n && wake(this._w, false)) idx++;
    }
    notifyAll() {
      if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
      N.wakeAll(this._w, false);
    }
    toString() {
      return `<Condition [${this.locked() ? "locked" : "unlocked"}]>`;
    }
  }

  const B_FILLING = "filling", B_DRAINING = "draining", B_RESETTING = "resetting", B_BROKEN = "broken";

  class Barrier {
    constructor(parties) {
      if (!(parties >= 1)) throw new ValueError("parties must be > 0");
      this._cond = new Condition();
      this._parties = parties;
      this._state = B_FILLING;
      this._count = 0;
    }
    async wait() {
      const cond = this._cond;
      await cond.acquire();
      try {
        await this._block();
        try {
          const index = this._count;
          this._count++;
          if (index + 1 === this._parties) this._release();
          else await this._wait();
          return index;
        } finally {
          this._count--;
          this._exit();
        }
      } finally {
        cond.release();
      }
    }
    async _block() {
      await this._cond.waitFor(() => this._state !== B_DRAINING && this._state !== B_RESETTING);
      if (this._state === B_BROKEN) throw new BrokenBarrierError("Barrier aborted");
    }
    _release() {
      this._state = B_DRAINING;
      this._cond.notifyAll();
    }
    async _wait() {
      await this._cond.waitFor(() => this._state !== B_FILLING);
      if (this._state === B_BROKEN || this._state === B_RESETTING) throw new BrokenBarrierError("Abort or reset of barrier");
    }
    _exit() {
      if (this._count === 0) {
        if (this._state === B_RESETTING || this._state === B_DRAINING) this._state = B_FILLING;
        this._cond.notifyAll();
      }
    }
    async reset() {
      await this._cond.acquire();
      try {
        if (this._count > 0) {
          if (this._state !== B_RESETTING) this._state = B_RESETTING;
        } else this._state = B_FILLING;
        this._cond.notifyAll();
      } finally {
        this._cond.release();
      }
    }
    async abort() {
      await this._cond.acquire();
      try {
        this._state = B_BROKEN;
        this._cond.notifyAll();
      } finally {
        this._cond.release();
      }
    }
    get parties() {
      return this._parties;
    }
    get nWaiting() {
      return this._state === B_FILLING ? this._count : 0;
    }
    get broken() {
      return this._state === B_BROKEN;
    }
    toString() {
      return `<Barrier [${this._state}${this.broken ? "" : `, waiters:${this.nWaiting}/${this._parties}`}]>`;
    }
  }

  // ---- the loop object --------------------------------------------------

  class Handle {
    constructor(fn, args) {
      if (typeof fn !== "function") throw new TypeError("callback must be a function");
      this._fn = fn;
      this._args = args;
      this._cancelled = false;
    }
    cancel() {
      if (!this._cancelled) {
        this._cancelled = true;
        if (this._timer !== undefined) N.timerCancel(this._timer);
        this._fn = this._args = null;
      }
    }
    cancelled() {
      return this._cancelled;
    }
    toString() {
      return `<${this.constructor.name}${this._cancelled ? " cancelled" : ""}>`;
    }
  }
  Handle.prototype._timer = undefined;

  class TimerHandle extends Handle {
    when() {
      return this._when;
    }
    toString() {
      return `<TimerHandle${this._cancelled ? " cancelled" : ""} when=${this._when}>`;
    }
  }

  function runHandle(h) {
    if (h._cancelled) return;
    const fn = h._fn, args = h._args;
    if (h._timer !== undefined) h._cancelled = true; // a timer handle runs once
    fn(...args);
  }

  function callLater(delay, fn, ...args) {
    const h = new TimerHandle(fn, args);
    const d = Number(delay) > 0 ? Number(delay) : 0;
    h._when = N.now() + d;
    h._timer = N.timer(d, runHandle, h);
    return h;
  }

  let foreverResolve = null, stopRequested = false;
  const theLoop = {
    time() {
      return N.now();
    },
    callSoon(fn, ...args) {
      const h = new Handle(fn, args);
      soon(runHandle, h);
      return h;
    },
    callLater,
    callAt(when, fn, ...args) {
      return callLater(when - N.now(), fn, ...args);
    },
    createFuture() {
      return new Future();
    },
    createTask(aw, opts) {
      return new Task(aw, opts);
    },
    async runUntilComplete(aw) {
      return await ensureFuture(aw);
    },
    // runForever(): a promise that settles once stop() is called
    runForever() {
      if (foreverResolve !== null) return Promise.reject(new RuntimeError("This event loop is already running"));
      const p = new Promise(capture);
      foreverResolve = capRes;
      if (stopRequested) this.stop();
      return p;
    },
    stop() {
      if (foreverResolve === null) {
        stopRequested = true;
        return;
      }
      const res = foreverResolve;
      foreverResolve = null;
      stopRequested = false;
      soon(res, undefined);
    },
    isRunning() {
      return true;
    },
    isClosed() {
      return false;
    },
    toString() {
      return "<arun event loop>";
    },
    [INSPECT]() {
      return "<arun event loop>";
    },
  };

  // ---- run --------------------------------------------------------------

  let running = false;

  function run(main) {
    if (running) throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
    if (typeof main !== "function" && !isThenable(main))
      throw new ValueError(`a coroutine was expected, got ${describeValue(main)}`);
    running = true;
    let task;
    try {
      task = ensureFuture(main);
    } catch (e) {
      running = false;
      throw e;
    }
    N.setMain(task);
    const p = runMain(task);
    p.then(undefined, (e) => N.fatal(e));
    return p;
  }

  async function runMain(task) {
    let res, exc, failed = false;
    try {
      res = await task;
    } catch (e) {
      failed = true;
      exc = e;
    }
    N.setMain(null);
    try {
      await cancelAllTasks();
    } finally {
      running = false;
    }
    if (unretrieved && unretrieved.size > 0) {
      for (const t of unretrieved) N.stderr(`warning: Task exception was never retrieved: ${t}: ${N.cleanStack(describeValue(t._exception))}\n`);
      unretrieved.clear();
    }
    if (failed) throw exc;
    return res;
  }

  async function cancelAllTasks() {
    const toCancel = N.all();
    if (toCancel.length === 0) return;
    for (const t of toCancel) t.cancel();
    await gather(...toCancel, { returnExceptions: true });
    for (const t of toCancel) {
      if (t.cancelled()) continue;
      const e = t.exception();
      if (e !== null) N.stderr(`unhandled exception during asyncio.run() shutdown\ntask: ${t}\n${describeValue(e)}\n`);
    }
  }

  // ---- diagnostics hooks for Go -----------------------------------------

  function describeFuture(f) {
    if (f instanceof Task) return `task ${f.getName()}`;
    if (f instanceof GatheringFuture) return "gather()";
    if (f._shield) return "shield()";
    return "a Future";
  }

  const hooks = {
    // shared with streams.js
    errorClass,
    RuntimeError,
    ValueError,
    describe(t) {
      let s = `task ${t.getName()}`;
      const fw = t._futWaiter;
      const list = fw === null ? [] : Array.isArray(fw) ? fw : [fw];
      const live = list.filter((f) => f._state === PENDING);
      if (t._follow !== undefined && t._follow instanceof Future === false) s += " (following a promise)";
      if (live.length) s += " waiting on " + live.map(describeFuture).join(", ");
      return s;
    },
    state(t) {
      return t._state === PENDING ? 0 : 1;
    },
  };

  for (const C of [Timeout, TaskGroup, Queue, Event, Lock, Semaphore, Condition, Barrier, Handle]) inspectAsRepr(C);

  return {
    run,
    sleep,
    createTask,
    ensureFuture,
    currentTask,
    allTasks,
    iscoroutinefunction,
    isFuture,
    gather,
    shield,
    wait,
    waitFor,
    asCompleted,
    timeout,
    timeoutAt,
    Timeout,
    taskGroup,
    TaskGroup,
    Future,
    Task,
    Queue,
    PriorityQueue,
    LifoQueue,
    Event,
    Lock,
    Semaphore,
    BoundedSemaphore,
    Condition,
    Barrier,
    Handle,
    TimerHandle,
    getRunningLoop() {
      return theLoop;
    },
    getEventLoop() {
      return theLoop;
    },
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    ALL_COMPLETED,
    CancelledError,
    TimeoutError,
    InvalidStateError,
    QueueEmpty,
    QueueFull,
    QueueShutDown,
    BrokenBarrierError,
    ExceptionGroup,
    __hooks: hooks,
  };
});
