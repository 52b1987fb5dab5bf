const dotenv = require("dotenv");
console.log(JSON.stringify(dotenv.parse(Buffer.from("A=1\nB='two words'\n# c\nC=\"multi\\nline\"\nexport D=4\n"))));
const fs = require("fs"), os = require("os"), path = require("path");
console.log(typeof dotenv.config, typeof dotenv.populate);
