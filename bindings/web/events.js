// arun "events" module: Node's EventEmitter (a function constructor, so
// util.inherits and EventEmitter.call(this) work) and its helpers.
(function (g, I) {
  "use strict";
  const { nodeError, AbortError } = I;
  const kCapture = Symbol("kCapture");
  const errorMonitor = Symbol("events.errorMonitor");
  let defaultMaxListeners = 10;

  function inspect(v) {
    if (typeof v === "string") return `'${v}'`;
    if (v === null || typeof v !== "object") return String(v);
    try {
      const parts = Object.keys(v).map((k) => `${k}: ${inspect(v[k])}`);
      return parts.length ? `{ ${parts.join(", ")} }` : "{}";
    } catch (e) {
      return String(v);
    }
  }
  function checkListener(listener) {
    if (typeof listener !== "function") {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE",
        `The "listener" argument must be of type function. Received ${listener === null ? "null" : "type " + typeof listener}`);
    }
  }
  function checkMax(n, name) {
    if (typeof n !== "number" || n < 0 || Number.isNaN(n)) {
      throw nodeError(RangeError, "ERR_OUT_OF_RANGE",
        `The value of "${name}" is out of range. It must be a non-negative number. Received ${inspect(n)}`);
    }
  }

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }
  EventEmitter.prototype._events = undefined;
  EventEmitter.prototype._eventsCount = 0;
  EventEmitter.prototype._maxListeners = undefined;
  Object.defineProperty(EventEmitter, "defaultMaxListeners", {
    enumerable: true,
    get() { return defaultMaxListeners; },
    set(n) { checkMax(n, "defaultMaxListeners"); defaultMaxListeners = n; },
  });
  EventEmitter.errorMonitor = errorMonitor;
  EventEmitter.captureRejectionSymbol = Symbol.for("nodejs.rejection");
  EventEmitter.init = function (opts) {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
    if (opts && opts.captureRejections !== undefined) {
      if (typeof opts.captureRejections !== "boolean") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE",
          `The "options.captureRejections" property must be of type boolean. Received ${inspect(opts.captureRejections)}`);
      }
      this[kCapture] = opts.captureRejections;
    } else {
      this[kCapture] = EventEmitter.prototype[kCapture];
    }
  };
  EventEmitter.prototype[kCapture] = false;
  Object.defineProperty(EventEmitter, "captureRejections", {
    enumerable: true,
    get() { return EventEmitter.prototype[kCapture]; },
    set(v) {
      if (typeof v !== "boolean") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "EventEmitter.captureRejections" property must be of type boolean. Received ${inspect(v)}`);
      }
      EventEmitter.prototype[kCapture] = v;
    },
  });

  const proto = EventEmitter.prototype;
  proto.setMaxListeners = function setMaxListeners(n) {
    checkMax(n, "n");
    this._maxListeners = n;
    return this;
  };
  const getMax = (that) => (that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners);
  proto.getMaxListeners = function getMaxListeners() { return getMax(this); };

  proto.emit = function emit(type, ...args) {
    let doError = type === "error";
    const events = this._events;
    if (events !== undefined) {
      if (doError && events[errorMonitor] !== undefined) this.emit(errorMonitor, ...args);
      doError = doError && events.error === undefined;
    } else if (!doError) return false;
    if (doError) {
      const er = args[0];
      if (er instanceof Error) throw er;
      const err = nodeError(Error, "ERR_UNHANDLED_ERROR", `Unhandled error. (${inspect(er)})`);
      err.context = er;
      throw err;
    }
    const handler = events[type];
    if (handler === undefined) return false;
    if (typeof handler === "function") {
      const r = handler.apply(this, args);
      if (r !== undefined && r !== null && this[kCapture]) addCatch(this, r, type, args);
    } else {
      const listeners = handler.slice();
      for (let i = 0; i < listeners.length; i++) {
        const r = listeners[i].apply(this, args);
        if (r !== undefined && r !== null && this[kCapture]) addCatch(this, r, type, args);
      }
    }
    return true;
  };

  // captureRejections: a listener's rejected promise goes to
  // emitter[Symbol.for("nodejs.rejection")] or, failing that, to "error".
  function addCatch(that, promise, type, args) {
    try {
      const then = promise.then;
      if (typeof then === "function") {
        then.call(promise, undefined, (err) => g.process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args));
      }
    } catch (err) {
      that.emit("error", err);
    }
  }
  function emitUnhandledRejectionOrErr(ee, err, type, args) {
    if (typeof ee[EventEmitter.captureRejectionSymbol] === "function") {
      ee[EventEmitter.captureRejectionSymbol](err, type, ...args);
    } else {
      const prev = ee[kCapture];
      try {
        ee[kCapture] = false;
        ee.emit("error", err);
      } finally {
        ee[kCapture] = prev;
      }
    }
  }

  function addListener(target, type, listener, prepend) {
    checkListener(listener);
    let events = target._events;
    if (events === undefined) {
      events = target._events = Object.create(null);
      target._eventsCount = 0;
    } else {
      if (events.newListener !== undefined) {
        target.emit("newListener", type, listener.listener ? listener.listener : listener);
        events = target._events;
      }
    }
    let existing = events[type];
    if (existing === undefined) {
      events[type] = listener;
      ++target._eventsCount;
    } else {
      if (typeof existing === "function") {
        existing = events[type] = prepend ? [listener, existing] : [existing, listener];
      } else if (prepend) existing.unshift(listener);
      else existing.push(listener);
      const m = getMax(target);
      if (m > 0 && existing.length > m && !existing.warned) {
        existing.warned = true;
        const name = target.constructor && target.constructor.name || "EventEmitter";
        const msg = `(arun) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. ` +
          `${existing.length} ${String(type)} listeners added to [${name}]. ` +
          `MaxListeners is ${m}. Use emitter.setMaxListeners() to increase limit\n`;
        if (g.process && g.process.stderr && typeof g.process.stderr.write === "function") g.process.stderr.write(msg);
      }
    }
    return target;
  }
  proto.addListener = function addListener_(type, listener) { return addListener(this, type, listener, false); };
  proto.on = proto.addListener;
  proto.prependListener = function prependListener(type, listener) { return addListener(this, type, listener, true); };

  function onceWrapper(...args) {
    if (!this.fired) {
      this.target.removeListener(this.type, this.wrapFn);
      this.fired = true;
      return this.listener.apply(this.target, args);
    }
  }
  function onceWrap(target, type, listener) {
    const state = { fired: false, wrapFn: undefined, target, type, listener };
    const wrapped = onceWrapper.bind(state);
    wrapped.listener = listener;
    state.wrapFn = wrapped;
    return wrapped;
  }
  proto.once = function once(type, listener) {
    checkListener(listener);
    this.on(type, onceWrap(this, type, listener));
    return this;
  };
  proto.prependOnceListener = function prependOnceListener(type, listener) {
    checkListener(listener);
    this.prependListener(type, onceWrap(this, type, listener));
    return this;
  };

  proto.removeListener = function removeListener(type, listener) {
    checkListener(listener);
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else {
        delete events[type];
        if (events.removeListener) this.emit("removeListener", type, list.listener || listener);
      }
    } else if (typeof list !== "function") {
      let position = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) { position = i; break; }
      }
      if (position < 0) return this;
      if (position === 0) list.shift();
      else list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit("removeListener", type, listener);
    }
    return this;
  };
  proto.off = proto.removeListener;

  proto.removeAllListeners = function removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
      }
      return this;
    }
    if (arguments.length === 0) {
      for (const key of Reflect.ownKeys(events)) {
        if (key === "removeListener") continue;
        this.removeAllListeners(key);
      }
      this.removeAllListeners("removeListener");
      this._events = Object.create(null);
      this._eventsCount = 0;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === "function") this.removeListener(type, listeners);
    else if (listeners !== undefined) {
      for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    }
    return this;
  };

  function listenersOf(target, type, unwrap) {
    const events = target._events;
    if (events === undefined) return [];
    const l = events[type];
    if (l === undefined) return [];
    if (typeof l === "function") return unwrap ? [l.listener || l] : [l];
    return unwrap ? l.map((x) => x.listener || x) : l.slice();
  }
  proto.listeners = function listeners(type) { return listenersOf(this, type, true); };
  proto.rawListeners = function rawListeners(type) { return listenersOf(this, type, false); };
  function listenerCount(type, listener) {
    const events = this._events;
    if (events === undefined) return 0;
    const l = events[type];
    if (l === undefined) return 0;
    if (typeof l === "function") return listener == null || l === listener || l.listener === listener ? 1 : 0;
    if (listener == null) return l.length;
    return l.filter((x) => x === listener || x.listener === listener).length;
  }
  proto.listenerCount = listenerCount;
  EventEmitter.listenerCount = (emitter, type) =>
    typeof emitter.listenerCount === "function" ? emitter.listenerCount(type) : listenerCount.call(emitter, type);
  proto.eventNames = function eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  };

  // ---------------------------------------------------------------- helpers
  function checkSignal(signal) {
    if (signal !== undefined && !I.isAbortSignal(signal)) {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "options.signal" property must be an instance of AbortSignal.');
    }
  }
  function once(emitter, name, options = {}) {
    const signal = options ? options.signal : undefined;
    try { checkSignal(signal); } catch (e) { return Promise.reject(e); }
    if (signal && signal.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
    return new Promise((resolve, reject) => {
      const isET = typeof emitter.addEventListener === "function" && typeof emitter.on !== "function";
      let abortListener;
      const cleanupAbort = () => { if (signal) signal.removeEventListener("abort", abortListener); };
      const errorListener = (err) => {
        emitter.removeListener(name, resolver);
        cleanupAbort();
        reject(err);
      };
      const resolver = (...args) => {
        if (!isET && name !== "error") emitter.removeListener("error", errorListener);
        cleanupAbort();
        resolve(args);
      };
      if (isET) emitter.addEventListener(name, resolver, { once: true });
      else {
        emitter.once(name, resolver);
        if (name !== "error") emitter.once("error", errorListener);
      }
      if (signal) {
        abortListener = () => {
          if (isET) emitter.removeEventListener(name, resolver);
          else {
            emitter.removeListener(name, resolver);
            emitter.removeListener("error", errorListener);
          }
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener("abort", abortListener, { once: true });
      }
    });
  }

  // on(emitter, name): an async iterator of the argument arrays of events.
  function on(emitter, name, options = {}) {
    const signal = options ? options.signal : undefined;
    checkSignal(signal);
    if (signal && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
    const unconsumed = [];
    const waiting = [];
    let error = null, finished = false;
    const isET = typeof emitter.addEventListener === "function" && typeof emitter.on !== "function";
    const handler = (...args) => {
      const w = waiting.shift();
      if (w) w.resolve({ value: args, done: false });
      else unconsumed.push(args);
    };
    const errorHandler = (err) => {
      finished = true;
      const w = waiting.shift();
      if (w) w.reject(err); else error = err;
      it.return();
    };
    const abortListener = () => errorHandler(new AbortError(undefined, { cause: signal.reason }));
    if (isET) emitter.addEventListener(name, handler);
    else {
      emitter.on(name, handler);
      if (name !== "error") emitter.on("error", errorHandler);
    }
    if (signal) signal.addEventListener("abort", abortListener, { once: true });
    const cleanup = () => {
      if (isET) emitter.removeEventListener(name, handler);
      else {
        emitter.removeListener(name, handler);
        emitter.removeListener("error", errorHandler);
      }
      if (signal) signal.removeEventListener("abort", abortListener);
    };
    const it = {
      next() {
        if (unconsumed.length) return Promise.resolve({ value: unconsumed.shift(), done: false });
        if (error) { const p = Promise.reject(error); error = null; return p; }
        if (finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        cleanup();
        finished = true;
        for (const w of waiting.splice(0)) w.resolve({ value: undefined, done: true });
        return Promise.resolve({ value: undefined, done: true });
      },
      throw(err) {
        error = err;
        cleanup();
        return Promise.reject(err);
      },
      [Symbol.asyncIterator]() { return this; },
    };
    return it;
  }

  function getEventListeners(target, name) {
    if (typeof target.listeners === "function") return target.listeners(name);
    return [];
  }
  function setMaxListeners(n = defaultMaxListeners, ...targets) {
    checkMax(n, "n");
    if (targets.length === 0) defaultMaxListeners = n;
    for (const t of targets) if (typeof t.setMaxListeners === "function") t.setMaxListeners(n);
  }
  function addAbortListener(signal, listener) {
    if (!I.isAbortSignal(signal)) {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "signal" argument must be an instance of AbortSignal.');
    }
    checkListener(listener);
    let removed = false;
    if (signal.aborted) queueMicrotask(() => listener());
    else signal.addEventListener("abort", listener, { once: true });
    const dispose = () => {
      if (!removed) { removed = true; signal.removeEventListener("abort", listener); }
    };
    const d = { dispose };
    if (typeof Symbol.dispose === "symbol") d[Symbol.dispose] = dispose;
    return d;
  }

  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.once = once;
  EventEmitter.on = on;
  EventEmitter.getEventListeners = getEventListeners;
  EventEmitter.setMaxListeners = setMaxListeners;
  EventEmitter.addAbortListener = addAbortListener;
  EventEmitter.EventTarget = I.EventTarget;
  EventEmitter.Event = I.Event;
  EventEmitter.usingDomains = false;
  return EventEmitter;
})
