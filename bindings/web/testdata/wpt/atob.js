// Our own cases modelled on WPT html/webappapis/atob: btoa against a
// reference encoder, atob against the forgiving-base64 decode algorithm.
const { test, eq, throws, run } = require("./harness.js");
const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function refBtoa(s) {
  s = String(s);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) return null;
  let out = "";
  for (let i = 0; i < s.length; i += 3) {
    const n = (s.charCodeAt(i) << 16) | ((s.charCodeAt(i + 1) || 0) << 8) | (s.charCodeAt(i + 2) || 0);
    out += A[(n >> 18) & 63] + A[(n >> 12) & 63];
    out += i + 1 < s.length ? A[(n >> 6) & 63] : "=";
    out += i + 2 < s.length ? A[n & 63] : "=";
  }
  return out;
}
function refAtob(s) {
  s = String(s).replace(/[\t\n\f\r ]/g, "");
  if (s.length % 4 === 0) s = s.replace(/==?$/, "");
  if (s.length % 4 === 1 || !/^[+/0-9A-Za-z]*$/.test(s)) return null;
  let out = "", buf = 0, bits = 0;
  for (const c of s) {
    buf = (buf << 6) | A.indexOf(c); bits += 6;
    if (bits >= 8) { bits -= 8; out += String.fromCharCode((buf >> bits) & 255); }
  }
  return out;
}
test("btoa.length and atob.length are 1", () => { eq(btoa.length, 1); eq(atob.length, 1); });
const btoaInputs = ["\u05e2\u05d1\u05e8\u05d9\u05ea", "", "a", "ab", "abc", "abcd", "abcde", "\xff\xff\xc0", "\0", "\0a", "a\0b",
  undefined, null, 7, 12, 1.5, true, false, NaN, Infinity, -Infinity, 0, -0, { toString() { return "foo"; } },
  String.fromCharCode(10000), String.fromCharCode(65534), String.fromCharCode(0xd800, 0xdc00)];
let all = "";
for (let i = 0; i < 256; i++) all += String.fromCharCode(i);
btoaInputs.push(all);
for (const input of btoaInputs) {
  test(`btoa(${JSON.stringify(String(input)).slice(0, 20)})`, () => {
    const want = refBtoa(input);
    if (want === null) { throws("InvalidCharacterError", () => btoa(input)); return; }
    eq(btoa(input), want); eq(atob(btoa(input)), String(input));
  });
}
test("btoa of every single code unit 0..257", () => {
  for (let i = 0; i < 258; i++) {
    const s = String.fromCharCode(i);
    if (i > 255) throws("InvalidCharacterError", () => btoa(s)); else eq(btoa(s), refBtoa(s));
  }
});
const atobInputs = ["", "abcd", " abcd", "abcd ", "abcd===", " abcd===", "abcd=== ", "abcd ===", "a", "ab", "abc", "abcde",
  String.fromCharCode(0xd800, 0xdc00), "=", "==", "===", "====", "=====", "a=", "a==", "a===", "a====", "ab=", "ab==", "ab===",
  "abc=", "abc==", "abcd=", "abcd==", "abcde=", "abcde==", "=a", "=a=", "a=b", "a=b=", "ab=c", "abc=d", "ab\ncd", "ab\tc\fd\r",
  "A", "/A", "//A", "///A", "////A", "/", "A/", "AA/", "AAAA/", "AAA/", "\0", "\0nonsense", "abcd\0nonsense",
  undefined, null, 7, 12, 1.5, true, false, NaN, Infinity, -Infinity, 0, -0, { toString() { return "abcd"; } }, "\u00a0abcd"];
for (const input of atobInputs) {
  test(`atob(${JSON.stringify(String(input))})`, () => {
    const want = refAtob(input);
    if (want === null) {
      const e = throws("InvalidCharacterError", () => atob(input));
      eq(e instanceof DOMException, true); eq(e.code, 5);
      return;
    }
    eq(atob(input), want);
  });
}
run("html/webappapis/atob");
// Output:
// html/webappapis/atob: 96/96 passed
