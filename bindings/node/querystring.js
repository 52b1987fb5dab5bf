// arun "querystring" module: Node's querystring (parse, stringify, escape,
// unescape and their aliases), with Node's handling of "+", repeated keys
// (arrays), maxKeys and malformed escapes (kept as they are).
(function (I, buffer) {
  "use strict";
  const { Buffer } = buffer;

  function qsEscape(str) {
    if (typeof str !== "string") {
      if (typeof str === "object") str = String(str);
      else str += "";
    }
    try {
      return encodeURIComponent(str);
    } catch (e) {
      throw I.nodeError(URIError, "ERR_INVALID_URI", "URI malformed");
    }
  }
  const hexVal = (c) => {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 65 && c <= 70) return c - 55;
    if (c >= 97 && c <= 102) return c - 87;
    return -1;
  };
  // unescapeBuffer decodes %XX escapes (and "+" when decodeSpaces) into
  // bytes; a malformed escape stays as it is.
  function unescapeBuffer(s, decodeSpaces) {
    const src = Buffer.from(String(s));
    const out = Buffer.allocUnsafe(src.length);
    let n = 0;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if (c === 43 && decodeSpaces) { out[n++] = 32; continue; }
      if (c === 37 && i + 2 < src.length + 0 && i + 2 <= src.length - 1) {
        const h = hexVal(src[i + 1]), l = hexVal(src[i + 2]);
        if (h >= 0 && l >= 0) { out[n++] = h * 16 + l; i += 2; continue; }
      }
      out[n++] = c;
    }
    return out.slice(0, n);
  }
  function qsUnescape(s, decodeSpaces) {
    try {
      return decodeURIComponent(s);
    } catch (e) {
      return unescapeBuffer(s, decodeSpaces).toString();
    }
  }
  function stringifyPrimitive(v) {
    if (typeof v === "string") return v;
    if (typeof v === "number" && isFinite(v)) return "" + v;
    if (typeof v === "bigint") return "" + v;
    if (typeof v === "boolean") return v ? "true" : "false";
    return "";
  }
  function stringify(obj, sep, eq, options) {
    sep = sep || "&";
    eq = eq || "=";
    let encode = exports.escape;
    if (options && typeof options.encodeURIComponent === "function") encode = options.encodeURIComponent;
    const convert = (v) => encode(stringifyPrimitive(v));
    if (obj !== null && typeof obj === "object") {
      const keys = Object.keys(obj);
      const fields = [];
      for (const k of keys) {
        const v = obj[k];
        const ks = convert(k) + eq;
        if (Array.isArray(v)) {
          for (const x of v) fields.push(ks + convert(x));
        } else fields.push(ks + convert(v));
      }
      return fields.join(sep);
    }
    return "";
  }
  function parse(qs, sep, eq, options) {
    const obj = Object.create(null);
    if (typeof qs !== "string" || qs.length === 0) return obj;
    sep = sep ? String(sep) : "&";
    eq = eq ? String(eq) : "=";
    let maxKeys = 1000;
    if (options && typeof options.maxKeys === "number") maxKeys = options.maxKeys;
    let decode = qsUnescape;
    if (options && typeof options.decodeURIComponent === "function") decode = options.decodeURIComponent;
    const custom = decode !== qsUnescape;
    let parts = qs.split(sep);
    if (maxKeys > 0 && parts.length > maxKeys) parts = parts.slice(0, maxKeys);
    const dec = (s) => {
      s = s.replace(/\+/g, " ");
      if (!custom && !s.includes("%")) return s;
      try {
        return decode(s);
      } catch (e) {
        return qsUnescape(s, true);
      }
    };
    for (const part of parts) {
      if (part.length === 0) continue;
      const idx = part.indexOf(eq);
      let k, v;
      if (idx >= 0) { k = part.slice(0, idx); v = part.slice(idx + eq.length); } else { k = part; v = ""; }
      k = dec(k);
      v = dec(v);
      if (!(k in obj)) obj[k] = v;
      else if (Array.isArray(obj[k])) obj[k].push(v);
      else obj[k] = [obj[k], v];
    }
    return obj;
  }
  const exports = {
    unescapeBuffer, unescape: qsUnescape, escape: qsEscape, stringify, encode: stringify, parse, decode: parse,
  };
  return exports;
})
