const assert = require("assert");
const strict = require("assert/strict");
function show(f) { try { f(); console.log("no throw"); } catch (e) { console.log(`${e.name} ${e.code} ${e.operator} gen=${e.generatedMessage}\n${e.message}\n---`); } }
show(() => assert.strictEqual(1, 2));
show(() => assert.strictEqual("a", "b"));
show(() => assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] }));
show(() => assert.deepStrictEqual([1, 2, 3], [1, 2, 4]));
show(() => assert.notStrictEqual(1, 1));
show(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show(() => assert.equal(1, 2));
show(() => assert.notEqual(1, "1"));
show(() => assert.deepEqual({ a: 1 }, { a: 2 }));
show(() => assert.ok(0));
show(() => assert(false, "custom"));
show(() => assert.throws(() => {}));
show(() => assert.throws(() => { throw new Error("boom"); }, TypeError));
show(() => assert.throws(() => { throw new Error("boom"); }, /bang/));
show(() => assert.throws(() => { throw new Error("boom"); }, { message: "bang" }));
show(() => assert.doesNotThrow(() => { throw new Error("boom"); }));
show(() => assert.match("abc", /x/));
show(() => assert.doesNotMatch("abc", /b/));
show(() => assert.fail());
show(() => assert.fail("nope"));
show(() => assert.deepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]])));
show(() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
show(() => assert.deepStrictEqual([1, 2], [1, 2]));
show(() => assert.deepStrictEqual(NaN, NaN));
show(() => assert.deepStrictEqual(0, -0));
show(() => assert.deepEqual(0, -0));
show(() => assert.deepEqual({ a: 1 }, { a: "1" }));
show(() => assert.deepStrictEqual({ a: 1 }, { a: "1" }));
show(() => strict.equal(1, "1"));
show(() => assert.deepStrictEqual(new Date(0), new Date(0)));
show(() => assert.deepStrictEqual(Object.create(null), {}));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }));
show(() => assert.throws(() => { throw new TypeError("x"); }, TypeError));
show(() => assert.throws(() => { throw new TypeError("x"); }, { name: "TypeError", message: /x/ }));
const c = { a: 1 }; c.self = c; const d = { a: 1 }; d.self = d;
show(() => assert.deepStrictEqual(c, d));
assert.rejects(Promise.resolve(1)).catch((e) => console.log("rejects:", e.message));
assert.rejects(Promise.reject(new Error("x")), /x/).then(() => console.log("rejects ok"));
assert.doesNotReject(Promise.reject(new Error("x"))).catch((e) => console.log("dnr:", e.message));
const { AssertionError } = require("node:assert");
const e = new AssertionError({ actual: 1, expected: 2, operator: "strictEqual" });
console.log(e instanceof Error, e.name, e.code, e.actual, e.expected, e.operator, String(e).split("\n")[0]);
console.log(require("node:assert/strict") === assert.strict, require("assert/strict") === strict, strict.strict === strict);
console.log(typeof strict.deepEqual, strict.deepEqual === strict.deepStrictEqual, assert.equal === assert.strictEqual);

// Output:
// AssertionError ERR_ASSERTION strictEqual gen=true
// Expected values to be strictly equal:
//
// 1 !== 2
//
// ---
// AssertionError ERR_ASSERTION strictEqual gen=true
// Expected values to be strictly equal:
//
// 'a' !== 'b'
//
// ---
// AssertionError ERR_ASSERTION deepStrictEqual gen=true
// Expected values to be strictly deep-equal:
// + actual - expected
//
//   {
//     a: 1,
//     b: [
//       1,
// +     2
// -     3
//     ]
//   }
// ---
// AssertionError ERR_ASSERTION deepStrictEqual gen=true
// Expected values to be strictly deep-equal:
// + actual - expected
//
//   [
//     1,
//     2,
// +   3
// -   4
//   ]
// ---
// AssertionError ERR_ASSERTION notStrictEqual gen=true
// Expected "actual" to be strictly unequal to: 1
// ---
// AssertionError ERR_ASSERTION notDeepStrictEqual gen=true
// Expected "actual" not to be strictly deep-equal to:
//
// {
//   a: 1
// }
//
// ---
// AssertionError ERR_ASSERTION == gen=true
// 1 == 2
// ---
// AssertionError ERR_ASSERTION != gen=true
// 1 != '1'
// ---
// AssertionError ERR_ASSERTION deepEqual gen=true
// Expected values to be loosely deep-equal:
//
// {
//   a: 1
// }
//
// should loosely deep-equal
//
// {
//   a: 2
// }
// ---
// AssertionError ERR_ASSERTION == gen=true
// The expression evaluated to a falsy value:
//
//   assert.ok(0)
//
// ---
// AssertionError ERR_ASSERTION == gen=false
// custom
// ---
// AssertionError ERR_ASSERTION throws gen=false
// Missing expected exception.
// ---
// AssertionError ERR_ASSERTION throws gen=true
// The error is expected to be an instance of "TypeError". Received "Error"
//
// Error message:
//
// boom
// ---
// AssertionError ERR_ASSERTION throws gen=true
// The input did not match the regular expression /bang/. Input:
//
// 'Error: boom'
//
// ---
// AssertionError ERR_ASSERTION throws gen=true
// Expected values to be strictly deep-equal:
// + actual - expected
//
//   Comparison {
// +   message: 'boom'
// -   message: 'bang'
//   }
// ---
// AssertionError ERR_ASSERTION doesNotThrow gen=false
// Got unwanted exception.
// Actual message: "boom"
// ---
// AssertionError ERR_ASSERTION match gen=true
// The input did not match the regular expression /x/. Input:
//
// 'abc'
//
// ---
// AssertionError ERR_ASSERTION doesNotMatch gen=true
// The input was expected to not match the regular expression /b/. Input:
//
// 'abc'
//
// ---
// AssertionError ERR_ASSERTION fail gen=true
// Failed
// ---
// AssertionError ERR_ASSERTION fail gen=false
// nope
// ---
// AssertionError ERR_ASSERTION deepStrictEqual gen=true
// Expected values to be strictly deep-equal:
// + actual - expected
//
//   Map(1) {
//     1 => {
// +     a: 1
// -     a: 2
//     }
//   }
// ---
// AssertionError ERR_ASSERTION deepStrictEqual gen=true
// Expected values to be strictly deep-equal:
// + actual - expected
//
//   Set(2) {
//     1,
// +   2
// -   3
//   }
// ---
// no throw
// no throw
// AssertionError ERR_ASSERTION deepStrictEqual gen=true
// Expected values to be strictly deep-equal:
// + actual - expected
//
// + 0
// - -0
// ---
// no throw
// no throw
// AssertionError ERR_ASSERTION deepStrictEqual gen=true
// Expected values to be strictly deep-equal:
// + actual - expected
//
//   {
// +   a: 1
// -   a: '1'
//   }
// ---
// AssertionError ERR_ASSERTION strictEqual gen=true
// Expected values to be strictly equal:
//
// 1 !== '1'
//
// ---
// no throw
// AssertionError ERR_ASSERTION deepStrictEqual gen=true
// Expected values to be strictly deep-equal:
// + actual - expected
//
// + [Object: null prototype] {}
// - {}
// ---
// AssertionError ERR_ASSERTION strictEqual gen=true
// Values have same structure but are not reference-equal:
//
// {
//   a: 1
// }
//
// ---
// no throw
// no throw
// no throw
// true AssertionError ERR_ASSERTION 1 2 strictEqual AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
// true true true
// function true false
// rejects: Missing expected rejection.
// rejects ok
// dnr: Got unwanted rejection.
// Actual message: "x"
