async function load(): Promise<string> {
  await null;
  throw new Error("load failed");
}
load();
setTimeout(() => console.log("never printed"), 10);

// Output:
// unhandled_rejection.ts:3:9
//    3 |   throw new Error("load failed");
//      |         ^
// Uncaught (in promise) Error: load failed
//     at load (unhandled_rejection.ts:3:9)
