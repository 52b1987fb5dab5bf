// `using` and `await using` dispose at the end of the block, in reverse
// order, with Symbol.dispose / Symbol.asyncDispose (issue 21).
const log: string[] = [];
function res(name: string) {
  return { [Symbol.dispose]() { log.push(`dispose ${name}`); } };
}
{
  using a = res("a");
  using b = res("b");
  log.push("body");
}
console.log(log.join(", "));
console.log(typeof Symbol.dispose, typeof Symbol.asyncDispose, Symbol.dispose !== Symbol.asyncDispose);
async function main() {
  {
    await using h = { async [Symbol.asyncDispose]() { await null; console.log("async disposed"); } };
    console.log("async body");
  }
  try {
    using bad = { [Symbol.dispose]() { throw new Error("in dispose"); } };
    throw new Error("in body");
  } catch (e: any) {
    console.log(e.name, e.error.message, e.suppressed.message);
  }
  try {
    using x = {} as any;
  } catch (e: any) {
    console.log(e.name, e.message);
  }
}
await main();
// Output:
// body, dispose b, dispose a
// symbol symbol true
// async body
// async disposed
// SuppressedError in dispose in body
// TypeError Object not disposable
