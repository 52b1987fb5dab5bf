// a META script: its top-level declarations are globals for the test
function helperAdd(a, b) { return a + b; }
