// arun "string_decoder" module: Node's StringDecoder, which decodes a byte
// stream in chunks without splitting a character (a UTF-8 sequence, a
// UTF-16 unit or surrogate pair, a base64 group) across them. The
// algorithm is Node's (lastChar, lastNeed, lastTotal and their quirks:
// a completed UTF-16 unit is returned even when it is a high surrogate).
(function (I, buffer) {
  "use strict";
  const { Buffer } = buffer;

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
  function utf8CheckByte(byte) {
    if (byte <= 0x7f) return 0;
    if (byte >> 5 === 0x06) return 2;
    if (byte >> 4 === 0x0e) return 3;
    if (byte >> 3 === 0x1e) return 4;
    return byte >> 6 === 0x02 ? -1 : -2;
  }
  // utf8CheckIncomplete sets lastNeed for a character begun at the end of
  // buf (from i) and returns its total length.
  function utf8CheckIncomplete(self, buf, i) {
    let j = buf.length - 1;
    if (j < i) return 0;
    let nb = utf8CheckByte(buf[j]);
    if (nb >= 0) { if (nb > 0) self.lastNeed = nb - 1; return nb; }
    if (--j < i || nb === -2) return 0;
    nb = utf8CheckByte(buf[j]);
    if (nb >= 0) { if (nb > 0) self.lastNeed = nb - 2; return nb; }
    if (--j < i || nb === -2) return 0;
    nb = utf8CheckByte(buf[j]);
    if (nb >= 0) {
      if (nb > 0) { if (nb === 2) nb = 0; else self.lastNeed = nb - 3; }
      return nb;
    }
    return 0;
  }
  function utf8CheckExtraBytes(self, buf) {
    if ((buf[0] & 0xc0) !== 0x80) { self.lastNeed = 0; return "\ufffd"; }
    if (self.lastNeed > 1 && buf.length > 1) {
      if ((buf[1] & 0xc0) !== 0x80) { self.lastNeed = 1; return "\ufffd"; }
      if (self.lastNeed > 2 && buf.length > 2 && (buf[2] & 0xc0) !== 0x80) { self.lastNeed = 2; return "\ufffd"; }
    }
    return undefined;
  }

  class StringDecoder {
    constructor(encoding) {
      this.encoding = normalize(encoding);
      this.lastNeed = 0;
      this.lastTotal = 0;
      this.lastChar = Buffer.alloc(this.encoding === "base64" || this.encoding === "base64url" ? 3 : 4);
    }
    write(buf) {
      if (typeof buf === "string") return buf;
      if (!ArrayBuffer.isView(buf)) throw I.invalidArgType("buf", "an instance of Buffer, TypedArray, or DataView", buf);
      buf = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
      const enc = this.encoding;
      if (enc !== "utf8" && enc !== "utf16le" && enc !== "base64" && enc !== "base64url") return buf.toString(enc);
      if (buf.length === 0) return "";
      let r, i = 0;
      if (this.lastNeed) {
        r = this.fillLast(buf);
        if (r === undefined) return "";
        i = this.lastNeed;
        this.lastNeed = 0;
      }
      if (i < buf.length) return r ? r + this.text(buf, i) : this.text(buf, i);
      return r || "";
    }
    fillLast(buf) {
      const p = this.lastTotal - this.lastNeed;
      if (this.encoding === "utf8") {
        const r = utf8CheckExtraBytes(this, buf);
        if (r !== undefined) return r;
      }
      if (this.lastNeed <= buf.length) {
        buf.copy(this.lastChar, p, 0, this.lastNeed);
        return this.lastChar.toString(this.encoding, 0, this.lastTotal);
      }
      buf.copy(this.lastChar, p, 0, buf.length);
      this.lastNeed -= buf.length;
      return undefined;
    }
    text(buf, i) {
      switch (this.encoding) {
        case "utf8": {
          const total = utf8CheckIncomplete(this, buf, i);
          if (!this.lastNeed) return buf.toString("utf8", i);
          this.lastTotal = total;
          const end = buf.length - (total - this.lastNeed);
          buf.copy(this.lastChar, 0, end);
          return buf.toString("utf8", i, end);
        }
        case "utf16le": {
          if ((buf.length - i) % 2 === 0) {
            const r = buf.toString("utf16le", i);
            if (r) {
              const c = r.charCodeAt(r.length - 1);
              if (c >= 0xd800 && c <= 0xdbff) {
                this.lastNeed = 2;
                this.lastTotal = 4;
                this.lastChar[0] = buf[buf.length - 2];
                this.lastChar[1] = buf[buf.length - 1];
                return r.slice(0, -1);
              }
            }
            return r;
          }
          this.lastNeed = 1;
          this.lastTotal = 2;
          this.lastChar[0] = buf[buf.length - 1];
          return buf.toString("utf16le", i, buf.length - 1);
        }
        default: { // base64, base64url
          const n = (buf.length - i) % 3;
          if (n === 0) return buf.toString(this.encoding, i);
          this.lastNeed = 3 - n;
          this.lastTotal = 3;
          if (n === 1) this.lastChar[0] = buf[buf.length - 1];
          else { this.lastChar[0] = buf[buf.length - 2]; this.lastChar[1] = buf[buf.length - 1]; }
          return buf.toString(this.encoding, i, buf.length - n);
        }
      }
    }
    end(buf) {
      const r = buf !== undefined && buf !== null && buf.length ? this.write(buf) : "";
      if (!this.lastNeed) return r;
      const need = this.lastNeed;
      this.lastNeed = 0;
      switch (this.encoding) {
        case "utf8": return r + "\ufffd";
        case "utf16le": return r + this.lastChar.toString("utf16le", 0, this.lastTotal - need);
        case "base64": case "base64url": return r + this.lastChar.toString(this.encoding, 0, 3 - need);
      }
      return r;
    }
  }
  return { StringDecoder };
})
