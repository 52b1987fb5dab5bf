// arun "timers/promises": Node's promise timers. Every promise is a runtime
// waiter (native.waiter), so cancelling the asyncio task awaiting it rejects
// it with the cancellation and clears the timer.
(function (g, native, I) {
  "use strict";
  const { nodeError, AbortError } = I;

  function checkOptions(options) {
    if (options === null || typeof options !== "object") {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "options" argument must be of type object.');
    }
    const { signal, ref = true } = options;
    if (signal !== undefined && !I.isAbortSignal(signal)) {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "options.signal" property must be an instance of AbortSignal.');
    }
    if (typeof ref !== "boolean") {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "options.ref" property must be of type boolean.');
    }
    return { signal, ref };
  }
  const abortErr = (signal) => new AbortError(undefined, { cause: signal.reason });

  // wait: one waiter settled by start(resolve) or by the signal aborting.
  function wait(what, signal, start) {
    let stop = null, onAbort = null;
    const cleanup = () => {
      if (stop) { stop(); stop = null; }
      if (onAbort) { signal.removeEventListener("abort", onAbort); onAbort = null; }
    };
    const [promise, resolve, reject, done] = native.waiter(what, cleanup);
    if (done) return promise;
    stop = start((v) => { stop = null; cleanup(); resolve(v); });
    if (signal) {
      onAbort = () => { cleanup(); reject(abortErr(signal)); };
      signal.addEventListener("abort", onAbort, { once: true });
    }
    return promise;
  }

  function setTimeout(delay = 1, value = undefined, options = {}) {
    let o;
    try { o = checkOptions(options); } catch (e) { return Promise.reject(e); }
    if (o.signal && o.signal.aborted) return Promise.reject(abortErr(o.signal));
    return wait(`setTimeout(${delay})`, o.signal, (done) => native.timer(delay, () => done(value), o.ref, false));
  }

  function setImmediate(value = undefined, options = {}) {
    let o;
    try { o = checkOptions(options); } catch (e) { return Promise.reject(e); }
    if (o.signal && o.signal.aborted) return Promise.reject(abortErr(o.signal));
    return wait("setImmediate()", o.signal, (done) => native.immediate(() => done(value)));
  }

  // setInterval: an async iterator yielding value once per tick (ticks that
  // happen while nobody awaits are counted and yielded later, as in Node).
  function setInterval(delay = 1, value = undefined, options = {}) {
    const o = checkOptions(options);
    const signal = o.signal;
    let notYielded = 0, stop = null, finished = false, pendingResolve = null, onAbort = null;
    const cleanup = () => {
      finished = true;
      if (stop) { stop(); stop = null; }
      if (onAbort) { signal.removeEventListener("abort", onAbort); onAbort = null; }
    };
    let failure = null;
    const start = () => {
      if (signal && signal.aborted) { failure = abortErr(signal); finished = true; return; }
      stop = native.timer(delay, () => {
        notYielded++;
        if (pendingResolve) { const r = pendingResolve; pendingResolve = null; r(); }
      }, o.ref, true);
      if (signal) {
        onAbort = () => {
          failure = abortErr(signal);
          const w = pendingWaiter;
          cleanup();
          if (w) { pendingWaiter = null; pendingResolve = null; w.reject(failure); failure = null; }
        };
        signal.addEventListener("abort", onAbort, { once: true });
      }
    };
    let pendingWaiter = null;
    let started = false;
    let ongoing = null;
    const step = () => {
      if (!started) { started = true; start(); }
      if (failure) { const f = failure; failure = null; return Promise.reject(f); }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      if (notYielded > 0) { notYielded--; return Promise.resolve({ value, done: false }); }
      const [promise, resolve, reject, done] = native.waiter(`setInterval(${delay})`, () => { pendingWaiter = null; pendingResolve = null; cleanup(); });
      if (done) { cleanup(); return promise; }
      pendingWaiter = { reject };
      pendingResolve = () => { pendingWaiter = null; notYielded--; resolve({ value, done: false }); };
      return promise;
    };
    const it = {
      next() {
        ongoing = ongoing ? ongoing.then(step, step) : step();
        return ongoing;
      },
      return(v) {
        cleanup();
        if (pendingResolve) { const w = pendingWaiter; pendingResolve = null; pendingWaiter = null; if (w) w.reject(abortErr({ reason: undefined })); }
        return Promise.resolve({ value: v, done: true });
      },
      throw(err) {
        cleanup();
        return Promise.reject(err);
      },
      [Symbol.asyncIterator]() { return this; },
    };
    return it;
  }

  const scheduler = {
    wait(delay, options = {}) { return setTimeout(delay, undefined, options); },
    yield() { return setImmediate(); },
  };

  return { setTimeout, setImmediate, setInterval, scheduler };
})
