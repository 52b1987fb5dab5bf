// arun "zlib" module and the web's CompressionStream/DecompressionStream,
// over the Go codecs in `native` (zlib.go). Node's names, defaults and
// error codes; the stream classes are stream.Transform subclasses.
(function (native, require, g) {
  "use strict";
  const constants = Object.freeze({
    Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
    Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
    Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
    Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865,
    DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
    BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
    Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
    Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
    Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
    Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
    BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3,
    BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0,
    BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11,
    BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30,
    BROTLI_DEFAULT_WINDOW: 22, BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
    BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6,
    BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
    BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  });
  const nextTick = (fn, ...args) => g.process.nextTick(fn, ...args);

  function describe(v) {
    if (v === null) return "null";
    if (v === undefined) return "undefined";
    if (typeof v === "function") return `function ${v.name}`;
    if (typeof v === "object") return v.constructor && v.constructor.name ? `an instance of ${v.constructor.name}` : "an instance of Object";
    let s = String(v);
    if (typeof v === "string") s = `'${s.length > 25 ? s.slice(0, 25) + "..." : s}'`;
    return `type ${typeof v} (${s})`;
  }
  function err(Ctor, code, msg) {
    const e = new Ctor(msg);
    e.code = code;
    return e;
  }
  // bytesOf is the input as a Uint8Array, as Node's zlib accepts it.
  function bytesOf(buffer, name) {
    if (typeof buffer === "string") return Buffer.from(buffer);
    if (buffer instanceof Uint8Array) return buffer;
    if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
    throw err(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name || "buffer"}" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer. Received ${describe(buffer)}`);
  }
  function range(name, v, lo, hi) {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number" || Number.isNaN(v)) {
      throw err(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" property must be of type number. Received ${describe(v)}`);
    }
    if (!Number.isFinite(v) || v < lo || v > hi) {
      throw err(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be >= ${lo} and <= ${hi}. Received ${v}`);
    }
    return v;
  }
  // settings reads the options a codec uses: [format, level, lgwin, maxOut].
  function settings(format, opts) {
    opts = opts || {};
    if (typeof opts !== "object") throw err(TypeError, "ERR_INVALID_ARG_TYPE", `The "options" argument must be of type object. Received ${describe(opts)}`);
    let level = -1, lgwin = 0;
    if (format === "brotli") {
      const p = opts.params || {};
      const q = range("options.params[key]", p[constants.BROTLI_PARAM_QUALITY], 0, 11);
      if (q !== undefined) level = q;
      const w = range("options.params[key]", p[constants.BROTLI_PARAM_LGWIN], 10, 24);
      if (w !== undefined) lgwin = w;
    } else {
      const l = range("options.level", opts.level, -1, 9);
      if (l !== undefined) level = l;
      range("options.windowBits", opts.windowBits, format === "deflateRaw" ? 8 : 8, 15);
      range("options.memLevel", opts.memLevel, 1, 9);
      range("options.strategy", opts.strategy, 0, 4);
    }
    const maxOut = range("options.maxOutputLength", opts.maxOutputLength, 1, 2 ** 32) || 0;
    return [format, level, lgwin, maxOut];
  }
  const toBuffer = (ab) => Buffer.from(ab);

  const zlib = { constants };
  for (const k of Object.keys(constants)) if (k.startsWith("Z_")) zlib[k] = constants[k];
  zlib.codes = {
    Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
    Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
    0: "Z_OK", 1: "Z_STREAM_END", 2: "Z_NEED_DICT", "-1": "Z_ERRNO", "-2": "Z_STREAM_ERROR",
    "-3": "Z_DATA_ERROR", "-4": "Z_MEM_ERROR", "-5": "Z_BUF_ERROR", "-6": "Z_VERSION_ERROR",
  };

  // The one-shot forms: name -> [format, decompress].
  const codecs = {
    gzip: ["gzip", false], gunzip: ["gzip", true],
    deflate: ["deflate", false], inflate: ["deflate", true],
    deflateRaw: ["deflateRaw", false], inflateRaw: ["deflateRaw", true],
    unzip: ["unzip", true],
    brotliCompress: ["brotli", false], brotliDecompress: ["brotli", true],
  };
  for (const name of Object.keys(codecs)) {
    const [format, decoder] = codecs[name];
    const sync = function (buffer, opts) {
      const s = settings(format, opts);
      return toBuffer((decoder ? native.decompressSync : native.compressSync)(...s, bytesOf(buffer)));
    };
    Object.defineProperty(sync, "name", { value: name + "Sync" });
    zlib[name + "Sync"] = sync;
    const cb = function (buffer, opts, callback) {
      if (typeof opts === "function") {
        callback = opts;
        opts = {};
      }
      if (typeof callback !== "function") {
        throw err(TypeError, "ERR_INVALID_ARG_TYPE", `The "callback" argument must be of type function. Received ${describe(callback)}`);
      }
      const s = settings(format, opts);
      (decoder ? native.decompress : native.compress)(...s, bytesOf(buffer)).then(
        (ab) => nextTick(callback, null, toBuffer(ab)),
        (e) => nextTick(callback, e));
    };
    Object.defineProperty(cb, "name", { value: name });
    Object.defineProperty(cb, Symbol.for("nodejs.util.promisify.custom"), {
      value: (buffer, opts) => {
        try {
          const s = settings(format, opts);
          return (decoder ? native.decompress : native.compress)(...s, bytesOf(buffer)).then(toBuffer);
        } catch (e) {
          return Promise.reject(e);
        }
      },
    });
    zlib[name] = cb;
  }

  // The stream classes, made on first use (they need "stream").
  let classes = null;
  function streamClasses() {
    if (classes) return classes;
    const { Transform } = require("stream");
    class ZlibBase extends Transform {
      constructor(format, decoder, opts) {
        const s = settings(format, opts);
        super(Object.assign({}, opts, { objectMode: false, readableObjectMode: false, writableObjectMode: false }));
        this._handle = native.open(...s, decoder);
        this.bytesWritten = 0;
        this._format = format;
      }
      _transform(chunk, enc, cb) {
        const bytes = bytesOf(chunk, "chunk");
        this.bytesWritten += bytes.byteLength;
        native.write(this._handle, bytes).then((ab) => {
          if (ab.byteLength) this.push(toBuffer(ab));
          cb();
        }, (e) => cb(e));
      }
      _flush(cb) {
        native.end(this._handle).then((ab) => {
          if (ab.byteLength) this.push(toBuffer(ab));
          cb();
        }, (e) => cb(e));
      }
      _destroy(e, cb) {
        native.close(this._handle);
        cb(e);
      }
      flush(kind, cb) {
        if (typeof kind === "function") cb = kind;
        native.flush(this._handle).then((ab) => {
          if (ab.byteLength) this.push(toBuffer(ab));
          if (typeof cb === "function") cb();
        }, (e) => this.destroy(e));
      }
      close(cb) {
        if (typeof cb === "function") this.once("close", cb);
        this.destroy();
      }
      params(level, strategy, cb) {
        if (typeof cb === "function") nextTick(cb);
      }
      reset() {}
    }
    const make = (name, format, decoder) => {
      const C = class extends ZlibBase {
        constructor(opts) { super(format, decoder, opts); }
      };
      Object.defineProperty(C, "name", { value: name });
      return C;
    };
    classes = {
      Gzip: make("Gzip", "gzip", false), Gunzip: make("Gunzip", "gzip", true),
      Deflate: make("Deflate", "deflate", false), Inflate: make("Inflate", "deflate", true),
      DeflateRaw: make("DeflateRaw", "deflateRaw", false), InflateRaw: make("InflateRaw", "deflateRaw", true),
      Unzip: make("Unzip", "unzip", true),
      BrotliCompress: make("BrotliCompress", "brotli", false), BrotliDecompress: make("BrotliDecompress", "brotli", true),
    };
    return classes;
  }
  for (const name of ["Gzip", "Gunzip", "Deflate", "Inflate", "DeflateRaw", "InflateRaw", "Unzip", "BrotliCompress", "BrotliDecompress"]) {
    Object.defineProperty(zlib, name, { enumerable: true, configurable: true, get: () => streamClasses()[name] });
    zlib["create" + name] = function (opts) { return new (streamClasses()[name])(opts); };
  }
  zlib.crc32 = function crc32(data, value) {
    if (value === undefined) value = 0;
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw err(RangeError, "ERR_OUT_OF_RANGE", `The value of "value" is out of range. It must be >= 0 and <= 4294967295. Received ${value}`);
    }
    return native.crc32(bytesOf(data, "data"), value);
  };

  // ---- CompressionStream / DecompressionStream (Compression Streams) ----
  const webFormats = { gzip: "gzip", deflate: "deflate", "deflate-raw": "deflateRaw" };
  function webFormat(format) {
    const f = webFormats[String(format)];
    if (!f) {
      throw err(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'format' is invalid. Received ${describe(format)}`);
    }
    return f;
  }
  function webBytes(chunk) {
    if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
    if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (typeof SharedArrayBuffer === "function" && chunk instanceof SharedArrayBuffer) {
      throw new TypeError("The chunk must not be a SharedArrayBuffer");
    }
    throw new TypeError("The chunk must be an ArrayBuffer, a TypedArray or a DataView");
  }
  // The spec turns every codec failure into a TypeError.
  const asTypeError = (e) => {
    if (e instanceof TypeError) throw e;
    const t = new TypeError(e && e.message ? e.message : String(e));
    t.code = e && e.code;
    throw t;
  };
  function codecStream(format, decoder) {
    const h = native.open(format, -1, 0, 0, decoder);
    return new TransformStream({
      transform(chunk, controller) {
        const bytes = webBytes(chunk);
        return native.write(h, bytes.slice()).then((ab) => {
          if (ab.byteLength) controller.enqueue(new Uint8Array(ab));
        }, asTypeError);
      },
      flush(controller) {
        return native.end(h).then((ab) => {
          if (ab.byteLength) controller.enqueue(new Uint8Array(ab));
        }, asTypeError);
      },
      cancel() { native.close(h); },
    });
  }
  const kTransform = Symbol("kTransform");
  class CompressionStream {
    constructor(format) {
      if (arguments.length < 1) throw new TypeError("Failed to construct 'CompressionStream': 1 argument required");
      this[kTransform] = codecStream(webFormat(format), false);
    }
    get readable() { return this[kTransform].readable; }
    get writable() { return this[kTransform].writable; }
  }
  class DecompressionStream {
    constructor(format) {
      if (arguments.length < 1) throw new TypeError("Failed to construct 'DecompressionStream': 1 argument required");
      this[kTransform] = codecStream(webFormat(format), true);
    }
    get readable() { return this[kTransform].readable; }
    get writable() { return this[kTransform].writable; }
  }
  for (const C of [CompressionStream, DecompressionStream]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  }
  return { zlib, CompressionStream, DecompressionStream };
})
