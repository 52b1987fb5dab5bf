import p from "yargs-parser";
console.log(p(["--a","1"]));
