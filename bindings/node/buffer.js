// arun "buffer" module: Node's Buffer, a Uint8Array subclass as in Node
// (Buffer.prototype is FastBuffer.prototype), with the codecs in Go
// (bindings.EncodeString / DecodeBytes) and the rest here.
(function (N, I, g) {
  "use strict";
  const { nodeError, invalidArgType, outOfRange } = I;
  const kMaxLength = 2 ** 32;
  const kStringMaxLength = 2 ** 29 - 24;
  let INSPECT_MAX_BYTES = 50;
  const customInspect = Symbol.for("nodejs.util.inspect.custom");

  class FastBuffer extends Uint8Array {
    // eslint-disable-next-line no-useless-constructor
    constructor(a, b, c) { super(a, b, c); }
  }

  function Buffer(arg, encodingOrOffset, length) {
    if (typeof arg === "number") {
      if (typeof encodingOrOffset === "string") {
        throw invalidArgType("string", "of type string", arg);
      }
      return Buffer.alloc(arg);
    }
    return Buffer.from(arg, encodingOrOffset, length);
  }
  Object.defineProperty(Buffer, "name", { value: "Buffer" });
  Buffer.prototype = FastBuffer.prototype;
  Object.defineProperty(FastBuffer.prototype, "constructor", { value: Buffer, writable: true, configurable: true });
  Object.setPrototypeOf(Buffer, Uint8Array);
  Buffer.poolSize = 8 * 1024;

  // encoding returns the canonical name of enc (default utf8) or throws
  function encoding(enc) {
    if (enc === undefined || enc === null || enc === "utf8" || enc === "utf-8") return "utf8";
    const e = N.normEncoding(String(enc));
    if (!e) throw nodeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`);
    return e;
  }
  const fromAB = (ab) => new FastBuffer(ab);

  function checkSize(size) {
    if (typeof size !== "number") throw invalidArgType("size", "of type number", size);
    if (!(size >= 0 && size <= kMaxLength)) throw outOfRange("size", `>= 0 && <= ${kMaxLength}`, size);
  }

  Buffer.alloc = function alloc(size, fill, enc) {
    checkSize(size);
    const b = new FastBuffer(size);
    if (fill !== undefined && fill !== 0 && size > 0) {
      if (enc !== undefined && typeof enc !== "string") throw invalidArgType("encoding", "of type string", enc);
      b.fill(fill, 0, b.length, enc);
    }
    return b;
  };
  Buffer.allocUnsafe = function allocUnsafe(size) { checkSize(size); return new FastBuffer(size); };
  Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) { checkSize(size); return new FastBuffer(size); };

  function fromString(s, enc) {
    return fromAB(N.encode(s, encoding(enc)));
  }
  function fromArrayLike(a) {
    const b = new FastBuffer(a.length >>> 0);
    for (let i = 0; i < b.length; i++) b[i] = a[i];
    return b;
  }
  Buffer.from = function from(value, encodingOrOffset, length) {
    if (typeof value === "string") return fromString(value, encodingOrOffset);
    if (typeof value === "object" && value !== null) {
      if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer)) {
        const byteOffset = encodingOrOffset === undefined ? 0 : +encodingOrOffset || 0;
        const max = value.byteLength - byteOffset;
        if (max < 0) throw nodeError(RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", '"offset" is outside of buffer bounds');
        let len = length === undefined ? max : +length || 0;
        if (len > max) throw nodeError(RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", '"length" is outside of buffer bounds');
        if (len < 0) len = 0;
        return new FastBuffer(value, byteOffset, len);
      }
      const prim = value.valueOf && value.valueOf();
      if (prim != null && prim !== value && (typeof prim === "string" || typeof prim === "object")) {
        return Buffer.from(prim, encodingOrOffset, length);
      }
      if (ArrayBuffer.isView(value)) {
        if (value instanceof Uint8Array) return new FastBuffer(value);
        return fromArrayLike(value);
      }
      if (value.length !== undefined || value instanceof Array) {
        if (typeof value.length !== "number") return new FastBuffer(0);
        return fromArrayLike(value);
      }
      if (value.type === "Buffer" && Array.isArray(value.data)) return fromArrayLike(value.data);
      if (typeof value[Symbol.toPrimitive] === "function") {
        const p = value[Symbol.toPrimitive]("string");
        if (typeof p === "string") return fromString(p, encodingOrOffset);
      }
    }
    throw invalidArgType("first argument",
      "of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object", value);
  };
  Buffer.of = function of(...items) { return fromArrayLike(items); };
  Buffer.copyBytesFrom = function copyBytesFrom(view, offset = 0, length) {
    if (!ArrayBuffer.isView(view) || view instanceof DataView) throw invalidArgType("view", "an instance of TypedArray", view);
    const end = length === undefined ? view.length : Math.min(view.length, offset + length);
    const src = view.subarray(offset, end);
    return new FastBuffer(new Uint8Array(src.buffer, src.byteOffset, src.byteLength).slice().buffer);
  };
  Buffer.isBuffer = function isBuffer(b) { return b instanceof Buffer; };
  Buffer.isEncoding = function isEncoding(enc) { return typeof enc === "string" && enc.length !== 0 && N.normEncoding(enc) !== ""; };
  Buffer.byteLength = function byteLength(s, enc) {
    if (typeof s !== "string") {
      if (ArrayBuffer.isView(s) || s instanceof ArrayBuffer) return s.byteLength;
      throw invalidArgType("string", "of type string or an instance of Buffer or ArrayBuffer", s);
    }
    let e = "utf8";
    if (enc !== undefined) e = N.normEncoding(String(enc)) || "utf8";
    return N.byteLength(s, e);
  };
  function u8(v, name) {
    if (v instanceof Uint8Array) return v;
    throw invalidArgType(name, "an instance of Buffer or Uint8Array", v);
  }
  function compareBytes(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  }
  Buffer.compare = function compare(a, b) { return compareBytes(u8(a, "buf1"), u8(b, "buf2")); };
  Buffer.concat = function concat(list, totalLength) {
    if (!Array.isArray(list)) throw invalidArgType("list", "an instance of Array", list);
    if (list.length === 0) return new FastBuffer(0);
    if (totalLength === undefined) {
      totalLength = 0;
      for (let i = 0; i < list.length; i++) {
        if (!(list[i] instanceof Uint8Array)) throw invalidArgType(`list[${i}]`, "an instance of Buffer or Uint8Array", list[i]);
        totalLength += list[i].length;
      }
    } else if (typeof totalLength !== "number") throw invalidArgType("length", "of type number", totalLength);
    const out = Buffer.alloc(totalLength);
    let pos = 0;
    for (let i = 0; i < list.length && pos < totalLength; i++) {
      const b = list[i];
      if (!(b instanceof Uint8Array)) throw invalidArgType(`list[${i}]`, "an instance of Buffer or Uint8Array", b);
      const n = Math.min(b.length, totalLength - pos);
      out.set(n === b.length ? b : b.subarray(0, n), pos);
      pos += n;
    }
    return out;
  };

  const proto = Buffer.prototype;
  const view = (b) => new DataView(b.buffer, b.byteOffset, b.byteLength);

  function clampRange(len, start, end) {
    start = start === undefined ? 0 : Math.trunc(+start) || 0;
    end = end === undefined ? len : Math.trunc(+end) || 0;
    if (start < 0) start = 0;
    if (end > len) end = len;
    return [start, end];
  }
  proto.toString = function toString(enc, start, end) {
    if (arguments.length === 0) return N.decode(this, "utf8");
    const len = this.length;
    if (start === undefined || start <= 0) start = 0;
    else if (start >= len) return "";
    else start = Math.trunc(start) || 0;
    if (end === undefined || end > len) end = len;
    else end = Math.trunc(end) || 0;
    if (end <= start) return "";
    const e = encoding(enc);
    return N.decode(start === 0 && end === len ? this : this.subarray(start, end), e);
  };
  proto.toLocaleString = proto.toString;
  proto.equals = function equals(other) {
    u8(other, "otherBuffer");
    return this === other || compareBytes(this, other) === 0;
  };
  proto.compare = function compare(target, tStart, tEnd, sStart, sEnd) {
    u8(target, "target");
    const r = (v, name, dflt, max) => {
      if (v === undefined) return dflt;
      if (typeof v !== "number") throw invalidArgType(name, "of type number", v);
      if (!Number.isInteger(v)) throw outOfRange(name, "an integer", v);
      if (v < 0 || v > max) throw outOfRange(name, `>= 0 && <= ${max}`, v);
      return v;
    };
    tStart = r(tStart, "targetStart", 0, target.length);
    tEnd = r(tEnd, "targetEnd", target.length, target.length);
    sStart = r(sStart, "sourceStart", 0, this.length);
    sEnd = r(sEnd, "sourceEnd", this.length, this.length);
    if (sStart >= sEnd) return tStart >= tEnd ? 0 : -1;
    if (tStart >= tEnd) return 1;
    return compareBytes(this.subarray(sStart, sEnd), target.subarray(tStart, tEnd));
  };
  proto.copy = function copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
    u8(target, "target");
    targetStart = Math.trunc(+targetStart) || 0;
    sourceStart = Math.trunc(+sourceStart) || 0;
    sourceEnd = Math.trunc(+sourceEnd) || 0;
    if (targetStart < 0) throw outOfRange("targetStart", `>= 0 && <= ${target.length}`, targetStart);
    if (sourceStart < 0 || sourceStart > this.length) throw outOfRange("sourceStart", `>= 0 && <= ${this.length}`, sourceStart);
    if (sourceEnd < 0) throw outOfRange("sourceEnd", ">= 0", sourceEnd);
    if (sourceEnd > this.length) sourceEnd = this.length;
    if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
    const n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
    target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
    return n;
  };
  proto.fill = function fill(value, offset, end, enc) {
    if (typeof offset === "string") { enc = offset; offset = 0; end = this.length; }
    else if (typeof end === "string") { enc = end; end = this.length; }
    offset = offset === undefined ? 0 : offset;
    end = end === undefined ? this.length : end;
    if (typeof offset !== "number") throw invalidArgType("offset", "of type number", offset);
    if (offset < 0 || offset > this.length) throw outOfRange("offset", `>= 0 && <= ${this.length}`, offset);
    if (typeof end !== "number") throw invalidArgType("end", "of type number", end);
    if (end < 0 || end > this.length) throw outOfRange("end", `>= 0 && <= ${this.length}`, end);
    if (end <= offset) return this;
    let bytes;
    if (typeof value === "string") {
      const e = encoding(enc);
      if (value.length === 0) { Uint8Array.prototype.fill.call(this, 0, offset, end); return this; }
      bytes = new Uint8Array(N.encode(value, e));
      if (bytes.length === 0) {
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'value' is invalid. Received '${value}'`);
      }
    } else if (value instanceof Uint8Array) bytes = value;
    else if (typeof value === "boolean") { Uint8Array.prototype.fill.call(this, +value, offset, end); return this; }
    else { Uint8Array.prototype.fill.call(this, (+value || 0) & 255, offset, end); return this; }
    if (bytes.length === 1) { Uint8Array.prototype.fill.call(this, bytes[0], offset, end); return this; }
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
    return this;
  };
  proto.write = function write(string, offset, length, enc) {
    if (typeof string !== "string") throw invalidArgType("argument", "of type string", string);
    if (offset === undefined) { enc = "utf8"; length = this.length; offset = 0; }
    else if (length === undefined && typeof offset === "string") { enc = offset; length = this.length; offset = 0; }
    else {
      if (typeof offset !== "number") throw invalidArgType("offset", "of type number", offset);
      if (offset < 0 || offset > this.length) throw outOfRange("offset", `>= 0 && <= ${this.length}`, offset);
      const remaining = this.length - offset;
      if (length === undefined) length = remaining;
      else if (typeof length === "string") { enc = length; length = remaining; }
      else {
        if (typeof length !== "number") throw invalidArgType("length", "of type number", length);
        if (length < 0 || length > this.length) throw outOfRange("length", `>= 0 && <= ${this.length}`, length);
        if (length > remaining) length = remaining;
      }
    }
    const e = encoding(enc);
    let bytes = new Uint8Array(N.encode(string, e));
    if (bytes.length > length) {
      let n = length;
      // never write part of a UTF-8 character or of a UTF-16 unit
      if (e === "utf8") while (n > 0 && (bytes[n] & 0xc0) === 0x80) n--;
      else if (e === "utf16le") n -= n % 2;
      bytes = bytes.subarray(0, n);
    }
    this.set(bytes, offset);
    return bytes.length;
  };
  proto.toJSON = function toJSON() {
    return { type: "Buffer", data: Array.prototype.slice.call(this) };
  };
  // slice is subarray in Node (a view, not a copy)
  proto.slice = function slice(start, end) {
    const len = this.length;
    start = start === undefined ? 0 : Math.trunc(+start) || 0;
    end = end === undefined ? len : Math.trunc(+end) || 0;
    if (start < 0) start = Math.max(len + start, 0); else if (start > len) start = len;
    if (end < 0) end = Math.max(len + end, 0); else if (end > len) end = len;
    if (end < start) end = start;
    return new FastBuffer(this.buffer, this.byteOffset + start, end - start);
  };
  function swap(b, size) {
    if (b.length % size !== 0) {
      throw nodeError(RangeError, "ERR_INVALID_BUFFER_SIZE", `Buffer size must be a multiple of ${size * 8}-bits`);
    }
    for (let i = 0; i < b.length; i += size) {
      for (let j = 0; j < size / 2; j++) {
        const t = b[i + j];
        b[i + j] = b[i + size - 1 - j];
        b[i + size - 1 - j] = t;
      }
    }
    return b;
  }
  proto.swap16 = function swap16() { return swap(this, 2); };
  proto.swap32 = function swap32() { return swap(this, 4); };
  proto.swap64 = function swap64() { return swap(this, 8); };

  function indexOf(buf, val, byteOffset, enc, dir) {
    if (typeof byteOffset === "string") { enc = byteOffset; byteOffset = undefined; }
    byteOffset = byteOffset === undefined ? (dir ? 0 : buf.length) : +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : buf.length;
    byteOffset = Math.trunc(byteOffset);
    if (byteOffset < 0) byteOffset += buf.length;
    let needle;
    if (typeof val === "number") needle = [val & 255];
    else if (typeof val === "string") needle = new Uint8Array(N.encode(val, encoding(enc)));
    else if (val instanceof Uint8Array) needle = val;
    else throw invalidArgType("value", "one of type number or string or an instance of Buffer or Uint8Array", val);
    const n = needle.length;
    if (dir) {
      if (byteOffset < 0) byteOffset = 0;
      if (n === 0) return byteOffset <= buf.length ? byteOffset : buf.length;
      outer: for (let i = byteOffset; i <= buf.length - n; i++) {
        for (let j = 0; j < n; j++) if (buf[i + j] !== needle[j]) continue outer;
        return i;
      }
    } else {
      if (byteOffset < 0) return -1;
      if (n === 0) return Math.min(byteOffset, buf.length);
      outer2: for (let i = Math.min(byteOffset, buf.length - n); i >= 0; i--) {
        for (let j = 0; j < n; j++) if (buf[i + j] !== needle[j]) continue outer2;
        return i;
      }
    }
    return -1;
  }
  proto.indexOf = function (val, byteOffset, enc) { return indexOf(this, val, byteOffset, enc, true); };
  proto.lastIndexOf = function (val, byteOffset, enc) { return indexOf(this, val, byteOffset, enc, false); };
  proto.includes = function (val, byteOffset, enc) { return indexOf(this, val, byteOffset, enc, true) !== -1; };
  Object.defineProperty(proto.indexOf, "name", { value: "indexOf" });
  Object.defineProperty(proto.lastIndexOf, "name", { value: "lastIndexOf" });
  Object.defineProperty(proto.includes, "name", { value: "includes" });

  for (const e of ["utf8", "ascii", "latin1", "hex", "base64", "base64url", "ucs2", "utf16le"]) {
    const canon = N.normEncoding(e);
    proto[`${e}Slice`] = function (start = 0, end = this.length) { return N.decode(this.subarray(start, end), canon); };
    proto[`${e}Write`] = function (s, offset = 0, length = this.length - offset) { return this.write(s, offset, length, canon); };
  }

  // ---------------------------------------------------------- numbers
  function checkOffset(buf, offset, size) {
    if (offset === undefined) offset = 0;
    if (typeof offset !== "number") throw invalidArgType("offset", "of type number", offset);
    if (offset !== Math.floor(offset)) throw outOfRange("offset", "an integer", offset);
    const last = buf.length - size;
    if (last < 0) throw nodeError(RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds");
    if (offset < 0 || offset > last) throw outOfRange("offset", `>= 0 and <= ${last}`, offset);
    return offset;
  }
  function checkValue(value, min, max, size, big) {
    if (big ? typeof value !== "bigint" : typeof value !== "number") {
      throw invalidArgType("value", big ? "of type bigint" : "of type number", value);
    }
    if (value > max || value < min) {
      const n = big ? "n" : "";
      let range;
      if (size > 4) {
        if (min === 0 || min === 0n) range = `>= 0${n} and < 2${n} ** ${size * 8}${n}`;
        else range = `>= -(2${n} ** ${size * 8 - 1}${n}) and < 2${n} ** ${size * 8 - 1}${n}`;
      } else range = `>= ${min}${n} and <= ${max}${n}`;
      throw outOfRange("value", range, value);
    }
  }
  const numTypes = [
    // name, size, getter, setter, min, max
    ["UInt8", 1, "getUint8", "setUint8", 0, 255],
    ["Int8", 1, "getInt8", "setInt8", -128, 127],
    ["UInt16", 2, "getUint16", "setUint16", 0, 0xffff],
    ["Int16", 2, "getInt16", "setInt16", -0x8000, 0x7fff],
    ["UInt32", 4, "getUint32", "setUint32", 0, 0xffffffff],
    ["Int32", 4, "getInt32", "setInt32", -0x80000000, 0x7fffffff],
    ["Float", 4, "getFloat32", "setFloat32"],
    ["Double", 8, "getFloat64", "setFloat64"],
    ["BigUInt64", 8, "getBigUint64", "setBigUint64", 0n, 2n ** 64n - 1n],
    ["BigInt64", 8, "getBigInt64", "setBigInt64", -(2n ** 63n), 2n ** 63n - 1n],
  ];
  const define = (name, fn) => {
    Object.defineProperty(fn, "name", { value: name });
    proto[name] = fn;
    if (name.includes("UInt")) proto[name.replace("UInt", "Uint")] = fn;
  };
  for (const [type, size, get, set, min, max] of numTypes) {
    const big = typeof min === "bigint";
    const ends = size === 1 ? [""] : ["LE", "BE"];
    for (const end of ends) {
      const le = end === "LE";
      define(`read${type}${end}`, function (offset = 0) {
        offset = checkOffset(this, offset, size);
        return view(this)[get](offset, le);
      });
      define(`write${type}${end}`, function (value, offset = 0) {
        if (min !== undefined) checkValue(value, min, max, size, big);
        else if (typeof value !== "number") value = +value;
        offset = checkOffset(this, offset, size);
        view(this)[set](offset, value, le);
        return offset + size;
      });
    }
  }
  function checkByteLength(n) {
    if (typeof n !== "number") throw invalidArgType("byteLength", "of type number", n);
    if (!Number.isInteger(n)) throw outOfRange("byteLength", "an integer", n);
    if (n < 1 || n > 6) throw outOfRange("byteLength", ">= 1 and <= 6", n);
  }
  function readUIntAny(buf, offset, n, le) {
    let v = 0;
    for (let i = 0; i < n; i++) v += buf[offset + (le ? i : n - 1 - i)] * 2 ** (8 * i);
    return v;
  }
  define("readUIntLE", function (offset, n) { checkByteLength(n); offset = checkOffset(this, offset, n); return readUIntAny(this, offset, n, true); });
  define("readUIntBE", function (offset, n) { checkByteLength(n); offset = checkOffset(this, offset, n); return readUIntAny(this, offset, n, false); });
  const signed = (v, n) => (v >= 2 ** (8 * n - 1) ? v - 2 ** (8 * n) : v);
  define("readIntLE", function (offset, n) { checkByteLength(n); offset = checkOffset(this, offset, n); return signed(readUIntAny(this, offset, n, true), n); });
  define("readIntBE", function (offset, n) { checkByteLength(n); offset = checkOffset(this, offset, n); return signed(readUIntAny(this, offset, n, false), n); });
  function writeAny(buf, value, offset, n, le, sign) {
    checkByteLength(n);
    const min = sign ? -(2 ** (8 * n - 1)) : 0, max = sign ? 2 ** (8 * n - 1) - 1 : 2 ** (8 * n) - 1;
    checkValue(value, min, max, n, false);
    offset = checkOffset(buf, offset, n);
    let v = value < 0 ? value + 2 ** (8 * n) : value;
    for (let i = 0; i < n; i++) {
      buf[offset + (le ? i : n - 1 - i)] = v % 256;
      v = Math.floor(v / 256);
    }
    return offset + n;
  }
  define("writeUIntLE", function (value, offset, n) { return writeAny(this, value, offset, n, true, false); });
  define("writeUIntBE", function (value, offset, n) { return writeAny(this, value, offset, n, false, false); });
  define("writeIntLE", function (value, offset, n) { return writeAny(this, value, offset, n, true, true); });
  define("writeIntBE", function (value, offset, n) { return writeAny(this, value, offset, n, false, true); });

  // parent and offset, Node's legacy accessors
  Object.defineProperty(proto, "parent", { enumerable: true, configurable: true, get() { return this instanceof Buffer ? this.buffer : undefined; } });
  Object.defineProperty(proto, "offset", { enumerable: true, configurable: true, get() { return this instanceof Buffer ? this.byteOffset : undefined; } });

  proto[customInspect] = function inspect(recurseTimes, ctx, inspectFn) {
    const max = INSPECT_MAX_BYTES;
    const actualMax = Math.min(max, this.length);
    const remaining = this.length - max;
    let str = N.decode(this.subarray(0, actualMax), "hex").replace(/(.{2})/g, "$1 ").trim();
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    if (ctx && typeof inspectFn === "function") {
      const extras = Object.keys(this).filter((k) => !/^\d+$/.test(k));
      if (extras.length) {
        const obj = Object.create(null);
        for (const k of extras) obj[k] = this[k];
        if (this.length !== 0) str += ", ";
        str += inspectFn(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
      }
    }
    return `<${this.constructor.name} ${str}>`;
  };

  function SlowBuffer(size) { return Buffer.allocUnsafeSlow(size); }
  SlowBuffer.prototype = proto;

  function transcode(source, fromEnc, toEnc) {
    u8(source, "source");
    const f = N.normEncoding(String(fromEnc)), t = N.normEncoding(String(toEnc));
    if (!f || !t || !["utf8", "utf16le", "latin1", "ascii"].includes(f) || !["utf8", "utf16le", "latin1", "ascii"].includes(t)) {
      const e = new Error(`Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]`);
      e.code = "U_ILLEGAL_ARGUMENT_ERROR";
      e.errno = 1;
      throw e;
    }
    let s = N.decode(source, f);
    if (t === "latin1" || t === "ascii") s = s.replace(/[^\u0000-\u00ff]/g, "?");
    return fromAB(N.encode(s, t));
  }

  const exports = {
    Buffer, SlowBuffer, transcode,
    isUtf8(v) { return N.isUtf8(ArrayBuffer.isView(v) ? v : new Uint8Array(v)); },
    isAscii(v) {
      const b = ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new Uint8Array(v);
      for (let i = 0; i < b.length; i++) if (b[i] > 127) return false;
      return true;
    },
    kMaxLength, kStringMaxLength,
    constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
    btoa: (s) => g.btoa(s),
    atob: (s) => g.atob(s),
  };
  Object.defineProperty(exports, "INSPECT_MAX_BYTES", {
    enumerable: true, configurable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(v) { I.validateNumber(v, "INSPECT_MAX_BYTES", 0); INSPECT_MAX_BYTES = v; },
  });
  for (const name of ["Blob", "File"]) {
    Object.defineProperty(exports, name, { enumerable: true, configurable: true, get() { return g[name]; } });
  }
  exports.resolveObjectURL = function resolveObjectURL() { return undefined; };
  return exports;
})
