// import.meta gives each module its url, filename and dirname, as in Node.
import { where } from "./lib/meta.mjs";
const base = (p) => p.split("/").pop();
console.log(import.meta.url.startsWith("file:///"), base(import.meta.filename), base(import.meta.dirname));
console.log(base(where));

// Output:
// true import_meta.mjs scripts
// meta.mjs
