// A small harness in the spirit of testharness.js: cases are queued with
// test / promise_test and run in order by done(label), which prints the
// failures and a count.
const cases = [];
exports.test = (fn, name) => cases.push({ fn, name });
exports.promise_test = (fn, name) => cases.push({ fn, name });
function fmt(v) { try { return typeof v === "string" ? JSON.stringify(v) : String(v); } catch { return "?"; } }
exports.assert_equals = (a, b, msg = "") => { if (!Object.is(a, b)) throw new Error(`${msg} expected ${fmt(b)} got ${fmt(a)}`); };
exports.assert_true = (v, msg = "") => { if (v !== true) throw new Error(`${msg} expected true got ${fmt(v)}`); };
exports.assert_false = (v, msg = "") => { if (v !== false) throw new Error(`${msg} expected false got ${fmt(v)}`); };
exports.assert_array_equals = (a, b, msg = "") => {
  if (a.length !== b.length) throw new Error(`${msg} length ${a.length} != ${b.length}`);
  for (let i = 0; i < b.length; i++) {
    if (Array.isArray(b[i])) exports.assert_array_equals(a[i], b[i], msg);
    else if (!Object.is(a[i], b[i])) throw new Error(`${msg} [${i}] expected ${fmt(b[i])} got ${fmt(a[i])}`);
  }
};
exports.assert_throws_js = (C, fn, msg = "") => {
  try { fn(); } catch (e) {
    if (!(e instanceof C)) throw new Error(`${msg} threw ${e && e.name} instead of ${C.name}`);
    return;
  }
  throw new Error(`${msg} did not throw ${C.name}`);
};
exports.promise_rejects_js = async (C, p, msg = "") => {
  try { await p; } catch (e) {
    if (!(e instanceof C)) throw new Error(`${msg} rejected with ${e && e.name} instead of ${C.name}`);
    return;
  }
  throw new Error(`${msg} did not reject`);
};
exports.done = async (label) => {
  let pass = 0, fail = 0;
  for (const c of cases) {
    try { await c.fn(); pass++; } catch (e) { fail++; console.log(`FAIL ${c.name}: ${e.message}`); }
  }
  console.log(`${label}: ${pass} passed, ${fail} failed`);
};
