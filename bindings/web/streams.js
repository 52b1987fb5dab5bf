// arun WHATWG streams: ReadableStream (default controller; type "bytes" is
// accepted and read with default or BYOB readers through a copying
// adapter), WritableStream, TransformStream, the queuing strategies and
// TextEncoderStream/TextDecoderStream. A port of the Streams Standard's
// abstract operations: each public object holds, in a private field, a record
// that the operations below work on.
(function (g, native, I) {
  "use strict";
  const { INTERNAL, nodeError, def, tag, enumerable } = I;

  // ------------------------------------------------------------ helpers
  const resolved = (v) => Promise.resolve(v);
  const rejected = (e) => Promise.reject(e);
  const noop = () => {};
  const handled = (p) => { p.then(undefined, noop); return p; };
  function deferred() {
    const d = {};
    d.promise = new Promise((res, rej) => { d.resolve = res; d.reject = rej; });
    d.settled = false;
    const res = d.resolve, rej = d.reject;
    d.resolve = (v) => { d.settled = true; res(v); };
    d.reject = (e) => { d.settled = true; rej(e); };
    return d;
  }
  function rejectedDeferred(e) { const d = deferred(); d.reject(e); handled(d.promise); return d; }
  function resolvedDeferred(v) { const d = deferred(); d.resolve(v); return d; }
  const invalidState = (msg) => nodeError(TypeError, "ERR_INVALID_STATE", "Invalid state: " + msg);
  const argType = (msg) => nodeError(TypeError, "ERR_INVALID_ARG_TYPE", msg);
  function promiseCall(fn, thisArg, ...args) {
    if (fn === undefined) return resolved(undefined);
    try { return resolved(fn.apply(thisArg, args)); } catch (e) { return rejected(e); }
  }
  function getMethod(obj, name) {
    const m = obj[name];
    if (m === undefined || m === null) return undefined;
    if (typeof m !== "function") throw argType(`The "${name}" property must be of type function.`);
    return m;
  }
  function isObject(v) { return v !== null && (typeof v === "object" || typeof v === "function"); }

  // A FIFO with O(1) dequeue.
  class Queue {
    constructor() { this.items = []; this.head = 0; }
    get length() { return this.items.length - this.head; }
    push(v) { this.items.push(v); }
    shift() {
      const v = this.items[this.head];
      this.items[this.head++] = undefined;
      if (this.head > 1024 && this.head * 2 > this.items.length) { this.items = this.items.slice(this.head); this.head = 0; }
      return v;
    }
    peek() { return this.items[this.head]; }
    unshift(v) { if (this.head > 0) this.items[--this.head] = v; else this.items.unshift(v); }
  }
  function resetQueue(c) { c.queue = new Queue(); c.queueTotalSize = 0; }
  function enqueueValueWithSize(c, value, size) {
    size = Number(size);
    if (!(size >= 0) || size === Infinity) throw new RangeError("The chunk size must be a finite, non-negative number");
    c.queue.push({ value, size });
    c.queueTotalSize += size;
  }
  function dequeueValue(c) {
    const p = c.queue.shift();
    c.queueTotalSize -= p.size;
    if (c.queueTotalSize < 0) c.queueTotalSize = 0;
    return p.value;
  }

  function extractHWM(strategy, dflt) {
    if (strategy === undefined || strategy === null || strategy.highWaterMark === undefined) return dflt;
    const h = Number(strategy.highWaterMark);
    if (Number.isNaN(h) || h < 0) {
      throw nodeError(RangeError, "ERR_INVALID_ARG_VALUE", `The property 'strategy.highWaterMark' is invalid. Received ${strategy.highWaterMark}`);
    }
    return h;
  }
  function extractSize(strategy) {
    if (strategy === undefined || strategy === null || strategy.size === undefined) return () => 1;
    const size = strategy.size;
    if (typeof size !== "function") throw argType('The "strategy.size" property must be of type function.');
    return (chunk) => size(chunk);
  }

  // ------------------------------------------------------------ queuing strategies
  const byteSize = function size(chunk) { return chunk.byteLength; };
  const countSize = function size() { return 1; };
  class ByteLengthQueuingStrategy {
    #h;
    constructor(init) {
      if (!isObject(init) || init.highWaterMark === undefined) throw argType('The "init.highWaterMark" property must be of type number.');
      this.#h = Number(init.highWaterMark);
    }
    get highWaterMark() { return this.#h; }
    get size() { return byteSize; }
  }
  class CountQueuingStrategy {
    #h;
    constructor(init) {
      if (!isObject(init) || init.highWaterMark === undefined) throw argType('The "init.highWaterMark" property must be of type number.');
      this.#h = Number(init.highWaterMark);
    }
    get highWaterMark() { return this.#h; }
    get size() { return countSize; }
  }
  enumerable(ByteLengthQueuingStrategy, "highWaterMark", "size");
  enumerable(CountQueuingStrategy, "highWaterMark", "size");
  tag(ByteLengthQueuingStrategy, "ByteLengthQueuingStrategy");
  tag(CountQueuingStrategy, "CountQueuingStrategy");
  def(g, "ByteLengthQueuingStrategy", ByteLengthQueuingStrategy);
  def(g, "CountQueuingStrategy", CountQueuingStrategy);

  // ============================================================ ReadableStream
  let rsOf, rsHas;
  class ReadableStream {
    #s;
    constructor(underlyingSource = undefined, strategy = undefined) {
      if (underlyingSource === INTERNAL) { this.#s = strategy; strategy.obj = this; return; }
      const rs = newRS(this);
      this.#s = rs;
      if (underlyingSource !== undefined && !isObject(underlyingSource)) {
        throw argType('The "source" argument must be of type object.');
      }
      if (strategy === null) strategy = undefined;
      const src = underlyingSource || {};
      let type = src.type;
      if (type !== undefined) {
        type = String(type);
        if (type !== "bytes") throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'source.type' must be 'bytes' or undefined. Received '${type}'`);
        if (strategy !== undefined && strategy.size !== undefined) {
          throw nodeError(RangeError, "ERR_INVALID_ARG_VALUE", "The strategy size must be undefined for a byte stream");
        }
        rs.bytes = true;
      }
      const hwm = extractHWM(strategy, type === "bytes" ? 0 : 1);
      const size = type === "bytes" ? (chunk) => chunk.byteLength : extractSize(strategy);
      setUpRSControllerFromSource(rs, src, hwm, size);
    }
    get locked() { return isRSLocked(this.#s); }
    // Node 20's (whose helper returns its own undefined this when the depth
    // is used up: console.log prints undefined there)
    [Symbol.for("nodejs.util.inspect.custom")](depth, options, inspect) {
      if (depth < 0) return undefined;
      const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
      return `ReadableStream ${inspect({ locked: this.locked, state: this.#s.state, supportsBYOB: this.#s.bytes }, opts)}`;
    }
    cancel(reason = undefined) {
      const rs = this.#s;
      if (isRSLocked(rs)) return rejected(invalidState("ReadableStream is locked"));
      return rsCancel(rs, reason);
    }
    getReader(options = undefined) {
      const mode = options === undefined || options === null ? undefined : options.mode;
      if (mode === undefined) return acquireDefaultReader(this.#s).obj;
      if (String(mode) !== "byob") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.mode' must be 'byob'. Received '${mode}'`);
      }
      if (!this.#s.bytes) throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", "The ReadableStream is not a byte stream");
      return new ReadableStreamBYOBReader(this);
    }
    pipeThrough(transform, options = undefined) {
      const rs = this.#s;
      if (!isObject(transform)) throw argType('The "transform" argument must be of type object.');
      const readable = transform.readable, writable = transform.writable;
      if (!isRS(readable)) throw argType('The "transform.readable" property must be an instance of ReadableStream.');
      if (!isWS(writable)) throw argType('The "transform.writable" property must be an instance of WritableStream.');
      const o = pipeOptions(options);
      if (isRSLocked(rs)) throw invalidState("The ReadableStream is locked");
      if (isWSLocked(wsOf(writable))) throw invalidState("The WritableStream is locked");
      handled(pipeTo(rs, wsOf(writable), o.preventClose, o.preventAbort, o.preventCancel, o.signal));
      return readable;
    }
    pipeTo(destination, options = undefined) {
      const rs = this.#s;
      if (!isWS(destination)) return rejected(argType('The "transform.writable" property must be an instance of WritableStream.'));
      let o;
      try { o = pipeOptions(options); } catch (e) { return rejected(e); }
      if (isRSLocked(rs)) return rejected(invalidState("The ReadableStream is locked"));
      const ws = wsOf(destination);
      if (isWSLocked(ws)) return rejected(invalidState("The WritableStream is locked"));
      return pipeTo(rs, ws, o.preventClose, o.preventAbort, o.preventCancel, o.signal);
    }
    tee() {
      const [a, b] = rsTee(this.#s);
      return [a.obj, b.obj];
    }
    values(options = undefined) {
      const preventCancel = !!(options && options.preventCancel);
      return asyncIterator(this.#s, preventCancel);
    }
    static from(asyncIterable) { return rsFromIterable(asyncIterable).obj; }
    static { rsOf = (o) => o.#s; rsHas = (o) => #s in o; }
  }
  def(ReadableStream.prototype, Symbol.asyncIterator, ReadableStream.prototype.values);
  enumerable(ReadableStream, "locked");
  tag(ReadableStream, "ReadableStream");
  def(g, "ReadableStream", ReadableStream);
  const isRS = (v) => isObject(v) && rsHas(v);

  function pipeOptions(options) {
    if (options === undefined || options === null) return { preventClose: false, preventAbort: false, preventCancel: false, signal: undefined };
    if (!isObject(options)) throw argType('The "options" argument must be of type object.');
    const signal = options.signal;
    if (signal !== undefined && !I.isAbortSignal(signal)) {
      throw argType('The "options.signal" property must be an instance of AbortSignal.');
    }
    return { preventClose: !!options.preventClose, preventAbort: !!options.preventAbort, preventCancel: !!options.preventCancel, signal };
  }

  function newRS(obj) {
    return { obj, state: "readable", reader: undefined, storedError: undefined, disturbed: false, controller: undefined, bytes: false };
  }
  function createRS(startAlg, pullAlg, cancelAlg, hwm = 1, sizeAlg = () => 1) {
    const rs = newRS(undefined);
    new ReadableStream(INTERNAL, rs);
    const c = newRSController();
    setUpRSController(rs, c, startAlg, pullAlg, cancelAlg, hwm, sizeAlg);
    return rs;
  }
  const isRSLocked = (rs) => rs.reader !== undefined;

  function rsCancel(rs, reason) {
    rs.disturbed = true;
    if (rs.state === "closed") return resolved(undefined);
    if (rs.state === "errored") return rejected(rs.storedError);
    rsClose(rs);
    const r = rs.reader;
    return rs.controller.cancelSteps(reason).then(() => undefined);
  }
  function rsClose(rs) {
    rs.state = "closed";
    const r = rs.reader;
    if (r === undefined) return;
    r.closed.resolve(undefined);
    if (!r.byob) {
      const reqs = r.readRequests;
      r.readRequests = new Queue();
      while (reqs.length) reqs.shift().close();
    } else {
      const reqs = r.readIntoRequests;
      r.readIntoRequests = [];
      for (const req of reqs) req.close(req.filled - (req.filled % req.elem));
    }
  }
  function rsError(rs, e) {
    rs.state = "errored";
    rs.storedError = e;
    const r = rs.reader;
    if (r === undefined) return;
    r.closed.reject(e);
    handled(r.closed.promise);
    if (r.byob) {
      const reqs = r.readIntoRequests;
      r.readIntoRequests = [];
      for (const req of reqs) req.error(e);
    } else {
      errorReadRequests(r, e);
    }
  }
  function errorReadRequests(r, e) {
    const reqs = r.readRequests;
    r.readRequests = new Queue();
    while (reqs.length) reqs.shift().error(e);
  }
  function fulfillReadRequest(rs, chunk, done) {
    const rr = rs.reader.readRequests.shift();
    if (done) rr.close(); else rr.chunk(chunk);
  }
  const numReadRequests = (rs) => (rs.reader && !rs.reader.byob ? rs.reader.readRequests.length : 0);

  // ------------------------------------------------------------ default controller
  let rscOf;
  class ReadableStreamDefaultController {
    #c;
    constructor(key, c) {
      if (key !== INTERNAL) throw nodeError(TypeError, "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
      this.#c = c;
    }
    get desiredSize() { return rscDesiredSize(this.#c); }
    close() {
      const c = this.#c;
      if (!rscCanCloseOrEnqueue(c)) throw invalidState("Controller is already closed");
      rscClose(c);
    }
    enqueue(chunk = undefined) {
      const c = this.#c;
      if (!rscCanCloseOrEnqueue(c)) throw invalidState("Controller is already closed");
      if (c.stream.bytes && !ArrayBuffer.isView(chunk)) {
        throw argType('The "chunk" argument must be an instance of ArrayBufferView.');
      }
      rscEnqueue(c, chunk);
    }
    error(e = undefined) { rscError(this.#c, e); }
    // byte streams: there is never a pending BYOB request (reads copy)
    get byobRequest() { return null; }
    static { rscOf = (o) => o.#c; }
  }
  enumerable(ReadableStreamDefaultController, "desiredSize");
  tag(ReadableStreamDefaultController, "ReadableStreamDefaultController");
  def(g, "ReadableStreamDefaultController", ReadableStreamDefaultController);

  function newRSController() {
    const c = {
      stream: undefined, queue: new Queue(), queueTotalSize: 0, started: false, closeRequested: false,
      pullAgain: false, pulling: false, strategySizeAlgorithm: undefined, strategyHWM: 0,
      pullAlgorithm: undefined, cancelAlgorithm: undefined,
    };
    c.obj = new ReadableStreamDefaultController(INTERNAL, c);
    c.cancelSteps = (reason) => {
      resetQueue(c);
      const result = c.cancelAlgorithm(reason);
      rscClearAlgorithms(c);
      return result;
    };
    c.pullSteps = (rr) => {
      const rs = c.stream;
      if (c.queue.length > 0) {
        const chunk = dequeueValue(c);
        if (c.closeRequested && c.queue.length === 0) {
          rscClearAlgorithms(c);
          rsClose(rs);
        } else {
          rscCallPullIfNeeded(c);
        }
        rr.chunk(chunk);
      } else {
        rs.reader.readRequests.push(rr);
        rscCallPullIfNeeded(c);
      }
    };
    return c;
  }
  function setUpRSController(rs, c, startAlg, pullAlg, cancelAlg, hwm, sizeAlg) {
    c.stream = rs;
    resetQueue(c);
    c.started = c.closeRequested = c.pullAgain = c.pulling = false;
    c.strategySizeAlgorithm = sizeAlg;
    c.strategyHWM = hwm;
    c.pullAlgorithm = pullAlg;
    c.cancelAlgorithm = cancelAlg;
    rs.controller = c;
    let startResult;
    startResult = startAlg();
    resolved(startResult).then(() => {
      c.started = true;
      rscCallPullIfNeeded(c);
    }, (r) => rscError(c, r));
  }
  function setUpRSControllerFromSource(rs, src, hwm, sizeAlg) {
    const c = newRSController();
    const start = getMethod(src, "start"), pull = getMethod(src, "pull"), cancel = getMethod(src, "cancel");
    setUpRSController(rs, c,
      () => (start ? start.call(src, c.obj) : undefined),
      () => promiseCall(pull, src, c.obj),
      (reason) => promiseCall(cancel, src, reason),
      hwm, sizeAlg);
  }
  function rscCallPullIfNeeded(c) {
    if (!rscShouldCallPull(c)) return;
    if (c.pulling) { c.pullAgain = true; return; }
    c.pulling = true;
    c.pullAlgorithm().then(() => {
      c.pulling = false;
      if (c.pullAgain) { c.pullAgain = false; rscCallPullIfNeeded(c); }
    }, (e) => rscError(c, e));
  }
  function rscShouldCallPull(c) {
    const rs = c.stream;
    if (!rscCanCloseOrEnqueue(c)) return false;
    if (!c.started) return false;
    if (isRSLocked(rs) && (numReadRequests(rs) > 0 || (rs.reader.byob && rs.reader.readIntoRequests.length > 0))) return true;
    return rscDesiredSize(c) > 0;
  }
  function rscClearAlgorithms(c) {
    c.pullAlgorithm = undefined;
    c.cancelAlgorithm = undefined;
    c.strategySizeAlgorithm = undefined;
  }
  function rscClose(c) {
    if (!rscCanCloseOrEnqueue(c)) return;
    c.closeRequested = true;
    if (c.queue.length === 0) {
      rscClearAlgorithms(c);
      rsClose(c.stream);
    }
  }
  function rscEnqueue(c, chunk) {
    if (!rscCanCloseOrEnqueue(c)) return;
    const rs = c.stream;
    if (isRSLocked(rs) && rs.reader.byob && rs.reader.readIntoRequests.length > 0) {
      enqueueValueWithSize(c, chunk, chunk.byteLength);
      byobServe(rs.reader);
    } else if (isRSLocked(rs) && numReadRequests(rs) > 0) {
      fulfillReadRequest(rs, chunk, false);
    } else {
      let size;
      try { size = c.strategySizeAlgorithm(chunk); } catch (e) { rscError(c, e); throw e; }
      try { enqueueValueWithSize(c, chunk, size); } catch (e) { rscError(c, e); throw e; }
    }
    rscCallPullIfNeeded(c);
  }
  function rscError(c, e) {
    const rs = c.stream;
    if (rs.state !== "readable") return;
    resetQueue(c);
    rscClearAlgorithms(c);
    rsError(rs, e);
  }
  function rscDesiredSize(c) {
    const st = c.stream.state;
    if (st === "errored") return null;
    if (st === "closed") return 0;
    return c.strategyHWM - c.queueTotalSize;
  }
  const rscHasBackpressure = (c) => !rscShouldCallPull(c);
  const rscCanCloseOrEnqueue = (c) => !c.closeRequested && c.stream.state === "readable";

  // ------------------------------------------------------------ default reader
  let rdOf;
  class ReadableStreamDefaultReader {
    #r;
    constructor(stream) {
      if (stream === INTERNAL) return;
      if (!isRS(stream)) throw argType('The "stream" argument must be an instance of ReadableStream.');
      this.#r = newReader(this, rsOf(stream));
    }
    get closed() { return this.#r.closed.promise; }
    read() {
      const r = this.#r;
      if (r.stream === undefined) return rejected(invalidState("The reader is not attached to a stream"));
      const d = deferred();
      readerRead(r, {
        chunk: (v) => d.resolve({ value: v, done: false }),
        close: () => d.resolve({ value: undefined, done: true }),
        error: (e) => d.reject(e),
      });
      return d.promise;
    }
    releaseLock() {
      const r = this.#r;
      if (r.stream === undefined) return;
      readerRelease(r);
    }
    cancel(reason = undefined) {
      const r = this.#r;
      if (r.stream === undefined) return rejected(invalidState("The reader is not attached to a stream"));
      return rsCancel(r.stream, reason);
    }
    static { rdOf = (o) => o.#r; }
    static _init(o, r) { o.#r = r; }
  }
  const initReaderObj = ReadableStreamDefaultReader._init;
  delete ReadableStreamDefaultReader._init;
  enumerable(ReadableStreamDefaultReader, "closed");
  tag(ReadableStreamDefaultReader, "ReadableStreamDefaultReader");
  def(g, "ReadableStreamDefaultReader", ReadableStreamDefaultReader);

  function newReader(obj, rs) {
    if (isRSLocked(rs)) throw invalidState("ReadableStream is locked");
    const r = { obj, stream: rs, closed: deferred(), readRequests: new Queue(), byob: false };
    readerGenericInit(r, rs);
    return r;
  }
  function readerGenericInit(r, rs) {
    r.stream = rs;
    rs.reader = r;
    if (rs.state === "closed") r.closed.resolve(undefined);
    else if (rs.state === "errored") { r.closed.reject(rs.storedError); handled(r.closed.promise); }
  }
  function acquireDefaultReader(rs) {
    const obj = new ReadableStreamDefaultReader(INTERNAL);
    const r = newReader(obj, rs);
    initReaderObj(obj, r);
    return r;
  }
  function readerRead(r, rr) {
    const rs = r.stream;
    rs.disturbed = true;
    if (rs.state === "closed") rr.close();
    else if (rs.state === "errored") rr.error(rs.storedError);
    else rs.controller.pullSteps(rr);
  }
  function readerGenericRelease(r) {
    const rs = r.stream;
    const e = invalidState("Reader released");
    if (rs.state === "readable") r.closed.reject(e);
    else r.closed = rejectedDeferred(e);
    handled(r.closed.promise);
    rs.reader = undefined;
    r.stream = undefined;
  }
  function readerRelease(r) {
    readerGenericRelease(r);
    const e = invalidState("Releasing reader");
    if (r.byob) {
      const reqs = r.readIntoRequests;
      r.readIntoRequests = [];
      for (const req of reqs) req.error(e);
    } else {
      errorReadRequests(r, e);
    }
  }

  // ------------------------------------------------------------ BYOB reader (copying)
  // A byte stream's chunks are queued as views; a BYOB read copies as much
  // of the front chunk as fits into the caller's view and keeps the rest.
  class ReadableStreamBYOBReader {
    #r;
    constructor(stream) {
      if (!isRS(stream)) throw argType('The "stream" argument must be an instance of ReadableStream.');
      const rs = rsOf(stream);
      if (!rs.bytes) throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", "The ReadableStream is not a byte stream");
      if (isRSLocked(rs)) throw invalidState("ReadableStream is locked");
      const r = { obj: this, stream: rs, closed: deferred(), readIntoRequests: [], byob: true };
      readerGenericInit(r, rs);
      this.#r = r;
    }
    get closed() { return this.#r.closed.promise; }
    read(view, options = undefined) {
      const r = this.#r;
      if (!ArrayBuffer.isView(view)) return rejected(argType('The "view" argument must be an instance of ArrayBufferView.'));
      if (view.byteLength === 0) return rejected(argType("The view must have a non-zero byteLength"));
      let min = 1;
      if (options && options.min !== undefined) min = Number(options.min);
      if (r.stream === undefined) return rejected(invalidState("The reader is not attached to a stream"));
      const rs = r.stream;
      const d = deferred();
      const elem = view.BYTES_PER_ELEMENT || 1;
      const Ctor = view.constructor;
      const mk = (n) => (view instanceof DataView ? new DataView(view.buffer, view.byteOffset, n) : new Ctor(view.buffer, view.byteOffset, n / elem));
      const req = {
        view, filled: 0, min: Math.min(Math.max(1, min) * elem, view.byteLength), elem,
        chunk: (n) => d.resolve({ value: mk(n), done: false }),
        close: (n) => d.resolve({ value: mk(n || 0), done: true }),
        error: (e) => d.reject(e),
      };
      rs.disturbed = true;
      if (rs.state === "errored") { req.error(rs.storedError); return d.promise; }
      if (rs.state === "closed") { req.close(0); return d.promise; }
      r.readIntoRequests.push(req);
      byobServe(r);
      if (r.readIntoRequests.length > 0) rscCallPullIfNeeded(rs.controller);
      return d.promise;
    }
    releaseLock() { const r = this.#r; if (r.stream !== undefined) readerRelease(r); }
    cancel(reason = undefined) {
      const r = this.#r;
      if (r.stream === undefined) return rejected(invalidState("The reader is not attached to a stream"));
      return rsCancel(r.stream, reason);
    }
  }
  enumerable(ReadableStreamBYOBReader, "closed");
  tag(ReadableStreamBYOBReader, "ReadableStreamBYOBReader");
  def(g, "ReadableStreamBYOBReader", ReadableStreamBYOBReader);

  // byobServe fills pending BYOB reads from the controller's queue.
  function byobServe(r) {
    const rs = r.stream;
    const c = rs.controller;
    while (r.readIntoRequests.length > 0 && c.queue.length > 0) {
      const req = r.readIntoRequests[0];
      const dst = new Uint8Array(req.view.buffer, req.view.byteOffset, req.view.byteLength);
      while (c.queue.length > 0 && req.filled < dst.length) {
        const head = c.queue.peek();
        const v = head.value;
        const src = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        const n = Math.min(src.length, dst.length - req.filled);
        dst.set(src.subarray(0, n), req.filled);
        req.filled += n;
        if (n === src.length) dequeueValue(c);
        else {
          head.value = src.subarray(n);
          head.size -= n;
          c.queueTotalSize -= n;
        }
      }
      const usable = req.filled - (req.filled % req.elem);
      if (usable < req.min && c.queue.length === 0) break;
      r.readIntoRequests.shift();
      req.chunk(usable);
    }
    if (c.closeRequested && c.queue.length === 0 && rs.state === "readable") {
      rscClearAlgorithms(c);
      rsClose(rs);
    } else if (c.queue.length === 0 || r.readIntoRequests.length === 0) {
      rscCallPullIfNeeded(c);
    }
  }
  // ------------------------------------------------------------ async iteration
  function asyncIterator(rs, preventCancel) {
    const r = acquireDefaultReader(rs);
    let ongoing;
    let finished = false;
    const nextSteps = () => {
      if (finished) return resolved({ value: undefined, done: true });
      const d = deferred();
      readerRead(r, {
        chunk: (v) => d.resolve({ value: v, done: false }),
        close: () => { finished = true; readerRelease(r); d.resolve({ value: undefined, done: true }); },
        error: (e) => { finished = true; readerRelease(r); d.reject(e); },
      });
      return d.promise;
    };
    const returnSteps = (value) => {
      if (finished) return resolved({ value, done: true });
      finished = true;
      if (!preventCancel) {
        const p = rsCancel(rs, value);
        readerRelease(r);
        return p.then(() => ({ value, done: true }));
      }
      readerRelease(r);
      return resolved({ value, done: true });
    };
    const it = {};
    def(it, "next", function next() {
      ongoing = ongoing ? ongoing.then(nextSteps, nextSteps) : nextSteps();
      return ongoing;
    });
    def(it, "return", function (value) {
      const steps = () => returnSteps(value);
      ongoing = ongoing ? ongoing.then(steps, steps) : steps();
      return ongoing;
    });
    def(it, Symbol.asyncIterator, function () { return this; });
    Object.defineProperty(it, Symbol.toStringTag, { value: "ReadableStreamAsyncIterator", configurable: true });
    return it;
  }

  // ------------------------------------------------------------ from(iterable)
  function getAsyncIterator(obj) {
    if (obj === null || obj === undefined) throw argType('The "asyncIterable" argument must be an iterable.');
    const am = obj[Symbol.asyncIterator];
    if (am !== undefined && am !== null) {
      if (typeof am !== "function") throw argType("Symbol.asyncIterator is not a function");
      const it = am.call(obj);
      if (!isObject(it)) throw new TypeError("The iterator is not an object");
      return it;
    }
    const sm = obj[Symbol.iterator];
    if (typeof sm !== "function") throw argType('The "asyncIterable" argument must be an iterable.');
    const sit = sm.call(obj);
    if (!isObject(sit)) throw new TypeError("The iterator is not an object");
    const wrap = (r) => resolved(r.value).then((v) => ({ value: v, done: !!r.done }));
    return {
      next() { return wrap(sit.next()); },
      return(v) {
        const m = sit.return;
        if (m === undefined || m === null) return resolved({ value: v, done: true });
        return wrap(m.call(sit, v));
      },
    };
  }
  function rsFromIterable(iterable) {
    const it = getAsyncIterator(iterable);
    const next = it.next;
    let rs;
    const pull = () => {
      let p;
      try { p = resolved(next.call(it)); } catch (e) { return rejected(e); }
      return p.then((r) => {
        if (!isObject(r)) throw new TypeError("The promise returned by the iterator.next() method must fulfill with an object");
        if (r.done) rscClose(rs.controller);
        else rscEnqueue(rs.controller, r.value);
      });
    };
    const cancel = (reason) => {
      let m;
      try { m = it.return; } catch (e) { return rejected(e); }
      if (m === undefined || m === null) return resolved(undefined);
      let p;
      try { p = resolved(m.call(it, reason)); } catch (e) { return rejected(e); }
      return p.then((r) => {
        if (!isObject(r)) throw new TypeError("The promise returned by the iterator.return() method must fulfill with an object");
      });
    };
    rs = createRS(noop, pull, cancel, 0);
    return rs;
  }

  // ------------------------------------------------------------ tee
  function rsTee(rs) {
    const reader = acquireDefaultReader(rs);
    let reading = false, readAgain = false, canceled1 = false, canceled2 = false;
    let reason1, reason2, branch1, branch2;
    const cancelD = deferred();
    const pull = () => {
      if (reading) { readAgain = true; return resolved(undefined); }
      reading = true;
      readerRead(reader, {
        chunk: (chunk) => {
          queueMicrotask(() => {
            readAgain = false;
            if (!canceled1) rscEnqueue(branch1.controller, chunk);
            if (!canceled2) rscEnqueue(branch2.controller, chunk);
            reading = false;
            if (readAgain) pull();
          });
        },
        close: () => {
          reading = false;
          if (!canceled1) rscClose(branch1.controller);
          if (!canceled2) rscClose(branch2.controller);
          if (!canceled1 || !canceled2) cancelD.resolve(undefined);
        },
        error: () => { reading = false; },
      });
      return resolved(undefined);
    };
    const cancel1 = (reason) => {
      canceled1 = true; reason1 = reason;
      if (canceled2) cancelD.resolve(rsCancel(rs, [reason1, reason2]));
      return cancelD.promise;
    };
    const cancel2 = (reason) => {
      canceled2 = true; reason2 = reason;
      if (canceled1) cancelD.resolve(rsCancel(rs, [reason1, reason2]));
      return cancelD.promise;
    };
    branch1 = createRS(noop, pull, cancel1);
    branch2 = createRS(noop, pull, cancel2);
    branch1.bytes = branch2.bytes = rs.bytes;
    reader.closed.promise.then(undefined, (r) => {
      rscError(branch1.controller, r);
      rscError(branch2.controller, r);
      if (!canceled1 || !canceled2) cancelD.resolve(undefined);
    });
    return [branch1, branch2];
  }

  // ------------------------------------------------------------ pipeTo
  function pipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
    const reader = acquireDefaultReader(source);
    const writer = acquireWriter(dest);
    source.disturbed = true;
    let shuttingDown = false;
    let currentWrite = resolved(undefined);
    const result = deferred();
    let abortAlgorithm;

    const waitForWritesToFinish = () => {
      const old = currentWrite;
      return currentWrite.then(() => (old !== currentWrite ? waitForWritesToFinish() : undefined));
    };
    const finalize = (isError, error) => {
      writerRelease(writer);
      readerRelease(reader);
      if (signal !== undefined) I.removeAbortAlgorithm(signal, abortAlgorithm);
      if (isError) result.reject(error); else result.resolve(undefined);
    };
    const shutdownWithAction = (action, originalIsError, originalError) => {
      if (shuttingDown) return;
      shuttingDown = true;
      const doTheRest = () => {
        let p;
        try { p = resolved(action()); } catch (e) { p = rejected(e); }
        p.then(() => finalize(originalIsError, originalError), (e) => finalize(true, e));
      };
      if (dest.state === "writable" && !wsCloseQueuedOrInFlight(dest)) waitForWritesToFinish().then(doTheRest);
      else doTheRest();
    };
    const shutdown = (isError, error) => {
      if (shuttingDown) return;
      shuttingDown = true;
      if (dest.state === "writable" && !wsCloseQueuedOrInFlight(dest)) waitForWritesToFinish().then(() => finalize(isError, error));
      else finalize(isError, error);
    };

    if (signal !== undefined) {
      abortAlgorithm = () => {
        const error = signal.reason;
        const actions = [];
        if (!preventAbort) actions.push(() => (dest.state === "writable" ? wsAbort(dest, error) : resolved(undefined)));
        if (!preventCancel) actions.push(() => (source.state === "readable" ? rsCancel(source, error) : resolved(undefined)));
        shutdownWithAction(() => Promise.all(actions.map((a) => a())), true, error);
      };
      if (signal.aborted) { abortAlgorithm(); return result.promise; }
      I.addAbortAlgorithm(signal, abortAlgorithm);
    }

    const pipeStep = () => {
      if (shuttingDown) return resolved(true);
      return writer.ready.promise.then(() => {
        if (shuttingDown) return true;
        return new Promise((res, rej) => {
          readerRead(reader, {
            chunk: (chunk) => {
              currentWrite = writerWrite(writer, chunk).then(undefined, noop);
              res(false);
            },
            close: () => res(true),
            error: rej,
          });
        });
      });
    };
    const pipeLoop = () => new Promise((res, rej) => {
      const next = (done) => { if (done) res(); else pipeStep().then(next, rej); };
      next(false);
    });

    // errors must be propagated forward
    const onSourceError = (e) => {
      if (!preventAbort) shutdownWithAction(() => wsAbort(dest, e), true, e);
      else shutdown(true, e);
    };
    if (source.state === "errored") onSourceError(source.storedError);
    else reader.closed.promise.then(undefined, onSourceError);
    // errors must be propagated backward
    const onDestError = (e) => {
      if (!preventCancel) shutdownWithAction(() => rsCancel(source, e), true, e);
      else shutdown(true, e);
    };
    if (dest.state === "errored") onDestError(dest.storedError);
    else writer.closed.promise.then(undefined, onDestError);
    // closing must be propagated forward
    const onSourceClosed = () => {
      if (!preventClose) shutdownWithAction(() => writerCloseWithErrorPropagation(writer));
      else shutdown();
    };
    if (source.state === "closed") onSourceClosed();
    else reader.closed.promise.then(onSourceClosed, noop);
    // closing must be propagated backward
    if (wsCloseQueuedOrInFlight(dest) || dest.state === "closed") {
      const e = new TypeError("the destination writable stream closed before all data could be piped to it");
      if (!preventCancel) shutdownWithAction(() => rsCancel(source, e), true, e);
      else shutdown(true, e);
    }
    handled(pipeLoop());
    return result.promise;
  }

  // ============================================================ WritableStream
  let wsOf, wsHas;
  class WritableStream {
    #s;
    constructor(underlyingSink = undefined, strategy = undefined) {
      if (underlyingSink === INTERNAL) { this.#s = strategy; strategy.obj = this; return; }
      if (underlyingSink !== undefined && !isObject(underlyingSink)) throw argType('The "sink" argument must be of type object.');
      if (strategy === null) strategy = undefined;
      if (strategy !== undefined && !isObject(strategy)) throw argType('The "strategy" argument must be of type object.');
      const sink = underlyingSink || {};
      if (sink.type !== undefined) throw nodeError(RangeError, "ERR_INVALID_ARG_VALUE", "The sink type must be undefined");
      const ws = newWS(this);
      this.#s = ws;
      const hwm = extractHWM(strategy, 1);
      const size = extractSize(strategy);
      setUpWSControllerFromSink(ws, sink, hwm, size);
    }
    get locked() { return isWSLocked(this.#s); }
    abort(reason = undefined) {
      const ws = this.#s;
      if (isWSLocked(ws)) return rejected(invalidState("WritableStream is locked"));
      return wsAbort(ws, reason);
    }
    close() {
      const ws = this.#s;
      if (isWSLocked(ws)) return rejected(invalidState("WritableStream is locked"));
      if (wsCloseQueuedOrInFlight(ws)) return rejected(invalidState("WritableStream is closed"));
      return wsClose(ws);
    }
    getWriter() { return acquireWriter(this.#s).obj; }
    static { wsOf = (o) => o.#s; wsHas = (o) => #s in o; }
  }
  enumerable(WritableStream, "locked");
  tag(WritableStream, "WritableStream");
  def(g, "WritableStream", WritableStream);
  const isWS = (v) => isObject(v) && wsHas(v);

  function newWS(obj) {
    return {
      obj, state: "writable", storedError: undefined, writer: undefined, controller: undefined,
      inFlightWriteRequest: undefined, closeRequest: undefined, inFlightCloseRequest: undefined,
      pendingAbortRequest: undefined, writeRequests: new Queue(), backpressure: false,
    };
  }
  function createWS(startAlg, writeAlg, closeAlg, abortAlg, hwm = 1, sizeAlg = () => 1) {
    const ws = newWS(undefined);
    new WritableStream(INTERNAL, ws);
    setUpWSController(ws, newWSController(), startAlg, writeAlg, closeAlg, abortAlg, hwm, sizeAlg);
    return ws;
  }
  const isWSLocked = (ws) => ws.writer !== undefined;

  function wsAbort(ws, reason) {
    if (ws.state === "closed" || ws.state === "errored") return resolved(undefined);
    I.signalAbort(ws.controller.abortController.signal, reason);
    const state = ws.state;
    if (state === "closed" || state === "errored") return resolved(undefined);
    if (ws.pendingAbortRequest !== undefined) return ws.pendingAbortRequest.d.promise;
    let wasAlreadyErroring = false;
    if (state === "erroring") { wasAlreadyErroring = true; reason = undefined; }
    const d = deferred();
    ws.pendingAbortRequest = { d, reason, wasAlreadyErroring };
    if (!wasAlreadyErroring) wsStartErroring(ws, reason);
    return d.promise;
  }
  function wsClose(ws) {
    const state = ws.state;
    if (state === "closed" || state === "errored") return rejected(invalidState(`WritableStream is ${state}`));
    const d = deferred();
    ws.closeRequest = d;
    const w = ws.writer;
    if (w !== undefined && ws.backpressure && state === "writable") w.ready.resolve(undefined);
    wscClose(ws.controller);
    return d.promise;
  }
  function wsAddWriteRequest(ws) {
    const d = deferred();
    ws.writeRequests.push(d);
    return d.promise;
  }
  function wsDealWithRejection(ws, e) {
    if (ws.state === "writable") { wsStartErroring(ws, e); return; }
    wsFinishErroring(ws);
  }
  function wsStartErroring(ws, reason) {
    const c = ws.controller;
    ws.state = "erroring";
    ws.storedError = reason;
    const w = ws.writer;
    if (w !== undefined) writerEnsureReadyRejected(w, reason);
    if (!wsHasOperationMarkedInFlight(ws) && c.started) wsFinishErroring(ws);
  }
  function wsFinishErroring(ws) {
    ws.state = "errored";
    resetQueue(ws.controller);
    const e = ws.storedError;
    const reqs = ws.writeRequests;
    ws.writeRequests = new Queue();
    while (reqs.length) reqs.shift().reject(e);
    if (ws.pendingAbortRequest === undefined) { wsRejectCloseAndClosedIfNeeded(ws); return; }
    const ar = ws.pendingAbortRequest;
    ws.pendingAbortRequest = undefined;
    if (ar.wasAlreadyErroring) { ar.d.reject(e); wsRejectCloseAndClosedIfNeeded(ws); return; }
    ws.controller.abortSteps(ar.reason).then(() => {
      ar.d.resolve(undefined);
      wsRejectCloseAndClosedIfNeeded(ws);
    }, (r) => {
      ar.d.reject(r);
      wsRejectCloseAndClosedIfNeeded(ws);
    });
  }
  function wsFinishInFlightWrite(ws) { ws.inFlightWriteRequest.resolve(undefined); ws.inFlightWriteRequest = undefined; }
  function wsFinishInFlightWriteWithError(ws, e) {
    ws.inFlightWriteRequest.reject(e);
    ws.inFlightWriteRequest = undefined;
    wsDealWithRejection(ws, e);
  }
  function wsFinishInFlightClose(ws) {
    ws.inFlightCloseRequest.resolve(undefined);
    ws.inFlightCloseRequest = undefined;
    if (ws.state === "erroring") {
      ws.storedError = undefined;
      if (ws.pendingAbortRequest !== undefined) { ws.pendingAbortRequest.d.resolve(undefined); ws.pendingAbortRequest = undefined; }
    }
    ws.state = "closed";
    const w = ws.writer;
    if (w !== undefined) w.closed.resolve(undefined);
  }
  function wsFinishInFlightCloseWithError(ws, e) {
    ws.inFlightCloseRequest.reject(e);
    ws.inFlightCloseRequest = undefined;
    if (ws.pendingAbortRequest !== undefined) { ws.pendingAbortRequest.d.reject(e); ws.pendingAbortRequest = undefined; }
    wsDealWithRejection(ws, e);
  }
  const wsCloseQueuedOrInFlight = (ws) => ws.closeRequest !== undefined || ws.inFlightCloseRequest !== undefined;
  const wsHasOperationMarkedInFlight = (ws) => ws.inFlightWriteRequest !== undefined || ws.inFlightCloseRequest !== undefined;
  function wsRejectCloseAndClosedIfNeeded(ws) {
    if (ws.closeRequest !== undefined) { ws.closeRequest.reject(ws.storedError); ws.closeRequest = undefined; }
    const w = ws.writer;
    if (w !== undefined) { w.closed.reject(ws.storedError); handled(w.closed.promise); }
  }
  function wsUpdateBackpressure(ws, bp) {
    const w = ws.writer;
    if (w !== undefined && bp !== ws.backpressure) {
      if (bp) w.ready = deferred();
      else w.ready.resolve(undefined);
    }
    ws.backpressure = bp;
  }

  // ------------------------------------------------------------ writer
  let wrOf;
  class WritableStreamDefaultWriter {
    #w;
    constructor(stream) {
      if (stream === INTERNAL) return;
      if (!isWS(stream)) throw argType('The "stream" argument must be an instance of WritableStream.');
      this.#w = newWriter(this, wsOf(stream));
    }
    get closed() { return this.#w.closed.promise; }
    get ready() { return this.#w.ready.promise; }
    get desiredSize() {
      const w = this.#w;
      if (w.stream === undefined) throw invalidState("Writer is not bound to a WritableStream");
      return writerDesiredSize(w);
    }
    abort(reason = undefined) {
      const w = this.#w;
      if (w.stream === undefined) return rejected(invalidState("Writer is not bound to a WritableStream"));
      return wsAbort(w.stream, reason);
    }
    close() {
      const w = this.#w;
      const ws = w.stream;
      if (ws === undefined) return rejected(invalidState("Writer is not bound to a WritableStream"));
      if (wsCloseQueuedOrInFlight(ws)) return rejected(invalidState("WritableStream is closed"));
      return wsClose(ws);
    }
    releaseLock() {
      const w = this.#w;
      if (w.stream === undefined) return;
      writerRelease(w);
    }
    write(chunk = undefined) {
      const w = this.#w;
      if (w.stream === undefined) return rejected(invalidState("Writer is not bound to a WritableStream"));
      return writerWrite(w, chunk);
    }
    static _init(o, w) { o.#w = w; }
  }
  const initWriterObj = WritableStreamDefaultWriter._init;
  delete WritableStreamDefaultWriter._init;
  enumerable(WritableStreamDefaultWriter, "closed", "ready", "desiredSize");
  tag(WritableStreamDefaultWriter, "WritableStreamDefaultWriter");
  def(g, "WritableStreamDefaultWriter", WritableStreamDefaultWriter);

  function newWriter(obj, ws) {
    if (isWSLocked(ws)) throw invalidState("WritableStream is locked");
    const w = { obj, stream: ws, ready: undefined, closed: undefined };
    ws.writer = w;
    const state = ws.state;
    if (state === "writable") {
      w.ready = !wsCloseQueuedOrInFlight(ws) && ws.backpressure ? deferred() : resolvedDeferred(undefined);
      w.closed = deferred();
    } else if (state === "erroring") {
      w.ready = rejectedDeferred(ws.storedError);
      w.closed = deferred();
    } else if (state === "closed") {
      w.ready = resolvedDeferred(undefined);
      w.closed = resolvedDeferred(undefined);
    } else {
      w.ready = rejectedDeferred(ws.storedError);
      w.closed = rejectedDeferred(ws.storedError);
    }
    return w;
  }
  function acquireWriter(ws) {
    const obj = new WritableStreamDefaultWriter(INTERNAL);
    const w = newWriter(obj, ws);
    initWriterObj(obj, w);
    return w;
  }
  function writerDesiredSize(w) {
    const ws = w.stream;
    if (ws.state === "errored" || ws.state === "erroring") return null;
    if (ws.state === "closed") return 0;
    return ws.controller.strategyHWM - ws.controller.queueTotalSize;
  }
  function writerCloseWithErrorPropagation(w) {
    const ws = w.stream;
    if (wsCloseQueuedOrInFlight(ws) || ws.state === "closed") return resolved(undefined);
    if (ws.state === "errored") return rejected(ws.storedError);
    return wsClose(ws);
  }
  function writerEnsureClosedRejected(w, e) {
    if (!w.closed.settled) w.closed.reject(e); else w.closed = rejectedDeferred(e);
    handled(w.closed.promise);
  }
  function writerEnsureReadyRejected(w, e) {
    if (!w.ready.settled) w.ready.reject(e); else w.ready = rejectedDeferred(e);
    handled(w.ready.promise);
  }
  function writerRelease(w) {
    const ws = w.stream;
    const e = invalidState("Writer was released");
    writerEnsureReadyRejected(w, e);
    writerEnsureClosedRejected(w, e);
    ws.writer = undefined;
    w.stream = undefined;
  }
  function writerWrite(w, chunk) {
    const ws = w.stream;
    const c = ws.controller;
    const size = wscGetChunkSize(c, chunk);
    if (ws !== w.stream) return rejected(invalidState("Writer is not bound to a WritableStream"));
    const state = ws.state;
    if (state === "errored") return rejected(ws.storedError);
    if (wsCloseQueuedOrInFlight(ws) || state === "closed") return rejected(invalidState("WritableStream is closed"));
    if (state === "erroring") return rejected(ws.storedError);
    const p = wsAddWriteRequest(ws);
    wscWrite(c, chunk, size);
    return p;
  }

  // ------------------------------------------------------------ writable controller
  const closeSentinel = {};
  let wscOf;
  class WritableStreamDefaultController {
    #c;
    constructor(key, c) {
      if (key !== INTERNAL) throw nodeError(TypeError, "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
      this.#c = c;
    }
    get signal() { return this.#c.abortController.signal; }
    error(e = undefined) {
      const c = this.#c;
      if (c.stream.state !== "writable") return;
      wscError(c, e);
    }
    static { wscOf = (o) => o.#c; }
  }
  enumerable(WritableStreamDefaultController, "signal");
  tag(WritableStreamDefaultController, "WritableStreamDefaultController");
  def(g, "WritableStreamDefaultController", WritableStreamDefaultController);

  function newWSController() {
    const c = {
      stream: undefined, queue: new Queue(), queueTotalSize: 0, started: false, strategyHWM: 1,
      strategySizeAlgorithm: undefined, writeAlgorithm: undefined, closeAlgorithm: undefined, abortAlgorithm: undefined,
      abortController: new I.AbortController(),
    };
    c.obj = new WritableStreamDefaultController(INTERNAL, c);
    c.abortSteps = (reason) => {
      const r = c.abortAlgorithm(reason);
      wscClearAlgorithms(c);
      return r;
    };
    return c;
  }
  function setUpWSController(ws, c, startAlg, writeAlg, closeAlg, abortAlg, hwm, sizeAlg) {
    c.stream = ws;
    ws.controller = c;
    resetQueue(c);
    c.started = false;
    c.strategySizeAlgorithm = sizeAlg;
    c.strategyHWM = hwm;
    c.writeAlgorithm = writeAlg;
    c.closeAlgorithm = closeAlg;
    c.abortAlgorithm = abortAlg;
    wsUpdateBackpressure(ws, wscGetBackpressure(c));
    const startResult = startAlg();
    resolved(startResult).then(() => {
      c.started = true;
      wscAdvanceQueueIfNeeded(c);
    }, (r) => {
      c.started = true;
      wsDealWithRejection(ws, r);
    });
  }
  function setUpWSControllerFromSink(ws, sink, hwm, sizeAlg) {
    const c = newWSController();
    const start = getMethod(sink, "start"), write = getMethod(sink, "write"), close = getMethod(sink, "close"), abort = getMethod(sink, "abort");
    setUpWSController(ws, c,
      () => (start ? start.call(sink, c.obj) : undefined),
      (chunk) => promiseCall(write, sink, chunk, c.obj),
      () => promiseCall(close, sink),
      (reason) => promiseCall(abort, sink, reason),
      hwm, sizeAlg);
  }
  function wscAdvanceQueueIfNeeded(c) {
    const ws = c.stream;
    if (!c.started) return;
    if (ws.inFlightWriteRequest !== undefined) return;
    if (ws.state === "erroring") { wsFinishErroring(ws); return; }
    if (ws.state !== "writable") return;
    if (c.queue.length === 0) return;
    const v = c.queue.peek().value;
    if (v === closeSentinel) wscProcessClose(c);
    else wscProcessWrite(c, v);
  }
  function wscClearAlgorithms(c) {
    c.writeAlgorithm = c.closeAlgorithm = c.abortAlgorithm = c.strategySizeAlgorithm = undefined;
  }
  function wscClose(c) {
    enqueueValueWithSize(c, closeSentinel, 0);
    wscAdvanceQueueIfNeeded(c);
  }
  function wscError(c, e) {
    wscClearAlgorithms(c);
    wsStartErroring(c.stream, e);
  }
  function wscErrorIfNeeded(c, e) { if (c.stream.state === "writable") wscError(c, e); }
  const wscGetBackpressure = (c) => c.strategyHWM - c.queueTotalSize <= 0;
  function wscGetChunkSize(c, chunk) {
    if (c.strategySizeAlgorithm === undefined) return 1;
    try { return c.strategySizeAlgorithm(chunk); } catch (e) { wscErrorIfNeeded(c, e); return 1; }
  }
  function wscProcessClose(c) {
    const ws = c.stream;
    ws.inFlightCloseRequest = ws.closeRequest;
    ws.closeRequest = undefined;
    dequeueValue(c);
    const p = c.closeAlgorithm();
    wscClearAlgorithms(c);
    p.then(() => wsFinishInFlightClose(ws), (r) => wsFinishInFlightCloseWithError(ws, r));
  }
  function wscProcessWrite(c, chunk) {
    const ws = c.stream;
    ws.inFlightWriteRequest = ws.writeRequests.shift();
    c.writeAlgorithm(chunk).then(() => {
      wsFinishInFlightWrite(ws);
      dequeueValue(c);
      if (!wsCloseQueuedOrInFlight(ws) && ws.state === "writable") wsUpdateBackpressure(ws, wscGetBackpressure(c));
      wscAdvanceQueueIfNeeded(c);
    }, (r) => {
      if (ws.state === "writable") wscClearAlgorithms(c);
      wsFinishInFlightWriteWithError(ws, r);
    });
  }
  function wscWrite(c, chunk, size) {
    try { enqueueValueWithSize(c, chunk, size); } catch (e) { wscErrorIfNeeded(c, e); return; }
    const ws = c.stream;
    if (!wsCloseQueuedOrInFlight(ws) && ws.state === "writable") wsUpdateBackpressure(ws, wscGetBackpressure(c));
    wscAdvanceQueueIfNeeded(c);
  }

  // ============================================================ TransformStream
  class TransformStream {
    #t;
    constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
      if (transformer !== undefined && !isObject(transformer)) throw argType('The "transformer" argument must be of type object.');
      const tr = transformer || {};
      if (tr.readableType !== undefined) throw nodeError(RangeError, "ERR_INVALID_ARG_VALUE", "readableType must be undefined");
      if (tr.writableType !== undefined) throw nodeError(RangeError, "ERR_INVALID_ARG_VALUE", "writableType must be undefined");
      const rHWM = extractHWM(readableStrategy, 0), rSize = extractSize(readableStrategy);
      const wHWM = extractHWM(writableStrategy, 1), wSize = extractSize(writableStrategy);
      const start = deferred();
      const ts = { obj: this, backpressure: undefined, backpressureChange: undefined, controller: undefined, readable: undefined, writable: undefined };
      this.#t = ts;
      initTS(ts, start.promise, wHWM, wSize, rHWM, rSize);
      const c = setUpTSControllerFromTransformer(ts, tr);
      const startM = getMethod(tr, "start");
      start.resolve(startM ? startM.call(tr, c.obj) : undefined);
    }
    get readable() { return this.#t.readable.obj; }
    get writable() { return this.#t.writable.obj; }
  }
  enumerable(TransformStream, "readable", "writable");
  tag(TransformStream, "TransformStream");
  def(g, "TransformStream", TransformStream);

  function initTS(ts, startPromise, wHWM, wSize, rHWM, rSize) {
    const startAlg = () => startPromise;
    ts.writable = createWS(startAlg, (chunk) => tsSinkWrite(ts, chunk), () => tsSinkClose(ts), (r) => tsSinkAbort(ts, r), wHWM, wSize);
    ts.readable = createRS(startAlg, () => tsSourcePull(ts), (r) => tsSourceCancel(ts, r), rHWM, rSize);
    ts.backpressure = undefined;
    ts.backpressureChange = undefined;
    tsSetBackpressure(ts, true);
  }
  function tsErrorWritableAndUnblockWrite(ts, e) {
    tscClearAlgorithms(ts.controller);
    wscErrorIfNeeded(ts.writable.controller, e);
    tsUnblockWrite(ts);
  }
  function tsError(ts, e) {
    rscError(ts.readable.controller, e);
    tsErrorWritableAndUnblockWrite(ts, e);
  }
  function tsUnblockWrite(ts) { if (ts.backpressure) tsSetBackpressure(ts, false); }
  function tsSetBackpressure(ts, bp) {
    if (ts.backpressureChange !== undefined) ts.backpressureChange.resolve(undefined);
    ts.backpressureChange = deferred();
    ts.backpressure = bp;
  }

  let tscOf;
  class TransformStreamDefaultController {
    #c;
    constructor(key, c) {
      if (key !== INTERNAL) throw nodeError(TypeError, "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
      this.#c = c;
    }
    get desiredSize() { return rscDesiredSize(this.#c.stream.readable.controller); }
    enqueue(chunk = undefined) { tscEnqueue(this.#c, chunk); }
    error(reason = undefined) { tsError(this.#c.stream, reason); }
    terminate() { tscTerminate(this.#c); }
    static { tscOf = (o) => o.#c; }
  }
  enumerable(TransformStreamDefaultController, "desiredSize");
  tag(TransformStreamDefaultController, "TransformStreamDefaultController");
  def(g, "TransformStreamDefaultController", TransformStreamDefaultController);

  function setUpTSControllerFromTransformer(ts, tr) {
    const c = { stream: ts, transformAlgorithm: undefined, flushAlgorithm: undefined, cancelAlgorithm: undefined, finish: undefined };
    c.obj = new TransformStreamDefaultController(INTERNAL, c);
    ts.controller = c;
    const transform = getMethod(tr, "transform"), flush = getMethod(tr, "flush"), cancel = getMethod(tr, "cancel");
    c.transformAlgorithm = transform
      ? (chunk) => promiseCall(transform, tr, chunk, c.obj)
      : (chunk) => { try { tscEnqueue(c, chunk); return resolved(undefined); } catch (e) { return rejected(e); } };
    c.flushAlgorithm = () => promiseCall(flush, tr, c.obj);
    c.cancelAlgorithm = (reason) => promiseCall(cancel, tr, reason);
    return c;
  }
  function tscClearAlgorithms(c) { c.transformAlgorithm = c.flushAlgorithm = c.cancelAlgorithm = undefined; }
  function tscEnqueue(c, chunk) {
    const ts = c.stream;
    const rc = ts.readable.controller;
    if (!rscCanCloseOrEnqueue(rc)) throw invalidState("Readable side is not in a readable state");
    try { rscEnqueue(rc, chunk); } catch (e) { tsErrorWritableAndUnblockWrite(ts, e); throw ts.readable.storedError; }
    const bp = rscHasBackpressure(rc);
    if (bp !== ts.backpressure) tsSetBackpressure(ts, true);
  }
  function tscPerformTransform(c, chunk) {
    return c.transformAlgorithm(chunk).then(undefined, (r) => { tsError(c.stream, r); throw r; });
  }
  function tscTerminate(c) {
    const ts = c.stream;
    rscClose(ts.readable.controller);
    tsErrorWritableAndUnblockWrite(ts, new TypeError("TransformStream terminated"));
  }
  function tsSinkWrite(ts, chunk) {
    const c = ts.controller;
    if (ts.backpressure) {
      return ts.backpressureChange.promise.then(() => {
        const w = ts.writable;
        if (w.state === "erroring") throw w.storedError;
        return tscPerformTransform(c, chunk);
      });
    }
    return tscPerformTransform(c, chunk);
  }
  function tsSinkAbort(ts, reason) {
    const c = ts.controller;
    if (c.finish !== undefined) return c.finish.promise;
    const readable = ts.readable;
    c.finish = deferred();
    const p = c.cancelAlgorithm(reason);
    tscClearAlgorithms(c);
    p.then(() => {
      if (readable.state === "errored") c.finish.reject(readable.storedError);
      else { rscError(readable.controller, reason); c.finish.resolve(undefined); }
    }, (r) => { rscError(readable.controller, r); c.finish.reject(r); });
    return c.finish.promise;
  }
  function tsSinkClose(ts) {
    const c = ts.controller;
    if (c.finish !== undefined) return c.finish.promise;
    const readable = ts.readable;
    c.finish = deferred();
    const p = c.flushAlgorithm();
    tscClearAlgorithms(c);
    p.then(() => {
      if (readable.state === "errored") c.finish.reject(readable.storedError);
      else { rscClose(readable.controller); c.finish.resolve(undefined); }
    }, (r) => { rscError(readable.controller, r); c.finish.reject(r); });
    return c.finish.promise;
  }
  function tsSourceCancel(ts, reason) {
    const c = ts.controller;
    if (c.finish !== undefined) return c.finish.promise;
    const writable = ts.writable;
    c.finish = deferred();
    const p = c.cancelAlgorithm(reason);
    tscClearAlgorithms(c);
    p.then(() => {
      if (writable.state === "errored") c.finish.reject(writable.storedError);
      else { wscErrorIfNeeded(writable.controller, reason); tsUnblockWrite(ts); c.finish.resolve(undefined); }
    }, (r) => { wscErrorIfNeeded(writable.controller, r); tsUnblockWrite(ts); c.finish.reject(r); });
    return c.finish.promise;
  }
  function tsSourcePull(ts) {
    tsSetBackpressure(ts, false);
    return ts.backpressureChange.promise;
  }

  // ============================================================ encoding streams
  class TextEncoderStream {
    #t;
    constructor() {
      let pending = "";
      this.#t = new TransformStream({
        transform(chunk, c) {
          let s = pending + String(chunk);
          pending = "";
          const last = s.charCodeAt(s.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) { pending = s[s.length - 1]; s = s.slice(0, -1); }
          if (s.length > 0) c.enqueue(I.encodeUTF8(s));
        },
        flush(c) { if (pending) c.enqueue(new Uint8Array([0xef, 0xbf, 0xbd])); },
      });
    }
    get encoding() { return "utf-8"; }
    get readable() { return this.#t.readable; }
    get writable() { return this.#t.writable; }
  }
  enumerable(TextEncoderStream, "encoding", "readable", "writable");
  tag(TextEncoderStream, "TextEncoderStream");
  def(g, "TextEncoderStream", TextEncoderStream);

  class TextDecoderStream {
    #t; #d;
    constructor(label = "utf-8", options = undefined) {
      const d = new g.TextDecoder(label, options);
      this.#d = d;
      this.#t = new TransformStream({
        transform(chunk, c) {
          const s = d.decode(chunk, { stream: true });
          if (s) c.enqueue(s);
        },
        flush(c) {
          const s = d.decode();
          if (s) c.enqueue(s);
        },
      });
    }
    get encoding() { return this.#d.encoding; }
    get fatal() { return this.#d.fatal; }
    get ignoreBOM() { return this.#d.ignoreBOM; }
    get readable() { return this.#t.readable; }
    get writable() { return this.#t.writable; }
  }
  enumerable(TextDecoderStream, "encoding", "fatal", "ignoreBOM", "readable", "writable");
  tag(TextDecoderStream, "TextDecoderStream");
  def(g, "TextDecoderStream", TextDecoderStream);

  // ------------------------------------------------------------ for Go and other scripts
  I.isReadableStream = isRS;
  I.isWritableStream = isWS;
  I.readableStreamState = (s) => rsOf(s).state;
  I.readableStreamDisturbed = (s) => rsOf(s).disturbed;
  // newPullStream(pull, cancel, hwm): a ReadableStream whose pull(controller)
  // returns a promise; used by NewByteStream.
  I.newPullStream = (pull, cancel, hwm) => new ReadableStream({ pull, cancel }, { highWaterMark: hwm });
})
