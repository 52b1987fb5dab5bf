// arun web platform globals: DOMException, Event, EventTarget, CustomEvent,
// AbortController, AbortSignal, TextEncoder, TextDecoder, atob, btoa, Blob,
// File. Compiled once per process; the function runs once per runtime with
// the global object and the Go natives, and returns the internals other
// embedded scripts (streams, events, timers/promises) share.
(function (g, native) {
  "use strict";

  const def = (obj, name, value) =>
    Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });
  const tag = (C, name) =>
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
  const nodeError = (Ctor, code, message) => {
    const e = new Ctor(message);
    e.code = code;
    return e;
  };
  const illegal = () => nodeError(TypeError, "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
  // console.log and util.inspect show these classes as Node 20 does: each
  // [INSPECT] is Node's own (what it returns when the depth is used up
  // included: "[Blob]" where Node's fallback prints that)
  const INSPECT = Symbol.for("nodejs.util.inspect.custom");
  const inspectAs = (C, fn) => Object.defineProperty(C.prototype, INSPECT, { value: fn, writable: true, configurable: true });
  const lessDepth = (options) => ({ ...options, depth: options.depth === null || options.depth === undefined ? options.depth : options.depth - 1 });
  const usedUp = (self, options) => options.stylize(`[${self.constructor.name}]`, "special");
  const INTERNAL = Symbol("arun internal");
  // enumerable accessors, as WebIDL attributes are
  const enumerable = (C, ...names) => {
    for (const n of names) {
      const d = Object.getOwnPropertyDescriptor(C.prototype, n);
      d.enumerable = true;
      Object.defineProperty(C.prototype, n, d);
    }
  };

  // ---------------------------------------------------------------- DOMException
  const domCodes = {
    IndexSizeError: 1, DOMStringSizeError: 2, HierarchyRequestError: 3, WrongDocumentError: 4,
    InvalidCharacterError: 5, NoDataAllowedError: 6, NoModificationAllowedError: 7, NotFoundError: 8,
    NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11, SyntaxError: 12,
    InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, ValidationError: 16,
    TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
  };
  const domConsts = [
    "INDEX_SIZE_ERR", "DOMSTRING_SIZE_ERR", "HIERARCHY_REQUEST_ERR", "WRONG_DOCUMENT_ERR",
    "INVALID_CHARACTER_ERR", "NO_DATA_ALLOWED_ERR", "NO_MODIFICATION_ALLOWED_ERR", "NOT_FOUND_ERR",
    "NOT_SUPPORTED_ERR", "INUSE_ATTRIBUTE_ERR", "INVALID_STATE_ERR", "SYNTAX_ERR",
    "INVALID_MODIFICATION_ERR", "NAMESPACE_ERR", "INVALID_ACCESS_ERR", "VALIDATION_ERR",
    "TYPE_MISMATCH_ERR", "SECURITY_ERR", "NETWORK_ERR", "ABORT_ERR", "URL_MISMATCH_ERR",
    "QUOTA_EXCEEDED_ERR", "TIMEOUT_ERR", "INVALID_NODE_TYPE_ERR", "DATA_CLONE_ERR",
  ];
  let domState;
  class DOMException extends Error {
    #d;
    constructor(message = "", options = "Error") {
      super();
      let name = options, cause, hasCause = false;
      if (options !== null && typeof options === "object") {
        name = options.name === undefined ? "Error" : String(options.name);
        if ("cause" in options) { hasCause = true; cause = options.cause; }
      } else {
        name = String(options);
      }
      this.#d = { message: String(message), name };
      delete this.message;
      if (hasCause) def(this, "cause", cause);
    }
    get name() { return this.#d.name; }
    get message() { return this.#d.message; }
    get code() { return domCodes[this.#d.name] || 0; }
    static { domState = (o) => o.#d; }
  }
  enumerable(DOMException, "name", "message", "code");
  tag(DOMException, "DOMException");
  domConsts.forEach((n, i) => {
    const d = { value: i + 1, enumerable: true };
    Object.defineProperty(DOMException, n, d);
    Object.defineProperty(DOMException.prototype, n, d);
  });
  def(g, "DOMException", DOMException);
  const domex = (message, name) => new DOMException(message, name);

  // Node's AbortError (events.once, timers/promises): not a DOMException.
  class AbortError extends Error {
    constructor(message = "The operation was aborted", options = undefined) {
      super(message);
      if (options !== undefined && options !== null && typeof options === "object" && "cause" in options) {
        def(this, "cause", options.cause);
      }
      this.code = "ABORT_ERR";
      this.name = "AbortError";
    }
  }

  // ---------------------------------------------------------------- Event
  let evState;
  const NONE = 0, CAPTURING_PHASE = 1, AT_TARGET = 2, BUBBLING_PHASE = 3;
  class Event {
    #e;
    constructor(type, init = undefined) {
      if (arguments.length === 0) throw nodeError(TypeError, "ERR_MISSING_ARGS", 'The "type" argument must be specified');
      if (init !== undefined && init !== null && typeof init !== "object") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "options" argument must be of type object.');
      }
      init = init || {};
      this.#e = {
        type: String(type), bubbles: !!init.bubbles, cancelable: !!init.cancelable, composed: !!init.composed,
        target: null, currentTarget: null, phase: NONE, canceled: false, stop: false, stopImmediate: false,
        dispatching: false, inPassive: false, trusted: false,
        timeStamp: typeof performance !== "undefined" ? performance.now() : Date.now(),
      };
    }
    get type() { return this.#e.type; }
    get target() { return this.#e.target; }
    get srcElement() { return this.#e.target; }
    get currentTarget() { return this.#e.currentTarget; }
    get eventPhase() { return this.#e.phase; }
    get bubbles() { return this.#e.bubbles; }
    get cancelable() { return this.#e.cancelable; }
    get composed() { return this.#e.composed; }
    get defaultPrevented() { return this.#e.canceled; }
    get isTrusted() { return this.#e.trusted; }
    get timeStamp() { return this.#e.timeStamp; }
    get returnValue() { return !this.#e.canceled; }
    set returnValue(v) { if (!v && this.#e.cancelable && !this.#e.inPassive) this.#e.canceled = true; }
    get cancelBubble() { return this.#e.stop; }
    set cancelBubble(v) { if (v) this.#e.stop = true; }
    composedPath() { return this.#e.dispatching && this.#e.currentTarget ? [this.#e.currentTarget] : []; }
    stopPropagation() { this.#e.stop = true; }
    stopImmediatePropagation() { this.#e.stop = true; this.#e.stopImmediate = true; }
    preventDefault() { if (this.#e.cancelable && !this.#e.inPassive) this.#e.canceled = true; }
    initEvent(type, bubbles = false, cancelable = false) {
      const e = this.#e;
      if (e.dispatching) return;
      e.type = String(type); e.bubbles = !!bubbles; e.cancelable = !!cancelable;
      e.stop = e.stopImmediate = e.canceled = false; e.target = null;
    }
    static { evState = (o) => o.#e; }
  }
  enumerable(Event, "type", "target", "srcElement", "currentTarget", "eventPhase", "bubbles", "cancelable",
    "composed", "defaultPrevented", "isTrusted", "timeStamp", "returnValue", "cancelBubble");
  for (const [n, v] of Object.entries({ NONE, CAPTURING_PHASE, AT_TARGET, BUBBLING_PHASE })) {
    Object.defineProperty(Event, n, { value: v, enumerable: true });
    Object.defineProperty(Event.prototype, n, { value: v, enumerable: true });
  }
  tag(Event, "Event");
  inspectAs(Event, function (depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = { ...options, depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth };
    return `${name} ${inspect({ type: this.type, defaultPrevented: this.defaultPrevented, cancelable: this.cancelable, timeStamp: this.timeStamp }, opts)}`;
  });
  def(g, "Event", Event);

  class CustomEvent extends Event {
    #detail;
    constructor(type, init = undefined) {
      if (arguments.length === 0) throw nodeError(TypeError, "ERR_MISSING_ARGS", 'The "type" argument must be specified');
      super(type, init);
      this.#detail = init && init.detail !== undefined ? init.detail : null;
    }
    get detail() { return this.#detail; }
  }
  enumerable(CustomEvent, "detail");
  tag(CustomEvent, "CustomEvent");
  def(g, "CustomEvent", CustomEvent);

  // ---------------------------------------------------------------- EventTarget
  let etState;
  const flatten = (options) => (typeof options === "boolean" ? options : !!(options && options.capture));
  class EventTarget {
    #t = null; // type -> listener list, made on the first addEventListener
    addEventListener(type, callback, options = undefined) {
      if (arguments.length < 2) throw nodeError(TypeError, "ERR_MISSING_ARGS", 'The "type" and "listener" arguments must be specified');
      if (callback === null || callback === undefined) return;
      if (typeof callback !== "function" && typeof callback !== "object") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE",
          `The "listener" argument must be an instance of EventListener. Received type ${typeof callback} (${String(callback)})`);
      }
      type = String(type);
      let capture = false, once = false, passive = false, signal;
      if (typeof options === "boolean") capture = options;
      else if (options !== null && options !== undefined && typeof options === "object") {
        capture = !!options.capture; once = !!options.once; passive = !!options.passive; signal = options.signal;
        if (signal !== undefined && !isAbortSignal(signal)) {
          throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "options.signal" property must be an instance of AbortSignal.');
        }
      }
      if (signal && signal.aborted) return;
      let listeners = this.#t;
      if (listeners === null) listeners = this.#t = new Map();
      let list = listeners.get(type);
      if (!list) { list = []; listeners.set(type, list); }
      // (indexed loops: no iterator or closure per call)
      for (let i = 0; i < list.length; i++) if (list[i].callback === callback && list[i].capture === capture) return;
      const l = { callback, capture, once, passive, removed: false, signal };
      list.push(l);
      if (type === "abort" && sigHas(this)) syncHold(this);
      if (signal) {
        const target = this;
        l.onAbort = () => target.removeEventListener(type, callback, { capture });
        addAbortAlgorithm(signal, l.onAbort);
      }
    }
    removeEventListener(type, callback, options = undefined) {
      type = String(type);
      const capture = flatten(options);
      const listeners = this.#t;
      if (listeners === null) return;
      const list = listeners.get(type);
      if (!list) return;
      let i = list.length - 1;
      while (i >= 0 && (list[i].callback !== callback || list[i].capture !== capture)) i--;
      if (i < 0) return;
      const l = list[i];
      l.removed = true;
      if (l.signal) removeAbortAlgorithm(l.signal, l.onAbort);
      if (list.length === 1) listeners.delete(type);
      else if (i === list.length - 1) list.pop();
      else list.splice(i, 1);
      if (type === "abort" && sigHas(this)) syncHold(this);
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) {
        throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "event" argument must be an instance of Event.');
      }
      const es = evState(event);
      if (es.dispatching) throw domex("The event is already being dispatched", "InvalidStateError");
      es.trusted = false;
      return dispatch(this, event, es);
    }
    static { etState = (o) => o.#t; }
  }
  tag(EventTarget, "EventTarget");
  def(g, "EventTarget", EventTarget);

  function dispatch(target, event, es) {
    es.dispatching = true;
    es.target = target;
    es.currentTarget = target;
    es.phase = AT_TARGET;
    const listeners = etState(target);
    const list = listeners === null ? undefined : listeners.get(es.type);
    if (list) {
      const copy = list.slice();
      // At the target, capturing listeners run first, then the others.
      for (const capturePass of [true, false]) {
        for (const l of copy) {
          if (es.stopImmediate) break;
          if (l.removed || l.capture !== capturePass) continue;
          if (l.once) target.removeEventListener(es.type, l.callback, { capture: l.capture });
          if (l.passive) es.inPassive = true;
          try {
            if (typeof l.callback === "function") {
              l.callback.call(target, event);
            } else {
              const h = l.callback.handleEvent;
              if (typeof h !== "function") throw new TypeError("handleEvent is not a function");
              h.call(l.callback, event);
            }
          } catch (err) {
            g.reportError(err);
          }
          es.inPassive = false;
        }
        if (es.stop) break;
      }
    }
    es.phase = NONE;
    es.currentTarget = null;
    es.dispatching = false;
    es.stop = false;
    es.stopImmediate = false;
    return !es.canceled;
  }

  // Event handler IDL attributes (onabort): the listener keeps its place in
  // the list from the first time a handler is set.
  const handlerState = new WeakMap();
  function defineEventHandler(C, type) {
    Object.defineProperty(C.prototype, "on" + type, {
      enumerable: true, configurable: true,
      get() {
        const m = handlerState.get(this);
        return (m && m[type] && m[type].value) || null;
      },
      set(v) {
        let m = handlerState.get(this);
        if (!m) { m = {}; handlerState.set(this, m); }
        if (typeof v !== "function" && (v === null || typeof v !== "object")) v = null;
        let h = m[type];
        if (v === null) {
          if (h) { this.removeEventListener(type, h.listener); delete m[type]; }
          return;
        }
        if (!h) {
          const self = this;
          h = m[type] = { value: v, listener(e) { const f = h.value; if (typeof f === "function") return f.call(self, e); } };
          this.addEventListener(type, h.listener);
        } else {
          h.value = v;
        }
      },
    });
  }

  // ---------------------------------------------------------------- AbortSignal
  const arrayValues = Array.prototype[Symbol.iterator];
  const arrayIterProto = Object.getPrototypeOf([][Symbol.iterator]());
  const arrayIterNext = arrayIterProto.next;
  const plainArray = (a) => Array.isArray(a) && a[Symbol.iterator] === arrayValues && arrayIterProto.next === arrayIterNext &&
    Object.getPrototypeOf(a) === Array.prototype;
  let sigState;
  function isAbortSignal(v) { return v !== null && typeof v === "object" && sigHas(v); }
  let sigHas;
  class AbortSignal extends EventTarget {
    #s;
    constructor(key) {
      if (key !== INTERNAL) throw illegal();
      super();
      this.#s = { aborted: false, reason: undefined, algorithms: null, sources: null, dependents: null, composite: false, timer: 0 };
    }
    get aborted() { return this.#s.aborted; }
    get reason() { return this.#s.reason; }
    throwIfAborted() { if (this.#s.aborted) throw this.#s.reason; }
    static abort(reason = undefined) {
      const s = new AbortSignal(INTERNAL);
      const st = sigState(s);
      st.aborted = true;
      st.reason = reason !== undefined ? reason : domex("This operation was aborted", "AbortError");
      return s;
    }
    static timeout(ms) {
      ms = Number(ms);
      if (!(ms >= 0 && ms <= 4294967295)) {
        throw nodeError(RangeError, "ERR_OUT_OF_RANGE",
          `The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received ${ms}`);
      }
      const s = new AbortSignal(INTERNAL);
      // an unreferenced timer (a pending timeout does not keep the process
      // alive) that holds the signal weakly unless it has abort listeners or
      // algorithms (syncHold): a dropped signal is collected, not kept for ms
      sigState(s).timer = native.weakTimer(ms, s, timeoutFired);
      return s;
    }
    static any(signals) {
      // a plain array is read by index when iterating it would see the
      // same elements (its iterator is the built-in one): no iterator
      // result object per element
      let list;
      if (plainArray(signals)) list = signals.slice();
      else { list = []; for (const s of signals) list.push(s); }
      for (let i = 0; i < list.length; i++) {
        if (!isAbortSignal(list[i])) {
          throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "signals" argument must be an instance of AbortSignal[].');
        }
      }
      const result = new AbortSignal(INTERNAL);
      const rs = sigState(result);
      for (let i = 0; i < list.length; i++) {
        const st = sigState(list[i]);
        if (st.aborted) { rs.aborted = true; rs.reason = st.reason; return result; }
      }
      rs.composite = true;
      rs.sources = new Set();
      for (let i = 0; i < list.length; i++) {
        const st = sigState(list[i]);
        if (st.composite) { for (const src of st.sources) follow(result, rs, src); }
        else follow(result, rs, list[i]);
      }
      return result;
    }
    static { sigState = (o) => o.#s; sigHas = (o) => #s in o; }
  }
  defineEventHandler(AbortSignal, "abort");
  enumerable(AbortSignal, "aborted", "reason");
  tag(AbortSignal, "AbortSignal");
  inspectAs(AbortSignal, function (depth, options, inspect) {
    if (depth < 0) return usedUp(this, options);
    return `${this.constructor.name} ${inspect({ aborted: this.aborted }, lessDepth(options))}`;
  });
  def(g, "AbortSignal", AbortSignal);
  // fetch (bindings/fetch, which cannot reach these internals) follows a
  // signal with an abort algorithm, as the Fetch standard says, instead of
  // an "abort" listener
  Object.defineProperty(AbortSignal, Symbol.for("arun.abortAlgorithms"), {
    value: Object.freeze({ add: (s, fn) => addAbortAlgorithm(s, fn), remove: (s, fn) => removeAbortAlgorithm(s, fn) }),
  });

  // follow makes the composite signal result (its state rs) depend on src
  function follow(result, rs, src) {
    const ss = sigState(src);
    if (ss.aborted) return;
    rs.sources.add(src);
    if (!ss.dependents) ss.dependents = new Set();
    ss.dependents.add(result);
  }

  function timeoutFired(s) {
    sigState(s).timer = 0;
    signalAbort(s, domex("The operation was aborted due to timeout", "TimeoutError"));
  }
  // A timeout signal whose running someone can observe must fire even if
  // the script dropped it: its timer then holds it strongly. Observable:
  // it, or a composite signal depending on it (AbortSignal.any), has abort
  // listeners or algorithms. A dependent with neither does not count: the
  // dependent holds its sources itself, so while the script can reach it
  // the timeout signal stays alive and fires, and once it cannot, nothing
  // is left to see the abort and both are collected (Node and the DOM
  // standard hold dependents weakly too), not kept for ms.
  function observable(signal, st) {
    if (st.algorithms !== null) return true; // (never an empty Set: see removeAbortAlgorithm)
    const listeners = etState(signal);
    if (listeners === null) return false;
    const l = listeners.get("abort");
    return l !== undefined && l.length > 0;
  }
  // (Set.forEach with shared callbacks: a for-of makes an iterator and a
  // result object per step, and this runs twice per fetch with a signal)
  let seen = false;
  const syncSource = (src) => { if (sigState(src).timer) syncHold(src); };
  const seeDependent = (d) => { if (!seen && observable(d, sigState(d))) seen = true; };
  function syncHold(signal) {
    const st = sigState(signal);
    if (st.composite) {
      // its sources' timers: they may now (or no longer) be observed
      if (st.sources !== null) st.sources.forEach(syncSource);
      return;
    }
    if (!st.timer) return;
    let strong = observable(signal, st);
    if (!strong && st.dependents !== null) {
      seen = false;
      st.dependents.forEach(seeDependent);
      strong = seen;
    }
    native.weakHold(st.timer, strong);
  }

  function runAbortSteps(signal) {
    const st = sigState(signal);
    if (st.algorithms !== null) {
      const algs = typeof st.algorithms === "function" ? [st.algorithms] : Array.from(st.algorithms);
      st.algorithms = null;
      for (const a of algs) {
        try { a(); } catch (e) { g.reportError(e); }
      }
    }
    const ev = new Event("abort");
    evState(ev).trusted = true;
    dispatch(signal, ev, evState(ev));
  }
  function signalAbort(signal, reason) {
    const st = sigState(signal);
    if (st.aborted) return;
    st.aborted = true;
    st.reason = reason !== undefined ? reason : domex("This operation was aborted", "AbortError");
    if (st.timer) { native.weakStop(st.timer); st.timer = 0; }
    const deps = [];
    if (st.dependents) {
      for (const d of st.dependents) {
        const ds = sigState(d);
        if (ds.aborted) continue;
        ds.aborted = true;
        ds.reason = st.reason;
        deps.push(d);
      }
      st.dependents = null;
    }
    runAbortSteps(signal);
    for (const d of deps) {
      const ds = sigState(d);
      // a composite signal no longer needs its sources
      if (ds.sources) {
        for (const src of ds.sources) { const ss = sigState(src); if (ss.dependents) ss.dependents.delete(d); }
        ds.sources = null;
      }
      runAbortSteps(d);
    }
  }
  // A signal's abort algorithms: null, the one function (most signals
  // have one: a fetch's, a listener's signal option), or a Set of them.
  function addAbortAlgorithm(signal, fn) {
    const st = sigState(signal);
    if (st.aborted) return;
    const a = st.algorithms;
    if (a === null) st.algorithms = fn;
    else if (typeof a === "function") { if (a !== fn) st.algorithms = new Set([a, fn]); }
    else a.add(fn);
    if (st.timer || st.composite) syncHold(signal);
  }
  function removeAbortAlgorithm(signal, fn) {
    const st = sigState(signal);
    const a = st.algorithms;
    if (a === fn) st.algorithms = null;
    else if (a !== null && typeof a !== "function" && a.delete(fn) && a.size === 0) st.algorithms = null;
    if (st.timer || st.composite) syncHold(signal);
  }

  class AbortController {
    #signal = new AbortSignal(INTERNAL);
    get signal() { return this.#signal; }
    abort(reason = undefined) { signalAbort(this.#signal, reason); }
  }
  enumerable(AbortController, "signal");
  tag(AbortController, "AbortController");
  inspectAs(AbortController, function (depth, options, inspect) {
    if (depth < 0) return this;
    return `${this.constructor.name} ${inspect({ signal: this.signal }, lessDepth(options))}`;
  });
  def(g, "AbortController", AbortController);

  // ---------------------------------------------------------------- encoding
  const toU8 = (input, what) => {
    if (input instanceof Uint8Array) return input;
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && input instanceof SharedArrayBuffer)) {
      return new Uint8Array(input);
    }
    throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE",
      `The "${what}" argument must be an instance of ArrayBuffer or ArrayBufferView.`);
  };
  const encodeUTF8 = (s) => new Uint8Array(native.encode(s));

  class TextEncoder {
    get encoding() { return "utf-8"; }
    encode(input = "") { return encodeUTF8(String(input)); }
    encodeInto(source, destination) {
      if (!(destination instanceof Uint8Array)) {
        throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "dest" argument must be an instance of Uint8Array.');
      }
      const r = native.encodeInto(String(source), destination);
      return { read: r[0], written: r[1] };
    }
  }
  enumerable(TextEncoder, "encoding");
  tag(TextEncoder, "TextEncoder");
  inspectAs(TextEncoder, function (depth, options, inspect) {
    if (typeof depth === "number" && depth < 0) return usedUp(this, options);
    return inspect({ encoding: this.encoding }, options); // Node 20 shows no class name
  });
  def(g, "TextEncoder", TextEncoder);

  class TextDecoder {
    #d;
    constructor(label = "utf-8", options = undefined) {
      if (options !== undefined && options !== null && typeof options !== "object") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "options" argument must be of type object.');
      }
      const fatal = !!(options && options.fatal), ignoreBOM = !!(options && options.ignoreBOM);
      const r = native.newDecoder(String(label), fatal, ignoreBOM);
      if (r === null) {
        throw nodeError(RangeError, "ERR_ENCODING_NOT_SUPPORTED", `The "${String(label)}" encoding is not supported`);
      }
      this.#d = { encoding: r[0], decode: r[1], fatal, ignoreBOM };
    }
    get encoding() { return this.#d.encoding; }
    get fatal() { return this.#d.fatal; }
    get ignoreBOM() { return this.#d.ignoreBOM; }
    decode(input = undefined, options = undefined) {
      const u8 = input === undefined || input === null ? undefined : toU8(input, "input");
      const stream = !!(options && options.stream);
      const s = this.#d.decode(u8, stream);
      if (s === null) {
        throw nodeError(TypeError, "ERR_ENCODING_INVALID_ENCODED_DATA",
          `The encoded data was not valid for encoding ${this.#d.encoding}`);
      }
      return s;
    }
  }
  enumerable(TextDecoder, "encoding", "fatal", "ignoreBOM");
  tag(TextDecoder, "TextDecoder");
  inspectAs(TextDecoder, function (depth, options, inspect) {
    if (typeof depth === "number" && depth < 0) return usedUp(this, options);
    return `${this.constructor.name} ${inspect({ encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM })}`;
  });
  def(g, "TextDecoder", TextDecoder);

  def(g, "atob", function atob(data) {
    if (arguments.length === 0) throw nodeError(TypeError, "ERR_MISSING_ARGS", 'The "data" argument must be specified');
    const r = native.atob(String(data));
    if (r === null) throw domex("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
    return r;
  });
  def(g, "btoa", function btoa(data) {
    if (arguments.length === 0) throw nodeError(TypeError, "ERR_MISSING_ARGS", 'The "data" argument must be specified');
    const r = native.btoa(String(data));
    if (r === null) throw domex("Invalid character", "InvalidCharacterError");
    return r;
  });

  // ---------------------------------------------------------------- Blob, File
  let blobState, blobHas;
  const normType = (t) => {
    t = t === undefined ? "" : String(t);
    for (let i = 0; i < t.length; i++) { const c = t.charCodeAt(i); if (c < 0x20 || c > 0x7e) return ""; }
    return t.toLowerCase();
  };
  function partBytes(part, endings) {
    if (part !== null && typeof part === "object") {
      if (blobHas(part)) return blobState(part).bytes;
      if (part instanceof ArrayBuffer) return new Uint8Array(part.slice(0));
      if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
    }
    let s = String(part);
    if (endings === "native") s = s.replace(/\r\n|\r/g, "\n");
    return encodeUTF8(s);
  }
  class Blob {
    #b;
    constructor(parts = undefined, options = undefined) {
      if (parts === INTERNAL) { this.#b = options; return; }
      if (options !== undefined && options !== null && typeof options !== "object") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "options" argument must be of type object.');
      }
      const endings = options && options.endings !== undefined ? String(options.endings) : "transparent";
      if (endings !== "transparent" && endings !== "native") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.endings' must be one of: 'transparent', 'native'. Received '${endings}'`);
      }
      const chunks = [];
      let size = 0;
      if (parts !== undefined) {
        if (parts === null || typeof parts !== "object" || typeof parts[Symbol.iterator] !== "function") {
          throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", 'The "sources" argument must be a sequence.');
        }
        for (const p of parts) { const b = partBytes(p, endings); chunks.push(b); size += b.length; }
      }
      let bytes;
      if (chunks.length === 1) bytes = chunks[0];
      else {
        bytes = new Uint8Array(size);
        let off = 0;
        for (const c of chunks) { bytes.set(c, off); off += c.length; }
      }
      this.#b = { bytes, type: normType(options && options.type) };
    }
    get size() { return this.#b.bytes.length; }
    get type() { return this.#b.type; }
    slice(start = undefined, end = undefined, contentType = undefined) {
      const size = this.#b.bytes.length;
      const rel = (v, d) => {
        if (v === undefined) return d;
        v = Math.trunc(Number(v)) || 0;
        return v < 0 ? Math.max(size + v, 0) : Math.min(v, size);
      };
      const s = rel(start, 0), e = rel(end, size);
      const bytes = this.#b.bytes.subarray(s, Math.max(s, e));
      return new Blob(INTERNAL, { bytes, type: normType(contentType) });
    }
    text() {
      try { return Promise.resolve(native.decodeUTF8(this.#b.bytes)); } catch (e) { return Promise.reject(e); }
    }
    arrayBuffer() {
      const b = this.#b.bytes;
      return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    }
    bytes() {
      return Promise.resolve(new Uint8Array(this.#b.bytes));
    }
    stream() {
      const bytes = this.#b.bytes;
      let off = 0;
      const CHUNK = 65536;
      return new g.ReadableStream({
        type: "bytes",
        pull(c) {
          if (off >= bytes.length) { c.close(); return; }
          const n = Math.min(CHUNK, bytes.length - off);
          c.enqueue(bytes.slice(off, off + n));
          off += n;
          if (off >= bytes.length) c.close();
        },
      });
    }
    static { blobState = (o) => o.#b; blobHas = (o) => #b in o; }
  }
  enumerable(Blob, "size", "type");
  tag(Blob, "Blob");
  inspectAs(Blob, function (depth, options, inspect) {
    if (depth < 0) return usedUp(this, options);
    if (this instanceof File) {
      return `File ${inspect({ size: this.size, type: this.type, name: this.name, lastModified: this.lastModified }, lessDepth(options))}`;
    }
    return `Blob ${inspect({ size: this.size, type: this.type }, lessDepth(options))}`;
  });
  def(g, "Blob", Blob);

  class File extends Blob {
    #f;
    constructor(bits, name, options = undefined) {
      if (arguments.length < 2) {
        throw nodeError(TypeError, "ERR_MISSING_ARGS", 'The "fileBits" and "fileName" arguments must be specified');
      }
      super(bits, options);
      let lm = options && options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
      lm = Number.isFinite(lm) ? Math.trunc(lm) : 0;
      this.#f = { name: String(name), lastModified: lm };
    }
    get name() { return this.#f.name; }
    get lastModified() { return this.#f.lastModified; }
  }
  enumerable(File, "name", "lastModified");
  tag(File, "File");
  def(g, "File", File);

  return {
    INTERNAL, nodeError, domex, DOMException, AbortError, Event, EventTarget, AbortSignal, AbortController,
    isAbortSignal, signalAbort, addAbortAlgorithm, removeAbortAlgorithm, defineEventHandler, tag, enumerable, def,
    toU8, encodeUTF8,
    isBlob: (v) => v !== null && typeof v === "object" && blobHas(v),
    blobBytes: (b) => blobState(b).bytes,
    newBlob: (bytes, type) => new Blob(INTERNAL, { bytes, type: normType(type) }),
  };
});
