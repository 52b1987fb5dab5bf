// ES modules, CommonJS, JSON, TypeScript and node_modules in one program.
import Counter, { add } from "./lib/math";
import { kind, twice } from "./lib/legacy.cjs";
import data from "./lib/data.json";
const greet = require("greet");

const c = new Counter();
c.inc();
console.log(add({ a: 1, b: 2 }), c.inc(), kind, twice(21));
console.log(data.name, data.tags.join("+"));
console.log(greet("world"));
const lazy = await import("./lib/lazy.js");
console.log(lazy.loaded);
const name = "./lib/legacy.cjs";
console.log(require(name).kind, "(dynamic require)");

// Output:
// 3 2 commonjs 42
// arun async+go
// hello, world
// lazy module
// commonjs (dynamic require)
