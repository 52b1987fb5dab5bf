// CPU-bound: engine speed, for information.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log("done", fib(27));
