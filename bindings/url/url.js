// arun's URL and URLSearchParams (the WHATWG URL Standard's API). Go
// parses, serializes and runs the setters (native: parse, canParse, get,
// set, parseQuery, serializeQuery); this file is the WebIDL surface.
// Compiled once per process; the function runs once per runtime and returns
// { URL, URLSearchParams }.
(function (native) {
  "use strict";

  const INTERNAL = Symbol("arun internal");
  const INSPECT = Symbol.for("nodejs.util.inspect.custom");
  const typeError = (message, code) => {
    const e = new TypeError(message);
    e.code = code;
    return e;
  };
  const need = (args, n, what) => {
    if (args.length < n) {
      throw typeError(`${what}: ${n} argument${n > 1 ? "s" : ""} required, but only ${args.length} present.`, "ERR_MISSING_ARGS");
    }
  };
  const illegal = () => typeError("Illegal invocation", "ERR_INVALID_THIS");
  // WebIDL USVString: ToString (a Symbol throws), lone surrogates to U+FFFD
  // (by code unit: goja's regular expressions see code points)
  const isLead = (c) => c >= 0xd800 && c <= 0xdbff, isTrail = (c) => c >= 0xdc00 && c <= 0xdfff;
  const wellFormed = (s, from) => {
    let out = s.slice(0, from);
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (isLead(c) && i + 1 < s.length && isTrail(s.charCodeAt(i + 1))) { out += s[i] + s[i + 1]; i++; }
      else out += isLead(c) || isTrail(c) ? "\uFFFD" : s[i];
    }
    return out;
  };
  // (most strings have no surrogate at all: one native regexp test)
  const anySurrogate = /[\uD800-\uDFFF]/;
  const str = (v) => {
    const s = `${v}`;
    if (!anySurrogate.test(s)) return s;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xd800 || c > 0xdfff) continue;
      if (isLead(c) && i + 1 < s.length && isTrail(s.charCodeAt(i + 1))) { i++; continue; }
      return wellFormed(s, i);
    }
    return s;
  };
  // strings handed to Go need no conversion: goja decodes UTF-16 with
  // replacement on the way
  const text = (v) => `${v}`;

  const webidl = (C, name, attrs) => {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
    for (const n of attrs) {
      const d = Object.getOwnPropertyDescriptor(C.prototype, n);
      d.enumerable = true;
      Object.defineProperty(C.prototype, n, d);
    }
  };

  let paramsFor, paramsUpdate, urlSetQuery, listOf;

  const parts = ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];

  class URL {
    #h;
    #params = null;
    constructor(url, base = undefined) {
      need(arguments, 1, "URL constructor");
      const input = text(url);
      const h = base === undefined ? native.parse(input) : native.parse(input, text(base));
      if (h === null) {
        const e = typeError("Invalid URL", "ERR_INVALID_URL");
        e.input = input;
        if (base !== undefined) e.base = text(base);
        throw e;
      }
      this.#h = h;
    }
    static canParse(url, base = undefined) {
      need(arguments, 1, "URL.canParse");
      return base === undefined ? native.canParse(text(url)) : native.canParse(text(url), text(base));
    }
    static parse(url, base = undefined) {
      need(arguments, 1, "URL.parse");
      try {
        return base === undefined ? new URL(url) : new URL(url, base);
      } catch {
        return null;
      }
    }
    get href() { return native.get(this.#h, "href"); }
    set href(v) {
      const input = text(v);
      const h = native.parse(input);
      if (h === null) {
        const e = typeError("Invalid URL", "ERR_INVALID_URL");
        e.input = input;
        throw e;
      }
      this.#h = h;
      if (this.#params !== null) paramsUpdate(this.#params, native.get(h, "search"));
    }
    get origin() { return native.get(this.#h, "origin"); }
    get protocol() { return native.get(this.#h, "protocol"); }
    set protocol(v) { native.set(this.#h, "protocol", text(v)); }
    get username() { return native.get(this.#h, "username"); }
    set username(v) { native.set(this.#h, "username", text(v)); }
    get password() { return native.get(this.#h, "password"); }
    set password(v) { native.set(this.#h, "password", text(v)); }
    get host() { return native.get(this.#h, "host"); }
    set host(v) { native.set(this.#h, "host", text(v)); }
    get hostname() { return native.get(this.#h, "hostname"); }
    set hostname(v) { native.set(this.#h, "hostname", text(v)); }
    get port() { return native.get(this.#h, "port"); }
    set port(v) { native.set(this.#h, "port", text(v)); }
    get pathname() { return native.get(this.#h, "pathname"); }
    set pathname(v) { native.set(this.#h, "pathname", text(v)); }
    get search() { return native.get(this.#h, "search"); }
    set search(v) {
      native.set(this.#h, "search", text(v));
      if (this.#params !== null) paramsUpdate(this.#params, native.get(this.#h, "search"));
    }
    get searchParams() {
      if (this.#params === null) this.#params = paramsFor(this, native.get(this.#h, "search"));
      return this.#params;
    }
    get hash() { return native.get(this.#h, "hash"); }
    set hash(v) { native.set(this.#h, "hash", text(v)); }
    toString() { return native.get(this.#h, "href"); }
    toJSON() { return native.get(this.#h, "href"); }
    [INSPECT](depth, opts, inspect) {
      const o = {};
      for (const p of parts) {
        if (p === "hash") o.searchParams = this.searchParams; // Node's order
        o[p] = this[p];
      }
      Object.setPrototypeOf(o, { constructor: URL });
      return typeof inspect === "function" ? `URL ${inspect(o, opts)}` : o;
    }
    static {
      urlSetQuery = (u, q) => { native.set(u.#h, "search", q); };
    }
  }
  webidl(URL, "URL", parts.concat(["searchParams"]));

  const removeColors = (str) => str.replace(/\u001b\[\d\d?m/g, "");

  // a URLSearchParams list is [name, value, name, value, ...]
  class URLSearchParams {
    #list = [];
    #url = null;
    constructor(init = undefined) {
      if (init === INTERNAL) return;
      if (init === undefined) return;
      if (init !== null && (typeof init === "object" || typeof init === "function")) {
        const it = init[Symbol.iterator];
        if (it !== undefined && it !== null) {
          if (typeof it !== "function") throw typeError("URLSearchParams: the query is not iterable", "ERR_INVALID_ARG_TYPE");
          for (const pair of init) {
            if (pair === null || (typeof pair !== "object" && typeof pair !== "function") || typeof pair[Symbol.iterator] !== "function") {
              throw typeError("URLSearchParams: each query pair must be an iterable [name, value] tuple", "ERR_INVALID_TUPLE");
            }
            const p = Array.from(pair);
            if (p.length !== 2) throw typeError("URLSearchParams: each query pair must be an iterable [name, value] tuple", "ERR_INVALID_TUPLE");
            this.#list.push(str(p[0]), str(p[1]));
          }
          return;
        }
        // a record<USVString, USVString>: own enumerable string keys; keys
        // equal once made USVStrings keep the first place and the last value
        const at = new Map();
        for (const k of Reflect.ownKeys(init)) {
          if (typeof k !== "string") continue;
          const d = Reflect.getOwnPropertyDescriptor(init, k);
          if (d === undefined || !d.enumerable) continue;
          const key = str(k), value = str(init[k]);
          if (at.has(key)) this.#list[at.get(key) + 1] = value;
          else { at.set(key, this.#list.length); this.#list.push(key, value); }
        }
        return;
      }
      let s = text(init);
      if (s.startsWith("?")) s = s.slice(1);
      this.#list = native.parseQuery(s);
    }
    #update() {
      if (this.#url === null) return;
      const q = native.serializeQuery(this.#list);
      urlSetQuery(this.#url, q === "" ? "" : "?" + q);
    }
    get size() { return this.#list.length / 2; }
    append(name, value) {
      need(arguments, 2, "URLSearchParams.append");
      this.#list.push(str(name), str(value));
      this.#update();
    }
    delete(name, value = undefined) {
      need(arguments, 1, "URLSearchParams.delete");
      const n = str(name), v = value === undefined ? undefined : str(value);
      const l = this.#list, out = [];
      for (let i = 0; i < l.length; i += 2) {
        if (l[i] === n && (v === undefined || l[i + 1] === v)) continue;
        out.push(l[i], l[i + 1]);
      }
      this.#list = out;
      this.#update();
    }
    get(name) {
      need(arguments, 1, "URLSearchParams.get");
      const n = str(name), l = this.#list;
      for (let i = 0; i < l.length; i += 2) if (l[i] === n) return l[i + 1];
      return null;
    }
    getAll(name) {
      need(arguments, 1, "URLSearchParams.getAll");
      const n = str(name), l = this.#list, out = [];
      for (let i = 0; i < l.length; i += 2) if (l[i] === n) out.push(l[i + 1]);
      return out;
    }
    has(name, value = undefined) {
      need(arguments, 1, "URLSearchParams.has");
      const n = str(name), v = value === undefined ? undefined : str(value), l = this.#list;
      for (let i = 0; i < l.length; i += 2) if (l[i] === n && (v === undefined || l[i + 1] === v)) return true;
      return false;
    }
    set(name, value) {
      need(arguments, 2, "URLSearchParams.set");
      const n = str(name), v = str(value), l = this.#list, out = [];
      let found = false;
      for (let i = 0; i < l.length; i += 2) {
        if (l[i] !== n) out.push(l[i], l[i + 1]);
        else if (!found) { found = true; out.push(n, v); }
      }
      if (!found) out.push(n, v);
      this.#list = out;
      this.#update();
    }
    sort() {
      const l = this.#list, pairs = [];
      for (let i = 0; i < l.length; i += 2) pairs.push([l[i], l[i + 1], i]);
      // by code units, stable
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]));
      this.#list = pairs.flatMap((p) => [p[0], p[1]]);
      this.#update();
    }
    forEach(callback, thisArg = undefined) {
      need(arguments, 1, "URLSearchParams.forEach");
      if (typeof callback !== "function") throw typeError("URLSearchParams.forEach: the callback must be a function", "ERR_INVALID_ARG_TYPE");
      for (let i = 0; i < this.#list.length; i += 2) callback.call(thisArg, this.#list[i + 1], this.#list[i], this);
    }
    keys() { return iterator(this, 0); }
    values() { return iterator(this, 1); }
    entries() { return iterator(this, 2); }
    toString() { return native.serializeQuery(this.#list); }
    // Node's: the pairs as 'name' => 'value', in order
    [INSPECT](recurseTimes, ctx, inspect) {
      if (typeof inspect !== "function") return this;
      if (typeof recurseTimes === "number" && recurseTimes < 0) return ctx.stylize("[Object]", "special");
      const separator = ", ";
      const innerOpts = { ...ctx };
      if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
      const innerInspect = (v) => inspect(v, innerOpts);
      const list = this.#list, output = [];
      for (let i = 0; i < list.length; i += 2) output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
      const length = output.reduce((prev, cur) => prev + removeColors(cur).length + separator.length, -separator.length);
      if (length > ctx.breakLength) return `${this.constructor.name} {\n  ${output.join(",\n  ")} }`;
      if (output.length) return `${this.constructor.name} { ${output.join(separator)} }`;
      return `${this.constructor.name} {}`;
    }
    static {
      paramsFor = (url, search) => {
        const p = new URLSearchParams(INTERNAL);
        p.#list = native.parseQuery(search.startsWith("?") ? search.slice(1) : search);
        p.#url = url;
        return p;
      };
      paramsUpdate = (p, search) => { p.#list = native.parseQuery(search.startsWith("?") ? search.slice(1) : search); };
      listOf = (p) => p.#list;
    }
  }
  Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
    value: URLSearchParams.prototype.entries, writable: true, configurable: true,
  });
  webidl(URLSearchParams, "URLSearchParams", ["size"]);

  // the pair iterators walk the live list (kind 0: keys, 1: values, 2: entries)
  const iterProto = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  class ParamsIterator {
    #p; #kind; #i = 0;
    constructor(p, kind) { this.#p = p; this.#kind = kind; }
    next() {
      if (!(#p in this)) throw illegal();
      const l = listOf(this.#p);
      if (this.#i >= l.length) return { value: undefined, done: true };
      const i = this.#i;
      this.#i += 2;
      const value = this.#kind === 0 ? l[i] : this.#kind === 1 ? l[i + 1] : [l[i], l[i + 1]];
      return { value, done: false };
    }
    // Node's: what is left to iterate
    [INSPECT](recurseTimes, ctx, inspect) {
      if (typeof inspect !== "function" || !(#p in this)) return this;
      if (typeof recurseTimes === "number" && recurseTimes < 0) return ctx.stylize("[Object]", "special");
      const innerOpts = { ...ctx };
      if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
      const l = listOf(this.#p), kind = this.#kind, output = [];
      for (let i = this.#i; i < l.length; i += 2) output.push(kind === 0 ? l[i] : kind === 1 ? l[i + 1] : [l[i], l[i + 1]]);
      const breakLn = inspect(output, innerOpts).includes("\n");
      const outputStrs = output.map((p) => inspect(p, innerOpts));
      const outputStr = breakLn ? `\n  ${outputStrs.join(",\n  ")}` : ` ${outputStrs.join(", ")}`;
      return `${this[Symbol.toStringTag]} {${outputStr} }`;
    }
  }
  Object.setPrototypeOf(ParamsIterator.prototype, iterProto);
  Object.defineProperty(ParamsIterator.prototype, Symbol.toStringTag, { value: "URLSearchParams Iterator", configurable: true });
  Object.defineProperty(ParamsIterator.prototype, "next", { enumerable: true });
  const iterator = (p, kind) => {
    if (!(p instanceof URLSearchParams)) throw illegal();
    return new ParamsIterator(p, kind);
  };
  return { URL, URLSearchParams };
});
