// A minimal testharness: test(name, fn) with fn sync or async; run(title)
// runs the tests in order, prints each failure and a summary line.
const tests = [];
exports.test = (name, fn) => tests.push({ name, fn });
class AssertionError extends Error {}
const fmt = (v) => (typeof v === "string" ? JSON.stringify(v) : String(v));
exports.eq = (a, b, msg = "") => { if (!Object.is(a, b)) throw new AssertionError(`${msg} expected ${fmt(b)}, got ${fmt(a)}`); };
exports.ok = (v, msg = "") => { if (!v) throw new AssertionError(`${msg} expected truthy`); };
exports.throws = (name, fn, msg = "") => {
  try { fn(); } catch (e) {
    if (typeof name === "function") { if (!(e instanceof name)) throw new AssertionError(`${msg} threw ${e && e.name}, want ${name.name}`); return e; }
    if (e.name !== name) throw new AssertionError(`${msg} threw ${e && e.name}, want ${name}`);
    return e;
  }
  throw new AssertionError(`${msg} did not throw`);
};
exports.rejects = async (name, p, msg = "") => {
  try { await p; } catch (e) {
    if (typeof name === "function") { if (!(e instanceof name)) throw new AssertionError(`${msg} rejected with ${e && e.name}, want ${name.name}`); return e; }
    if (e.name !== name) throw new AssertionError(`${msg} rejected with ${e && e.name}, want ${name}`);
    return e;
  }
  throw new AssertionError(`${msg} did not reject`);
};
exports.arr = (a, b, msg = "") => exports.eq(JSON.stringify(Array.from(a)), JSON.stringify(Array.from(b)), msg);
exports.run = async (title) => {
  let pass = 0;
  for (const t of tests) {
    if (typeof process !== "undefined" && process.env && process.env.WPT_VERBOSE) console.log("RUN " + t.name);
    try { await t.fn(); pass++; } catch (e) { console.log(`FAIL ${t.name}: ${e && e.message}`); }
  }
  console.log(`${title}: ${pass}/${tests.length} passed`);
};
