const p = require("yargs-parser");
console.log(JSON.stringify(p(["--foo", "bar", "-n", "5", "--list", "a", "--list", "b", "--flag", "pos"], { array: ["list"], boolean: ["flag"], number: ["n"] })));
