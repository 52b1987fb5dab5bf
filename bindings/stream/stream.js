// arun "stream" module: Node's streams (Readable, Writable, Duplex,
// Transform, PassThrough, pipeline, finished), built on the "events"
// module's EventEmitter. The state machines follow Node's own
// (lib/internal/streams): the same flags, the same order of events and
// callbacks, the same error codes. Plain ES2017 (the engine runs it as it
// is): no async generators, no for await.
(function (EventEmitter, Buffer, nextTick, g) {
  "use strict";
  const SymbolAsyncIterator = Symbol.asyncIterator;
  const kDestroy = Symbol("kDestroy");
  const kConstruct = Symbol("kConstruct");
  const kOnFinished = Symbol("kOnFinished");
  const kPaused = Symbol("kPaused");
  const kCallback = Symbol("kCallback");
  const kIsDestroyed = Symbol("kIsDestroyed");
  const nop = () => {};
  // Buffer as the runtime has it (goja_nodejs's lacks some statics)
  const isBuffer = (b) => (typeof Buffer.isBuffer === "function" ? Buffer.isBuffer(b) : b instanceof Buffer);
  const isEncoding = (e) => (typeof Buffer.isEncoding === "function" ? Buffer.isEncoding(e) : normEncoding(e) !== undefined);
  const allocUnsafe = (n) => (typeof Buffer.allocUnsafe === "function" ? Buffer.allocUnsafe(n) : Buffer.alloc(n));
  let defaultHWM = 16 * 1024;
  let defaultObjectHWM = 16;

  // ---- errors, as Node names them ----
  function describe(v) {
    if (v === null) return "null";
    if (v === undefined) return "undefined";
    if (typeof v === "function") return `function ${v.name}`;
    if (typeof v === "object") {
      if (v.constructor && v.constructor.name) return `an instance of ${v.constructor.name}`;
      return "an instance of Object";
    }
    let s = String(v);
    if (typeof v === "string") s = `'${s.length > 25 ? s.slice(0, 25) + "..." : s}'`;
    return `type ${typeof v} (${s})`;
  }
  function err(Ctor, code, msg) {
    const e = new Ctor(msg);
    e.code = code;
    return e;
  }
  // listTypes words a list of expected types as Node's ERR_INVALID_ARG_TYPE.
  function listTypes(types) {
    const lower = types.filter((t) => t === t.toLowerCase());
    const upper = types.filter((t) => t !== t.toLowerCase());
    const words = (list) => (list.length > 2 ? `${list.slice(0, -1).join(", ")}, or ${list[list.length - 1]}` : list.join(" or "));
    let s = "";
    if (lower.length) s += (lower.length > 1 ? "one of type " : "of type ") + words(lower);
    if (upper.length) s += (s ? " or " : "") + "an instance of " + words(upper);
    return s;
  }
  const E = {
    argType: (name, types, v) => err(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" argument must be ${listTypes(types)}. Received ${describe(v)}`),
    argValue: (name, v, reason) => err(TypeError, "ERR_INVALID_ARG_VALUE", `The ${name.includes(".") ? "property" : "argument"} '${name}' ${reason || "is invalid"}. Received ${describe(v)}`),
    pushAfterEOF: () => err(Error, "ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF"),
    unshiftAfterEnd: () => err(Error, "ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event"),
    writeAfterEnd: () => err(Error, "ERR_STREAM_WRITE_AFTER_END", "write after end"),
    destroyed: (op) => err(Error, "ERR_STREAM_DESTROYED", `Cannot call ${op} after a stream was destroyed`),
    alreadyFinished: (op) => err(Error, "ERR_STREAM_ALREADY_FINISHED", `Cannot call ${op} after a stream was finished`),
    nullValues: () => err(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream"),
    multipleCallback: () => err(Error, "ERR_MULTIPLE_CALLBACK", "Callback called multiple times"),
    notImplemented: (m) => err(Error, "ERR_METHOD_NOT_IMPLEMENTED", `The ${m} method is not implemented`),
    prematureClose: () => err(Error, "ERR_STREAM_PREMATURE_CLOSE", "Premature close"),
    missingArgs: (name) => err(TypeError, "ERR_MISSING_ARGS", `The "${name}" argument must be specified`),
    unknownEncoding: (enc) => err(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`),
    returnValue: (type, name, v) => err(TypeError, "ERR_INVALID_RETURN_VALUE",
      `Expected ${type} to be returned from the "${name}" function but got ${describe(v)}.`),
  };
  class AbortError extends Error {
    constructor(message, options) {
      super(message === undefined ? "The operation was aborted" : message, options);
      this.code = "ABORT_ERR";
      this.name = "AbortError";
    }
  }
  function aggregateTwoErrors(inner, outer) {
    if (inner && outer && inner !== outer) {
      if (Array.isArray(outer.errors)) {
        outer.errors.push(inner);
        return outer;
      }
      const e = new AggregateError([outer, inner], outer.message);
      e.code = outer.code;
      return e;
    }
    return inner || outer;
  }
  function validateFunction(fn, name) {
    if (typeof fn !== "function") throw E.argType(name, ["function"], fn);
  }
  function onceFn(fn) {
    let called = false;
    return function (...args) {
      if (called) return;
      called = true;
      return fn.apply(this, args);
    };
  }

  // ---- encodings ----
  function normEncoding(enc) {
    if (enc === undefined || enc === null || enc === "") return "utf8";
    const e = String(enc).toLowerCase();
    switch (e) {
      case "utf8": case "utf-8": return "utf8";
      case "ucs2": case "ucs-2": case "utf16le": case "utf-16le": return "utf16le";
      case "latin1": case "binary": return "latin1";
      case "base64": case "base64url": case "hex": case "ascii": return e;
    }
    return undefined;
  }
  // A string decoder for setEncoding: multi-byte characters split between
  // chunks are held back until complete.
  function makeDecoder(enc) {
    const e = normEncoding(enc);
    if (!e) throw E.unknownEncoding(enc);
    if (e === "utf8" || e === "utf16le") {
      const td = new TextDecoder(e === "utf8" ? "utf-8" : "utf-16le", { ignoreBOM: true });
      return { encoding: e, write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
    }
    if (e === "base64" || e === "base64url") {
      let carry = Buffer.alloc(0);
      return {
        encoding: e,
        write(b) {
          if (carry.length) b = Buffer.concat([carry, b]);
          const n = b.length - (b.length % 3);
          carry = Buffer.from(b.subarray(n));
          return toBuffer(b.subarray(0, n)).toString(e);
        },
        end() {
          const s = carry.toString(e);
          carry = Buffer.alloc(0);
          return s;
        },
      };
    }
    return { encoding: e, write: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString(e), end: () => "" };
  }
  function toBuffer(u8) {
    return u8 instanceof Buffer ? u8 : Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
  }

  function getHighWaterMark(options, duplexKey, isDuplex, objectMode) {
    let hwm = options ? options.highWaterMark : undefined;
    if (hwm == null && isDuplex && options) hwm = options[duplexKey];
    if (hwm != null) {
      if (!Number.isInteger(hwm) || hwm < 0) {
        const name = isDuplex && options.highWaterMark == null ? `options.${duplexKey}` : "options.highWaterMark";
        throw E.argValue(name, hwm);
      }
      return Math.floor(hwm);
    }
    return objectMode ? defaultObjectHWM : defaultHWM;
  }

  // ---- Stream: the legacy base ----
  function Stream(opts) {
    EventEmitter.call(this, opts);
  }
  Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Stream, EventEmitter);
  Stream.prototype.pipe = function (dest, options) {
    const source = this;
    function ondata(chunk) {
      if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
    }
    source.on("data", ondata);
    function ondrain() {
      if (source.readable && source.resume) source.resume();
    }
    dest.on("drain", ondrain);
    let didOnEnd = false;
    function onend() {
      if (didOnEnd) return;
      didOnEnd = true;
      dest.end();
    }
    function onclose() {
      if (didOnEnd) return;
      didOnEnd = true;
      if (typeof dest.destroy === "function") dest.destroy();
    }
    if (!dest._isStdio && (!options || options.end !== false)) {
      source.on("end", onend);
      source.on("close", onclose);
    }
    function onerror(er) {
      cleanup();
      if (EventEmitter.listenerCount(this, "error") === 0) this.emit("error", er);
    }
    source.prependListener("error", onerror);
    dest.prependListener("error", onerror);
    function cleanup() {
      source.removeListener("data", ondata);
      dest.removeListener("drain", ondrain);
      source.removeListener("end", onend);
      source.removeListener("close", onclose);
      source.removeListener("error", onerror);
      dest.removeListener("error", onerror);
      source.removeListener("end", cleanup);
      source.removeListener("close", cleanup);
      dest.removeListener("close", cleanup);
    }
    source.on("end", cleanup);
    source.on("close", cleanup);
    dest.on("close", cleanup);
    dest.emit("pipe", source);
    return dest;
  };

  // ---- state predicates (Node's internal/streams/utils) ----
  function isReadableNodeStream(obj, strict) {
    return !!(obj && typeof obj.pipe === "function" && typeof obj.on === "function" &&
      (!strict || (typeof obj.pause === "function" && typeof obj.resume === "function")) &&
      (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
      (!obj._writableState || obj._readableState));
  }
  function isWritableNodeStream(obj) {
    return !!(obj && typeof obj.write === "function" && typeof obj.on === "function" &&
      (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
  }
  function isNodeStream(obj) {
    return !!(obj && (obj._readableState || obj._writableState ||
      (typeof obj.write === "function" && typeof obj.on === "function") ||
      (typeof obj.pipe === "function" && typeof obj.on === "function")));
  }
  function isReadableStream(obj) {
    return !!(obj && !isNodeStream(obj) && typeof obj.pipeThrough === "function" && typeof obj.getReader === "function" && typeof obj.cancel === "function");
  }
  function isWritableStream(obj) {
    return !!(obj && !isNodeStream(obj) && typeof obj.getWriter === "function" && typeof obj.abort === "function");
  }
  function isTransformStream(obj) {
    return !!(obj && !isNodeStream(obj) && typeof obj.readable === "object" && typeof obj.writable === "object");
  }
  function isIterable(obj, isAsync) {
    if (obj == null) return false;
    if (isAsync === true) return typeof obj[SymbolAsyncIterator] === "function";
    if (isAsync === false) return typeof obj[Symbol.iterator] === "function";
    return typeof obj[SymbolAsyncIterator] === "function" || typeof obj[Symbol.iterator] === "function";
  }
  function isDestroyed(stream) {
    if (!isNodeStream(stream)) return null;
    const state = stream._writableState || stream._readableState;
    return !!(stream.destroyed || stream[kIsDestroyed] || (state && state.destroyed));
  }
  function isWritableEnded(stream) {
    if (!isWritableNodeStream(stream)) return null;
    if (stream.writableEnded === true) return true;
    const w = stream._writableState;
    if (w && w.errored) return false;
    if (!w || typeof w.ended !== "boolean") return null;
    return w.ended;
  }
  function isWritableFinished(stream, strict) {
    if (!isWritableNodeStream(stream)) return null;
    if (stream.writableFinished === true) return true;
    const w = stream._writableState;
    if (w && w.errored) return false;
    if (!w || typeof w.finished !== "boolean") return null;
    return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
  }
  function isReadableFinished(stream, strict) {
    if (!isReadableNodeStream(stream)) return null;
    const r = stream._readableState;
    if (r && r.errored) return false;
    if (!r || typeof r.endEmitted !== "boolean") return null;
    return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
  }
  function isReadable(stream) {
    if (typeof (stream && stream.readable) !== "boolean") return null;
    if (isDestroyed(stream)) return false;
    return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
  }
  function isWritable(stream) {
    if (typeof (stream && stream.writable) !== "boolean") return null;
    if (isDestroyed(stream)) return false;
    return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
  }
  function isFinished(stream, opts) {
    if (!isNodeStream(stream)) return null;
    if (isDestroyed(stream)) return true;
    if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
    if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
    return true;
  }
  function isWritableErrored(stream) {
    if (!isNodeStream(stream)) return null;
    if (stream.writableErrored) return stream.writableErrored;
    const w = stream._writableState;
    return w && w.errored != null ? w.errored : null;
  }
  function isReadableErrored(stream) {
    if (!isNodeStream(stream)) return null;
    if (stream.readableErrored) return stream.readableErrored;
    const r = stream._readableState;
    return r && r.errored != null ? r.errored : null;
  }
  function isClosed(stream) {
    if (!isNodeStream(stream)) return null;
    const w = stream._writableState, r = stream._readableState;
    if (typeof (w && w.closed) === "boolean" || typeof (r && r.closed) === "boolean") return (w && w.closed) || (r && r.closed);
    return null;
  }
  function willEmitClose(stream) {
    if (!isNodeStream(stream)) return null;
    const state = stream._writableState || stream._readableState;
    return !!(state && state.autoDestroy && state.emitClose && state.closed === false);
  }
  function isErrored(stream) {
    return !!(stream && (stream.readableErrored || stream.writableErrored ||
      (stream._readableState && stream._readableState.errored) || (stream._writableState && stream._writableState.errored)));
  }
  function isDisturbed(stream) {
    return !!(stream && (stream.readableDidRead || stream.readableAborted));
  }

  // ---- destroy (internal/streams/destroy) ----
  function checkError(e, w, r) {
    if (e) {
      if (w && !w.errored) w.errored = e;
      if (r && !r.errored) r.errored = e;
    }
  }
  function destroy(e, cb) {
    const r = this._readableState, w = this._writableState;
    const s = w || r;
    if ((w && w.destroyed) || (r && r.destroyed)) {
      if (typeof cb === "function") cb();
      return this;
    }
    checkError(e, w, r);
    if (w) w.destroyed = true;
    if (r) r.destroyed = true;
    if (!s.constructed) this.once(kDestroy, (er) => destroyImpl(this, aggregateTwoErrors(er, e), cb));
    else destroyImpl(this, e, cb);
    return this;
  }
  function destroyImpl(self, e, cb) {
    let called = false;
    function onDestroy(e2) {
      if (called) return;
      called = true;
      const r = self._readableState, w = self._writableState;
      checkError(e2, w, r);
      if (w) w.closed = true;
      if (r) r.closed = true;
      if (typeof cb === "function") cb(e2);
      if (e2) nextTick(emitErrorCloseNT, self, e2);
      else nextTick(emitCloseNT, self);
    }
    try {
      self._destroy(e || null, onDestroy);
    } catch (e2) {
      onDestroy(e2);
    }
  }
  function emitErrorCloseNT(self, e) {
    emitErrorNT(self, e);
    emitCloseNT(self);
  }
  function emitCloseNT(self) {
    const r = self._readableState, w = self._writableState;
    if (w) w.closeEmitted = true;
    if (r) r.closeEmitted = true;
    if ((w && w.emitClose) || (r && r.emitClose)) self.emit("close");
  }
  function emitErrorNT(self, e) {
    const r = self._readableState, w = self._writableState;
    if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
    if (w) w.errorEmitted = true;
    if (r) r.errorEmitted = true;
    self.emit("error", e);
  }
  function undestroy() {
    const r = this._readableState, w = this._writableState;
    if (r) {
      r.constructed = true; r.closed = false; r.closeEmitted = false; r.destroyed = false; r.errored = null;
      r.errorEmitted = false; r.reading = false; r.ended = r.readable === false; r.endEmitted = r.readable === false;
    }
    if (w) {
      w.constructed = true; w.destroyed = false; w.closed = false; w.closeEmitted = false; w.errored = null;
      w.errorEmitted = false; w.finalCalled = false; w.prefinished = false; w.ended = w.writable === false;
      w.ending = w.writable === false; w.finished = w.writable === false;
    }
  }
  function errorOrDestroy(stream, e, sync) {
    const r = stream._readableState, w = stream._writableState;
    if ((w && w.destroyed) || (r && r.destroyed)) return;
    if ((r && r.autoDestroy) || (w && w.autoDestroy)) stream.destroy(e);
    else if (e) {
      checkError(e, w, r);
      if (sync) nextTick(emitErrorNT, stream, e);
      else emitErrorNT(stream, e);
    }
  }
  function construct(stream, cb) {
    if (typeof stream._construct !== "function") return;
    const r = stream._readableState, w = stream._writableState;
    if (r) r.constructed = false;
    if (w) w.constructed = false;
    stream.once(kConstruct, cb);
    if (stream.listenerCount(kConstruct) > 1) return; // duplex: once
    nextTick(constructNT, stream);
  }
  function constructNT(stream) {
    let called = false;
    function onConstruct(e) {
      if (called) {
        errorOrDestroy(stream, e != null ? e : E.multipleCallback());
        return;
      }
      called = true;
      const r = stream._readableState, w = stream._writableState, s = w || r;
      if (r) r.constructed = true;
      if (w) w.constructed = true;
      if (s.destroyed) stream.emit(kDestroy, e);
      else if (e) errorOrDestroy(stream, e, true);
      else nextTick(() => stream.emit(kConstruct));
    }
    try {
      stream._construct((e) => nextTick(onConstruct, e));
    } catch (e) {
      nextTick(onConstruct, e);
    }
  }
  // destroyer ends a stream a pipeline gives up on.
  function destroyer(stream, e) {
    if (!stream || isDestroyed(stream)) return;
    if (!e && !isFinished(stream)) e = new AbortError();
    if (typeof stream.destroy === "function") stream.destroy(e);
    else if (typeof stream.close === "function") stream.close();
    else if (e) nextTick(() => stream.emit("error", e));
    else nextTick(() => stream.emit("close"));
    if (!stream.destroyed) stream[kIsDestroyed] = true;
  }

  function addAbortSignal(signal, stream) {
    if (!signal || typeof signal !== "object" || !("aborted" in signal)) throw E.argType("signal", ["AbortSignal"], signal);
    if (!isNodeStream(stream) && !isReadableStream(stream) && !isWritableStream(stream)) throw E.argType("stream", ["ReadableStream", "WritableStream", "Stream"], stream);
    const onAbort = () => {
      const e = new AbortError(undefined, { cause: signal.reason });
      if (isNodeStream(stream)) stream.destroy(e);
      else if (typeof stream.cancel === "function") stream.cancel(e);
      else stream.abort(e);
    };
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener("abort", onAbort, { once: true });
      eos(stream, () => signal.removeEventListener("abort", onAbort));
    }
    return stream;
  }

  // ---- Readable ----
  function ReadableState(options, stream, isDuplex) {
    if (typeof isDuplex !== "boolean") isDuplex = stream instanceof Duplex;
    this.objectMode = !!(options && options.objectMode);
    if (isDuplex) this.objectMode = this.objectMode || !!(options && options.readableObjectMode);
    this.highWaterMark = getHighWaterMark(options, "readableHighWaterMark", isDuplex, this.objectMode);
    this.buffer = [];
    this.length = 0;
    this.pipes = [];
    this.flowing = null;
    this.ended = false;
    this.endEmitted = false;
    this.reading = false;
    this.constructed = true;
    this.sync = true;
    this.needReadable = false;
    this.emittedReadable = false;
    this.readableListening = false;
    this.resumeScheduled = false;
    this[kPaused] = null;
    this.errorEmitted = false;
    this.emitClose = !options || options.emitClose !== false;
    this.autoDestroy = !options || options.autoDestroy !== false;
    this.destroyed = false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this.defaultEncoding = (options && options.defaultEncoding) || "utf8";
    this.awaitDrainWriters = null;
    this.multiAwaitDrain = false;
    this.readingMore = false;
    this.dataEmitted = false;
    this.decoder = null;
    this.encoding = null;
    if (options && options.encoding) {
      this.decoder = makeDecoder(options.encoding);
      this.encoding = this.decoder.encoding;
    }
  }

  function Readable(options) {
    if (!(this instanceof Readable)) return new Readable(options);
    const isDuplex = this instanceof Duplex;
    this._readableState = new ReadableState(options, this, isDuplex);
    if (options) {
      if (typeof options.read === "function") this._read = options.read;
      if (typeof options.destroy === "function") this._destroy = options.destroy;
      if (typeof options.construct === "function") this._construct = options.construct;
      if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
    }
    Stream.call(this, options);
    construct(this, () => {
      if (this._readableState.needReadable) maybeReadMore(this, this._readableState);
    });
  }
  Object.setPrototypeOf(Readable.prototype, Stream.prototype);
  Object.setPrototypeOf(Readable, Stream);
  Readable.ReadableState = ReadableState;
  Readable.prototype.destroy = destroy;
  Readable.prototype._undestroy = undestroy;
  Readable.prototype._destroy = function (e, cb) { cb(e); };
  Readable.prototype[EventEmitter.captureRejectionSymbol || Symbol.for("nodejs.rejection")] = function (e) { this.destroy(e); };
  Readable.prototype.push = function (chunk, encoding) { return readableAddChunk(this, chunk, encoding, false); };
  Readable.prototype.unshift = function (chunk, encoding) { return readableAddChunk(this, chunk, encoding, true); };

  function readableAddChunk(stream, chunk, encoding, addToFront) {
    const state = stream._readableState;
    let e;
    if (!state.objectMode) {
      if (typeof chunk === "string") {
        encoding = encoding || state.defaultEncoding;
        if (state.encoding !== encoding) {
          if (addToFront && state.encoding) chunk = Buffer.from(chunk, encoding).toString(state.encoding);
          else {
            chunk = Buffer.from(chunk, encoding);
            encoding = "";
          }
        }
      } else if (chunk instanceof Uint8Array) {
        chunk = toBuffer(chunk);
        encoding = "";
      } else if (chunk != null) {
        e = E.argType("chunk", ["string", "Buffer", "Uint8Array"], chunk);
      }
    }
    if (e) errorOrDestroy(stream, e);
    else if (chunk === null) {
      state.reading = false;
      onEofChunk(stream, state);
    } else if (state.objectMode || (chunk && chunk.length > 0)) {
      if (addToFront) {
        if (state.endEmitted) errorOrDestroy(stream, E.unshiftAfterEnd());
        else if (state.destroyed || state.errored) return false;
        else addChunk(stream, state, chunk, true);
      } else if (state.ended) {
        errorOrDestroy(stream, E.pushAfterEOF());
      } else if (state.destroyed || state.errored) {
        return false;
      } else {
        state.reading = false;
        if (state.decoder && !encoding) {
          chunk = state.decoder.write(chunk);
          if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
          else maybeReadMore(stream, state);
        } else addChunk(stream, state, chunk, false);
      }
    } else if (!addToFront) {
      state.reading = false;
      maybeReadMore(stream, state);
    }
    return !state.ended && (state.length < state.highWaterMark || state.length === 0);
  }
  function addChunk(stream, state, chunk, addToFront) {
    if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount("data") > 0) {
      if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
      else state.awaitDrainWriters = null;
      state.dataEmitted = true;
      stream.emit("data", chunk);
    } else {
      state.length += state.objectMode ? 1 : chunk.length;
      if (addToFront) state.buffer.unshift(chunk);
      else state.buffer.push(chunk);
      if (state.needReadable) emitReadable(stream);
    }
    maybeReadMore(stream, state);
  }
  Readable.prototype.isPaused = function () {
    const state = this._readableState;
    return state[kPaused] === true || state.flowing === false;
  };
  Readable.prototype.setEncoding = function (enc) {
    const decoder = makeDecoder(enc);
    const state = this._readableState;
    state.decoder = decoder;
    state.encoding = decoder.encoding;
    let content = "";
    for (const data of state.buffer) content += typeof data === "string" ? data : decoder.write(data);
    state.buffer = content !== "" ? [content] : [];
    state.length = content.length;
    return this;
  };
  function computeNewHighWaterMark(n) {
    const MAX = 0x40000000;
    if (n > MAX) throw err(RangeError, "ERR_OUT_OF_RANGE", `The value of "size" is out of range. It must be <= 1GiB. Received ${n}`);
    n--;
    n |= n >>> 1; n |= n >>> 2; n |= n >>> 4; n |= n >>> 8; n |= n >>> 16;
    return n + 1;
  }
  function howMuchToRead(n, state) {
    if (n <= 0 || (state.length === 0 && state.ended)) return 0;
    if (state.objectMode) return 1;
    if (Number.isNaN(n)) {
      if (state.flowing && state.length) return state.buffer[0].length;
      return state.length;
    }
    if (n <= state.length) return n;
    return state.ended ? state.length : 0;
  }
  Readable.prototype.read = function (n) {
    if (n === undefined) n = NaN;
    else if (!Number.isInteger(n)) n = parseInt(n, 10);
    const state = this._readableState;
    const nOrig = n;
    if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
    if (n !== 0) state.emittedReadable = false;
    if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
      if (state.length === 0 && state.ended) endReadable(this);
      else emitReadable(this);
      return null;
    }
    n = howMuchToRead(n, state);
    if (n === 0 && state.ended) {
      if (state.length === 0) endReadable(this);
      return null;
    }
    let doRead = state.needReadable;
    if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
    if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
      doRead = false;
    } else if (doRead) {
      state.reading = true;
      state.sync = true;
      if (state.length === 0) state.needReadable = true;
      try {
        this._read(state.highWaterMark);
      } catch (e) {
        errorOrDestroy(this, e);
      }
      state.sync = false;
      if (!state.reading) n = howMuchToRead(nOrig, state);
    }
    let ret = n > 0 ? fromList(n, state) : null;
    if (ret === null) {
      state.needReadable = state.length <= state.highWaterMark;
      n = 0;
    } else {
      state.length -= n;
      if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
      else state.awaitDrainWriters = null;
    }
    if (state.length === 0) {
      if (!state.ended) state.needReadable = true;
      if (nOrig !== n && state.ended) endReadable(this);
    }
    if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
      state.dataEmitted = true;
      this.emit("data", ret);
    }
    return ret;
  };
  function fromList(n, state) {
    if (state.length === 0) return null;
    const buf = state.buffer;
    if (state.objectMode) return buf.shift();
    if (!n || n >= state.length) {
      let ret;
      if (state.decoder) ret = buf.join("");
      else if (buf.length === 1) ret = buf[0];
      else ret = Buffer.concat(buf, state.length);
      buf.length = 0;
      return ret;
    }
    // part of the buffer
    if (n < buf[0].length) {
      const head = buf[0];
      if (typeof head === "string") {
        buf[0] = head.slice(n);
        return head.slice(0, n);
      }
      buf[0] = toBuffer(head.subarray(n));
      return toBuffer(head.subarray(0, n));
    }
    if (n === buf[0].length) return buf.shift();
    if (state.decoder) {
      let ret = "";
      while (ret.length < n) {
        const str = buf[0];
        const need = n - ret.length;
        if (str.length <= need) {
          ret += str;
          buf.shift();
        } else {
          ret += str.slice(0, need);
          buf[0] = str.slice(need);
        }
      }
      return ret;
    }
    const ret = allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const b = buf[0];
      const need = n - off;
      if (b.length <= need) {
        ret.set(b, off);
        off += b.length;
        buf.shift();
      } else {
        ret.set(b.subarray(0, need), off);
        buf[0] = toBuffer(b.subarray(need));
        off += need;
      }
    }
    return ret;
  }
  function onEofChunk(stream, state) {
    if (state.ended) return;
    if (state.decoder) {
      const chunk = state.decoder.end();
      if (chunk && chunk.length) {
        state.buffer.push(chunk);
        state.length += state.objectMode ? 1 : chunk.length;
      }
    }
    state.ended = true;
    if (state.sync) emitReadable(stream);
    else {
      state.needReadable = false;
      state.emittedReadable = true;
      emitReadable_(stream);
    }
  }
  function emitReadable(stream) {
    const state = stream._readableState;
    state.needReadable = false;
    if (!state.emittedReadable) {
      state.emittedReadable = true;
      nextTick(emitReadable_, stream);
    }
  }
  function emitReadable_(stream) {
    const state = stream._readableState;
    if (!state.destroyed && !state.errored && (state.length || state.ended)) {
      stream.emit("readable");
      state.emittedReadable = false;
    }
    state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
    flow(stream);
  }
  function maybeReadMore(stream, state) {
    if (!state.readingMore && state.constructed) {
      state.readingMore = true;
      nextTick(maybeReadMore_, stream, state);
    }
  }
  function maybeReadMore_(stream, state) {
    while (!state.reading && !state.ended && (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
      const len = state.length;
      stream.read(0);
      if (len === state.length) break;
    }
    state.readingMore = false;
  }
  Readable.prototype._read = function () {
    throw E.notImplemented("_read()");
  };
  Readable.prototype.pipe = function (dest, pipeOpts) {
    const src = this;
    const state = this._readableState;
    if (state.pipes.length === 1 && !state.multiAwaitDrain) {
      state.multiAwaitDrain = true;
      state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
    }
    state.pipes.push(dest);
    const stdio = g.process && (dest === g.process.stdout || dest === g.process.stderr);
    const doEnd = (!pipeOpts || pipeOpts.end !== false) && !stdio;
    const endFn = doEnd ? onend : unpipe;
    if (state.endEmitted) nextTick(endFn);
    else src.once("end", endFn);
    const on = (ev, fn) => { if (typeof dest.on === "function") dest.on(ev, fn); };
    const off = (ev, fn) => { if (typeof dest.removeListener === "function") dest.removeListener(ev, fn); };
    on("unpipe", onunpipe);
    function onunpipe(readable, unpipeInfo) {
      if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
        unpipeInfo.hasUnpiped = true;
        cleanup();
      }
    }
    function onend() { dest.end(); }
    let ondrain;
    let cleanedUp = false;
    function cleanup() {
      off("close", onclose);
      off("finish", onfinish);
      if (ondrain) off("drain", ondrain);
      off("error", onerror);
      off("unpipe", onunpipe);
      src.removeListener("end", onend);
      src.removeListener("end", unpipe);
      src.removeListener("data", ondata);
      cleanedUp = true;
      if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
    }
    function pause() {
      if (!cleanedUp) {
        if (state.pipes.length === 1 && state.pipes[0] === dest) {
          state.awaitDrainWriters = dest;
          state.multiAwaitDrain = false;
        } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
          state.awaitDrainWriters.add(dest);
        }
        src.pause();
      }
      if (!ondrain) {
        ondrain = pipeOnDrain(src, dest);
        on("drain", ondrain);
      }
    }
    src.on("data", ondata);
    function ondata(chunk) {
      const ret = dest.write(chunk);
      if (ret === false) pause();
    }
    function onerror(er) {
      unpipe();
      off("error", onerror);
      if (dest.listenerCount("error") === 0) {
        const s = dest._writableState || dest._readableState;
        if (s && !s.errorEmitted) errorOrDestroy(dest, er);
        else dest.emit("error", er);
      }
    }
    if (typeof dest.prependListener === "function") dest.prependListener("error", onerror);
    function onclose() {
      off("finish", onfinish);
      unpipe();
    }
    if (typeof dest.once === "function") dest.once("close", onclose);
    function onfinish() {
      off("close", onclose);
      unpipe();
    }
    if (typeof dest.once === "function") dest.once("finish", onfinish);
    function unpipe() { src.unpipe(dest); }
    if (typeof dest.emit === "function") dest.emit("pipe", src);
    if (dest.writableNeedDrain === true) pause();
    else if (!state.flowing) src.resume();
    return dest;
  };
  function pipeOnDrain(src, dest) {
    return function () {
      const state = src._readableState;
      if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
      else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
      if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount("data")) src.resume();
    };
  }
  Readable.prototype.unpipe = function (dest) {
    const state = this._readableState;
    if (state.pipes.length === 0) return this;
    const emit = (d, info) => { if (typeof d.emit === "function") d.emit("unpipe", this, info); };
    if (!dest) {
      const dests = state.pipes;
      state.pipes = [];
      this.pause();
      for (const d of dests) emit(d, { hasUnpiped: false });
      return this;
    }
    const index = state.pipes.indexOf(dest);
    if (index === -1) return this;
    state.pipes.splice(index, 1);
    if (state.pipes.length === 0) this.pause();
    emit(dest, { hasUnpiped: false });
    return this;
  };
  Readable.prototype.on = function (ev, fn) {
    const res = Stream.prototype.on.call(this, ev, fn);
    const state = this._readableState;
    if (ev === "data") {
      state.readableListening = this.listenerCount("readable") > 0;
      if (state.flowing !== false) this.resume();
    } else if (ev === "readable") {
      if (!state.endEmitted && !state.readableListening) {
        state.readableListening = state.needReadable = true;
        state.flowing = false;
        state.emittedReadable = false;
        if (state.length) emitReadable(this);
        else if (!state.reading) nextTick((self) => self.read(0), this);
      }
    }
    return res;
  };
  Readable.prototype.addListener = Readable.prototype.on;
  Readable.prototype.removeListener = function (ev, fn) {
    const res = Stream.prototype.removeListener.call(this, ev, fn);
    if (ev === "readable") nextTick(updateReadableListening, this);
    return res;
  };
  Readable.prototype.off = Readable.prototype.removeListener;
  Readable.prototype.removeAllListeners = function (ev) {
    const res = Stream.prototype.removeAllListeners.apply(this, arguments);
    if (ev === "readable" || ev === undefined) nextTick(updateReadableListening, this);
    return res;
  };
  function updateReadableListening(self) {
    const state = self._readableState;
    state.readableListening = self.listenerCount("readable") > 0;
    if (state.resumeScheduled && state[kPaused] === false) state.flowing = true;
    else if (self.listenerCount("data") > 0) self.resume();
    else if (!state.readableListening) state.flowing = null;
  }
  Readable.prototype.resume = function () {
    const state = this._readableState;
    if (!state.flowing) {
      state.flowing = !state.readableListening;
      if (!state.resumeScheduled) {
        state.resumeScheduled = true;
        nextTick(resume_, this, state);
      }
    }
    state[kPaused] = false;
    return this;
  };
  function resume_(stream, state) {
    if (!state.reading) stream.read(0);
    state.resumeScheduled = false;
    stream.emit("resume");
    flow(stream);
    if (state.flowing && !state.reading) stream.read(0);
  }
  Readable.prototype.pause = function () {
    const state = this._readableState;
    if (state.flowing !== false) {
      state.flowing = false;
      this.emit("pause");
    }
    state[kPaused] = true;
    return this;
  };
  function flow(stream) {
    const state = stream._readableState;
    while (state.flowing && stream.read() !== null);
  }
  Readable.prototype.wrap = function (stream) {
    let paused = false;
    stream.on("data", (chunk) => {
      if (!this.push(chunk) && stream.pause) {
        paused = true;
        stream.pause();
      }
    });
    stream.on("end", () => this.push(null));
    stream.on("error", (e) => errorOrDestroy(this, e));
    stream.on("close", () => this.destroy());
    stream.on("destroy", () => this.destroy());
    this._read = () => {
      if (paused && stream.resume) {
        paused = false;
        stream.resume();
      }
    };
    return this;
  };
  Readable.prototype[SymbolAsyncIterator] = function () { return createAsyncIterator(this); };
  Readable.prototype.iterator = function (options) { return createAsyncIterator(this, options); };
  function createAsyncIterator(stream, options) {
    if (typeof stream.read !== "function") stream = new Readable({ objectMode: true }).wrap(stream);
    let callback = nop;
    function next(resolve) {
      if (this === stream) {
        callback();
        callback = nop;
      } else callback = resolve;
    }
    stream.on("readable", next);
    let error;
    let done = false;
    const cleanup = eos(stream, { writable: false }, (e) => {
      error = e ? aggregateTwoErrors(error, e) : null;
      callback();
      callback = nop;
    });
    function finalize() {
      done = true;
      if ((error || !options || options.destroyOnReturn !== false) && (error === undefined || stream._readableState.autoDestroy)) destroyer(stream, null);
      else {
        stream.off("readable", next);
        cleanup();
      }
    }
    async function step() {
      if (done) return { value: undefined, done: true };
      try {
        for (;;) {
          const chunk = stream.destroyed ? null : stream.read();
          if (chunk !== null) return { value: chunk, done: false };
          if (error) throw error;
          if (error === null) {
            finalize();
            return { value: undefined, done: true };
          }
          await new Promise(next);
        }
      } catch (e) {
        error = aggregateTwoErrors(error, e);
        finalize();
        throw error;
      }
    }
    let queue = Promise.resolve();
    const serial = (fn) => {
      const p = queue.then(fn);
      queue = p.then(nop, nop);
      return p;
    };
    return {
      next() { return serial(step); },
      return(value) {
        return serial(() => {
          if (!done) finalize();
          return { value, done: true };
        });
      },
      throw(e) {
        return serial(() => {
          if (!done) {
            error = aggregateTwoErrors(error, e);
            finalize();
          }
          throw e;
        });
      },
      [SymbolAsyncIterator]() { return this; },
    };
  }
  function defineGetters(proto, getters) {
    for (const k of Object.keys(getters)) {
      const d = getters[k];
      Object.defineProperty(proto, k, typeof d === "function" ? { get: d, enumerable: false, configurable: true } : Object.assign({ enumerable: false, configurable: true }, d));
    }
  }
  defineGetters(Readable.prototype, {
    readable: {
      get() {
        const r = this._readableState;
        return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
      },
      set(val) {
        if (this._readableState) this._readableState.readable = !!val;
      },
    },
    readableDidRead() { return this._readableState.dataEmitted; },
    readableAborted() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
    readableHighWaterMark() { return this._readableState.highWaterMark; },
    readableBuffer() { return this._readableState && this._readableState.buffer; },
    readableFlowing: {
      get() { return this._readableState.flowing; },
      set(v) { if (this._readableState) this._readableState.flowing = v; },
    },
    readableLength() { return this._readableState.length; },
    readableObjectMode() { return this._readableState ? this._readableState.objectMode : false; },
    readableEncoding() { return this._readableState ? this._readableState.encoding : null; },
    errored() { return this._readableState ? this._readableState.errored : null; },
    readableErrored() { return this._readableState ? this._readableState.errored : null; },
    closed() { return this._readableState ? this._readableState.closed : false; },
    destroyed: {
      get() { return this._readableState ? this._readableState.destroyed : false; },
      set(v) { if (this._readableState) this._readableState.destroyed = v; },
    },
    readableEnded() { return this._readableState ? this._readableState.endEmitted : false; },
  });
  function endReadable(stream) {
    const state = stream._readableState;
    if (!state.endEmitted) {
      state.ended = true;
      nextTick(endReadableNT, state, stream);
    }
  }
  function endReadableNT(state, stream) {
    if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
      state.endEmitted = true;
      stream.emit("end");
      if (stream.writable && stream.allowHalfOpen === false) nextTick(endWritableNT, stream);
      else if (state.autoDestroy) {
        const w = stream._writableState;
        if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
      }
    }
  }
  function endWritableNT(stream) {
    if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
  }

  // Readable.from(iterable): each value is a chunk (objectMode by default).
  Readable.from = function (iterable, opts) {
    if (typeof iterable === "string" || iterable instanceof Uint8Array) {
      return new Readable(Object.assign({ objectMode: true }, opts, {
        read() {
          this.push(iterable);
          this.push(null);
        },
      }));
    }
    let iterator, isAsync;
    if (iterable && typeof iterable[SymbolAsyncIterator] === "function") {
      isAsync = true;
      iterator = iterable[SymbolAsyncIterator]();
    } else if (iterable && typeof iterable[Symbol.iterator] === "function") {
      isAsync = false;
      iterator = iterable[Symbol.iterator]();
    } else throw E.argType("iterable", ["Iterable"], iterable);
    const readable = new Readable(Object.assign({ objectMode: true, highWaterMark: 1 }, opts));
    let reading = false;
    readable._read = function () {
      if (!reading) {
        reading = true;
        next();
      }
    };
    readable._destroy = function (error, cb) {
      close(error).then(() => nextTick(cb, error), (e) => nextTick(cb, e || error));
    };
    async function close(error) {
      const hadError = error !== undefined && error !== null;
      if (hadError && typeof iterator.throw === "function") {
        const r = await iterator.throw(error);
        await r.value;
        if (r.done) return;
      }
      if (typeof iterator.return === "function") {
        const r = await iterator.return();
        await r.value;
      }
    }
    async function next() {
      for (;;) {
        try {
          const r = isAsync ? await iterator.next() : iterator.next();
          if (r.done) readable.push(null);
          else {
            const v = r.value && typeof r.value.then === "function" ? await r.value : r.value;
            if (v === null) {
              reading = false;
              throw E.nullValues();
            } else if (readable.push(v)) continue;
            else reading = false;
          }
        } catch (e) {
          readable.destroy(e);
        }
        break;
      }
    }
    return readable;
  };

  // ---- Writable ----
  function WritableState(options, stream, isDuplex) {
    if (typeof isDuplex !== "boolean") isDuplex = stream instanceof Duplex;
    this.objectMode = !!(options && options.objectMode);
    if (isDuplex) this.objectMode = this.objectMode || !!(options && options.writableObjectMode);
    this.highWaterMark = getHighWaterMark(options, "writableHighWaterMark", isDuplex, this.objectMode);
    this.finalCalled = false;
    this.needDrain = false;
    this.ending = false;
    this.ended = false;
    this.finished = false;
    this.destroyed = false;
    this.decodeStrings = !(options && options.decodeStrings === false);
    this.defaultEncoding = (options && options.defaultEncoding) || "utf8";
    this.length = 0;
    this.writing = false;
    this.corked = 0;
    this.sync = true;
    this.bufferProcessing = false;
    this.onwrite = onwrite.bind(undefined, stream);
    this.writecb = null;
    this.writelen = 0;
    this.afterWriteTickInfo = null;
    resetBuffer(this);
    this.pendingcb = 0;
    this.constructed = true;
    this.prefinished = false;
    this.errorEmitted = false;
    this.emitClose = !options || options.emitClose !== false;
    this.autoDestroy = !options || options.autoDestroy !== false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this[kOnFinished] = [];
  }
  function resetBuffer(state) {
    state.buffered = [];
    state.bufferedIndex = 0;
    state.allBuffers = true;
    state.allNoop = true;
  }
  WritableState.prototype.getBuffer = function () { return this.buffered.slice(this.bufferedIndex); };
  Object.defineProperty(WritableState.prototype, "bufferedRequestCount", { get() { return this.buffered.length - this.bufferedIndex; } });

  function Writable(options) {
    const isDuplex = this instanceof Duplex;
    if (!isDuplex && !Function.prototype[Symbol.hasInstance].call(Writable, this)) return new Writable(options);
    this._writableState = new WritableState(options, this, isDuplex);
    if (options) {
      if (typeof options.write === "function") this._write = options.write;
      if (typeof options.writev === "function") this._writev = options.writev;
      if (typeof options.destroy === "function") this._destroy = options.destroy;
      if (typeof options.final === "function") this._final = options.final;
      if (typeof options.construct === "function") this._construct = options.construct;
      if (options.signal) addAbortSignal(options.signal, this);
    }
    Stream.call(this, options);
    construct(this, () => {
      const state = this._writableState;
      if (!state.writing) clearBuffer(this, state);
      finishMaybe(this, state);
    });
  }
  Object.setPrototypeOf(Writable.prototype, Stream.prototype);
  Object.setPrototypeOf(Writable, Stream);
  Writable.WritableState = WritableState;
  Object.defineProperty(Writable, Symbol.hasInstance, {
    value(obj) {
      if (Function.prototype[Symbol.hasInstance].call(this, obj)) return true;
      if (this !== Writable) return false;
      return !!(obj && obj._writableState instanceof WritableState);
    },
  });
  Writable.prototype.pipe = function () {
    errorOrDestroy(this, err(Error, "ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable"));
  };
  function _write(stream, chunk, encoding, cb) {
    const state = stream._writableState;
    if (typeof encoding === "function") {
      cb = encoding;
      encoding = state.defaultEncoding;
    } else {
      if (!encoding) encoding = state.defaultEncoding;
      else if (encoding !== "buffer" && !isEncoding(encoding)) throw E.unknownEncoding(encoding);
      if (typeof cb !== "function") cb = nop;
    }
    if (chunk === null) throw E.nullValues();
    else if (!state.objectMode) {
      if (typeof chunk === "string") {
        if (state.decodeStrings !== false) {
          chunk = Buffer.from(chunk, encoding);
          encoding = "buffer";
        }
      } else if (chunk instanceof Uint8Array) {
        chunk = toBuffer(chunk);
        encoding = "buffer";
      } else throw E.argType("chunk", ["string", "Buffer", "TypedArray", "DataView"], chunk);
    }
    let e;
    if (state.ending) e = E.writeAfterEnd();
    else if (state.destroyed) e = E.destroyed("write");
    if (e) {
      nextTick(cb, e);
      errorOrDestroy(stream, e, true);
      return e;
    }
    state.pendingcb++;
    return writeOrBuffer(stream, state, chunk, encoding, cb);
  }
  Writable.prototype.write = function (chunk, encoding, cb) {
    return _write(this, chunk, encoding, cb) === true;
  };
  Writable.prototype.cork = function () { this._writableState.corked++; };
  Writable.prototype.uncork = function () {
    const state = this._writableState;
    if (state.corked) {
      state.corked--;
      if (!state.writing) clearBuffer(this, state);
    }
  };
  Writable.prototype.setDefaultEncoding = function (encoding) {
    if (typeof encoding === "string") encoding = encoding.toLowerCase();
    if (!isEncoding(encoding)) throw E.unknownEncoding(encoding);
    this._writableState.defaultEncoding = encoding;
    return this;
  };
  function writeOrBuffer(stream, state, chunk, encoding, callback) {
    const len = state.objectMode ? 1 : chunk.length;
    state.length += len;
    const ret = state.length < state.highWaterMark;
    if (!ret) state.needDrain = true;
    if (state.writing || state.corked || state.errored || !state.constructed) {
      state.buffered.push({ chunk, encoding, callback });
      if (state.allBuffers && encoding !== "buffer") state.allBuffers = false;
      if (state.allNoop && callback !== nop) state.allNoop = false;
    } else {
      state.writelen = len;
      state.writecb = callback;
      state.writing = true;
      state.sync = true;
      stream._write(chunk, encoding, state.onwrite);
      state.sync = false;
    }
    return ret && !state.errored && !state.destroyed;
  }
  function doWrite(stream, state, writev, len, chunk, encoding, cb) {
    state.writelen = len;
    state.writecb = cb;
    state.writing = true;
    state.sync = true;
    if (state.destroyed) state.onwrite(E.destroyed("write"));
    else if (writev) stream._writev(chunk, state.onwrite);
    else stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  function onwriteError(stream, state, er, cb) {
    --state.pendingcb;
    cb(er);
    errorBuffer(state);
    errorOrDestroy(stream, er);
  }
  function onwrite(stream, er) {
    const state = stream._writableState;
    const sync = state.sync;
    const cb = state.writecb;
    if (typeof cb !== "function") {
      errorOrDestroy(stream, E.multipleCallback());
      return;
    }
    state.writing = false;
    state.writecb = null;
    state.length -= state.writelen;
    state.writelen = 0;
    if (er) {
      if (!state.errored) state.errored = er;
      if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
      if (sync) nextTick(onwriteError, stream, state, er, cb);
      else onwriteError(stream, state, er, cb);
    } else {
      if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
      if (sync) {
        if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) state.afterWriteTickInfo.count++;
        else {
          state.afterWriteTickInfo = { count: 1, cb, stream, state };
          nextTick(afterWriteTick, state.afterWriteTickInfo);
        }
      } else afterWrite(stream, state, 1, cb);
    }
  }
  function afterWriteTick(info) {
    info.state.afterWriteTickInfo = null;
    return afterWrite(info.stream, info.state, info.count, info.cb);
  }
  function afterWrite(stream, state, count, cb) {
    const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
    if (needDrain) {
      state.needDrain = false;
      stream.emit("drain");
    }
    while (count-- > 0) {
      state.pendingcb--;
      cb(null);
    }
    if (state.destroyed) errorBuffer(state);
    finishMaybe(stream, state);
  }
  function errorBuffer(state) {
    if (state.writing) return;
    for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
      const { chunk, callback } = state.buffered[n];
      state.length -= state.objectMode ? 1 : chunk.length;
      callback(state.errored || E.destroyed("write"));
    }
    for (const f of state[kOnFinished].splice(0)) f(state.errored || E.destroyed("end"));
    resetBuffer(state);
  }
  function clearBuffer(stream, state) {
    if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
    const { buffered, bufferedIndex, objectMode } = state;
    const bufferedLength = buffered.length - bufferedIndex;
    if (!bufferedLength) return;
    let i = bufferedIndex;
    state.bufferProcessing = true;
    if (bufferedLength > 1 && stream._writev) {
      state.pendingcb -= bufferedLength - 1;
      const callback = state.allNoop ? nop : (e) => {
        for (let n = i; n < buffered.length; ++n) buffered[n].callback(e);
      };
      const chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
      chunks.allBuffers = state.allBuffers;
      doWrite(stream, state, true, state.length, chunks, "", callback);
      resetBuffer(state);
    } else {
      do {
        const { chunk, encoding, callback } = buffered[i];
        buffered[i++] = null;
        doWrite(stream, state, false, objectMode ? 1 : chunk.length, chunk, encoding, callback);
      } while (i < buffered.length && !state.writing);
      if (i === buffered.length) resetBuffer(state);
      else if (i > 256) {
        buffered.splice(0, i);
        state.bufferedIndex = 0;
      } else state.bufferedIndex = i;
    }
    state.bufferProcessing = false;
  }
  Writable.prototype._write = function (chunk, encoding, cb) {
    if (this._writev) this._writev([{ chunk, encoding }], cb);
    else throw E.notImplemented("_write()");
  };
  Writable.prototype._writev = null;
  Writable.prototype.end = function (chunk, encoding, cb) {
    const state = this._writableState;
    if (typeof chunk === "function") {
      cb = chunk;
      chunk = null;
      encoding = null;
    } else if (typeof encoding === "function") {
      cb = encoding;
      encoding = null;
    }
    let e;
    if (chunk !== null && chunk !== undefined) {
      const ret = _write(this, chunk, encoding);
      if (ret instanceof Error) e = ret;
    }
    if (state.corked) {
      state.corked = 1;
      this.uncork();
    }
    if (e) {
      // the write's error is reported by the write
    } else if (!state.errored && !state.ending) {
      state.ending = true;
      finishMaybe(this, state, true);
      state.ended = true;
    } else if (state.finished) e = E.alreadyFinished("end");
    else if (state.destroyed) e = E.destroyed("end");
    if (typeof cb === "function") {
      if (e || state.finished) nextTick(cb, e);
      else state[kOnFinished].push(cb);
    }
    return this;
  };
  function needFinish(state) {
    return state.ending && !state.destroyed && state.constructed && state.length === 0 && !state.errored &&
      state.buffered.length === 0 && !state.finished && !state.writing && !state.errorEmitted && !state.closeEmitted;
  }
  function callFinal(stream, state) {
    let called = false;
    function onFinish(e) {
      if (called) {
        errorOrDestroy(stream, e != null ? e : E.multipleCallback());
        return;
      }
      called = true;
      state.pendingcb--;
      if (e) {
        for (const f of state[kOnFinished].splice(0)) f(e);
        errorOrDestroy(stream, e, state.sync);
      } else if (needFinish(state)) {
        state.prefinished = true;
        stream.emit("prefinish");
        state.pendingcb++;
        nextTick(finish, stream, state);
      }
    }
    state.sync = true;
    state.pendingcb++;
    try {
      stream._final(onFinish);
    } catch (e) {
      onFinish(e);
    }
    state.sync = false;
  }
  function prefinish(stream, state) {
    if (!state.prefinished && !state.finalCalled) {
      if (typeof stream._final === "function" && !state.destroyed) {
        state.finalCalled = true;
        callFinal(stream, state);
      } else {
        state.prefinished = true;
        stream.emit("prefinish");
      }
    }
  }
  function finishMaybe(stream, state, sync) {
    if (needFinish(state)) {
      prefinish(stream, state);
      if (state.pendingcb === 0) {
        if (sync) {
          state.pendingcb++;
          nextTick(() => {
            if (needFinish(state)) finish(stream, state);
            else state.pendingcb--;
          });
        } else if (needFinish(state)) {
          state.pendingcb++;
          finish(stream, state);
        }
      }
    }
  }
  function finish(stream, state) {
    state.pendingcb--;
    state.finished = true;
    for (const f of state[kOnFinished].splice(0)) f(null);
    stream.emit("finish");
    if (state.autoDestroy) {
      const r = stream._readableState;
      if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false))) stream.destroy();
    }
  }
  defineGetters(Writable.prototype, {
    closed() { return this._writableState ? this._writableState.closed : false; },
    destroyed: {
      get() { return this._writableState ? this._writableState.destroyed : false; },
      set(v) { if (this._writableState) this._writableState.destroyed = v; },
    },
    writable: {
      get() {
        const w = this._writableState;
        return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
      },
      set(val) { if (this._writableState) this._writableState.writable = !!val; },
    },
    writableFinished() { return this._writableState ? this._writableState.finished : false; },
    writableObjectMode() { return this._writableState ? this._writableState.objectMode : false; },
    writableBuffer() { return this._writableState && this._writableState.getBuffer(); },
    writableEnded() { return this._writableState ? this._writableState.ending : false; },
    writableNeedDrain() {
      const w = this._writableState;
      return w ? !w.destroyed && !w.ending && w.needDrain : false;
    },
    writableHighWaterMark() { return this._writableState && this._writableState.highWaterMark; },
    writableCorked() { return this._writableState ? this._writableState.corked : 0; },
    writableLength() { return this._writableState && this._writableState.length; },
    errored() { return this._writableState ? this._writableState.errored : null; },
    writableErrored() { return this._writableState ? this._writableState.errored : null; },
  });
  Writable.prototype.destroy = function (e, cb) {
    const state = this._writableState;
    if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state[kOnFinished].length)) nextTick(errorBuffer, state);
    destroy.call(this, e, cb);
    return this;
  };
  Writable.prototype._undestroy = undestroy;
  Writable.prototype._destroy = function (e, cb) { cb(e); };
  Writable.prototype[EventEmitter.captureRejectionSymbol || Symbol.for("nodejs.rejection")] = function (e) { this.destroy(e); };

  // ---- Duplex ----
  function Duplex(options) {
    if (!(this instanceof Duplex)) return new Duplex(options);
    this._readableState = new ReadableState(options, this, true);
    this._writableState = new WritableState(options, this, true);
    if (options) {
      this.allowHalfOpen = options.allowHalfOpen !== false;
      if (options.readable === false) {
        this._readableState.readable = false;
        this._readableState.ended = true;
        this._readableState.endEmitted = true;
      }
      if (options.writable === false) {
        this._writableState.writable = false;
        this._writableState.ending = true;
        this._writableState.ended = true;
        this._writableState.finished = true;
      }
      if (typeof options.read === "function") this._read = options.read;
      if (typeof options.write === "function") this._write = options.write;
      if (typeof options.writev === "function") this._writev = options.writev;
      if (typeof options.destroy === "function") this._destroy = options.destroy;
      if (typeof options.final === "function") this._final = options.final;
      if (typeof options.construct === "function") this._construct = options.construct;
      if (options.signal) addAbortSignal(options.signal, this);
    } else this.allowHalfOpen = true;
    Stream.call(this, options);
    construct(this, () => {
      const r = this._readableState, w = this._writableState;
      if (r.needReadable) maybeReadMore(this, r);
      if (!w.writing) clearBuffer(this, w);
      finishMaybe(this, w);
    });
  }
  Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
  Object.setPrototypeOf(Duplex, Readable);
  for (const key of Object.getOwnPropertyNames(Writable.prototype)) {
    if (key === "constructor" || key in Duplex.prototype) continue;
    if (key === "destroy" || key === "closed" || key === "destroyed" || key === "errored") continue;
    Object.defineProperty(Duplex.prototype, key, Object.getOwnPropertyDescriptor(Writable.prototype, key));
  }
  Duplex.prototype.destroy = Writable.prototype.destroy;
  defineGetters(Duplex.prototype, {
    destroyed: {
      get() {
        if (this._readableState === undefined || this._writableState === undefined) return false;
        return this._readableState.destroyed && this._writableState.destroyed;
      },
      set(v) {
        if (this._readableState && this._writableState) {
          this._readableState.destroyed = v;
          this._writableState.destroyed = v;
        }
      },
    },
    closed() { return !!(this._readableState && this._readableState.closed) || !!(this._writableState && this._writableState.closed); },
    errored() { return (this._readableState && this._readableState.errored) || (this._writableState && this._writableState.errored) || null; },
  });
  Duplex.from = function (body) {
    if (isNodeStream(body)) return body;
    if (isReadableStream(body)) return Readable.fromWeb(body);
    if (isWritableStream(body)) return Writable.fromWeb(body);
    if (isTransformStream(body)) return Duplex.fromWeb(body);
    if (typeof body === "string" || body instanceof Uint8Array || isIterable(body)) return Readable.from(body);
    if (body && typeof body === "object" && (body.readable || body.writable)) {
      const r = body.readable && (isReadableStream(body.readable) ? Readable.fromWeb(body.readable) : body.readable);
      const w = body.writable && (isWritableStream(body.writable) ? Writable.fromWeb(body.writable) : body.writable);
      return duplexPair(r, w);
    }
    if (body && typeof body.then === "function") {
      const d = new Duplex({ objectMode: true, writable: false, read() {} });
      body.then((v) => {
        if (v != null) d.push(v);
        d.push(null);
      }, (e) => d.destroy(e));
      return d;
    }
    throw E.argType("body", ["Blob", "ReadableStream", "WritableStream", "Stream", "Iterable", "AsyncIterable", "Function", "{ readable, writable } pair", "Promise"], body);
  };
  // duplexPair joins a readable and a writable into one Duplex.
  function duplexPair(r, w) {
    let ondrain = null, onfinish = null, onreadable = null, onclose = null;
    const d = new Duplex({
      objectMode: !!((r && r.readableObjectMode) || (w && w.writableObjectMode)),
      readable: !!r,
      writable: !!w,
      write(chunk, enc, cb) {
        if (w.write(chunk, enc)) cb();
        else ondrain = cb;
      },
      final(cb) {
        w.end();
        onfinish = cb;
      },
      read() {
        for (;;) {
          const chunk = r.read();
          if (chunk === null) {
            onreadable = () => d._read();
            return;
          }
          if (!d.push(chunk)) return;
        }
      },
      destroy(e, cb) {
        if (!e && onclose !== null) e = new AbortError();
        onreadable = ondrain = onfinish = null;
        if (onclose === null) cb(e);
        else {
          onclose = cb;
          if (w) destroyer(w, e);
          if (r) destroyer(r, e);
        }
      },
    });
    onclose = null;
    if (w) {
      eos(w, (e) => {
        if (e) destroyer(r, e);
        const cb = onfinish;
        onfinish = null;
        if (cb) cb(e);
      });
      w.on("drain", () => {
        const cb = ondrain;
        ondrain = null;
        if (cb) cb();
      });
    }
    if (r) {
      eos(r, (e) => {
        if (e) destroyer(w, e);
        d.push(null);
      });
      r.on("readable", () => {
        const cb = onreadable;
        onreadable = null;
        if (cb) cb();
      });
      r.on("end", () => d.push(null));
    }
    return d;
  }

  // ---- Transform, PassThrough ----
  function Transform(options) {
    if (!(this instanceof Transform)) return new Transform(options);
    const rHWM = options ? getHighWaterMark(options, "readableHighWaterMark", true, !!(options.objectMode || options.readableObjectMode)) : null;
    if (options && rHWM === 0) {
      options = Object.assign({}, options, {
        highWaterMark: null,
        readableHighWaterMark: rHWM,
        writableHighWaterMark: options.writableHighWaterMark || 0,
      });
    }
    Duplex.call(this, options);
    this._readableState.sync = false;
    this[kCallback] = null;
    if (options) {
      if (typeof options.transform === "function") this._transform = options.transform;
      if (typeof options.flush === "function") this._flush = options.flush;
    }
    this.on("prefinish", transformPrefinish);
  }
  Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
  Object.setPrototypeOf(Transform, Duplex);
  function transformFinal(cb) {
    if (typeof this._flush === "function" && !this.destroyed) {
      this._flush((er, data) => {
        if (er) {
          if (cb) cb(er);
          else this.destroy(er);
          return;
        }
        if (data != null) this.push(data);
        this.push(null);
        if (cb) cb();
      });
    } else {
      this.push(null);
      if (cb) cb();
    }
  }
  function transformPrefinish() {
    if (this._final !== transformFinal) transformFinal.call(this);
  }
  Transform.prototype._final = transformFinal;
  Transform.prototype._transform = function () {
    throw E.notImplemented("_transform()");
  };
  Transform.prototype._write = function (chunk, encoding, callback) {
    const r = this._readableState, w = this._writableState;
    const length = r.length;
    this._transform(chunk, encoding, (e, val) => {
      if (e) {
        callback(e);
        return;
      }
      if (val != null) this.push(val);
      if (w.ended || length === r.length || r.length < r.highWaterMark) callback();
      else this[kCallback] = callback;
    });
  };
  Transform.prototype._read = function () {
    if (this[kCallback]) {
      const callback = this[kCallback];
      this[kCallback] = null;
      callback();
    }
  };
  function PassThrough(options) {
    if (!(this instanceof PassThrough)) return new PassThrough(options);
    Transform.call(this, options);
  }
  Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
  Object.setPrototypeOf(PassThrough, Transform);
  PassThrough.prototype._transform = function (chunk, encoding, cb) { cb(null, chunk); };

  // ---- finished (end-of-stream) ----
  function eos(stream, options, callback) {
    if (arguments.length === 2) {
      callback = options;
      options = {};
    } else if (options == null) options = {};
    validateFunction(callback, "callback");
    if (!isNodeStream(stream)) throw E.argType("stream", ["ReadableStream", "WritableStream", "Stream"], stream);
    callback = onceFn(callback);
    const readable = options.readable != null ? options.readable : isReadableNodeStream(stream);
    const writable = options.writable != null ? options.writable : isWritableNodeStream(stream);
    const w = stream._writableState, r = stream._readableState;
    const onlegacyfinish = () => {
      if (!stream.writable) onfinish();
    };
    let emitsClose = willEmitClose(stream) && isReadableNodeStream(stream) === readable && isWritableNodeStream(stream) === writable;
    let writableFinished = isWritableFinished(stream, false);
    const onfinish = () => {
      writableFinished = true;
      if (stream.destroyed) emitsClose = false;
      if (emitsClose && (!stream.readable || readable)) return;
      if (!readable || readableFinished) callback.call(stream);
    };
    let readableFinished = isReadableFinished(stream, false);
    const onend = () => {
      readableFinished = true;
      if (stream.destroyed) emitsClose = false;
      if (emitsClose && (!stream.writable || writable)) return;
      if (!writable || writableFinished) callback.call(stream);
    };
    const onerror = (e) => callback.call(stream, e);
    let closed = isClosed(stream);
    const onclose = () => {
      closed = true;
      const errored = isWritableErrored(stream) || isReadableErrored(stream);
      if (errored && typeof errored !== "boolean") return callback.call(stream, errored);
      if (readable && !readableFinished && isReadableNodeStream(stream, true)) {
        if (!isReadableFinished(stream, false)) return callback.call(stream, E.prematureClose());
      }
      if (writable && !writableFinished) {
        if (!isWritableFinished(stream, false)) return callback.call(stream, E.prematureClose());
      }
      callback.call(stream);
    };
    const onclosed = () => {
      closed = true;
      const errored = isWritableErrored(stream) || isReadableErrored(stream);
      if (errored && typeof errored !== "boolean") return callback.call(stream, errored);
      callback.call(stream);
    };
    if (writable && !w) {
      stream.on("end", onlegacyfinish);
      stream.on("close", onlegacyfinish);
    }
    if (!emitsClose && typeof stream.aborted === "boolean") stream.on("aborted", onclose);
    stream.on("end", onend);
    stream.on("finish", onfinish);
    if (options.error !== false) stream.on("error", onerror);
    stream.on("close", onclose);
    if (closed) nextTick(onclose);
    else if ((w && w.errorEmitted) || (r && r.errorEmitted)) {
      if (!emitsClose) nextTick(onclosed);
    } else if (!readable && (!emitsClose || isReadable(stream)) && (writableFinished || isWritable(stream) === false)) {
      nextTick(onclosed);
    } else if (!writable && (!emitsClose || isWritable(stream)) && (readableFinished || isReadable(stream) === false)) {
      nextTick(onclosed);
    }
    const cleanup = () => {
      callback = nop;
      stream.removeListener("aborted", onclose);
      stream.removeListener("end", onlegacyfinish);
      stream.removeListener("close", onlegacyfinish);
      stream.removeListener("end", onend);
      stream.removeListener("finish", onfinish);
      stream.removeListener("error", onerror);
      stream.removeListener("close", onclose);
    };
    if (options.signal && !closed) {
      const signal = options.signal;
      const abort = () => {
        const endCallback = callback;
        cleanup();
        endCallback.call(stream, new AbortError(undefined, { cause: signal.reason }));
      };
      if (signal.aborted) nextTick(abort);
      else {
        signal.addEventListener("abort", abort);
        const original = callback;
        callback = onceFn(function (...args) {
          signal.removeEventListener("abort", abort);
          original.apply(stream, args);
        });
      }
    }
    return cleanup;
  }
  // ---- pipeline ----
  function popCallback(streams) {
    const cb = streams[streams.length - 1];
    validateFunction(cb, "streams[stream.length - 1]");
    return streams.pop();
  }
  function pipeline(...streams) {
    return pipelineImpl(streams, onceFn(popCallback(streams)));
  }
  function makeAsyncIterable(val) {
    if (isIterable(val)) return val;
    if (isReadableNodeStream(val)) return val[SymbolAsyncIterator]();
    throw E.argType("val", ["Readable", "Iterable", "AsyncIterable"], val);
  }
  function pipelineImpl(streams, callback, opts) {
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    if (streams.length < 2) throw E.missingArgs("streams");
    const ac = new AbortController();
    const signal = ac.signal;
    const outerSignal = opts && opts.signal;
    const lastStreamCleanup = [];
    function abort() {
      finishImpl(new AbortError(undefined, { cause: outerSignal && outerSignal.reason }));
    }
    if (outerSignal) outerSignal.addEventListener("abort", abort);
    let error, value;
    const destroys = [];
    let finishCount = 0;
    function finish(e) {
      finishImpl(e, --finishCount === 0);
    }
    function finishImpl(e, final) {
      if (e && (!error || error.code === "ERR_STREAM_PREMATURE_CLOSE")) error = e;
      if (!error && !final) return;
      while (destroys.length) destroys.shift()(error);
      if (outerSignal) outerSignal.removeEventListener("abort", abort);
      ac.abort();
      if (final) {
        if (!error) lastStreamCleanup.forEach((fn) => fn());
        nextTick(callback, error, value);
      }
    }
    let ret;
    for (let i = 0; i < streams.length; i++) {
      const stream = streams[i];
      const reading = i < streams.length - 1;
      const writing = i > 0;
      const end = reading || !opts || opts.end !== false;
      const isLastStream = i === streams.length - 1;
      if (isNodeStream(stream)) {
        if (end) {
          const d = pipelineDestroyer(stream, reading, writing);
          destroys.push(d.destroy);
          if (isReadable(stream) && isLastStream) lastStreamCleanup.push(d.cleanup);
        }
        const onError = (e) => {
          if (e && e.name !== "AbortError" && e.code !== "ERR_STREAM_PREMATURE_CLOSE") finish(e);
        };
        stream.on("error", onError);
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(() => stream.removeListener("error", onError));
      }
      if (i === 0) {
        if (typeof stream === "function") {
          ret = stream({ signal });
          if (!isIterable(ret)) throw E.returnValue("Iterable, AsyncIterable or Stream", "source", ret);
        } else if (isIterable(stream) || isReadableNodeStream(stream) || isReadableStream(stream) || isTransformStream(stream)) {
          ret = stream;
        } else ret = Duplex.from(stream);
      } else if (typeof stream === "function") {
        ret = makeAsyncIterable(isTransformStream(ret) ? ret.readable : ret);
        ret = stream(ret, { signal });
        if (reading) {
          if (!isIterable(ret, true)) throw E.returnValue("AsyncIterable", `transform[${i - 1}]`, ret);
        } else {
          const pt = new PassThrough({ objectMode: true });
          const then = ret && ret.then;
          if (typeof then === "function") {
            finishCount++;
            then.call(ret, (val) => {
              value = val;
              if (val != null) pt.write(val);
              if (end) pt.end();
              nextTick(finish);
            }, (e) => {
              pt.destroy(e);
              nextTick(finish, e);
            });
          } else if (isIterable(ret, true)) {
            finishCount++;
            pumpToNode(ret, pt, finish, { end });
          } else throw E.returnValue("AsyncIterable or Promise", "destination", ret);
          ret = pt;
          const d = pipelineDestroyer(ret, false, true);
          destroys.push(d.destroy);
          if (isLastStream) lastStreamCleanup.push(d.cleanup);
        }
      } else if (isNodeStream(stream)) {
        if (isReadableNodeStream(ret)) {
          finishCount += 2;
          const cleanup = pipe(ret, stream, finish, { end });
          if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
        } else if (isTransformStream(ret) || isReadableStream(ret)) {
          finishCount++;
          pumpToNode(Readable.fromWeb(ret.readable || ret), stream, finish, { end });
        } else if (isIterable(ret)) {
          finishCount++;
          pumpToNode(ret, stream, finish, { end });
        } else throw E.argType("val", ["Readable", "Iterable", "AsyncIterable", "ReadableStream", "TransformStream"], ret);
        ret = stream;
      } else if (isWritableStream(stream) || isTransformStream(stream)) {
        const dest = isTransformStream(stream) ? stream.writable : stream;
        const src = isReadableStream(ret) ? Readable.fromWeb(ret) : isTransformStream(ret) ? Readable.fromWeb(ret.readable) : ret;
        finishCount++;
        pumpToWeb(makeAsyncIterable(src), dest, finish, { end });
        ret = isTransformStream(stream) ? stream.readable : stream;
      } else {
        ret = Duplex.from(stream);
      }
    }
    if (signal.aborted || (outerSignal && outerSignal.aborted)) nextTick(abort);
    return ret;
  }
  function pipelineDestroyer(stream, reading, writing) {
    let done = false;
    stream.on("close", () => { done = true; });
    const cleanup = eos(stream, { readable: reading, writable: writing }, (e) => { done = !e; });
    return {
      destroy(e) {
        if (done) return;
        done = true;
        destroyer(stream, e || E.destroyed("pipe"));
      },
      cleanup,
    };
  }
  function pipe(src, dst, finish, opts) {
    let ended = false;
    dst.on("close", () => {
      if (!ended) finish(E.prematureClose());
    });
    src.pipe(dst, { end: false });
    if (opts.end) {
      const endFn = () => {
        ended = true;
        dst.end();
      };
      if (isReadableFinished(src)) nextTick(endFn);
      else src.once("end", endFn);
    } else finish();
    eos(src, { readable: true, writable: false }, (e) => {
      const r = src._readableState;
      if (e && e.code === "ERR_STREAM_PREMATURE_CLOSE" && r && r.ended && !r.errored && !r.errorEmitted) {
        src.once("end", finish).once("error", finish);
      } else finish(e);
    });
    return eos(dst, { readable: false, writable: true }, finish);
  }
  async function pumpToNode(iterable, writable, finish, opts) {
    let error;
    let onresolve = null;
    const resume = (e) => {
      if (e) error = e;
      if (onresolve) {
        const cb = onresolve;
        onresolve = null;
        cb();
      }
    };
    const wait = () => new Promise((resolve, reject) => {
      if (error) reject(error);
      else onresolve = () => {
        if (error) reject(error);
        else resolve();
      };
    });
    writable.on("drain", resume);
    const cleanup = eos(writable, { readable: false }, resume);
    try {
      if (writable.writableNeedDrain) await wait();
      const it = iterable[SymbolAsyncIterator] ? iterable[SymbolAsyncIterator]() : iterable[Symbol.iterator]();
      try {
        for (;;) {
          const r = await it.next();
          if (r.done) break;
          if (!writable.write(await r.value)) await wait();
        }
      } catch (e) {
        if (typeof it.return === "function") await Promise.resolve(it.return()).catch(nop);
        throw e;
      }
      if (opts.end) {
        writable.end();
        await wait();
      }
      finish();
    } catch (e) {
      finish(error !== e ? aggregateTwoErrors(error, e) : e);
    } finally {
      cleanup();
      writable.off("drain", resume);
    }
  }
  async function pumpToWeb(iterable, writable, finish, opts) {
    const writer = writable.getWriter();
    try {
      const it = iterable[SymbolAsyncIterator] ? iterable[SymbolAsyncIterator]() : iterable[Symbol.iterator]();
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        await writer.ready;
        writer.write(r.value).catch(nop);
      }
      await writer.ready;
      if (opts.end) await writer.close();
      finish();
    } catch (e) {
      try {
        await writer.abort(e);
        finish(e);
      } catch (e2) {
        finish(e2);
      }
    }
  }

  // ---- web streams interop ----
  function chunkSize(chunk) {
    if (typeof chunk === "string") return chunk.length;
    return chunk && typeof chunk.byteLength === "number" ? chunk.byteLength : 1;
  }
  function webStrategy(objectMode, highWaterMark) {
    if (objectMode) return new CountQueuingStrategy({ highWaterMark });
    return { highWaterMark, size: chunkSize };
  }
  Readable.toWeb = function (streamReadable, options) {
    if (!isReadableNodeStream(streamReadable)) throw E.argType("streamReadable", ["stream.Readable"], streamReadable);
    if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
      const rs = new ReadableStream();
      rs.cancel();
      return rs;
    }
    const objectMode = streamReadable.readableObjectMode;
    const highWaterMark = streamReadable.readableHighWaterMark;
    const strategy = (options && options.strategy) || webStrategy(objectMode, highWaterMark);
    let controller;
    function onData(chunk) {
      if (isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      controller.enqueue(chunk);
      if (controller.desiredSize <= 0) streamReadable.pause();
    }
    const cleanup = eos(streamReadable, (error) => {
      if (error && error.code === "ERR_STREAM_PREMATURE_CLOSE") error = new AbortError(undefined, { cause: error });
      cleanup();
      streamReadable.on("error", nop);
      if (error) return controller.error(error);
      controller.close();
    });
    streamReadable.on("data", onData);
    return new ReadableStream({
      start(c) { controller = c; },
      pull() { streamReadable.resume(); },
      cancel(reason) { destroyer(streamReadable, reason); },
    }, strategy);
  };
  Readable.fromWeb = function (readableStream, options) {
    if (!isReadableStream(readableStream)) throw E.argType("readableStream", ["ReadableStream"], readableStream);
    options = options || {};
    const reader = readableStream.getReader();
    let closed = false;
    const readable = new Readable({
      objectMode: !!options.objectMode,
      highWaterMark: options.highWaterMark,
      encoding: options.encoding,
      signal: options.signal,
      read() {
        reader.read().then((chunk) => {
          if (chunk.done) readable.push(null);
          else readable.push(chunk.value);
        }, (error) => destroyer(readable, error));
      },
      destroy(error, callback) {
        const done = () => {
          try {
            callback(error);
          } catch (e) {
            nextTick(() => { throw e; });
          }
        };
        if (!closed) {
          reader.cancel(error).then(done, done);
          return;
        }
        done();
      },
    });
    reader.closed.then(() => { closed = true; }, (error) => {
      closed = true;
      destroyer(readable, error);
    });
    return readable;
  };
  Writable.toWeb = function (streamWritable) {
    if (!isWritableNodeStream(streamWritable)) throw E.argType("streamWritable", ["stream.Writable"], streamWritable);
    let controller, backpressure = null, closed = null;
    const onDrain = () => {
      if (backpressure) {
        const r = backpressure;
        backpressure = null;
        r.resolve();
      }
    };
    const cleanup = eos(streamWritable, (error) => {
      if (error && error.code === "ERR_STREAM_PREMATURE_CLOSE") error = new AbortError(undefined, { cause: error });
      cleanup();
      streamWritable.on("error", nop);
      if (error != null) {
        if (backpressure) backpressure.reject(error);
        if (closed) closed.reject(error);
        else controller.error(error);
        return;
      }
      if (closed) closed.resolve();
    });
    streamWritable.on("drain", onDrain);
    return new WritableStream({
      start(c) { controller = c; },
      write(chunk) {
        if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
          backpressure = Promise.withResolvers();
          return backpressure.promise.finally(() => { backpressure = null; });
        }
      },
      abort(reason) { destroyer(streamWritable, reason); },
      close() {
        if (closed === null && !streamWritable.writableEnded) {
          closed = Promise.withResolvers();
          streamWritable.end();
          return closed.promise;
        }
        controller = undefined;
        return Promise.resolve();
      },
    }, streamWritable.writableObjectMode
      ? new CountQueuingStrategy({ highWaterMark: streamWritable.writableHighWaterMark })
      : { highWaterMark: streamWritable.writableHighWaterMark, size: chunkSize });
  };
  Writable.fromWeb = function (writableStream, options) {
    if (!isWritableStream(writableStream)) throw E.argType("writableStream", ["WritableStream"], writableStream);
    options = options || {};
    const writer = writableStream.getWriter();
    let closed = false;
    const writable = new Writable({
      highWaterMark: options.highWaterMark,
      objectMode: !!options.objectMode,
      decodeStrings: options.decodeStrings !== false,
      signal: options.signal,
      writev(chunks, callback) {
        writer.ready.then(() => Promise.all(chunks.map((d) => writer.write(d.chunk)))).then(() => callback(), callback);
      },
      write(chunk, encoding, callback) {
        if (typeof chunk === "string" && options.decodeStrings !== false && !options.objectMode) chunk = Buffer.from(chunk, encoding);
        writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
      },
      destroy(error, callback) {
        const done = () => {
          try {
            callback(error);
          } catch (e) {
            nextTick(() => { throw e; });
          }
        };
        if (!closed) {
          if (error != null) writer.abort(error).then(done, done);
          else writer.close().then(done, done);
          return;
        }
        done();
      },
      final(callback) {
        if (!closed) writer.close().then(() => callback(), callback);
      },
    });
    writer.closed.then(() => {
      closed = true;
      if (!isWritableEnded(writable)) destroyer(writable, E.prematureClose());
    }, (error) => {
      closed = true;
      destroyer(writable, error);
    });
    return writable;
  };
  Duplex.toWeb = function (duplex) {
    return { readable: Readable.toWeb(duplex), writable: Writable.toWeb(duplex) };
  };
  Duplex.fromWeb = function (pair, options) {
    return duplexPair(Readable.fromWeb(pair.readable, options), Writable.fromWeb(pair.writable, options));
  };

  // ---- Readable helpers (Node's experimental operators: the common ones) ----
  Readable.prototype.toArray = async function (options) {
    const out = [];
    const it = this[SymbolAsyncIterator]();
    for (;;) {
      if (options && options.signal && options.signal.aborted) throw new AbortError(undefined, { cause: options.signal.reason });
      const r = await it.next();
      if (r.done) return out;
      out.push(r.value);
    }
  };
  Readable.prototype.forEach = async function (fn, options) {
    validateFunction(fn, "fn");
    const it = this[SymbolAsyncIterator]();
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      await fn(r.value, { signal: options && options.signal });
    }
  };
  Readable.prototype.reduce = async function (fn, initial, options) {
    validateFunction(fn, "reducer");
    const it = this[SymbolAsyncIterator]();
    let acc = initial, has = arguments.length > 1;
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      if (!has) {
        acc = r.value;
        has = true;
      } else acc = await fn(acc, r.value, { signal: options && options.signal });
    }
    if (!has) throw err(TypeError, "ERR_INVALID_ARGS", "Reduce of an empty stream requires an initial value");
    return acc;
  };
  function operator(name, makeNext) {
    Readable.prototype[name] = function (arg, options) {
      const src = this[SymbolAsyncIterator]();
      const next = makeNext(src, arg, options);
      return Readable.from({ [SymbolAsyncIterator]() { return { next, return() { return Promise.resolve(src.return()).then(() => ({ done: true })); } }; } });
    };
  }
  operator("map", (src, fn) => {
    validateFunction(fn, "fn");
    return async () => {
      const r = await src.next();
      return r.done ? r : { value: await fn(r.value), done: false };
    };
  });
  operator("filter", (src, fn) => {
    validateFunction(fn, "fn");
    return async () => {
      for (;;) {
        const r = await src.next();
        if (r.done || (await fn(r.value))) return r;
      }
    };
  });
  operator("take", (src, n) => {
    let left = n;
    return async () => {
      if (left-- <= 0) {
        await src.return();
        return { value: undefined, done: true };
      }
      return src.next();
    };
  });
  operator("drop", (src, n) => {
    let left = n;
    return async () => {
      while (left > 0) {
        left--;
        const r = await src.next();
        if (r.done) return r;
      }
      return src.next();
    };
  });

  // ---- the module ----
  const promises = {
    pipeline(...streams) {
      return new Promise((resolve, reject) => {
        let opts;
        const last = streams[streams.length - 1];
        if (last && typeof last === "object" && !isNodeStream(last) && !isIterable(last) && !isReadableStream(last) && !isWritableStream(last) && !isTransformStream(last)) {
          opts = streams.pop();
        }
        pipelineImpl(streams, (e, value) => {
          if (e) reject(e);
          else resolve(value);
        }, opts || {});
      });
    },
    finished(stream, opts) {
      return new Promise((resolve, reject) => {
        eos(stream, opts, (e) => {
          if (e) reject(e);
          else resolve();
        });
      });
    },
  };
  eos.finished = eos;
  const finishedP = promises.finished;
  Object.defineProperty(eos, Symbol.for("nodejs.util.promisify.custom"), { value: finishedP, enumerable: false });
  Object.defineProperty(pipeline, Symbol.for("nodejs.util.promisify.custom"), { value: promises.pipeline, enumerable: false });

  Stream.Stream = Stream;
  Stream.Readable = Readable;
  Stream.Writable = Writable;
  Stream.Duplex = Duplex;
  Stream.Transform = Transform;
  Stream.PassThrough = PassThrough;
  Stream.pipeline = pipeline;
  Stream.finished = eos;
  Stream.addAbortSignal = addAbortSignal;
  Stream.destroy = destroyer;
  Stream.isReadable = isReadable;
  Stream.isWritable = isWritable;
  Stream.isErrored = isErrored;
  Stream.isDisturbed = isDisturbed;
  Stream.isDestroyed = isDestroyed;
  Stream.getDefaultHighWaterMark = (objectMode) => (objectMode ? defaultObjectHWM : defaultHWM);
  Stream.setDefaultHighWaterMark = (objectMode, value) => {
    if (!Number.isInteger(value) || value < 0) throw E.argValue("value", value);
    if (objectMode) defaultObjectHWM = value;
    else defaultHWM = value;
  };
  Stream.promises = promises;
  Stream._isUint8Array = (v) => v instanceof Uint8Array;
  Stream._uint8ArrayToBuffer = (v) => toBuffer(v);
  Stream.AbortError = AbortError;
  return { stream: Stream, promises };
})
