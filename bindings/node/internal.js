// Helpers shared by arun's Node core modules: Node's error codes and the
// exact wording of its argument errors. Run once per runtime; the object it
// returns is passed to each module's script.
(function () {
  "use strict";
  function nodeError(Ctor, code, message) {
    const e = new Ctor(message);
    Object.defineProperty(e, "code", { value: code, enumerable: true, writable: true, configurable: true });
    return e;
  }
  // describe is the "Received ..." part of Node's ERR_INVALID_ARG_TYPE.
  function describe(v) {
    if (v == null) return ` Received ${v}`;
    if (typeof v === "function") return ` Received function ${v.name}`;
    if (typeof v === "object") {
      if (v.constructor && v.constructor.name) return ` Received an instance of ${v.constructor.name}`;
      return " Received [object Object]";
    }
    let s = typeof v === "symbol" ? v.toString() : String(v);
    if (typeof v === "string") {
      if (s.length > 28) s = s.slice(0, 25) + "...";
      s = s.includes("'") ? (s.includes('"') ? `\`${s}\`` : `"${s}"`) : `'${s}'`;
    }
    if (typeof v === "bigint") s += "n";
    return ` Received type ${typeof v} (${s})`;
  }
  function invalidArgType(name, expected, value) {
    const what = name.includes(".") ? "property" : "argument";
    const prefix = name.endsWith(" argument") ? `The ${name}` : `The "${name}" ${what}`;
    return nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `${prefix} must be ${expected}.${describe(value)}`);
  }
  function invalidArgValue(name, value, reason = "is invalid") {
    let shown;
    try { shown = typeof value === "string" ? `'${value}'` : String(value); } catch (e) { shown = typeof value; }
    const what = name.includes(".") ? "property" : "argument";
    return nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The ${what} '${name}' ${reason}. Received ${shown}`);
  }
  function addSeparators(s) {
    let res = "", i = s.length;
    const start = s[0] === "-" ? 1 : 0;
    for (; i >= start + 4; i -= 3) res = `_${s.slice(i - 3, i)}${res}`;
    return `${s.slice(0, i)}${res}`;
  }
  function outOfRange(name, range, value) {
    let received;
    if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) received = addSeparators(String(value));
    else if (typeof value === "bigint") {
      received = String(value);
      if (value > 2n ** 32n || value < -(2n ** 32n)) received = addSeparators(received);
      received += "n";
    } else received = typeof value === "string" ? `'${value}'` : String(value);
    return nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
  }
  function validateFunction(v, name) {
    if (typeof v !== "function") throw invalidArgType(name, "of type function", v);
  }
  function validateString(v, name) {
    if (typeof v !== "string") throw invalidArgType(name, "of type string", v);
  }
  function validateObject(v, name) {
    if (v === null || typeof v !== "object" || Array.isArray(v)) throw invalidArgType(name, "of type object", v);
  }
  function validateNumber(v, name, min, max) {
    if (typeof v !== "number") throw invalidArgType(name, "of type number", v);
    if ((min != null && v < min) || (max != null && v > max) || ((min != null || max != null) && Number.isNaN(v))) {
      throw outOfRange(name, `${min != null ? `>= ${min}` : ""}${min != null && max != null ? " && " : ""}${max != null ? `<= ${max}` : ""}`, v);
    }
  }
  function validateInteger(v, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
    if (typeof v !== "number") throw invalidArgType(name, "of type number", v);
    if (!Number.isInteger(v)) throw outOfRange(name, "an integer", v);
    if (v < min || v > max) throw outOfRange(name, `>= ${min} && <= ${max}`, v);
  }
  function validateBoolean(v, name) {
    if (typeof v !== "boolean") throw invalidArgType(name, "of type boolean", v);
  }
  return {
    nodeError, describe, invalidArgType, invalidArgValue, outOfRange, addSeparators,
    validateFunction, validateString, validateObject, validateNumber, validateInteger, validateBoolean,
  };
})
