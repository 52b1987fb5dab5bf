const src = { n: 1, d: new Date(0), m: new Map([["k", [1, 2]]]), s: new Set(["x"]), u: new Uint8Array([1, 2]) };
src.self = src;
const c = structuredClone(src);
console.log(c !== src, c.self === c, c.d.getTime(), c.m.get("k").join(), [...c.s].join(), c.u.join());
try { structuredClone({ f() {} }); } catch (e) { console.log(e.name); }

// Output:
// true true 0 1,2 x 1,2
// DataCloneError
