// arun "string_decoder" module: Node's StringDecoder, which decodes a byte
// stream in chunks without splitting a character (a UTF-8 sequence, a
// UTF-16 surrogate pair, a base64 group) across them.
(function (I, buffer) {
  "use strict";
  const { Buffer } = buffer;
  const kPending = Symbol("pending");

  function normalize(enc) {
    const e = enc === undefined || enc === null ? "utf8" : String(enc).toLowerCase();
    switch (e) {
      case "utf8": case "utf-8": return "utf8";
      case "ucs2": case "ucs-2": case "utf16le": case "utf-16le": return "utf16le";
      case "latin1": case "binary": return "latin1";
      case "base64": case "base64url": case "hex": case "ascii": return e;
    }
    throw I.nodeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`);
  }
  // utf8Incomplete is how many bytes at the end of b start a character
  // that is not complete yet.
  function utf8Incomplete(b) {
    const n = b.length;
    for (let back = 1; back <= Math.min(3, n); back++) {
      const c = b[n - back];
      if ((c & 0xc0) === 0x80) continue; // a continuation byte
      const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 1;
      return need > back ? back : 0;
    }
    return 0;
  }
  class StringDecoder {
    constructor(encoding) {
      this.encoding = normalize(encoding);
      this[kPending] = Buffer.alloc(0);
    }
    write(buf) {
      if (typeof buf === "string") return buf;
      if (!ArrayBuffer.isView(buf)) {
        throw I.invalidArgType("buf", "an instance of Buffer, TypedArray, or DataView", buf);
      }
      let b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
      if (this[kPending].length) b = Buffer.concat([this[kPending], b]);
      let keep = 0;
      switch (this.encoding) {
        case "utf8":
          keep = utf8Incomplete(b);
          break;
        case "utf16le": {
          keep = b.length % 2;
          const end = b.length - keep;
          if (end >= 2) {
            const last = b[end - 2] | (b[end - 1] << 8);
            if (last >= 0xd800 && last <= 0xdbff) keep += 2;
          }
          break;
        }
        case "base64": case "base64url":
          keep = b.length % 3;
          break;
      }
      this[kPending] = Buffer.from(b.subarray(b.length - keep));
      return b.toString(this.encoding, 0, b.length - keep);
    }
    end(buf) {
      let r = "";
      if (buf !== undefined && buf !== null) r = this.write(buf);
      const p = this[kPending];
      this[kPending] = Buffer.alloc(0);
      if (p.length === 0) return r;
      if (this.encoding === "utf8") return r + "\ufffd";
      return r + p.toString(this.encoding);
    }
    text(buf, offset) {
      this[kPending] = Buffer.alloc(0);
      return this.write(buf.subarray(offset));
    }
    get lastNeed() {
      const p = this[kPending];
      if (!p.length) return 0;
      if (this.encoding === "utf8") {
        const c = p[0];
        return (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) - p.length;
      }
      if (this.encoding === "utf16le") return p.length % 2 ? 1 : 2;
      return 3 - p.length;
    }
    get lastTotal() { return this[kPending].length + this.lastNeed; }
    get lastChar() {
      const b = Buffer.alloc(4);
      this[kPending].copy(b);
      return b;
    }
  }
  return { StringDecoder };
})
