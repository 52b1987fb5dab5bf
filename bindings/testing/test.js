// arun:test: the test registry and the in-runtime runner. Evaluated once per
// runtime; the completion value is a function taking the Go helpers (h) and
// the global object, returning the module's exports (the test function with
// describe, it, hooks... as properties) and the run function.
//
// Go helpers (h):
//   h.filter(fullName) -> bool       the runner's --filter
//   h.timeout                        default per-test timeout, seconds (0: none)
//   h.virtual                        the runtime runs on virtual time
//   h.useVirtualTime()               put the runtime on virtual time from now on
//   h.now() -> ms                    real monotonic clock (durations)
//   h.setTimer(ms, fn) -> handle     a loop timer the leak checks do not see
//   h.clearTimer(handle)
//   h.macrotask(fn)                  run fn as a macrotask (after microtasks drain)
//   h.owner(id)                      resources created from now on belong to id
//   h.resources(id) -> [leak]        open resources of id (closed by the call)
//   h.rejections() -> [reason]       unhandled rejections since the last call
//   h.plan([fullName])               the tests that will run, in order
//   h.start(info)                    a test starts (arms the blocked-loop watchdog)
//   h.result(result)                 a test (or a failing hook) finished
(function (h, g) {
  "use strict";

  let nextId = 1;
  let hasOnly = false;
  let phase = "load"; // load -> run -> done
  let scope = null; // the running test or suite hook: uncaught errors go there

  function mkSuite(parent, name, opts) {
    return {
      kind: "suite", id: nextId++, parent, name, opts, children: [],
      beforeAll: [], afterAll: [], beforeEach: [], afterEach: [],
    };
  }
  const root = mkSuite(null, "", {});
  let collecting = root;

  function typeError(msg) {
    const e = new TypeError(msg);
    e.code = "ERR_INVALID_ARG_TYPE";
    return e;
  }

  function usageError(msg) {
    const e = new Error(msg);
    e.code = "ERR_TEST_USAGE";
    return e;
  }

  function checkPhase(what) {
    if (phase !== "load") {
      throw usageError(`${what}() was called while tests are running: declare tests and hooks at the top level of the file or inside describe()`);
    }
  }

  // norm accepts (name, fn), (name, options, fn), (fn), (options, fn).
  function norm(what, args) {
    let [name, opts, fn] = args;
    if (typeof name === "function") {
      fn = name;
      opts = undefined;
      name = fn.name;
    } else if (name !== null && typeof name === "object" && typeof opts === "function") {
      fn = opts;
      opts = name;
      name = fn.name;
    } else if (typeof opts === "function") {
      fn = opts;
      opts = undefined;
    }
    if (opts === undefined || opts === null) opts = {};
    if (typeof opts !== "object") throw typeError(`the "options" argument of ${what}() must be an object`);
    if (name === undefined || name === "") name = "<anonymous>";
    return { name: String(name), opts: Object.assign({}, opts), fn };
  }

  function addTest(args, extra) {
    checkPhase("test");
    const { name, opts, fn } = norm("test", args);
    Object.assign(opts, extra);
    if (typeof fn !== "function" && !opts.todo && !opts.skip) {
      throw typeError(`test "${name}": the test function is missing`);
    }
    const t = { kind: "test", id: nextId++, parent: collecting, name, opts, fn, decl: declaredAt() };
    collecting.children.push(t);
    if (opts.only) hasOnly = true;
  }

  function addSuite(args, extra) {
    checkPhase("describe");
    const { name, opts, fn } = norm("describe", args);
    Object.assign(opts, extra);
    const s = mkSuite(collecting, name, opts);
    collecting.children.push(s);
    if (opts.only) hasOnly = true;
    if (typeof fn !== "function") {
      if (opts.todo || opts.skip) return;
      throw typeError(`describe "${name}": the suite function is missing`);
    }
    const prev = collecting;
    collecting = s;
    try {
      const r = fn.call(undefined);
      if (r && typeof r.then === "function") {
        r.then(undefined, () => {});
        throw usageError(`describe("${name}"): the suite function must be synchronous (it only declares tests; put awaits in the tests or in hooks)`);
      }
    } finally {
      collecting = prev;
    }
  }

  function hook(kind) {
    return function (fn, options) {
      checkPhase(kind);
      if (typeof fn !== "function") throw typeError(`${kind}() needs a function`);
      collecting[kind].push({ fn, opts: options && typeof options === "object" ? options : {} });
    };
  }

  // declaredAt is the user's frame that declared a test (for timeouts,
  // which have no stack of their own).
  function declaredAt() {
    const lines = stackHere().split("\n");
    for (const l of lines) {
      if (!l.includes("arun:internal") && !l.includes("(native)") && !l.includes("github.com/")) return l;
    }
    return "";
  }

  function test(...args) { addTest(args, {}); }
  test.skip = function skip(...args) { addTest(args, { skip: true }); };
  test.only = function only(...args) { addTest(args, { only: true }); };
  test.todo = function todo(...args) { addTest(args, { todo: true }); };
  function describe(...args) { addSuite(args, {}); }
  describe.skip = function skip(...args) { addSuite(args, { skip: true }); };
  describe.only = function only(...args) { addSuite(args, { only: true }); };
  describe.todo = function todo(...args) { addSuite(args, { todo: true }); };
  const it = function it(...args) { addTest(args, {}); };
  it.skip = test.skip;
  it.only = test.only;
  it.todo = test.todo;

  const exportsObj = test;
  Object.assign(exportsObj, {
    test, it, describe, suite: describe,
    beforeAll: hook("beforeAll"), afterAll: hook("afterAll"),
    beforeEach: hook("beforeEach"), afterEach: hook("afterEach"),
  });
  exportsObj.before = exportsObj.beforeAll;
  exportsObj.after = exportsObj.afterAll;

  // ---- sanitizers: timers and asyncio tasks are tracked here; other
  // resources (servers, files, requests) by the Go tracker (h.resources).

  const timers = new Map(); // id -> {kind, what, stack, owner}
  let owner = root;
  function setOwner(o) {
    owner = o;
    h.owner(o.id);
  }

  function stackHere() {
    const s = new Error().stack || "";
    return s.split("\n").filter((l) => /^\s*at /.test(l)).join("\n");
  }

  function guard(fn) {
    return function () {
      try {
        return fn.apply(this, arguments);
      } catch (e) {
        uncaught(e);
      }
    };
  }

  // uncaught reports an exception thrown by a callback (timer, immediate,
  // microtask) while a test runs: the test fails at once with it.
  function uncaught(e) {
    if (scope === null) throw e;
    if (scope.sink) return;
    const t = tagged("Uncaught ", e);
    scope.uncaught.push(t);
    if (scope.fail) scope.fail(t);
  }

  // tagged marks an error that no caller saw (thrown in a callback, or a
  // rejection nobody handled) the way the runtime reports them.
  function tagged(prefix, e) {
    if (e !== null && typeof e === "object" && typeof e.stack === "string") {
      return { name: prefix + (e.name || "Error"), message: e.message, stack: e.stack, code: e.code };
    }
    let text;
    try { text = typeof e === "string" ? JSON.stringify(e) : String(e); } catch (_) { text = "[value]"; }
    return { name: prefix.trim(), message: text, stack: "" };
  }

  const origSetTimeout = g.setTimeout, origSetInterval = g.setInterval, origClearTimeout = g.clearTimeout;
  const origSetImmediate = g.setImmediate, origQueueMicrotask = g.queueMicrotask;
  function wrapTimer(orig, repeat, label) {
    return function (fn, ms, ...args) {
      if (typeof fn !== "function") return orig(fn, ms, ...args);
      let id;
      const run = guard(function () {
        if (!repeat) timers.delete(id);
        return fn.apply(this, arguments);
      });
      id = orig(run, ms, ...args);
      const delay = ms === undefined ? 0 : Number(ms);
      timers.set(id, { kind: repeat ? "interval" : "timer", what: `${label}(${isNaN(delay) ? ms : delay} ms)`, stack: stackHere(), owner });
      return id;
    };
  }
  function wrapClear(orig) {
    return function (id) {
      if (id !== undefined && id !== null) timers.delete(Number(id));
      return orig(id);
    };
  }
  function install() {
    if (typeof origSetTimeout === "function") g.setTimeout = wrapTimer(origSetTimeout, false, "setTimeout");
    if (typeof origSetInterval === "function") g.setInterval = wrapTimer(origSetInterval, true, "setInterval");
    if (typeof origClearTimeout === "function") {
      g.clearTimeout = wrapClear(origClearTimeout);
      g.clearInterval = wrapClear(g.clearInterval || origClearTimeout);
    }
    if (typeof origSetImmediate === "function") {
      g.setImmediate = function setImmediate(fn, ...args) {
        return origSetImmediate(typeof fn === "function" ? guard(fn) : fn, ...args);
      };
    }
    if (typeof origQueueMicrotask === "function") {
      g.queueMicrotask = function queueMicrotask(fn) {
        return origQueueMicrotask(typeof fn === "function" ? guard(fn) : fn);
      };
    }
    const aio = g.asyncio;
    if (aio && typeof aio.createTask === "function") {
      const orig = aio.createTask;
      try {
        aio.createTask = function createTask(...args) {
          const t = orig.apply(this, args);
          try { taskStacks.set(t, stackHere()); } catch (_) { /* not an object */ }
          return t;
        };
      } catch (_) { /* read-only: tasks are still checked, without their stacks */ }
    }
  }
  const taskStacks = new WeakMap();

  function allTasks() {
    const aio = g.asyncio;
    if (!aio || typeof aio.allTasks !== "function") return null;
    try {
      const ts = aio.allTasks();
      return ts ? Array.from(ts) : null;
    } catch (_) {
      return null;
    }
  }

  function taskName(t) {
    try {
      if (typeof t.getName === "function") return String(t.getName());
    } catch (_) { /* ignore */ }
    return "";
  }

  // collectLeaks lists (and then clears, cancels or closes) what o left
  // behind.
  function collectLeaks(o, tasksBefore) {
    const out = [];
    for (const [id, rec] of timers) {
      if (rec.owner !== o) continue;
      out.push({ kind: rec.kind, what: rec.what, stack: rec.stack });
      timers.delete(id);
      origClearTimeout(id);
    }
    if (tasksBefore) {
      const now = allTasks() || [];
      for (const t of now) {
        let done = true;
        try { done = t.done(); } catch (_) { /* ignore */ }
        if (tasksBefore.has(t) || done) continue;
        const name = taskName(t);
        let what = name ? `asyncio task ${name}` : "asyncio task";
        try {
          const hooks = g.asyncio && g.asyncio.__hooks;
          if (hooks && typeof hooks.describe === "function") what = "asyncio " + hooks.describe(t);
        } catch (_) { /* keep the name */ }
        out.push({ kind: "task", what, stack: taskStacks.get(t) || "" });
        try { t.cancel(); } catch (_) { /* ignore */ }
      }
    }
    for (const r of h.resources(o.id)) out.push(r);
    return out;
  }

  // ---- running

  function settle() {
    return new Promise((resolve) => h.macrotask(resolve));
  }

  function fmtSeconds(s) {
    return (Math.round(s * 1000) / 1000) + "s";
  }

  // timeoutError says what the timed-out test was suspended on (the
  // runtime awaits of its task, [what, frame] pairs) and points at that
  // await, then at the test's declaration.
  function timeoutError(label, seconds, decl, waiting) {
    let msg = `${label} timed out after ${fmtSeconds(seconds)}`;
    if (waiting && waiting.length) msg += ", waiting on " + waiting.map((w) => w[0]).join(", ");
    const e = new Error(msg);
    e.name = "TimeoutError";
    e.code = "ERR_TEST_TIMEOUT";
    const frames = waiting ? waiting.map((w) => w[1]).filter((f) => f) : [];
    if (decl) frames.push(decl);
    e.stack = `${e.name}: ${e.message}` + (frames.length ? "\n" + frames.join("\n") : "");
    return e;
  }

  // step runs fn (a test or a hook) with a timeout; it resolves with the
  // error it failed with, or null.
  function step(fn, label, seconds, ctx) {
    return new Promise((resolve) => {
      let done = false, timer = null;
      const task = h.newTask();
      const finish = (e) => {
        if (done) return;
        done = true;
        if (timer !== null) h.clearTimer(timer);
        if (scope) scope.fail = null;
        resolve(e);
      };
      if (seconds > 0 && isFinite(seconds)) {
        timer = h.setTimer(seconds * 1000, () => {
          const e = timeoutError(label, seconds, ctx && ctx.decl, h.waiting(task));
          if (ctx && ctx.abort) ctx.abort(e);
          finish(e);
        });
      }
      if (scope) scope.fail = finish;
      let r;
      try {
        r = h.callIn(task, fn, ctx && ctx.context);
      } catch (e) {
        finish(e === undefined ? new Error(`${label} threw undefined`) : e);
        return;
      }
      if (r && typeof r.then === "function") {
        r.then(() => finish(null), (e) => finish(e === undefined ? new Error(`${label} rejected with undefined`) : e));
      } else {
        finish(null);
      }
    });
  }

  function timeoutOf(opts, inherited) {
    if (opts && opts.timeout !== undefined && opts.timeout !== null) {
      const t = Number(opts.timeout);
      if (!(t >= 0)) throw typeError(`the "timeout" option must be a number of seconds, got ${String(opts.timeout)}`);
      return t === Infinity ? 0 : t;
    }
    return inherited;
  }

  // prepare walks the tree: full names, the --filter, only/skip/todo and
  // timeouts; it counts the tests that will run under each suite.
  function prepare(node, path, inh) {
    if (node.kind === "test") {
      node.path = path;
      node.fullName = path.concat([node.name]).join(" > ");
      node.included = h.filter(node.fullName);
      if (!node.included) return 0;
      const o = node.opts;
      node.timeout = timeoutOf(o, inh.timeout);
      node.virtualTime = o.virtualTime !== undefined ? !!o.virtualTime : inh.virtualTime;
      if (o.todo || inh.todo) {
        node.status = "todo";
        node.reason = typeof o.todo === "string" ? o.todo : inh.reason || "";
      } else if (o.skip || inh.skip) {
        node.status = "skipped";
        node.reason = typeof o.skip === "string" ? o.skip : inh.reason || "";
      } else if (hasOnly && !o.only && !inh.only) {
        node.status = "skipped";
        node.reason = "not marked only";
      } else {
        node.status = "run";
      }
      return node.status === "run" ? 1 : 0;
    }
    const o = node.opts;
    const me = {
      skip: inh.skip || !!o.skip,
      todo: inh.todo || !!o.todo,
      only: inh.only || !!o.only,
      reason: inh.reason || (typeof o.skip === "string" ? o.skip : typeof o.todo === "string" ? o.todo : ""),
      timeout: timeoutOf(o, inh.timeout),
      virtualTime: o.virtualTime !== undefined ? !!o.virtualTime : inh.virtualTime,
    };
    node.path = path;
    node.timeoutS = me.timeout;
    const sub = node === root ? path : path.concat([node.name]);
    let n = 0;
    for (const c of node.children) n += prepare(c, sub, me);
    node.runnable = n;
    return n;
  }

  function report(node, status, extra) {
    const r = Object.assign({
      id: node.id, name: node.name, path: node.path, status, reason: "", duration: 0,
      error: undefined, errors: [], leaks: [],
    }, extra || {});
    h.result(r);
  }

  function reportSkipped(node) {
    if (node.kind === "test") {
      if (node.included && node.status !== "run") report(node, node.status, { reason: node.reason });
      return;
    }
    for (const c of node.children) reportSkipped(c);
  }

  function chainOf(node) {
    const out = [];
    for (let s = node.parent; s; s = s.parent) out.unshift(s);
    return out;
  }

  function newScope(kind) {
    return { kind, uncaught: [], fail: null, sink: false };
  }

  // drain waits a macrotask and collects what went wrong meanwhile.
  async function drain(sc) {
    await settle();
    for (const r of h.rejections()) {
      if (!sc.sink) sc.uncaught.push(tagged("Uncaught (in promise) ", r));
    }
  }

  // cleanup lets cancelled tasks and closed resources finish without
  // blaming anyone.
  async function cleanup() {
    const prev = scope;
    scope = newScope("cleanup");
    scope.sink = true;
    await settle();
    h.rejections();
    scope = prev;
  }

  function testContext(t) {
    const ctx = { name: t.name, fullName: t.fullName };
    let ac = null;
    if (typeof g.AbortController === "function") {
      try { ac = new g.AbortController(); ctx.signal = ac.signal; } catch (_) { ac = null; }
    }
    return {
      context: ctx,
      decl: t.decl,
      abort: (reason) => { if (ac) try { ac.abort(reason); } catch (_) { /* ignore */ } },
    };
  }

  async function runTest(t, inherited) {
    if (!t.included) return;
    if (t.status !== "run") {
      report(t, t.status, { reason: t.reason });
      return;
    }
    h.start({ id: t.id, name: t.name, path: t.path, timeout: t.timeout });
    const t0 = h.now();
    const sc = newScope("test");
    scope = sc;
    setOwner(t);
    const before = allTasks();
    const tasksBefore = before ? new Set(before) : null;
    const ctx = testContext(t);
    let err = inherited;
    if (!err) {
      const chain = chainOf(t);
      outer: for (const s of chain) {
        for (const hk of s.beforeEach) {
          const e = await step(hk.fn, "beforeEach hook", timeoutOf(hk.opts, t.timeout), ctx);
          if (e) { err = e; break outer; }
        }
      }
      if (!err) err = await step(t.fn, "test", t.timeout, ctx);
      for (const s of chain.reverse()) {
        for (const hk of s.afterEach) {
          const e = await step(hk.fn, "afterEach hook", timeoutOf(hk.opts, t.timeout), ctx);
          if (e && !err) err = e;
        }
      }
    }
    await drain(sc);
    const errors = sc.uncaught.filter((e) => e !== err);
    if (!err && errors.length) err = errors.shift();
    const leaks = collectLeaks(t, tasksBefore);
    const duration = h.now() - t0;
    scope = null;
    setOwner(t.parent);
    if (leaks.length) await cleanup();
    report(t, err || leaks.length ? "failed" : "passed", { error: err || undefined, errors, leaks, duration });
  }

  function hookFailure(kind, e) {
    const w = new Error(`${kind} hook failed: ${e && e.message !== undefined ? e.message : String(e)}`);
    w.name = "HookError";
    w.code = "ERR_TEST_HOOK";
    w.cause = e;
    if (e && typeof e.stack === "string") w.stack = e.stack.replace(/^[^\n]*/, `${w.name}: ${w.message.split("\n")[0]}`);
    return w;
  }

  async function runSuite(s, inherited) {
    if (s.runnable === 0) {
      reportSkipped(s);
      return;
    }
    const sc = newScope("suite");
    scope = sc;
    setOwner(s);
    const t0 = h.now();
    let err = inherited;
    if (!err) {
      for (const hk of s.beforeAll) {
        const e = await step(hk.fn, "beforeAll hook", timeoutOf(hk.opts, s.timeoutS), null);
        if (e) { err = hookFailure("beforeAll", e); break; }
      }
    }
    if (!err && sc.uncaught.length) err = hookFailure("beforeAll", sc.uncaught.shift());
    scope = null;
    for (const c of s.children) {
      if (c.kind === "suite") await runSuite(c, err);
      else await runTest(c, err);
    }
    scope = sc;
    setOwner(s);
    let aerr = null;
    if (!inherited) {
      for (const hk of s.afterAll) {
        const e = await step(hk.fn, "afterAll hook", timeoutOf(hk.opts, s.timeoutS), null);
        if (e && !aerr) aerr = e;
      }
    }
    await drain(sc);
    const errors = sc.uncaught.filter((e) => e !== aerr);
    if (!aerr && errors.length) aerr = errors.shift();
    const leaks = collectLeaks(s, null);
    scope = null;
    if (s.parent) setOwner(s.parent);
    if (leaks.length) await cleanup();
    if (aerr || leaks.length) {
      const name = s === root ? "afterAll (file)" : "afterAll";
      const path = s === root ? [] : s.path.concat([s.name]);
      report({ id: s.id, name, path }, "failed", {
        error: aerr ? hookFailure("afterAll", aerr) : undefined, errors, leaks, duration: h.now() - t0,
        hook: true,
      });
    }
  }

  async function run() {
    if (phase !== "load") throw usageError("the tests of this file already ran");
    phase = "run";
    const loadErrors = h.rejections().map((r) => tagged("Uncaught (in promise) ", r));
    prepare(root, [], { skip: false, todo: false, only: false, reason: "", timeout: h.timeout, virtualTime: false });
    const planned = [];
    let virtual = false;
    (function walk(n) {
      if (n.kind === "test") {
        if (n.included && n.status === "run") {
          planned.push(n.fullName);
          virtual = virtual || n.virtualTime;
        }
        return;
      }
      n.children.forEach(walk);
    })(root);
    // A file run directly (or whose option the runner could not see in its
    // text) is on real time until here: a test that asks for virtual time
    // puts the runtime on it for all the tests.
    if (virtual && !h.virtual) h.useVirtualTime();
    h.plan(planned);
    if (loadErrors.length) {
      report({ id: root.id, name: "(top level)", path: [] }, "failed", {
        error: loadErrors[0], errors: loadErrors.slice(1), hook: true,
      });
    }
    try {
      await runSuite(root, null);
    } finally {
      phase = "done";
    }
  }

  install();
  return { exports: exportsObj, run, hasTests: () => root.children.length > 0 };
})
