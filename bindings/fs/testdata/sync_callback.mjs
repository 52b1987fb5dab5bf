// fs's synchronous and callback forms, and its streams (run in a scratch
// directory the script makes and removes).
import fs from "node:fs";

import { pipeline } from "node:stream/promises";

const dir = fs.mkdtempSync(`${process.env.TMPDIR || "/tmp"}/arun-fs-`);

const p = (name) => `${dir}/${name}`;

// sync
fs.writeFileSync(p("a.txt"), "hello\nworld\n");
fs.appendFileSync(p("a.txt"), "more");
console.log(JSON.stringify(fs.readFileSync(p("a.txt"), "utf8")), fs.readFileSync(p("a.txt")).length);
console.log(fs.existsSync(p("a.txt")), fs.existsSync(p("nope")));
const st = fs.statSync(p("a.txt"));
console.log(st.isFile(), st.isDirectory(), st.size, st instanceof fs.Stats);
console.log(fs.statSync(p("nope"), { throwIfNoEntry: false }));
try { fs.statSync(p("nope")); } catch (e) { console.log(e.code, e.syscall, e.message.replace(dir, "DIR")); }
fs.mkdirSync(p("sub/deep"), { recursive: true });
fs.writeFileSync(p("sub/deep/b.txt"), Buffer.from([1, 2, 3]));
console.log(fs.readdirSync(dir).sort().join(","), fs.readdirSync(p("sub"), { withFileTypes: true }).map((d) => `${d.name}:${d.isDirectory()}`));
console.log(fs.readdirSync(p("sub"), { recursive: true }).sort().join(","));
try { fs.mkdirSync(p("sub")); } catch (e) { console.log(e.code); }
fs.copyFileSync(p("a.txt"), p("c.txt"));
fs.renameSync(p("c.txt"), p("d.txt"));
console.log(fs.existsSync(p("c.txt")), fs.readFileSync(p("d.txt"), "utf8").length);
fs.unlinkSync(p("d.txt"));
fs.accessSync(p("a.txt"), fs.constants.R_OK);
try { fs.accessSync(p("d.txt")); } catch (e) { console.log(e.code); }
fs.symlinkSync(p("a.txt"), p("link"));
console.log(fs.lstatSync(p("link")).isSymbolicLink(), fs.readlinkSync(p("link")) === p("a.txt"), fs.realpathSync(p("link")) === fs.realpathSync(p("a.txt")));
fs.truncateSync(p("a.txt"), 5);
console.log(fs.readFileSync(p("a.txt"), "utf8"));

// file descriptors
const fd = fs.openSync(p("fd.txt"), "w+");
console.log(typeof fd, fs.writeSync(fd, "abcdef"), fs.writeSync(fd, Buffer.from("XY"), 0, 2, 1));
const buf = Buffer.alloc(6);
console.log(fs.readSync(fd, buf, 0, 6, 0), buf.toString(), fs.fstatSync(fd).size);
fs.closeSync(fd);
try { fs.closeSync(fd); } catch (e) { console.log(e.code); }

// callbacks
await new Promise((res) => fs.readFile(p("a.txt"), "utf8", (err, s) => { console.log("cb", err, s); res(); }));
await new Promise((res) => fs.readFile(p("nope"), (err, s) => { console.log("cb", err.code, s); res(); }));
await new Promise((res) => fs.writeFile(p("e.txt"), "E", (...a) => { console.log("write cb", a); res(); }));
await new Promise((res) => fs.stat(p("e.txt"), (err, s) => { console.log("stat cb", err, s.size); res(); }));
await new Promise((res) => fs.readdir(dir, (err, names) => { console.log("readdir cb", names.includes("e.txt")); res(); }));
await new Promise((res) => fs.mkdir(p("x/y"), { recursive: true }, (err, first) => { console.log("mkdir cb", err, first === p("x")); res(); }));
await new Promise((res) => fs.exists(p("e.txt"), (ok) => { console.log("exists", ok); res(); }));
await new Promise((res) => fs.open(p("e.txt"), "r", (err, fd) => {
  const b = Buffer.alloc(4);
  fs.read(fd, b, 0, 4, 0, (err, n, same) => {
    console.log("read cb", err, n, same === b, b.subarray(0, n).toString());
    fs.close(fd, (err) => { console.log("close cb", err); res(); });
  });
}));
try { fs.readFile(p("a.txt")); } catch (e) { console.log(e.code); }
try { fs.readFile(42, () => {}); } catch (e) { console.log(e.code); }

// streams
const ws = fs.createWriteStream(p("stream.txt"));
ws.on("open", (fd) => console.log("open", typeof fd));
for (let i = 0; i < 3; i++) ws.write(`line ${i}\n`);
ws.end("last\n");
await new Promise((res) => ws.on("close", res));
console.log("bytesWritten", ws.bytesWritten);
const rs = fs.createReadStream(p("stream.txt"), { encoding: "utf8", highWaterMark: 8 });
const chunks = [];
for await (const c of rs) chunks.push(c);
console.log(chunks.length, JSON.stringify(chunks.join("")), rs.bytesRead);
const part = [];
for await (const c of fs.createReadStream(p("stream.txt"), { start: 5, end: 10 })) part.push(c.toString());
console.log(JSON.stringify(part.join("")));
await pipeline(fs.createReadStream(p("stream.txt")), fs.createWriteStream(p("copy.txt")));
console.log("copied", fs.readFileSync(p("copy.txt"), "utf8") === fs.readFileSync(p("stream.txt"), "utf8"));
const missing = fs.createReadStream(p("nope"));
await new Promise((res) => missing.on("error", (e) => { console.log("stream error", e.code); res(); }));

fs.rmSync(dir, { recursive: true, force: true });
console.log("removed", fs.existsSync(dir));
// Output:
// "hello\nworld\nmore" 16
// true false
// true false 16 true
// undefined
// ENOENT stat ENOENT: no such file or directory, stat 'DIR/nope'
// a.txt,sub [ 'deep:true' ]
// deep,deep/b.txt
// EEXIST
// false 16
// ENOENT
// true true true
// hello
// number 6 2
// 6 aXYdef 6
// EBADF
// cb null hello
// cb ENOENT undefined
// write cb [ null ]
// stat cb null 1
// readdir cb true
// mkdir cb null true
// exists true
// read cb null 1 true E
// close cb null
// ERR_INVALID_ARG_TYPE
// open number
// bytesWritten 26
// 4 "line 0\nline 1\nline 2\nlast\n" 26
// "0\nline"
// copied true
// stream error ENOENT
// removed false
