function explode() {
  throw new TypeError("bad value");
}
setTimeout(() => {
  console.log("before");
  explode();
}, 10);
setTimeout(() => console.log("never printed"), 20);

// Output:
// before
// uncaught_in_timer.js:2:9
//    2 |   throw new TypeError("bad value");
//      |         ^
// Uncaught TypeError: bad value
//     at explode (uncaught_in_timer.js:2:9)
//     at uncaught_in_timer.js:6:10
