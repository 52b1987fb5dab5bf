// arun's JavaScript prelude: globals the engine lacks, run once per runtime
// before any user code. Strict mode; no user-visible names besides globals.
(function (g) {
  "use strict";
  const reportError = g.__arun_reportError;
  const def = (obj, name, value) =>
    Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });

  // esbuild's lowered async generators and for await look this symbol up.
  if (!Symbol.asyncIterator) {
    Object.defineProperty(Symbol, "asyncIterator", { value: Symbol.for("Symbol.asyncIterator") });
  }
  // esbuild's lowered `using` / `await using` look these up the same way
  // (Symbol[name], else Symbol.for("Symbol." + name)): the same symbols.
  for (const name of ["dispose", "asyncDispose"]) {
    if (!Symbol[name]) Object.defineProperty(Symbol, name, { value: Symbol.for("Symbol." + name) });
  }

  def(g, "globalThis", g);
  def(g, "global", g);
  def(g, "self", g);

  // queueMicrotask: a promise job; an exception is an uncaught error, as in
  // browsers and Node, not a rejection.
  const resolved = Promise.resolve();
  def(g, "queueMicrotask", function queueMicrotask(fn) {
    if (typeof fn !== "function") {
      const e = new TypeError('The "callback" argument must be of type function');
      e.code = "ERR_INVALID_ARG_TYPE";
      throw e;
    }
    resolved.then(() => {
      try {
        fn();
      } catch (e) {
        reportError(e);
      }
    });
  });
  def(g, "reportError", function (e) { reportError(e); });

  if (!Promise.withResolvers) {
    def(Promise, "withResolvers", function withResolvers() {
      let resolve, reject;
      const promise = new this((a, b) => { resolve = a; reject = b; });
      return { promise, resolve, reject };
    });
  }
  if (!Promise.try) {
    def(Promise, "try", function (fn, ...args) {
      return new this((res) => res(fn(...args)));
    });
  }
  if (!Array.fromAsync) {
    def(Array, "fromAsync", async function fromAsync(items, mapFn, thisArg) {
      const out = [];
      if (items != null && typeof items[Symbol.asyncIterator] === "function") {
        const it = items[Symbol.asyncIterator]();
        for (;;) {
          const r = await it.next();
          if (r.done) break;
          out.push(mapFn ? await mapFn.call(thisArg, r.value, out.length) : r.value);
        }
        return out;
      }
      for (const v of Array.from(items)) {
        const x = await v;
        out.push(mapFn ? await mapFn.call(thisArg, x, out.length) : x);
      }
      return out;
    });
  }

  // structuredClone: the HTML structured clone algorithm for the types
  // scripts pass around (no transfer list).
  function cloneError(msg) {
    if (typeof g.DOMException === "function") return new g.DOMException(msg, "DataCloneError");
    const e = new Error(msg);
    e.name = "DataCloneError";
    e.code = 25;
    return e;
  }
  const typedArrays = [
    typeof Int8Array !== "undefined" && Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
    Int32Array, Uint32Array, Float32Array, Float64Array,
    typeof BigInt64Array !== "undefined" && BigInt64Array, typeof BigUint64Array !== "undefined" && BigUint64Array,
  ].filter(Boolean);
  const errorCtors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  def(g, "structuredClone", function structuredClone(value, options) {
    if (arguments.length === 0) throw new TypeError("structuredClone requires 1 argument");
    const seen = new Map();
    const walk = (v) => {
      const t = typeof v;
      if (t === "function") throw cloneError(`${v.name ? "function " + v.name : "function"} could not be cloned`);
      if (t === "symbol") throw cloneError(`${String(v)} could not be cloned`);
      if (v === null || t !== "object") return v;
      if (seen.has(v)) return seen.get(v);
      let out;
      if (Array.isArray(v)) {
        out = new Array(v.length);
        seen.set(v, out);
        for (const k of Object.keys(v)) out[k] = walk(v[k]);
        return out;
      }
      if (v instanceof Date) { out = new Date(v.getTime()); seen.set(v, out); return out; }
      if (v instanceof RegExp) { out = new RegExp(v.source, v.flags); seen.set(v, out); return out; }
      if (v instanceof Map) {
        out = new Map(); seen.set(v, out);
        for (const [k, x] of v) out.set(walk(k), walk(x));
        return out;
      }
      if (v instanceof Set) {
        out = new Set(); seen.set(v, out);
        for (const x of v) out.add(walk(x));
        return out;
      }
      if (v instanceof ArrayBuffer) { out = v.slice(0); seen.set(v, out); return out; }
      if (ArrayBuffer.isView(v)) {
        if (v instanceof DataView) {
          out = new DataView(walk(v.buffer), v.byteOffset, v.byteLength);
          seen.set(v, out);
          return out;
        }
        for (const C of typedArrays) {
          if (v instanceof C) { out = new C(walk(v.buffer), v.byteOffset, v.length); seen.set(v, out); return out; }
        }
      }
      if (v instanceof Error) {
        const C = errorCtors[v.name] || Error;
        out = new C(v.message);
        seen.set(v, out);
        if (v.name !== out.name) out.name = v.name;
        if (v.stack !== undefined) out.stack = v.stack;
        if ("cause" in v) out.cause = walk(v.cause);
        return out;
      }
      if (v instanceof Boolean) return new Boolean(v.valueOf());
      if (v instanceof Number) return new Number(v.valueOf());
      if (v instanceof String) return new String(v.valueOf());
      if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) {
        throw cloneError(`#<${v.constructor.name}> could not be cloned`);
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== null && proto !== Object.prototype && typeof v.constructor === "function" &&
          Object.prototype.toString.call(v) !== "[object Object]") {
        throw cloneError(`#<${v.constructor.name}> could not be cloned`);
      }
      out = {};
      seen.set(v, out);
      for (const k of Object.keys(v)) {
        // an own "__proto__" key stays a key (assignment would set the prototype)
        if (k === "__proto__") {
          Object.defineProperty(out, k, { value: walk(v[k]), writable: true, enumerable: true, configurable: true });
        } else out[k] = walk(v[k]);
      }
      return out;
    };
    return walk(value);
  });
})(this);
