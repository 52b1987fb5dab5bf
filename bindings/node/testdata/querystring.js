// querystring and string_decoder: the same calls under arun and node.
const qs = require("querystring");
console.log(require("node:querystring") === qs);
for (const s of ["a=1&b=2", "a&&b=&=x", "c=%zz&d=%E2%82%AC&e=1+2&e=3", "x=%41%42", "", "a=b=c", "k=v;k2=v2", "%=%"]) {
  console.log(JSON.stringify(s), qs.parse(s), qs.parse(s, ";", "="));
}
console.log(qs.parse("a=1&b=2&c=3", null, null, { maxKeys: 2 }), qs.parse("a=%41", null, null, { decodeURIComponent: (s) => s.toLowerCase() }));
console.log(qs.stringify({ a: [1, 2], b: true, c: null, d: {}, e: "é ü", f: 1.5, g: NaN, h: 10n, "k y": "!'()*~" }));
console.log(qs.stringify({ a: 1, b: 2 }, ";", ":"), qs.stringify({ w: "x y" }, null, null, { encodeURIComponent: (s) => s.toUpperCase() }), qs.stringify("x"), qs.stringify(null));
console.log(qs.escape("a b&c/é"), qs.unescape("a%20b%zz%41+"), qs.unescapeBuffer("%41%4"), qs.encode === qs.stringify, qs.decode === qs.parse);
const back = qs.parse(qs.stringify({ a: ["x", "y z"], b: "€", c: "" }));
console.log(back, JSON.stringify(back));
try { qs.escape("\ud800"); } catch (e) { console.log(e.name, e.code, e.message); }

const { StringDecoder } = require("string_decoder");
const euro = Buffer.from("€😀é");
for (const enc of ["utf8", "utf16le", "base64", "hex", "latin1"]) {
  const d = new StringDecoder(enc);
  const bytes = Buffer.from(euro.toString(enc === "utf8" ? "utf8" : "latin1"), enc === "utf8" ? "utf8" : "latin1");
  const src = enc === "utf16le" ? Buffer.from("€😀é", "utf16le") : bytes;
  const parts = [];
  for (let i = 0; i < src.length; i++) parts.push(d.write(src.subarray(i, i + 1)));
  parts.push(d.end());
  console.log(enc, d.encoding, JSON.stringify(parts.join("")), parts.filter((p) => p !== "").length);
}
const d = new StringDecoder("utf8");
console.log(JSON.stringify(d.write(Buffer.from([0xe2, 0x82]))), JSON.stringify(d.end()), JSON.stringify(d.write(Buffer.from([0xe2, 0x41]))),
  JSON.stringify(new StringDecoder().end(Buffer.from([0xf0, 0x9f]))), new StringDecoder("ucs2").encoding, new StringDecoder("binary").encoding);
try { new StringDecoder("nope"); } catch (e) { console.log(e.code, e.message); }

// Output:
// true
// "a=1&b=2" [Object: null prototype] { a: '1', b: '2' } [Object: null prototype] { a: '1&b=2' }
// "a&&b=&=x" [Object: null prototype] { a: '', b: '', '': 'x' } [Object: null prototype] { 'a&&b': '&=x' }
// "c=%zz&d=%E2%82%AC&e=1+2&e=3" [Object: null prototype] { c: '%zz', d: '€', e: [ '1 2', '3' ] } [Object: null prototype] { c: '%zz&d=€&e=1 2&e=3' }
// "x=%41%42" [Object: null prototype] { x: 'AB' } [Object: null prototype] { x: 'AB' }
// "" [Object: null prototype] {} [Object: null prototype] {}
// "a=b=c" [Object: null prototype] { a: 'b=c' } [Object: null prototype] { a: 'b=c' }
// "k=v;k2=v2" [Object: null prototype] { k: 'v;k2=v2' } [Object: null prototype] { k: 'v', k2: 'v2' }
// "%=%" [Object: null prototype] { '%': '%' } [Object: null prototype] { '%': '%' }
// [Object: null prototype] { a: '1', b: '2' } [Object: null prototype] { a: '%41' }
// a=1&a=2&b=true&c=&d=&e=%C3%A9%20%C3%BC&f=1.5&g=&h=10&k%20y=!'()*~
// a:1;b:2 W=X Y  
// a%20b%26c%2F%C3%A9 a b%zzA+ <Buffer 41 25 34> true true
// [Object: null prototype] { a: [ 'x', 'y z' ], b: '€', c: '' } {"a":["x","y z"],"b":"€","c":""}
// URIError ERR_INVALID_URI URI malformed
// utf8 utf8 "€😀é" 3
// utf16le utf16le "€😀é" 4
// base64 base64 "4oKs8J+YgMOp" 3
// hex hex "e282acf09f9880c3a9" 9
// latin1 latin1 "â¬ðÃ©" 9
// "" "�" "�A" "�" utf16le latin1
// ERR_UNKNOWN_ENCODING Unknown encoding: nope
