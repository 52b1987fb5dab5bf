// arun's "assert" module (also node:assert, assert/strict, node:assert/strict):
// Node's assert API with Node's messages, deep-equality rules and
// "+ actual - expected" diffs. Evaluated once per runtime; the completion
// value is a function returning the legacy-mode assert (its .strict property
// is the strict mode one).
(function () {
  "use strict";

  // ---- inspect: Node's util.inspect with compact:false, sorted keys (the
  // settings Node's assert uses for its diffs), one line per property.

  const objToString = Object.prototype.toString;
  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isPlainIdent = (k) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k);

  function quote(s) {
    let q = "'";
    if (s.includes("'")) q = !s.includes('"') ? '"' : !s.includes("`") ? "`" : "'";
    let out = "";
    for (const ch of s) {
      const c = ch.charCodeAt(0);
      if (ch === q || ch === "\\") out += "\\" + ch;
      else if (ch === "\n") out += "\\n";
      else if (ch === "\t") out += "\\t";
      else if (ch === "\r") out += "\\r";
      else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0").toUpperCase();
      else out += ch;
    }
    return q + out + q;
  }

  function keyString(k) {
    if (typeof k === "symbol") return "[" + k.toString() + "]";
    return isPlainIdent(k) ? k : quote(k);
  }

  function ctorName(v) {
    const proto = Object.getPrototypeOf(v);
    if (proto === null) return null;
    const c = proto.constructor;
    return typeof c === "function" && c.name ? c.name : "";
  }

  function fnString(v) {
    let src = "";
    try { src = Function.prototype.toString.call(v); } catch (_) { /* ignore */ }
    if (src.startsWith("class")) return "[class " + (v.name || "(anonymous)") + "]";
    const kind = src.startsWith("async") ? "AsyncFunction" : "Function";
    return v.name ? `[${kind}: ${v.name}]` : `[${kind} (anonymous)]`;
  }

  function primitive(v) {
    switch (typeof v) {
      case "string": return quote(v);
      case "number": return Object.is(v, -0) ? "-0" : String(v);
      case "bigint": return String(v) + "n";
      case "symbol": return v.toString();
      case "undefined": return "undefined";
      case "boolean": return String(v);
      case "function": return fnString(v);
    }
    if (v === null) return "null";
    return null;
  }

  const typedNames = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
    "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];

  // lines renders v as lines (the first without indentation, the rest
  // indented by their depth).
  function lines(v, seen, depth) {
    const p = primitive(v);
    if (p !== null && typeof v !== "function") return [p];
    if (typeof v === "function" && ownKeys(v).length === 0) return [p];
    if (seen.includes(v)) return ["[Circular *1]"];
    if (depth > 1000) return ["[Object]"];
    const tag = objToString.call(v);
    if (v instanceof Date || tag === "[object Date]") {
      const t = v.getTime();
      return [isNaN(t) ? "Invalid Date" : v.toISOString()];
    }
    if (v instanceof RegExp) return [String(v)];
    if (v instanceof Error) {
      const keys = ownKeys(v).filter((k) => k !== "stack" && k !== "message");
      const head = `[${v.name || "Error"}: ${v.message}]`;
      if (keys.length === 0) return [head];
      return block(head + " {", "}", keys.map((k) => [keyString(k) + ": ", v[k]]), seen.concat([v]), depth);
    }
    if (typeof v === "object" && (tag === "[object Number]" || tag === "[object String]" || tag === "[object Boolean]")) {
      const inner = primitive(v.valueOf());
      return [`[${tag.slice(8, -1)}: ${inner}]`];
    }
    const s2 = seen.concat([v]);
    if (Array.isArray(v)) {
      const entries = [];
      for (let i = 0; i < v.length; i++) entries.push(["", v[i], !(i in v)]);
      const extra = ownKeys(v).filter((k) => typeof k === "symbol" || !/^\d+$/.test(k) && k !== "length");
      for (const k of extra) entries.push([keyString(k) + ": ", v[k]]);
      const name = ctorName(v);
      const head = name && name !== "Array" ? `${name}(${v.length}) [` : "[";
      return block(head, "]", entries, s2, depth);
    }
    if (v instanceof Map) {
      const entries = [];
      for (const [k, x] of v) entries.push([null, k, false, x]);
      return block(`Map(${v.size}) {`, "}", entries, s2, depth);
    }
    if (v instanceof Set) {
      const entries = [];
      for (const x of v) entries.push(["", x]);
      return block(`Set(${v.size}) {`, "}", entries, s2, depth);
    }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const name = ctorName(v) || "TypedArray";
      const entries = [];
      for (let i = 0; i < v.length; i++) entries.push(["", v[i]]);
      return block(`${name}(${v.length}) [`, "]", entries, s2, depth);
    }
    if (v instanceof Promise) return ["Promise {}"];
    const keys = ownKeys(v);
    let name = ctorName(v);
    let head;
    if (typeof v === "function") head = fnString(v) + " {";
    else if (name === null) head = "[Object: null prototype] {";
    else if (name === "Object" || name === "") head = "{";
    else head = name + " {";
    if (keys.length === 0) return [head + "}"];
    return block(head, "}", keys.map((k) => [keyString(k) + ": ", v[k]]), s2, depth);
  }

  function ownKeys(v) {
    const keys = Object.keys(v).sort();
    for (const s of Object.getOwnPropertySymbols(v)) {
      if (Object.prototype.propertyIsEnumerable.call(v, s)) keys.push(s);
    }
    return keys;
  }

  function block(open, close, entries, seen, depth) {
    if (entries.length === 0) return [open + close];
    const out = [open];
    entries.forEach((e, i) => {
      const last = i === entries.length - 1;
      let sub;
      if (e[2]) sub = ["<1 empty item>"];
      else if (e[0] === null) {
        // a Map entry: key => value
        const k = lines(e[1], seen, depth + 1);
        const x = lines(e[3], seen, depth + 1);
        sub = k.slice(0, -1).concat([k[k.length - 1] + " => " + x[0]], x.slice(1));
      } else {
        const x = lines(e[1], seen, depth + 1);
        sub = [e[0] + x[0]].concat(x.slice(1));
      }
      if (!last) sub[sub.length - 1] += ",";
      for (const l of sub) out.push("  " + l);
    });
    out.push(close);
    return out;
  }

  function inspect(v) { return lines(v, [], 0).join("\n"); }

  // ---- diff: line LCS between inspect(actual) and inspect(expected).

  function diffLines(a, e) {
    const n = a.length, m = e.length;
    if (n * m > 4e6) {
      // too big for LCS: show both whole
      return a.map((l) => ["+", l]).concat(e.map((l) => ["-", l]));
    }
    const dp = [];
    for (let i = 0; i <= n; i++) dp.push(new Int32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        dp[i][j] = a[i] === e[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
      }
    }
    const out = [];
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === e[j]) { out.push([" ", a[i]]); i++; j++; }
      else if (j >= m || (i < n && dp[i + 1][j] >= dp[i][j + 1])) { out.push(["+", a[i]]); i++; }
      else { out.push(["-", e[j]]); j++; }
    }
    return out;
  }

  // renderDiff prints the diff, eliding long runs of unchanged lines.
  function renderDiff(actual, expected) {
    const d = diffLines(inspect(actual).split("\n"), inspect(expected).split("\n"));
    const out = [];
    const keep = 3;
    for (let i = 0; i < d.length;) {
      if (d[i][0] !== " ") { out.push(d[i][0] + " " + d[i][1]); i++; continue; }
      let j = i;
      while (j < d.length && d[j][0] === " ") j++;
      const run = d.slice(i, j);
      const atStart = i === 0, atEnd = j === d.length;
      const head = atStart ? 0 : keep, tail = atEnd ? 0 : keep;
      if (run.length > head + tail + 4 && !(atStart && atEnd)) {
        for (const x of run.slice(0, head)) out.push("  " + x[1]);
        out.push("...");
        for (const x of run.slice(run.length - tail)) out.push("  " + x[1]);
      } else {
        for (const x of run) out.push("  " + x[1]);
      }
      i = j;
    }
    return "+ actual - expected\n\n" + out.join("\n");
  }

  // ---- AssertionError

  class AssertionError extends Error {
    constructor(options) {
      if (options === null || typeof options !== "object") {
        throw invalidArg("options", "object", options);
      }
      const { message, actual, expected, operator } = options;
      let msg = message;
      const generated = msg === undefined || msg === null;
      if (generated) msg = generateMessage(actual, expected, operator);
      super(String(msg));
      Object.defineProperty(this, "name", { value: "AssertionError", writable: true, configurable: true, enumerable: false });
      this.generatedMessage = generated;
      this.code = "ERR_ASSERTION";
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    toString() { return `${this.name} [${this.code}]: ${this.message}`; }
  }

  const kReadableOperator = {
    deepStrictEqual: "Expected values to be strictly deep-equal:",
    strictEqual: "Expected values to be strictly equal:",
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: "Expected values to be loosely deep-equal:",
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: "Values identical but not reference-equal:",
    notDeepEqualUnequal: "Expected values not to be loosely deep-equal:",
  };

  function generateMessage(actual, expected, operator) {
    switch (operator) {
      case "deepStrictEqual":
      case "strictEqual": {
        const a = inspect(actual), e = inspect(expected);
        if (operator === "strictEqual" && !a.includes("\n") && !e.includes("\n") &&
            (typeof actual !== "object" || actual === null) && (typeof expected !== "object" || expected === null)) {
          return `${kReadableOperator.strictEqual}\n\n${a} !== ${e}\n`;
        }
        if (a === e) {
          const head = operator === "strictEqual" ? "Values have same structure but are not reference-equal:"
            : "Values have same structure but are not reference-equal:";
          return `${head}\n\n${a}\n`;
        }
        return `${kReadableOperator[operator]}\n${renderDiff(actual, expected)}`;
      }
      case "notDeepStrictEqual":
      case "notStrictEqual": {
        const e = inspect(expected);
        if (operator === "notStrictEqual" && (typeof actual === "object" && actual !== null)) {
          return `${kReadableOperator.notStrictEqualObject}\n\n${e}\n`;
        }
        if (!e.includes("\n")) return `${kReadableOperator[operator]} ${e}`;
        return `${kReadableOperator[operator]}\n\n${e}\n`;
      }
      case "deepEqual":
        return `${kReadableOperator.deepEqual}\n\n${inspect(actual)}\n\nshould loosely deep-equal\n\n${inspect(expected)}`;
      case "notDeepEqual":
        return `${kReadableOperator.notDeepEqualUnequal}\n\n${inspect(actual)}\n`;
      case "==":
      case "!=":
        return `${inspect(actual)} ${operator} ${inspect(expected)}`;
      case "fail":
        return "Failed";
    }
    return `${inspect(actual)} ${operator} ${inspect(expected)}`;
  }

  function invalidArg(name, type, value) {
    let recv;
    if (value === null) recv = "null";
    else if (value === undefined) recv = "undefined";
    else if (typeof value === "function") recv = `function ${value.name}`;
    else if (typeof value === "object") recv = value.constructor && value.constructor.name ? `an instance of ${value.constructor.name}` : inspect(value);
    else recv = `type ${typeof value} (${inspect(value)})`;
    const e = new TypeError(`The "${name}" argument must be of type ${type}. Received ${recv}`);
    e.code = "ERR_INVALID_ARG_TYPE";
    return e;
  }

  function innerFail(obj) {
    if (obj.message instanceof Error) throw obj.message;
    const err = new AssertionError(obj);
    if (obj.generated) err.generatedMessage = true;
    throw err;
  }

  // ---- deep equality (Node's rules for strict and loose modes)

  function isDeepEqual(a, b, strict, memo) {
    if (strict ? Object.is(a, b) : a === b) return true;
    if (!strict) {
      const ao = a !== null && typeof a === "object", bo = b !== null && typeof b === "object";
      if (!ao || !bo) {
        if (ao || bo) return false;
        // eslint-disable-next-line eqeqeq
        return a == b || (a !== a && b !== b);
      }
    } else {
      if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
        if (typeof a === "function" && typeof b === "function") return false;
        return false;
      }
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    }
    const tagA = objToString.call(a);
    if (tagA !== objToString.call(b)) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;

    for (const pair of memo) if (pair[0] === a && pair[1] === b) return true;
    memo.push([a, b]);
    try {
      return compareObjects(a, b, strict, memo, tagA);
    } finally {
      memo.pop();
    }
  }

  function compareObjects(a, b, strict, memo, tag) {
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
    } else if (a instanceof Date) {
      if (a.getTime() !== b.getTime()) return false;
    } else if (a instanceof RegExp) {
      if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (a instanceof Error) {
      if (a.message !== b.message || a.name !== b.name) return false;
    } else if (ArrayBuffer.isView(a)) {
      if (a.byteLength !== b.byteLength) return false;
      if (!(a instanceof DataView)) {
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) {
          if (strict ? !Object.is(a[i], b[i]) : a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
        }
        return compareKeys(a, b, strict, memo, (k) => !/^\d+$/.test(k));
      }
      const ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return false;
    } else if (a instanceof ArrayBuffer) {
      if (a.byteLength !== b.byteLength) return false;
      const ua = new Uint8Array(a), ub = new Uint8Array(b);
      for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return false;
    } else if (tag === "[object Number]" || tag === "[object String]" || tag === "[object Boolean]" ||
               tag === "[object BigInt]" || tag === "[object Symbol]") {
      if (!Object.is(a.valueOf(), b.valueOf())) return false;
    } else if (a instanceof Map) {
      if (a.size !== b.size) return false;
      if (!compareMaps(a, b, strict, memo)) return false;
    } else if (a instanceof Set) {
      if (a.size !== b.size) return false;
      if (!compareSets(a, b, strict, memo)) return false;
    } else if (a instanceof WeakMap || a instanceof WeakSet || a instanceof Promise) {
      return false;
    }
    return compareKeys(a, b, strict, memo, null);
  }

  function keysOf(o, strict) {
    const keys = Object.keys(o);
    if (strict) {
      for (const s of Object.getOwnPropertySymbols(o)) {
        if (Object.prototype.propertyIsEnumerable.call(o, s)) keys.push(s);
      }
    }
    return keys;
  }

  function compareKeys(a, b, strict, memo, only) {
    let ka = keysOf(a, strict), kb = keysOf(b, strict);
    if (only) { ka = ka.filter(only); kb = kb.filter(only); }
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
    }
    for (const k of ka) {
      if (!isDeepEqual(a[k], b[k], strict, memo)) return false;
    }
    return true;
  }

  function compareSets(a, b, strict, memo) {
    let rest = null;
    for (const v of a) {
      if (b.has(v)) continue;
      if ((typeof v === "object" && v !== null) || !strict) {
        if (rest === null) rest = [];
        rest.push(v);
      } else return false;
    }
    if (rest === null) return true;
    const pool = [];
    for (const v of b) if (!a.has(v)) pool.push(v);
    for (const v of rest) {
      const i = pool.findIndex((w) => isDeepEqual(v, w, strict, memo));
      if (i < 0) return false;
      pool.splice(i, 1);
    }
    return true;
  }

  function compareMaps(a, b, strict, memo) {
    let rest = null;
    for (const [k, v] of a) {
      if (b.has(k)) {
        if (!isDeepEqual(v, b.get(k), strict, memo)) return false;
        continue;
      }
      if ((typeof k === "object" && k !== null) || !strict) {
        if (rest === null) rest = [];
        rest.push([k, v]);
      } else return false;
    }
    if (rest === null) return true;
    const pool = [];
    for (const [k, v] of b) if (!a.has(k)) pool.push([k, v]);
    for (const [k, v] of rest) {
      const i = pool.findIndex((w) => isDeepEqual(k, w[0], strict, memo) && isDeepEqual(v, w[1], strict, memo));
      if (i < 0) return false;
      pool.splice(i, 1);
    }
    return true;
  }

  // ---- the assertions

  function ok(...args) {
    if (args.length === 0) {
      innerFail({ message: "No value argument passed to `assert.ok()`", generated: true, actual: undefined, expected: true, operator: "==" });
    }
    const [value, message] = args;
    if (!value) {
      innerFail({
        message: message !== undefined ? message : `The expression evaluated to a falsy value:\n\n  assert.ok(${inspect(value)})\n`,
        generated: message === undefined, actual: value, expected: true, operator: "==",
      });
    }
  }

  function strictEqual(actual, expected, message) {
    if (!Object.is(actual, expected)) innerFail({ actual, expected, message, operator: "strictEqual" });
  }
  function notStrictEqual(actual, expected, message) {
    if (Object.is(actual, expected)) innerFail({ actual, expected, message, operator: "notStrictEqual" });
  }
  function deepStrictEqual(actual, expected, message) {
    if (!isDeepEqual(actual, expected, true, [])) innerFail({ actual, expected, message, operator: "deepStrictEqual" });
  }
  function notDeepStrictEqual(actual, expected, message) {
    if (isDeepEqual(actual, expected, true, [])) innerFail({ actual, expected, message, operator: "notDeepStrictEqual" });
  }
  function equal(actual, expected, message) {
    // eslint-disable-next-line eqeqeq
    if (!(actual == expected || (actual !== actual && expected !== expected))) {
      innerFail({ actual, expected, message, operator: "==" });
    }
  }
  function notEqual(actual, expected, message) {
    // eslint-disable-next-line eqeqeq
    if (actual == expected || (actual !== actual && expected !== expected)) {
      innerFail({ actual, expected, message, operator: "!=" });
    }
  }
  function deepEqual(actual, expected, message) {
    if (!isDeepEqual(actual, expected, false, [])) innerFail({ actual, expected, message, operator: "deepEqual" });
  }
  function notDeepEqual(actual, expected, message) {
    if (isDeepEqual(actual, expected, false, [])) innerFail({ actual, expected, message, operator: "notDeepEqual" });
  }

  function fail(message) {
    if (message instanceof Error) throw message;
    if (arguments.length >= 2) {
      // legacy fail(actual, expected, message, operator)
      const [actual, expected, msg, operator] = arguments;
      innerFail({ actual, expected, message: msg, operator: operator === undefined ? "fail" : operator });
    }
    innerFail({ message: message === undefined ? "Failed" : message, generated: message === undefined, operator: "fail" });
  }

  function match(string, regexp, message) { matches(string, regexp, message, true, match); }
  function doesNotMatch(string, regexp, message) { matches(string, regexp, message, false, doesNotMatch); }
  function matches(string, regexp, message, want, fn) {
    if (!(regexp instanceof RegExp)) throw invalidArg("regexp", "RegExp", regexp);
    if (typeof string !== "string" || regexp.test(string) !== want) {
      if (message instanceof Error) throw message;
      const generated = message === undefined;
      let msg = message;
      if (generated) {
        if (typeof string !== "string") {
          msg = `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`;
        } else {
          msg = (want ? `The input did not match the regular expression ${inspect(regexp)}. Input:\n\n${inspect(string)}\n`
            : `The input was expected to not match the regular expression ${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
        }
      }
      const err = new AssertionError({ actual: string, expected: regexp, message: msg, operator: fn.name });
      err.generatedMessage = generated;
      throw err;
    }
  }

  const NO_EXCEPTION = {};
  // Comparison holds the compared properties in throws() diffs, as in Node.
  function Comparison() {}

  function getActual(fn) {
    if (typeof fn !== "function") throw invalidArg("fn", "function", fn);
    try { fn(); } catch (e) { return e; }
    return NO_EXCEPTION;
  }

  async function waitActual(promiseFn) {
    let p;
    if (typeof promiseFn === "function") {
      p = promiseFn();
      if (!p || typeof p.then !== "function") {
        const e = new TypeError(`Expected instance of Promise to be returned from the "promiseFn" function but got ${p === undefined ? "undefined" : "type " + typeof p}.`);
        e.code = "ERR_INVALID_RETURN_VALUE";
        throw e;
      }
    } else if (promiseFn && typeof promiseFn.then === "function") {
      p = promiseFn;
    } else {
      throw invalidArg("promiseFn", "function or an instance of Promise", promiseFn);
    }
    try { await p; } catch (e) { return e; }
    return NO_EXCEPTION;
  }

  function errorName(e) {
    if (e && typeof e === "object" && e.constructor && e.constructor.name) return e.constructor.name;
    return typeof e;
  }

  function errorMessage(e) {
    return e && typeof e === "object" && "message" in e ? String(e.message) : inspect(e);
  }

  // expectedException checks a caught error against throws()'s second argument.
  function expectedException(actual, expected, message, fn) {
    let generated = false, msg = message, throwError = false;
    if (typeof expected !== "function") {
      if (expected instanceof RegExp) {
        const str = String(actual);
        if (expected.test(str)) return;
        if (msg === undefined) {
          generated = true;
          msg = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
        }
        throwError = true;
      } else if (typeof actual !== "object" || actual === null) {
        const err = new AssertionError({ actual, expected, message: msg, operator: "deepStrictEqual" });
        err.operator = fn.name;
        throw err;
      } else {
        const keys = Object.keys(expected);
        if (expected instanceof Error) keys.push("name", "message");
        else if (keys.length === 0) throw invalidArg("error", "function, RegExp or a non-empty object", expected);
        for (const k of keys) {
          const want = expected[k], got = actual[k];
          if (typeof got === "string" && want instanceof RegExp && want.test(got)) continue;
          if (!(k in actual) || !isDeepEqual(got, want, true, [])) {
            // compare only the listed keys, like Node
            const a = new Comparison(), e = new Comparison();
            for (const key of keys) {
              if (key in actual) a[key] = actual[key];
              e[key] = expected[key];
            }
            const err = new AssertionError({ actual: a, expected: e, operator: "deepStrictEqual", message: msg });
            err.actual = actual;
            err.expected = expected;
            err.operator = fn.name;
            throw err;
          }
        }
        return;
      }
    } else if (expected.prototype !== undefined && actual instanceof expected) {
      return;
    } else if (Error.isPrototypeOf(expected) || expected === Error) {
      if (msg === undefined) {
        generated = true;
        msg = `The error is expected to be an instance of "${expected.name}". Received "${errorName(actual)}"\n\nError message:\n\n${errorMessage(actual)}`;
      }
      throwError = true;
    } else {
      const res = expected.call({}, actual);
      if (res !== true) {
        if (msg === undefined) {
          generated = true;
          const name = expected.name ? `"${expected.name}" ` : "";
          msg = `The ${name}validation function is expected to return "true". Received ${inspect(res)}\n\nCaught error:\n\n${String(actual)}`;
        }
        throwError = true;
      }
    }
    if (throwError) {
      if (msg instanceof Error) throw msg;
      const err = new AssertionError({ actual, expected, message: msg, operator: fn.name });
      err.generatedMessage = generated;
      throw err;
    }
  }

  function checkThrows(fn, actual, error, message) {
    if (typeof error === "string") {
      if (message !== undefined) throw invalidArg("error", "Object, Error, Function, or RegExp", error);
      message = error;
      error = undefined;
    }
    if (actual === NO_EXCEPTION) {
      let details = "";
      if (error && error.name) details += ` (${error.name})`;
      details += message ? `: ${message}` : ".";
      const what = fn === rejects ? "rejection" : "exception";
      innerFail({ actual: undefined, expected: error, operator: fn.name, message: `Missing expected ${what}${details}` });
    }
    if (error !== undefined) expectedException(actual, error, message, fn);
  }

  function checkDoesNotThrow(fn, actual, error, message) {
    if (actual === NO_EXCEPTION) return;
    if (typeof error === "string") { message = error; error = undefined; }
    if (!error || (typeof error === "function" && error.prototype !== undefined && actual instanceof error) ||
        (error instanceof RegExp && error.test(String(actual)))) {
      const details = message ? `: ${message}` : ".";
      const what = fn === doesNotReject ? "rejection" : "exception";
      innerFail({
        actual, expected: error, operator: fn.name,
        message: `Got unwanted ${what}${details}\nActual message: "${errorMessage(actual)}"`,
      });
    }
    throw actual;
  }

  function throws(fn, error, message) { checkThrows(throws, getActual(fn), error, message); }
  async function rejects(promiseFn, error, message) { checkThrows(rejects, await waitActual(promiseFn), error, message); }
  function doesNotThrow(fn, error, message) { checkDoesNotThrow(doesNotThrow, getActual(fn), error, message); }
  async function doesNotReject(fn, error, message) { checkDoesNotThrow(doesNotReject, await waitActual(fn), error, message); }

  function ifError(err) {
    if (err === null || err === undefined) return;
    let message = "ifError got unwanted exception: ";
    message += typeof err === "object" && typeof err.message === "string"
      ? (err.message.length === 0 && err.constructor ? err.constructor.name : err.message)
      : inspect(err);
    const e = new AssertionError({ actual: err, expected: null, operator: "ifError", message });
    throw e;
  }

  // ---- the two modes

  function make(strictMode) {
    const assert = strictMode
      ? function strict(...args) { ok(...args); }
      : function ok_(...args) { ok(...args); };
    Object.defineProperty(assert, "name", { value: strictMode ? "strict" : "ok" });
    Object.assign(assert, {
      ok, fail, strictEqual, notStrictEqual, deepStrictEqual, notDeepStrictEqual,
      equal: strictMode ? strictEqual : equal,
      notEqual: strictMode ? notStrictEqual : notEqual,
      deepEqual: strictMode ? deepStrictEqual : deepEqual,
      notDeepEqual: strictMode ? notDeepStrictEqual : notDeepEqual,
      throws, doesNotThrow, rejects, doesNotReject, match, doesNotMatch, ifError,
      AssertionError,
    });
    return assert;
  }

  const legacy = make(false);
  const strict = make(true);
  legacy.strict = strict;
  strict.strict = strict;
  return legacy;
})
