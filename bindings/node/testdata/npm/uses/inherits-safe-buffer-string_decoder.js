const inherits = require("inherits");
function A() {} function B() { A.call(this); }
inherits(B, A);
console.log(new B() instanceof A, B.super_ === A);
const { Buffer: SB } = require("safe-buffer");
console.log(SB.from("hi").toString("hex"), SB.alloc(2), SB === Buffer);
const { StringDecoder } = require("string_decoder/");
const d = new StringDecoder("utf8");
console.log(d.write(Buffer.from([0xe2, 0x82])) + d.write(Buffer.from([0xac])));
