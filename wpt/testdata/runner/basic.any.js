// META: global=window,worker
// META: script=resources/helper.js
// META: script=/runner/resources/helper.js
// arun's own tests of the WPT runner (not web-platform-tests files).
test(() => { assert_equals(helperAdd(1, 2), 3); }, "a META script's functions are globals");
test(() => { assert_equals(1, 2, "one is two"); }, "a failing assertion fails");
promise_test(async () => {
  const r = await fetch("resources/data.json");
  assert_equals((await r.json()).v, 42);
}, "fetch resolves a relative URL against the test's location");
async_test((t) => { setTimeout(t.step_func_done(() => assert_true(true)), 10); }, "async_test with a timer");
promise_test(async () => {
  const seen = [];
  for await (const x of (async function* () { yield 1; yield 2; })()) seen.push(x);
  assert_array_equals(seen, [1, 2]);
}, "syntax goja lacks is lowered (async generators, for await)");
test(() => { assert_equals(self, globalThis); assert_false(GLOBAL.isWindow()); }, "the shell global");
