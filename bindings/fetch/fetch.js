// fetch.js: WHATWG fetch, Headers, Request, Response and FormData, and the
// arun:http server, on top of the Go natives of package fetch (network I/O,
// body reading, multipart). Evaluates to a function (native, global) that
// returns the exports; run once per runtime.
(function (native, g) {
  "use strict";
  const INTERNAL = Symbol("fetch internal");
  // console.log and util.inspect show these classes as Node 20 (undici) does
  const INSPECT = Symbol.for("nodejs.util.inspect.custom");

  // ------------------------------------------------------------ helpers
  function typeError(msg, code) {
    const e = new TypeError(msg);
    if (code) e.code = code;
    return e;
  }
  function need(args, n, what) {
    if (args.length < n) {
      throw typeError(`${what}: ${n} argument${n > 1 ? "s" : ""} required, but only ${args.length} present.`, "ERR_MISSING_ARGS");
    }
  }
  // WebIDL: members of an interface are enumerable; @@toStringTag names it.
  function webidl(C, name) {
    const p = C.prototype;
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k === "constructor") continue;
      const d = Object.getOwnPropertyDescriptor(p, k);
      d.enumerable = true;
      Object.defineProperty(p, k, d);
    }
    Object.defineProperty(p, Symbol.toStringTag, { value: name, configurable: true });
  }
  const nonByte = /[^\x00-\xff]/;
  function byteString(v, what) {
    v = `${v}`;
    if (nonByte.test(v)) throw typeError(`${what}: "${v}" is not a valid ByteString.`, "ERR_INVALID_CHAR");
    return v;
  }
  const surrogate = /[\uD800-\uDFFF]/;
  function usv(v) {
    v = `${v}`;
    if (!surrogate.test(v)) return v;
    let out = "";
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < v.length) {
        const d = v.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { out += v[i] + v[i + 1]; i++; continue; }
      }
      out += c >= 0xd800 && c <= 0xdfff ? "\uFFFD" : v[i];
    }
    return out;
  }
  const isObject = (v) => v !== null && (typeof v === "object" || typeof v === "function");
  function abortError(msg) {
    if (typeof g.DOMException === "function") return new g.DOMException(msg, "AbortError");
    const e = new Error(msg);
    e.name = "AbortError";
    return e;
  }
  function abortReason(signal) {
    const r = signal.reason;
    return r !== undefined ? r : abortError("This operation was aborted");
  }
  const isBlob = (v) => typeof g.Blob === "function" && v instanceof g.Blob;
  const isStream = (v) => typeof g.ReadableStream === "function" && v instanceof g.ReadableStream;
  const isParams = (v) => typeof g.URLSearchParams === "function" && v instanceof g.URLSearchParams;
  const isSignal = (v) => typeof g.AbortSignal === "function" ? v instanceof g.AbortSignal
    : isObject(v) && typeof v.addEventListener === "function" && "aborted" in v;
  function streamCtor() {
    if (typeof g.ReadableStream !== "function") throw typeError("ReadableStream is not available in this runtime", "ERR_NOT_SUPPORTED");
    return g.ReadableStream;
  }
  function concat(chunks, size) {
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(size);
    let off = 0;
    for (const c of chunks) { out.set(c, off); off += c.length; }
    return out;
  }
  function chunkBytes(v) {
    if (v instanceof Uint8Array) return v;
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    if (typeof v === "string") return new Uint8Array(native.encode(v));
    throw typeError("body chunks must be Uint8Array (or ArrayBuffer, typed array, string)", "ERR_INVALID_ARG_TYPE");
  }
  const encode = (s) => new Uint8Array(native.encode(s));
  const bufferOf = (u8) => u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength
    ? u8.buffer : u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

  // ------------------------------------------------------------ Headers
  const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const edgeWS = /^[\t\n\r ]+|[\t\n\r ]+$/g;
  const badValue = /[\0\r\n]/;
  function headerName(name) {
    name = `${name}`;
    if (!token.test(name)) throw typeError(`Headers: invalid header name: "${name}"`, "ERR_INVALID_HTTP_TOKEN");
    return name.toLowerCase();
  }
  function headerValue(v, name) {
    v = byteString(v, "Headers").replace(edgeWS, "");
    if (badValue.test(v)) throw typeError(`Headers: invalid value for header "${name}"`, "ERR_INVALID_CHAR");
    return v;
  }

  let hMap, hInit, hGuard, hFlat, hFromFlat, hDefault, hNames, hSetNames;
  class Headers {
    #m = new Map(); // lower-cased name -> values, in order
    #guard = "none";
    #sorted = null; // cached sort-and-combine
    #raw = null; // flat [name, value, ...] not yet parsed (responses from Go)
    #names = null; // lower-cased name -> the name as given, where they differ (shown by inspection)
    constructor(init = undefined) {
      if (init === INTERNAL) return;
      if (init !== undefined) fill(this, init);
    }
    #map() {
      const raw = this.#raw;
      if (raw !== null) {
        this.#raw = null;
        const m = this.#m;
        for (let i = 0; i + 1 < raw.length; i += 2) {
          const vs = m.get(raw[i]);
          if (vs) vs.push(raw[i + 1]); else m.set(raw[i], [raw[i + 1]]);
        }
      }
      return this.#m;
    }
    #mutable() {
      if (this.#guard === "immutable") throw typeError("Headers are immutable", "ERR_INVALID_STATE");
      this.#sorted = null;
    }
    append(name, value) {
      need(arguments, 2, "Headers.append");
      const n = headerName(name), v = headerValue(value, name);
      this.#mutable();
      const m = this.#map(), vs = m.get(n);
      if (vs) vs.push(v); else { m.set(n, [v]); this.#named(n, name); }
    }
    #named(n, name) {
      name = `${name}`;
      if (name !== n) {
        if (this.#names === null) this.#names = new Map();
        this.#names.set(n, name);
      } else if (this.#names !== null) this.#names.delete(n);
    }
    delete(name) {
      need(arguments, 1, "Headers.delete");
      const n = headerName(name);
      this.#mutable();
      this.#map().delete(n);
      if (this.#names !== null) this.#names.delete(n);
    }
    get(name) {
      need(arguments, 1, "Headers.get");
      const vs = this.#map().get(headerName(name));
      return vs === undefined ? null : vs.join(", ");
    }
    getSetCookie() {
      const vs = this.#map().get("set-cookie");
      return vs === undefined ? [] : vs.slice();
    }
    has(name) {
      need(arguments, 1, "Headers.has");
      return this.#map().has(headerName(name));
    }
    set(name, value) {
      need(arguments, 2, "Headers.set");
      const n = headerName(name), v = headerValue(value, name);
      this.#mutable();
      this.#map().set(n, [v]);
      this.#named(n, name);
    }
    forEach(callback, thisArg = undefined) {
      need(arguments, 1, "Headers.forEach");
      if (typeof callback !== "function") throw typeError("Headers.forEach: callback must be a function", "ERR_INVALID_ARG_TYPE");
      let pairs = this.#pairs();
      for (let i = 0; i < pairs.length; i++) {
        callback.call(thisArg, pairs[i][1], pairs[i][0], this);
        pairs = this.#pairs();
      }
    }
    #pairs() {
      if (this.#sorted !== null) return this.#sorted;
      const m = this.#map();
      const names = Array.from(m.keys()).sort();
      const out = [];
      for (const n of names) {
        const vs = m.get(n);
        if (n === "set-cookie") { for (const v of vs) out.push([n, v]); } else out.push([n, vs.join(", ")]);
      }
      this.#sorted = out;
      return out;
    }
    entries() { return new HeadersIterator(this, 2); }
    keys() { return new HeadersIterator(this, 0); }
    values() { return new HeadersIterator(this, 1); }
    // undici's: the headers in the order first set, each name as it was
    // given, the values joined
    [INSPECT](depth, options, inspect) {
      const names = this.#names, o = {};
      this.#map().forEach((vs, n) => {
        o[names !== null && names.has(n) ? names.get(n) : n] = vs.join(", ");
      });
      if (options.depth === undefined) options.depth = depth;
      return `Headers ${inspect(o, options)}`;
    }
    static {
      hNames = (h) => h.#names;
      hSetNames = (h, names) => { h.#names = names === null ? null : new Map(names); };
      hMap = (h) => h.#map();
      hGuard = (h, guard) => { h.#guard = guard; };
      hInit = (h) => #m in h;
      // sets a header the runtime computed (a valid lower-case name and
      // value, e.g. a body's content type) unless it is there: no
      // validation, which costs four regular expressions per header
      hDefault = (h, name, value) => {
        const m = h.#map();
        if (!m.has(name)) {
          m.set(name, [value]);
          h.#sorted = null;
        }
      };
      hFlat = (h) => {
        if (h.#raw !== null) return h.#raw;
        const out = [];
        // forEach and an index loop: for-of makes iterator objects per entry
        h.#m.forEach((vs, n) => {
          for (let i = 0; i < vs.length; i++) out.push(n, vs[i]);
        });
        return out;
      };
      hFromFlat = (flat, guard) => {
        const h = new Headers(INTERNAL);
        h.#raw = flat;
        h.#guard = guard;
        return h;
      };
      Headers.prototype.pairsOf = function () { return this.#pairs(); };
    }
  }
  const pairsOf = Headers.prototype.pairsOf;
  delete Headers.prototype.pairsOf;
  const headersEntries = Headers.prototype.entries;
  Object.defineProperty(Headers.prototype, Symbol.iterator, { value: headersEntries, writable: true, configurable: true });
  webidl(Headers, "Headers");

  function fill(h, init) {
    if (!isObject(init)) throw typeError("Headers: the init argument must be a sequence of pairs or a record", "ERR_INVALID_ARG_TYPE");
    if (hInit(init) && init[Symbol.iterator] === headersEntries) {
      const m = hMap(h);
      for (const [n, vs] of hMap(init)) m.set(n, vs.slice());
      hSetNames(h, hNames(init));
      return;
    }
    const iter = init[Symbol.iterator];
    if (iter !== undefined && iter !== null) {
      if (typeof iter !== "function") throw typeError("Headers: init[Symbol.iterator] is not a function");
      for (const pair of init) {
        if (!isObject(pair) || typeof pair[Symbol.iterator] !== "function") {
          throw typeError("Headers: each header must be a [name, value] pair", "ERR_INVALID_ARG_TYPE");
        }
        const p = Array.from(pair);
        if (p.length !== 2) throw typeError("Headers: each header must be a [name, value] pair", "ERR_INVALID_ARG_VALUE");
        h.append(p[0], p[1]);
      }
      return;
    }
    for (const key of Reflect.ownKeys(init)) {
      const d = Reflect.getOwnPropertyDescriptor(init, key);
      if (d === undefined || !d.enumerable) continue;
      if (typeof key === "symbol") throw typeError("Headers: record keys must be strings");
      const name = byteString(key, "Headers");
      h.append(name, init[key]);
    }
  }

  class HeadersIterator {
    #h; #kind; #i = 0;
    constructor(h, kind) { this.#h = h; this.#kind = kind; }
    next() {
      if (!(#h in this)) throw typeError("next called on an object that is not a Headers iterator");
      const pairs = pairsOf.call(this.#h);
      if (this.#i >= pairs.length) return { value: undefined, done: true };
      const p = pairs[this.#i++];
      return { value: this.#kind === 2 ? [p[0], p[1]] : p[this.#kind], done: false };
    }
  }
  Object.setPrototypeOf(HeadersIterator.prototype, IteratorPrototype);
  Object.defineProperty(HeadersIterator.prototype, Symbol.toStringTag, { value: "Headers Iterator", configurable: true });
  Object.defineProperty(HeadersIterator.prototype, "next", { enumerable: true });
  delete HeadersIterator.prototype.constructor; // an Object, as undici's

  // rawHeaders: a flat [name, value, ...] list, or a fetched response's
  // headers still in Go (made into the list on first use)
  const rawFlat = (s) => {
    const r = s.rawHeaders;
    return Array.isArray(r) ? r : (s.rawHeaders = native.headerList(r));
  };
  const headersFlat = (s) => s.headers !== null ? hFlat(s.headers) : rawFlat(s);
  function headersOf(s, guard) {
    if (s.headers === null) s.headers = hFromFlat(rawFlat(s), guard);
    return s.headers;
  }

  // ------------------------------------------------------------ FormData
  let fdEntries;
  function fdValue(value, filename, argc) {
    if (isBlob(value)) {
      const F = g.File;
      const isFile = typeof F === "function" && value instanceof F;
      if (isFile && argc < 3) return value;
      const name = argc >= 3 ? usv(filename) : isFile ? value.name : "blob";
      if (typeof F !== "function") throw typeError("FormData: File is not available in this runtime", "ERR_NOT_SUPPORTED");
      return new F([value], name, { type: value.type, lastModified: isFile ? value.lastModified : undefined });
    }
    if (argc >= 3) throw typeError("FormData: parameter 2 is not of type 'Blob'", "ERR_INVALID_ARG_TYPE");
    return usv(value);
  }
  class FormData {
    #e = [];
    constructor(form = undefined) {
      if (form !== undefined) throw typeError("FormData: the form argument is not supported", "ERR_INVALID_ARG_TYPE");
    }
    append(name, value, filename = undefined) {
      need(arguments, 2, "FormData.append");
      this.#e.push([usv(name), fdValue(value, filename, arguments.length)]);
    }
    delete(name) {
      need(arguments, 1, "FormData.delete");
      name = usv(name);
      this.#e = this.#e.filter((e) => e[0] !== name);
    }
    get(name) {
      need(arguments, 1, "FormData.get");
      name = usv(name);
      const e = this.#e.find((e) => e[0] === name);
      return e === undefined ? null : e[1];
    }
    getAll(name) {
      need(arguments, 1, "FormData.getAll");
      name = usv(name);
      return this.#e.filter((e) => e[0] === name).map((e) => e[1]);
    }
    has(name) {
      need(arguments, 1, "FormData.has");
      name = usv(name);
      return this.#e.some((e) => e[0] === name);
    }
    set(name, value, filename = undefined) {
      need(arguments, 2, "FormData.set");
      name = usv(name);
      const entry = [name, fdValue(value, filename, arguments.length)];
      const i = this.#e.findIndex((e) => e[0] === name);
      if (i < 0) { this.#e.push(entry); return; }
      this.#e[i] = entry;
      this.#e = this.#e.filter((e, j) => j <= i || e[0] !== name);
    }
    forEach(callback, thisArg = undefined) {
      need(arguments, 1, "FormData.forEach");
      if (typeof callback !== "function") throw typeError("FormData.forEach: callback must be a function", "ERR_INVALID_ARG_TYPE");
      for (let i = 0; i < this.#e.length; i++) callback.call(thisArg, this.#e[i][1], this.#e[i][0], this);
    }
    entries() { return new FormDataIterator(this, 2); }
    keys() { return new FormDataIterator(this, 0); }
    values() { return new FormDataIterator(this, 1); }
    // undici's: an object of the entries, a repeated name's values in an
    // array
    [INSPECT](depth, options, inspect) {
      const o = Object.create(null);
      for (const [n, v] of this.#e) {
        if (o[n]) {
          if (Array.isArray(o[n])) o[n].push(v); else o[n] = [o[n], v];
        } else o[n] = v;
      }
      if (options.depth === undefined) options.depth = depth;
      const out = inspect(o, options); // "[Object: null prototype] {...}"
      return `FormData ${out.slice(out.indexOf("]") + 2)}`;
    }
    static { fdEntries = (f) => (#e in f ? f.#e : null); }
  }
  Object.defineProperty(FormData.prototype, Symbol.iterator, { value: FormData.prototype.entries, writable: true, configurable: true });
  webidl(FormData, "FormData");
  class FormDataIterator {
    #f; #kind; #i = 0;
    constructor(f, kind) { this.#f = f; this.#kind = kind; }
    next() {
      if (!(#f in this)) throw typeError("next called on an object that is not a FormData iterator");
      const es = fdEntries(this.#f);
      if (this.#i >= es.length) return { value: undefined, done: true };
      const e = es[this.#i++];
      return { value: this.#kind === 2 ? [e[0], e[1]] : e[this.#kind], done: false };
    }
  }
  Object.setPrototypeOf(FormDataIterator.prototype, IteratorPrototype);
  Object.defineProperty(FormDataIterator.prototype, Symbol.toStringTag, { value: "FormData Iterator", configurable: true });
  delete FormDataIterator.prototype.constructor; // an Object, as undici's

  async function encodeFormData(entries, boundary) {
    const parts = [];
    for (const [name, v] of entries) {
      if (typeof v === "string") parts.push([name, false, v]);
      else parts.push([name, true, new Uint8Array(await v.arrayBuffer()), v.name, v.type]);
    }
    return new Uint8Array(native.encodeMultipart(boundary, parts));
  }
  function boundary() {
    let b = "----arunFormBoundary";
    for (let i = 0; i < 4; i++) b += Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, "0");
    return b;
  }

  // ------------------------------------------------------------ bodies
  // A body state: {kind, src, used, stream}. kinds: "string", "bytes"
  // (Uint8Array), "blob", "formdata" ({entries, boundary}), "stream"
  // (ReadableStream), "iterable" (async iterable), "native" (a Go body id),
  // "shared" (a native body read once for two clones).
  // used: consumed by a reader method or sent; dist: {v} set once the stream
  // made by streamOf is pulled or cancelled (the spec's "disturbed").
  const body = (kind, src) => ({ kind, src, used: false, stream: null, dist: null });

  // extract: the spec's "extract a body": [state, content type or null].
  function extract(v) {
    if (typeof v === "string") return [body("string", v), "text/plain;charset=UTF-8"];
    if (isObject(v)) {
      if (v instanceof ArrayBuffer) return [body("bytes", new Uint8Array(v.slice(0))), null];
      if (ArrayBuffer.isView(v)) {
        return [body("bytes", new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength))), null];
      }
      if (isParams(v)) return [body("string", v.toString()), "application/x-www-form-urlencoded;charset=UTF-8"];
      const fe = fdEntries(v);
      if (fe !== null) {
        const b = boundary();
        return [body("formdata", { entries: fe.slice(), boundary: b }), "multipart/form-data; boundary=" + b];
      }
      if (isBlob(v)) return [body("blob", v), v.type === "" ? null : v.type];
      if (isStream(v)) {
        if (v.locked) throw typeError("Response body object should not be disturbed or locked", "ERR_BODY_UNUSABLE");
        return [body("stream", v), null];
      }
      if (typeof v[Symbol.asyncIterator] === "function") return [body("iterable", v), null];
    }
    return [body("string", `${v}`), "text/plain;charset=UTF-8"];
  }
  const disturbed = (b) => b.used || (b.dist !== null && b.dist.v);
  const unusable = (b) => disturbed(b) || (b.stream !== null && b.stream.locked);

  // bytesOf reads a whole body (not through its stream) as a Uint8Array.
  function bytesOf(b) {
    switch (b.kind) {
      case "string": return Promise.resolve(encode(b.src));
      case "bytes": return Promise.resolve(b.src);
      case "blob": return b.src.arrayBuffer().then((ab) => new Uint8Array(ab));
      case "formdata": return encodeFormData(b.src.entries, b.src.boundary);
      case "native": return native.readAll(b.src, false).then((ab) => new Uint8Array(ab));
      case "shared": return b.src.get();
      case "stream": return readStream(b.src);
      case "iterable": return readIterable(b.src);
    }
    return Promise.reject(typeError("unknown body"));
  }
  async function readStream(stream) {
    const reader = stream.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      if (!(r.value instanceof Uint8Array)) {
        const e = typeError("body stream chunks must be Uint8Array", "ERR_INVALID_ARG_TYPE");
        reader.cancel(e).catch(() => {});
        throw e;
      }
      chunks.push(r.value);
      size += r.value.length;
    }
    return concat(chunks, size);
  }
  async function readIterable(src) {
    const it = src[Symbol.asyncIterator]();
    const chunks = [];
    let size = 0;
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      const u = chunkBytes(r.value);
      chunks.push(u);
      size += u.length;
    }
    return concat(chunks, size);
  }
  function sharedNative(id) {
    let p = null;
    return { get: () => (p === null ? (p = native.readAll(id, false).then((ab) => new Uint8Array(ab))) : p).then((u) => u.slice()) };
  }

  // streamOf is the ReadableStream of a body, made on first use.
  function streamOf(b) {
    if (b.stream !== null) return b.stream;
    if (b.kind === "stream") return (b.stream = b.src);
    const RS = streamCtor();
    const d = (b.dist = { v: false });
    let s;
    if (b.kind === "native") {
      const id = b.src;
      s = new RS({
        type: "bytes",
        pull(c) {
          d.v = true;
          return native.read(id).then((ab) => { if (ab === null) c.close(); else c.enqueue(new Uint8Array(ab)); });
        },
        cancel() { d.v = true; native.cancelBody(id); },
      }, { highWaterMark: 0 });
    } else if (b.kind === "iterable") {
      let it = null;
      s = new RS({
        type: "bytes",
        pull(c) {
          d.v = true;
          if (it === null) it = b.src[Symbol.asyncIterator]();
          return it.next().then((r) => {
            if (r.done) { c.close(); return; }
            const u = chunkBytes(r.value);
            if (u.length > 0) c.enqueue(u);
          });
        },
        cancel(reason) {
          d.v = true;
          if (it !== null && typeof it.return === "function") return it.return(reason);
        },
      }, { highWaterMark: 0 });
    } else {
      s = new RS({
        type: "bytes",
        pull(c) {
          d.v = true;
          return bytesOf(b).then((u) => { if (u.length > 0) c.enqueue(u); c.close(); });
        },
        cancel() { d.v = true; },
      }, { highWaterMark: 0 });
    }
    // a body already read without its stream (text(), json(), ...) has a
    // stream that is locked, as if its reader had read it
    if (b.used) s.getReader();
    return (b.stream = s);
  }

  // consume implements the body mixin's readers. how: "text", "bytes",
  // "arrayBuffer", "json", "blob", "formData".
  function consume(self, how) {
    let s, b;
    try {
      s = stateOf(self);
      b = s.body;
      if (b !== null) {
        if (unusable(b) || (b.kind === "stream" && b.src.locked)) {
          throw typeError("Body is unusable: Body has already been read", "ERR_BODY_UNUSABLE");
        }
        b.used = true;
      }
    } catch (e) {
      return Promise.reject(e);
    }
    // fast paths: a body nobody streamed is read straight from Go or JS
    if (b !== null && b.stream === null) {
      if (b.kind === "native" && (how === "text" || how === "json")) {
        const p = native.readAll(b.src, true);
        return how === "text" ? p : p.then(JSON.parse);
      }
      if (b.kind === "string" && (how === "text" || how === "json")) {
        return how === "text" ? Promise.resolve(b.src) : Promise.resolve(b.src).then(JSON.parse);
      }
    }
    let p;
    if (b === null) p = Promise.resolve(new Uint8Array(0));
    else if (b.stream !== null) p = readStream(b.stream);
    else p = bytesOf(b);
    return p.then((u) => finishConsume(s, u, how));
  }
  function finishConsume(s, u, how) {
    switch (how) {
      case "text": return native.decode(u);
      case "json": return JSON.parse(native.decode(u));
      case "bytes": return u;
      case "arrayBuffer": return bufferOf(u);
      case "blob": {
        if (typeof g.Blob !== "function") throw typeError("Blob is not available in this runtime", "ERR_NOT_SUPPORTED");
        const ct = headersOf(s, s.guard).get("content-type");
        return new g.Blob([u], { type: ct === null ? "" : ct });
      }
      case "formData": return parseFormData(s, u);
    }
  }
  function parseFormData(s, u) {
    const ct = headersOf(s, s.guard).get("content-type") || "";
    const essence = ct.split(";")[0].trim().toLowerCase();
    const fd = new FormData();
    if (essence === "multipart/form-data") {
      for (const e of native.parseMultipart(u, ct)) {
        if (e.length === 2) fd.append(e[0], e[1]);
        else {
          if (typeof g.File !== "function") throw typeError("File is not available in this runtime", "ERR_NOT_SUPPORTED");
          fd.append(e[0], new g.File([e[1]], e[2], { type: e[3] }));
        }
      }
      return fd;
    }
    if (essence === "application/x-www-form-urlencoded") {
      for (const [k, v] of new g.URLSearchParams(native.decodeKeepBOM(u))) fd.append(k, v);
      return fd;
    }
    throw typeError("Could not parse content as FormData.", "ERR_INVALID_STATE");
  }

  // bodyArg is what the Go side sends: undefined, a string, a Uint8Array,
  // {native: id} or {pull, cancel}. Kinds that need an await first return
  // a promise of one.
  function bodyArg(b) {
    if (b === null) return undefined;
    if (b.stream === null) {
      switch (b.kind) {
        case "string": return b.src;
        case "bytes": return b.src;
        case "native": return { native: b.src };
        case "iterable": {
          let it = null;
          return {
            pull: () => {
              if (it === null) it = b.src[Symbol.asyncIterator]();
              return it.next().then((r) => (r.done ? null : chunkBytes(r.value)));
            },
            cancel: (reason) => { if (it !== null && typeof it.return === "function") it.return(reason); },
          };
        }
        case "stream": break;
        default: return bytesOf(b);
      }
    }
    const reader = streamOf(b).getReader();
    return {
      pull: () => reader.read().then((r) => {
        if (r.done) return null;
        if (!(r.value instanceof Uint8Array)) throw typeError("body stream chunks must be Uint8Array", "ERR_INVALID_ARG_TYPE");
        return r.value;
      }),
      cancel: (reason) => { reader.cancel(reason).catch(() => {}); },
    };
  }

  function cloneBody(b) {
    if (b === null) return null;
    if (unusable(b) || (b.kind === "stream" && b.src.locked)) {
      throw typeError("Body has already been consumed.", "ERR_BODY_UNUSABLE");
    }
    if (b.stream === null) {
      switch (b.kind) {
        case "string": case "bytes": case "blob": case "formdata": case "shared":
          return body(b.kind, b.src);
        case "native":
          b.kind = "shared";
          b.src = sharedNative(b.src);
          return body("shared", b.src);
      }
    }
    const s = streamOf(b);
    if (typeof s.tee !== "function") throw typeError("ReadableStream.tee is not available", "ERR_NOT_SUPPORTED");
    const [x, y] = s.tee();
    b.kind = "stream"; b.src = x; b.stream = x; b.dist = null;
    return body("stream", y);
  }

  // The Body mixin's reading methods, shared by Request and Response.
  function mixBody(C) {
    for (const how of ["arrayBuffer", "blob", "bytes", "formData", "json", "text"]) {
      const fn = { [how]() { return consume(this, how); } }[how];
      Object.defineProperty(C.prototype, how, { value: fn, writable: true, configurable: true });
    }
  }
  // a Request's or Response's state for clone(): its own body branch and
  // headers
  function cloneState(s, guard) {
    const c = Object.assign(Object.create(Object.getPrototypeOf(s)), s);
    c.body = cloneBody(s.body);
    c.headers = new Headers(INTERNAL);
    fill(c.headers, headersOf(s, guard));
    hGuard(c.headers, guard);
    return c;
  }

  // ------------------------------------------------------------ Request
  const enums = {
    mode: ["navigate", "same-origin", "no-cors", "cors"],
    credentials: ["omit", "same-origin", "include"],
    cache: ["default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"],
    redirect: ["follow", "error", "manual"],
    referrerPolicy: ["", "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
      "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url"],
    duplex: ["half"],
    priority: ["high", "low", "auto"],
  };
  function enumValue(init, name) {
    const v = `${init[name]}`;
    if (!enums[name].includes(v)) {
      throw typeError(`Request: '${v}' is not a valid value for ${name}.`, "ERR_INVALID_ARG_VALUE");
    }
    return v;
  }
  const normMethods = { DELETE: "DELETE", GET: "GET", HEAD: "HEAD", OPTIONS: "OPTIONS", POST: "POST", PUT: "PUT" };
  function method(m) {
    m = byteString(m, "Request method");
    if (!token.test(m)) throw typeError(`'${m}' is not a valid HTTP method.`, "ERR_INVALID_ARG_VALUE");
    const up = m.toUpperCase();
    if (up === "CONNECT" || up === "TRACE" || up === "TRACK") throw typeError(`'${m}' HTTP method is unsupported.`, "ERR_INVALID_ARG_VALUE");
    return normMethods[up] || m;
  }
  // baseURL is the base relative URLs resolve against: location's href
  // when the script or host defined a location (as Deno's --location), else
  // none (a relative URL is an error, as in Node)
  function baseURL() {
    const loc = g.location;
    return loc !== null && typeof loc === "object" && typeof loc.href === "string" ? loc.href : undefined;
  }
  function parseURL(input, what) {
    let u;
    try {
      const base = baseURL();
      u = base === undefined ? new g.URL(input) : new g.URL(input, base);
    } catch (cause) {
      const e = typeError(`${what}: Failed to parse URL from ${input}`, "ERR_INVALID_URL");
      e.cause = cause;
      throw e;
    }
    return u;
  }
  // the last URL string parsed and its href: a script that fetches the
  // same URL over and over parses it once
  let lastIn = null, lastHref = "", lastURLCtor = null, lastBase;
  function requestURL(input) {
    const str = `${input}`;
    if (str === lastIn && g.URL === lastURLCtor && (g.location === undefined ? lastBase === undefined : baseURL() === lastBase)) return lastHref;
    const u = parseURL(str, "Request");
    if (u.username !== "" || u.password !== "") {
      throw typeError(`Request cannot be constructed from a URL that includes credentials: ${input}`, "ERR_INVALID_URL");
    }
    const href = u.href;
    lastIn = str; lastHref = href; lastURLCtor = g.URL; lastBase = baseURL();
    return href;
  }
  const reqDefaults = () => ({
    method: "GET", url: "", headers: null, rawHeaders: null, guard: "request", body: null,
    redirect: "follow", signal: null, mode: "cors", credentials: "same-origin", cache: "default",
    referrer: "about:client", referrerPolicy: "", integrity: "", keepalive: false, destination: "",
    duplex: "half", server: null, serverTok: 0,
  });

  let reqState, isRequest;
  // requestState runs the Request constructor's steps and returns the state.
  function requestState(input, init) {
    if (init !== undefined && init !== null && !isObject(init)) {
      throw typeError("Request: init must be an object", "ERR_INVALID_ARG_TYPE");
    }
    if (init === undefined || init === null) init = {};
    const s = reqDefaults();
    let src = null;
    if (isRequest(input)) {
      src = reqState(input);
      s.url = src.url; s.method = src.method; s.redirect = src.redirect; s.mode = src.mode;
      s.credentials = src.credentials; s.cache = src.cache; s.referrer = src.referrer;
      s.referrerPolicy = src.referrerPolicy; s.integrity = src.integrity; s.keepalive = src.keepalive;
      s.signal = src.signal;
    } else {
      s.url = requestURL(input);
    }
    if (init.window !== undefined && init.window !== null) throw typeError("Request: 'window' must be null", "ERR_INVALID_ARG_VALUE");
    if (init.referrer !== undefined) {
      const r = `${init.referrer}`;
      if (r === "") s.referrer = "";
      else {
        const u = parseURL(r, "Request referrer");
        s.referrer = u.href === "about:client" ? "about:client" : u.href;
      }
    }
    if (init.referrerPolicy !== undefined) s.referrerPolicy = enumValue(init, "referrerPolicy");
    if (init.mode !== undefined) {
      s.mode = enumValue(init, "mode");
      if (s.mode === "navigate") throw typeError("Request: mode cannot be 'navigate'", "ERR_INVALID_ARG_VALUE");
    }
    if (init.credentials !== undefined) s.credentials = enumValue(init, "credentials");
    if (init.cache !== undefined) s.cache = enumValue(init, "cache");
    if (s.cache === "only-if-cached" && s.mode !== "same-origin") {
      throw typeError("Request: cache 'only-if-cached' requires mode 'same-origin'", "ERR_INVALID_ARG_VALUE");
    }
    if (init.redirect !== undefined) s.redirect = enumValue(init, "redirect");
    if (init.integrity !== undefined) s.integrity = `${init.integrity}`;
    if (init.keepalive !== undefined) s.keepalive = !!init.keepalive;
    if (init.method !== undefined) s.method = method(init.method);
    if (init.signal !== undefined) {
      if (init.signal !== null && !isSignal(init.signal)) {
        throw typeError("Request: member signal is not of type AbortSignal.", "ERR_INVALID_ARG_TYPE");
      }
      s.signal = init.signal;
    }
    if (s.mode === "no-cors" && s.method !== "GET" && s.method !== "HEAD" && s.method !== "POST") {
      throw typeError(`Request: '${s.method}' is unsupported in no-cors mode.`, "ERR_INVALID_ARG_VALUE");
    }
    if (init.priority !== undefined) enumValue(init, "priority");
    if (init.duplex !== undefined) s.duplex = enumValue(init, "duplex");

    // with no headers to copy, the Headers object is made on first use
    let headers = null;
    if (init.headers !== undefined || src !== null) {
      headers = new Headers(INTERNAL);
      hGuard(headers, "request");
      if (init.headers !== undefined) fill(headers, init.headers);
      else fill(headers, headersOf(src, "request"));
    } else s.rawHeaders = [];
    s.headers = headers;

    const inputBody = src !== null ? src.body : null;
    const hasInit = init.body !== undefined && init.body !== null;
    if ((hasInit || (inputBody !== null && init.body === undefined)) && (s.method === "GET" || s.method === "HEAD")) {
      throw typeError("Request with GET/HEAD method cannot have body.", "ERR_INVALID_ARG_VALUE");
    }
    if (hasInit) {
      const [b, type] = extract(init.body);
      if (b.kind === "stream" || b.kind === "iterable") {
        if (s.keepalive) throw typeError("Request: keepalive cannot be used with a stream body", "ERR_INVALID_ARG_VALUE");
        if (init.duplex === undefined && b.kind === "stream") {
          throw typeError("RequestInit: duplex option is required when sending a body.", "ERR_INVALID_ARG_VALUE");
        }
      }
      if (type !== null) {
        if (headers !== null) hDefault(headers, "content-type", type);
        else s.rawHeaders.push("content-type", type);
      }
      s.body = b;
    } else if (inputBody !== null && init.body === undefined) {
      if (unusable(inputBody) || (inputBody.kind === "stream" && inputBody.src.locked)) {
        throw typeError("Cannot construct a Request with a Request object that has already been used.", "ERR_BODY_UNUSABLE");
      }
      // the body moves to the new request; the input is now used
      s.body = { kind: inputBody.kind, src: inputBody.src, used: false, stream: inputBody.stream, dist: inputBody.dist };
      inputBody.used = true;
    }
    return s;
  }

  class Request {
    #s;
    constructor(input, init = undefined) {
      if (input === INTERNAL) { this.#s = init; return; }
      need(arguments, 1, "Request");
      this.#s = requestState(input, init);
    }
    get method() { return this.#s.method; }
    get url() { return this.#s.url; }
    get headers() { return headersOf(this.#s, "request"); }
    get destination() { return this.#s.destination; }
    get referrer() { return this.#s.referrer; }
    get referrerPolicy() { return this.#s.referrerPolicy; }
    get mode() { return this.#s.mode; }
    get credentials() { return this.#s.credentials; }
    get cache() { return this.#s.cache; }
    get redirect() { return this.#s.redirect; }
    get integrity() { return this.#s.integrity; }
    get keepalive() { return this.#s.keepalive; }
    get isReloadNavigation() { return false; }
    get isHistoryNavigation() { return false; }
    get duplex() { return this.#s.duplex; }
    get signal() {
      const s = this.#s;
      if (s.signal === null && typeof g.AbortController === "function") {
        const c = new g.AbortController();
        s.signal = c.signal;
        if (s.server !== null) s.server(s.serverTok, c);
      }
      return s.signal;
    }
    get body() { return this.#s.body === null ? null : streamOf(this.#s.body); }
    get bodyUsed() { return this.#s.body !== null && disturbed(this.#s.body); }
    // undici's
    [INSPECT](depth, options, inspect) {
      if (options.depth === null) options.depth = 2;
      const properties = {
        method: this.method, url: this.url, headers: this.headers, destination: this.destination,
        referrer: this.referrer, referrerPolicy: this.referrerPolicy, mode: this.mode,
        credentials: this.credentials, cache: this.cache, redirect: this.redirect, integrity: this.integrity,
        keepalive: this.keepalive, isReloadNavigation: this.isReloadNavigation,
        isHistoryNavigation: this.isHistoryNavigation, signal: this.signal,
      };
      return `Request ${inspect(properties, options)}`;
    }
    clone() {
      const s = this.#s;
      const c = cloneState(s, "request");
      c.server = null;
      if (s.signal !== null && typeof g.AbortSignal === "function" && typeof g.AbortSignal.any === "function") {
        c.signal = g.AbortSignal.any([s.signal]);
      }
      return new Request(INTERNAL, c);
    }
    static {
      reqState = (r) => r.#s;
      isRequest = (r) => isObject(r) && #s in r;
    }
  }
  mixBody(Request);
  webidl(Request, "Request");

  // ------------------------------------------------------------ Response
  const nullBodyStatus = (st) => st === 101 || st === 103 || st === 204 || st === 205 || st === 304;
  const redirectStatus = (st) => st === 301 || st === 302 || st === 303 || st === 307 || st === 308;
  const reasonPhrase = /^[\t\x20-\x7e\x80-\xff]*$/;
  // A response's state. What seldom differs from the default lives on a
  // prototype, so that a state has at most eight own properties (goja keeps
  // properties in a Go map, which grows past eight entries).
  const resProto = { type: "default", guard: "response", url: "", redirected: false };
  const fetchedProto = { __proto__: resProto, type: "basic", guard: "immutable" };
  const resDefaults = () => ({ __proto__: resProto, status: 200, statusText: "", headers: null, rawHeaders: null, body: null });
  let resState, isResponse;

  function initResponse(s, init, b) {
    if (init !== undefined && init !== null && !isObject(init)) {
      throw typeError("Response: init must be an object", "ERR_INVALID_ARG_TYPE");
    }
    init = init || {};
    if (init.status !== undefined) {
      const st = Number(init.status);
      const n = Number.isFinite(st) ? Math.trunc(st) % 65536 : 0;
      if (n < 200 || n > 599) throw new RangeError(`Response: status must be in the range 200 to 599, got ${init.status}.`);
      s.status = n;
    }
    if (init.statusText !== undefined) {
      const t = byteString(init.statusText, "Response statusText");
      if (!reasonPhrase.test(t)) throw typeError("Response: invalid statusText", "ERR_INVALID_ARG_VALUE");
      s.statusText = t;
    }
    // without init.headers the Headers object is made when someone asks
    // (headersOf): a handler's `new Response("text")` needs none
    let h = null;
    if (init.headers !== undefined) {
      h = new Headers(INTERNAL);
      hGuard(h, "response");
      fill(h, init.headers);
    }
    s.headers = h;
    if (h === null) s.rawHeaders = [];
    if (b !== null) {
      if (nullBodyStatus(s.status)) throw typeError(`Response with null body status (${s.status}) cannot have body`, "ERR_INVALID_ARG_VALUE");
      s.body = b[0];
      if (b[1] !== null) {
        if (h !== null) hDefault(h, "content-type", b[1]);
        else s.rawHeaders.push("content-type", b[1]);
      }
    }
  }

  class Response {
    #s;
    constructor(b = null, init = undefined) {
      if (b === INTERNAL) { this.#s = init; return; }
      const s = resDefaults();
      initResponse(s, init, b === null || b === undefined ? null : extract(b));
      this.#s = s;
    }
    static error() {
      const s = resDefaults();
      s.type = "error"; s.status = 0;
      s.headers = new Headers(INTERNAL);
      hGuard(s.headers, "immutable");
      return new Response(INTERNAL, s);
    }
    static redirect(url, status = 302) {
      need(arguments, 1, "Response.redirect");
      const u = parseURL(`${url}`, "Response.redirect").href;
      status = Number(status);
      if (!redirectStatus(status)) throw new RangeError(`Response.redirect: invalid status code ${status}`);
      const s = resDefaults();
      s.status = status;
      s.headers = new Headers(INTERNAL);
      s.headers.append("location", u);
      hGuard(s.headers, "immutable");
      return new Response(INTERNAL, s);
    }
    static json(data, init = undefined) {
      need(arguments, 1, "Response.json");
      const text = JSON.stringify(data);
      if (text === undefined) throw typeError("Response.json: the data is not JSON serializable", "ERR_INVALID_ARG_VALUE");
      const s = resDefaults();
      initResponse(s, init, [body("string", text), "application/json"]);
      return new Response(INTERNAL, s);
    }
    get type() { return this.#s.type; }
    get url() { return this.#s.url; }
    get redirected() { return this.#s.redirected; }
    get status() { return this.#s.status; }
    get ok() { return this.#s.status >= 200 && this.#s.status <= 299; }
    get statusText() { return this.#s.statusText; }
    get headers() { return headersOf(this.#s, this.#s.guard); }
    get body() { return this.#s.body === null ? null : streamOf(this.#s.body); }
    get bodyUsed() { return this.#s.body !== null && disturbed(this.#s.body); }
    // undici's
    [INSPECT](depth, options, inspect) {
      if (options.depth === null) options.depth = 2;
      const properties = {
        status: this.status, statusText: this.statusText, headers: this.headers, body: this.body,
        bodyUsed: this.bodyUsed, ok: this.ok, redirected: this.redirected, type: this.type, url: this.url,
      };
      return `Response ${inspect(properties, options)}`;
    }
    clone() {
      return new Response(INTERNAL, cloneState(this.#s, this.#s.guard));
    }
    static {
      resState = (r) => r.#s;
      isResponse = (r) => isObject(r) && #s in r;
    }
  }
  mixBody(Response);
  webidl(Response, "Response");

  function stateOf(o) {
    if (isResponse(o)) return resState(o);
    if (isRequest(o)) return reqState(o);
    throw typeError("Illegal invocation", "ERR_INVALID_THIS");
  }

  // ------------------------------------------------------------ fetch
  const noHeaders = Object.freeze([]);
  const ABORT_ALGORITHMS = Symbol.for("arun.abortAlgorithms");
  // onlySignal: init gives the Request constructor's steps nothing but its
  // signal: every other member they read is undefined, so they would make
  // a plain GET (reading members costs no allocation; enumerating them
  // would, and would miss inherited non-enumerable ones)
  const onlySignal = (init) => isObject(init) && init.window === undefined && init.referrer === undefined &&
    init.referrerPolicy === undefined && init.mode === undefined && init.credentials === undefined &&
    init.cache === undefined && init.redirect === undefined && init.integrity === undefined &&
    init.keepalive === undefined && init.method === undefined && init.priority === undefined &&
    init.duplex === undefined && init.headers === undefined && init.body === undefined;
  function fetch(input, init = undefined) {
    let s;
    try {
      if (typeof input === "string") {
        // the common cases: a GET without the Request machinery, with at
        // most a signal (fetch(url, { signal: AbortSignal.timeout(ms) }))
        if (init === undefined) return native.fetch("GET", requestURL(input), noHeaders, null, "follow", fetched, false);
        if (onlySignal(init)) {
          const sig = init.signal;
          if (sig === undefined || sig === null) return native.fetch("GET", requestURL(input), noHeaders, null, "follow", fetched, false);
          if (isSignal(sig)) {
            const url = requestURL(input);
            if (sig.aborted) return Promise.reject(abortReason(sig));
            return abortable(sig, "GET", url, noHeaders, null, "follow");
          }
        }
      }
      if (input === undefined) throw typeError("fetch: 1 argument required, but only 0 present.", "ERR_MISSING_ARGS");
      s = requestState(input, init);
    } catch (e) {
      return Promise.reject(e);
    }
    const sig = s.signal;
    if (sig !== null && sig.aborted) return Promise.reject(abortReason(sig));
    let arg;
    try {
      arg = bodyArg(s.body);
      if (s.body !== null) s.body.used = true;
    } catch (e) {
      return Promise.reject(e);
    }
    if (arg instanceof Promise) {
      return arg.then((bytes) => {
        if (sig !== null && sig.aborted) throw abortReason(sig);
        return send(s, bytes);
      });
    }
    return send(s, arg);
  }

  // native.fetch settles its promise with fetched(...)'s Response; with a
  // signal it returns { promise, abort } instead of the promise.
  function send(s, arg) {
    const sig = s.signal;
    try {
      if (sig === null) return native.fetch(s.method, s.url, headersFlat(s), arg, s.redirect, fetched, false);
      return abortable(sig, s.method, s.url, headersFlat(s), arg, s.redirect);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  // abortable starts a request that sig aborts until native.fetch calls
  // off: once the request failed, or its response's body is done. The
  // signal is followed with an abort algorithm (web.js), as the standard
  // has it, or with a listener on another AbortSignal.
  function abortable(sig, method, url, headers, arg, redirect) {
    let p = null, off;
    const onAbort = () => { if (p !== null) native.abort(p, abortReason(sig)); };
    const algs = g.AbortSignal[ABORT_ALGORITHMS];
    if (algs !== undefined) {
      algs.add(sig, onAbort);
      off = () => algs.remove(sig, onAbort);
    } else {
      sig.addEventListener("abort", onAbort);
      off = () => sig.removeEventListener("abort", onAbort);
    }
    try {
      p = native.fetch(method, url, headers, arg, redirect, fetched, true, off);
    } catch (e) {
      off();
      throw e;
    }
    return p;
  }

  function fetched(status, statusText, url, redirected, headers, bodyID) {
    return new Response(INTERNAL, {
      __proto__: fetchedProto, status, statusText, headers: null, rawHeaders: headers, body: bodyID ? body("native", bodyID) : null,
      url, redirected,
    });
  }

  // ------------------------------------------------------------ arun:http
  class HttpServer {
    #srv; #addr;
    constructor(srv) {
      this.#srv = srv;
      this.#addr = Object.freeze({ transport: "tcp", hostname: srv.hostname, port: srv.port });
    }
    get addr() { return this.#addr; }
    get finished() { return this.#srv.finished; }
    shutdown() { return this.#srv.shutdown(); }
  }
  webidl(HttpServer, "HttpServer");

  function serve(a = undefined, b = undefined) {
    let options, handler;
    if (typeof a === "function") { handler = a; options = b === undefined || b === null ? {} : b; }
    else { options = a === undefined || a === null ? {} : a; handler = b !== undefined ? b : options.handler; }
    if (!isObject(options)) throw typeError('serve: the "options" argument must be an object', "ERR_INVALID_ARG_TYPE");
    if (typeof handler !== "function") throw typeError("serve: a handler function is required", "ERR_INVALID_ARG_TYPE");
    const hostname = options.hostname === undefined ? "0.0.0.0" : `${options.hostname}`;
    const port = options.port === undefined ? 8000 : Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      const e = new RangeError(`serve: port should be >= 0 and < 65536, received ${options.port}`);
      e.code = "ERR_SOCKET_BAD_PORT";
      throw e;
    }
    // Node's http.createServer limits, in milliseconds and bytes (0: no timeout)
    const limit = (name, dflt, min) => {
      const v = options[name];
      if (v === undefined) return dflt;
      if (typeof v !== "number") {
        throw typeError(`serve: the "${name}" option must be of type number. Received ${typeof v}`, "ERR_INVALID_ARG_TYPE");
      }
      if (!Number.isInteger(v) || v < min || v > 2 ** 31 - 1) {
        const e = new RangeError(`serve: the value of "${name}" is out of range. It must be an integer >= ${min} and <= 2147483647. Received ${v}`);
        e.code = "ERR_OUT_OF_RANGE";
        throw e;
      }
      return v;
    };
    const headersTimeout = limit("headersTimeout", 60000, 0);
    const requestTimeout = limit("requestTimeout", 300000, 0);
    const keepAliveTimeout = limit("keepAliveTimeout", 5000, 0);
    const maxHeaderSize = limit("maxHeaderSize", 16384, 1);
    if (requestTimeout > 0 && headersTimeout > requestTimeout) {
      const e = new RangeError(`serve: the value of "headersTimeout" is out of range. It must be <= "requestTimeout". Received ${headersTimeout}`);
      e.code = "ERR_OUT_OF_RANGE";
      throw e;
    }
    const onError = typeof options.onError === "function" ? options.onError : null;
    const signal = options.signal === undefined ? null : options.signal;
    const watched = new Map(); // token -> AbortController of request.signal
    const pending = new Set();
    let srv = null;
    // a served request's signal, made on first use, aborts when its client goes
    const watch = (tok, c) => { if (pending.has(tok)) watched.set(tok, c); };
    const settle = (tok) => { pending.delete(tok); watched.delete(tok); };
    const fail = (tok, e) => {
      if (onError === null || !pending.has(tok)) { settle(tok); srv.fail(tok, e); return; }
      Promise.resolve().then(() => onError(e)).then((r) => reply(tok, r, true), (e2) => { settle(tok); srv.fail(tok, e2); });
    };
    const reply = (tok, r, fromOnError = false) => {
      if (!isResponse(r)) {
        const e = typeError("serve: the handler must return a Response or a promise of one", "ERR_INVALID_RETURN_VALUE");
        if (fromOnError) { settle(tok); srv.fail(tok, e); } else fail(tok, e);
        return;
      }
      settle(tok);
      const s = resState(r);
      if (s.type === "error") { srv.fail(tok, typeError("serve: the handler returned Response.error()")); return; }
      let arg;
      try {
        if (s.body !== null && (unusable(s.body) || (s.body.kind === "stream" && s.body.src.locked))) {
          throw typeError("serve: the response body has already been used", "ERR_BODY_UNUSABLE");
        }
        arg = bodyArg(s.body);
        if (s.body !== null) s.body.used = true;
      } catch (e) {
        srv.fail(tok, e);
        return;
      }
      const flat = headersFlat(s);
      if (arg instanceof Promise) arg.then((u) => srv.respond(tok, s.status, flat, u), (e) => srv.fail(tok, e));
      else srv.respond(tok, s.status, flat, arg);
    };
    const dispatch = (tok, method, url, headers, bodyID, remoteHost, remotePort) => {
      pending.add(tok);
      const s = reqDefaults();
      s.method = method;
      s.url = url;
      s.rawHeaders = headers;
      s.server = watch;
      s.serverTok = tok;
      if (bodyID) s.body = body("native", bodyID);
      const req = new Request(INTERNAL, s);
      let r;
      try {
        r = handler(req, { remoteAddr: { transport: "tcp", hostname: remoteHost, port: remotePort } });
      } catch (e) {
        fail(tok, e);
        return;
      }
      if (isObject(r) && typeof r.then === "function") r.then((v) => reply(tok, v), (e) => fail(tok, e));
      else reply(tok, r);
    };
    const clientGone = (tok) => {
      const c = watched.get(tok);
      settle(tok);
      if (c !== undefined) c.abort(abortError("the client disconnected"));
    };
    srv = native.listen(hostname, port, dispatch, clientGone, headersTimeout, requestTimeout, keepAliveTimeout, maxHeaderSize);
    const server = new HttpServer(srv);
    if (signal !== null) {
      if (signal.aborted) srv.shutdown();
      else signal.addEventListener("abort", () => srv.shutdown(), { once: true });
    }
    if (typeof options.onListen === "function") options.onListen(server.addr);
    return server;
  }

  return { fetch, Request, Response, Headers, FormData, serve };
})
