// Our own cases modelled on WPT encoding (api-basics, textdecoder-fatal,
// textdecoder-streaming, textdecoder-ignorebom, textencoder-utf16-surrogates,
// encodeInto).
const { test, eq, ok, throws, arr, run } = require("./harness.js");
const bytes = (...b) => new Uint8Array(b);

test("defaults", () => {
  eq(new TextEncoder().encoding, "utf-8"); const d = new TextDecoder();
  eq(d.encoding, "utf-8"); eq(d.fatal, false); eq(d.ignoreBOM, false);
});
test("encode() with no argument", () => { eq(new TextEncoder().encode().length, 0); });
test("round trip of a sample with astral characters", () => {
  const s = "z\xA2\u6C34\uD834\uDD1E\uF8FF\uDBFF\uDFFD\uFFFE";
  const u = new TextEncoder().encode(s);
  arr(u, [0x7A, 0xC2, 0xA2, 0xE6, 0xB0, 0xB4, 0xF0, 0x9D, 0x84, 0x9E, 0xEF, 0xA3, 0xBF, 0xF4, 0x8F, 0xBF, 0xBD, 0xEF, 0xBF, 0xBE]);
  eq(new TextDecoder().decode(u), s);
});
test("lone surrogates encode as U+FFFD", () => {
  arr(new TextEncoder().encode("\uD800"), [0xEF, 0xBF, 0xBD]);
  arr(new TextEncoder().encode("a\uDC00b"), [0x61, 0xEF, 0xBF, 0xBD, 0x62]);
  arr(new TextEncoder().encode("\uDC00\uD800"), [0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD]);
});
const fatalCases = [
  [0xFF], [0xC0], [0xE0], [0xC0, 0x00], [0xC0, 0xC0], [0xE0, 0x00], [0xE0, 0xC0], [0xE0, 0x80, 0x00],
  [0xF0, 0x80, 0x80], [0xF8, 0x80, 0x80, 0x80, 0x80], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
  [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
];
for (const c of fatalCases) {
  test(`fatal utf-8 ${c.map((b) => b.toString(16)).join(" ")}`, () => {
    throws(TypeError, () => new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(c)));
  });
}
test("fatal utf-16le odd byte", () => { throws(TypeError, () => new TextDecoder("utf-16le", { fatal: true }).decode(bytes(0x00))); });
test("fatal utf-16le lone surrogate", () => {
  throws(TypeError, () => new TextDecoder("utf-16le", { fatal: true }).decode(bytes(0x00, 0xd8)));
  throws(TypeError, () => new TextDecoder("utf-16le", { fatal: true }).decode(bytes(0x00, 0xdc, 0x00, 0x00)));
});
test("replacement for maximal subparts", () => {
  eq(new TextDecoder().decode(bytes(0xF0, 0x90, 0x80)), "\uFFFD");
  eq(new TextDecoder().decode(bytes(0xE0, 0x80)), "\uFFFD\uFFFD");
  eq(new TextDecoder().decode(bytes(0x61, 0xF0, 0x90, 0x80, 0x62)), "a\uFFFDb");
});
test("BOM is stripped unless ignoreBOM", () => {
  const u = bytes(0xEF, 0xBB, 0xBF, 0x61);
  eq(new TextDecoder().decode(u), "a");
  eq(new TextDecoder("utf-8", { ignoreBOM: true }).decode(u), "\uFEFFa");
  eq(new TextDecoder("utf-16le").decode(bytes(0xFF, 0xFE, 0x61, 0x00)), "a");
  eq(new TextDecoder("utf-16be").decode(bytes(0xFE, 0xFF, 0x00, 0x61)), "a");
});
test("BOM only stripped at the start of a stream", () => {
  const d = new TextDecoder();
  eq(d.decode(bytes(0xEF, 0xBB), { stream: true }), "");
  eq(d.decode(bytes(0xBF, 0x61), { stream: true }), "a");
  eq(d.decode(bytes(0xEF, 0xBB, 0xBF)), "\uFEFF");
  eq(d.decode(bytes(0xEF, 0xBB, 0xBF, 0x62)), "b");
});
test("streaming utf-8 split at every byte", () => {
  const s = "a\u00a2\u6c34\ud834\udd1e", u = new TextEncoder().encode(s);
  for (let chunk = 1; chunk <= 4; chunk++) {
    const d = new TextDecoder(); let out = "";
    for (let i = 0; i < u.length; i += chunk) out += d.decode(u.subarray(i, i + chunk), { stream: true });
    out += d.decode(); eq(out, s, `chunk ${chunk}`);
  }
});
test("streaming utf-16le", () => {
  const u = bytes(0x61, 0x00, 0x34, 0xD8, 0x1E, 0xDD);
  const d = new TextDecoder("utf-16le"); let out = "";
  for (const b of u) out += d.decode(bytes(b), { stream: true });
  eq(out + d.decode(), "a\uD834\uDD1E");
});
test("pending bytes at the end give U+FFFD", () => {
  const d = new TextDecoder(); eq(d.decode(bytes(0xE2, 0x82), { stream: true }), ""); eq(d.decode(), "\uFFFD");
});
test("labels", () => {
  for (const [l, n] of [["utf8", "utf-8"], [" UTF-8 ", "utf-8"], ["unicode-1-1-utf-8", "utf-8"], ["utf-16", "utf-16le"],
    ["UTF-16BE", "utf-16be"], ["latin1", "windows-1252"], ["ascii", "windows-1252"], ["iso-8859-2", "iso-8859-2"],
    ["shift_jis", "shift_jis"], ["gbk", "gbk"]]) eq(new TextDecoder(l).encoding, n, l);
});
test("unknown and replacement labels throw RangeError", () => {
  throws(RangeError, () => new TextDecoder("foo")); throws(RangeError, () => new TextDecoder("iso-2022-kr"));
});
test("windows-1252 decoding", () => { eq(new TextDecoder("latin1").decode(bytes(0x80, 0xE9, 0x41)), "\u20AC\u00E9A"); });
test("decode accepts ArrayBuffer and DataView", () => {
  const u = new TextEncoder().encode("hey");
  eq(new TextDecoder().decode(u.buffer), "hey");
  eq(new TextDecoder().decode(new DataView(u.buffer, 1)), "ey");
  eq(new TextDecoder().decode(new Uint16Array(u.buffer.slice(0, 2))), "he");
});
test("decode rejects non-buffers", () => { throws(TypeError, () => new TextDecoder().decode("abc")); });
test("encodeInto basic", () => {
  const dst = new Uint8Array(10);
  const r = new TextEncoder().encodeInto("Hi\u00e9", dst);
  eq(r.read, 3); eq(r.written, 4); arr(dst.subarray(0, 4), [0x48, 0x69, 0xC3, 0xA9]);
});
test("encodeInto stops before a character that does not fit", () => {
  const dst = new Uint8Array(5);
  const r = new TextEncoder().encodeInto("ab\ud834\udd1e", dst);
  eq(r.read, 2); eq(r.written, 2);
  const r2 = new TextEncoder().encodeInto("\ud834\udd1ea", new Uint8Array(4)); eq(r2.read, 2); eq(r2.written, 4);
});
test("encodeInto with a lone surrogate", () => {
  const r = new TextEncoder().encodeInto("\uD800x", new Uint8Array(4)); eq(r.read, 2); eq(r.written, 4);
});
test("encodeInto into a subarray", () => {
  const buf = new Uint8Array(6); const r = new TextEncoder().encodeInto("ab", buf.subarray(2));
  eq(r.written, 2); arr(buf, [0, 0, 0x61, 0x62, 0, 0]);
});
test("TextDecoderStream and TextEncoderStream", async () => {
  const parts = [];
  const rs = ReadableStream.from([bytes(0xE2), bytes(0x82, 0xAC), bytes(0x21)]).pipeThrough(new TextDecoderStream());
  for await (const p of rs) parts.push(p);
  eq(parts.join("|"), "\u20AC|!");
  const out = [];
  for await (const c of ReadableStream.from(["\uD834", "\uDD1E"]).pipeThrough(new TextEncoderStream())) out.push(...c);
  arr(out, [0xF0, 0x9D, 0x84, 0x9E]);
});
run("encoding");
// Output:
// encoding: 37/37 passed
