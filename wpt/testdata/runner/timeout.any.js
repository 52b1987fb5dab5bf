// META: timeout=long
test(() => {}, "passes");
promise_test(() => new Promise(() => {}), "never settles");
