package fs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// run runs src with dir as the working directory and all permissions.
func run(t *testing.T, dir, src string, perms *runtime.Permissions) runtimetest.Result {
	t.Helper()
	opts := runtimetest.VirtualOptions()
	opts.Dir = dir
	opts.Permissions = perms
	return runtimetest.Run(t, "test.js", src, opts)
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPromises(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	tests := []struct {
		name  string
		setup map[string]string // files relative to the working directory
		src   string
		want  string
	}{
		{"readFile utf8", map[string]string{"a.txt": "héllo"},
			`const fs = require("fs/promises"); console.log(await fs.readFile("a.txt", "utf8"));`, "héllo"},
		{"readFile encoding option", map[string]string{"a.txt": "hi"},
			`const fs = require("node:fs/promises"); console.log(await fs.readFile("a.txt", {encoding: "hex"}));`, "6869"},
		{"readFile buffer", map[string]string{"a.txt": "hey"},
			`const fs = require("fs/promises"); const b = await fs.readFile("a.txt");
			 console.log(b instanceof Buffer, b.length, b[0], b.toString());`, "true 3 104 hey"},
		{"readFile latin1 and base64", map[string]string{"a.txt": "\xe9t\xe9"},
			`const fs = require("fs/promises"); console.log(await fs.readFile("a.txt", "latin1"), await fs.readFile("a.txt", "base64"));`, "été 6XTp"},
		{"readFile invalid utf8", map[string]string{"a.txt": "a\xffb"},
			`const fs = require("fs/promises"); const s = await fs.readFile("a.txt", "utf8"); console.log(s.length, s.charCodeAt(1));`, "3 65533"},
		{"writeFile and appendFile", nil,
			`const fs = require("fs/promises");
			 await fs.writeFile("w.txt", "one\n");
			 await fs.appendFile("w.txt", new Uint8Array([116, 119, 111, 10]));
			 await fs.appendFile("w.txt", "dGhyZWU=", "base64");
			 console.log(JSON.stringify(await fs.readFile("w.txt", "utf8")));`, `"one\ntwo\nthree"`},
		{"writeFile typed array view", nil,
			`const fs = require("fs/promises");
			 const u = new Uint16Array([0x6968, 0x2121]);
			 await fs.writeFile("v.txt", new DataView(u.buffer, 2, 2));
			 console.log(await fs.readFile("v.txt", "utf8"));`, "!!"},
		{"writeFile flag wx", map[string]string{"a.txt": "x"},
			`const fs = require("fs/promises");
			 try { await fs.writeFile("a.txt", "y", {flag: "wx"}); } catch (e) { console.log(e.code, e.message); }`,
			"EEXIST EEXIST: file already exists, open 'a.txt'"},
		{"readdir", map[string]string{"b.txt": "", "a.txt": "", "d/c.txt": ""},
			`const fs = require("fs/promises"); console.log((await fs.readdir(".")).join(","));`, "a.txt,b.txt,d"},
		{"readdir withFileTypes", map[string]string{"f": "", "d/x": ""},
			`const fs = require("fs/promises");
			 for (const d of await fs.readdir(".", {withFileTypes: true}))
			   console.log(d.name, d.isFile(), d.isDirectory(), d.isSymbolicLink(), d.parentPath);`,
			"d false true false .\nf true false false ."},
		{"readdir recursive", map[string]string{"a/b/c.txt": "", "a/d.txt": "", "e.txt": ""},
			`const fs = require("fs/promises"); console.log((await fs.readdir(".", {recursive: true})).join(","));`,
			"a,e.txt,a/b,a/d.txt,a/b/c.txt"},
		{"readdir recursive withFileTypes", map[string]string{"a/b.txt": ""},
			`const fs = require("fs/promises");
			 for (const d of await fs.readdir(".", {recursive: true, withFileTypes: true})) console.log(d.parentPath, d.name);`,
			". a\na b.txt"},
		{"stat", map[string]string{"a.txt": "12345"},
			`const fs = require("fs/promises"); const s = await fs.stat("a.txt");
			 console.log(s.isFile(), s.isDirectory(), s.size, s.mtime instanceof Date, s.mtime.getTime() === Math.floor(s.mtimeMs) || s.mtime.getTime() === s.mtimeMs, (s.mode & 0o777).toString(8), s.mode & fs.constants.S_IFMT) ;
			 const d = await fs.stat("."); console.log(d.isDirectory(), d.isFile());`,
			"true false 5 true true 644 32768\ntrue false"},
		{"lstat symlink", map[string]string{"a.txt": "x"},
			`const fs = require("fs/promises"); await fs.symlink("a.txt", "l");
			 console.log((await fs.lstat("l")).isSymbolicLink(), (await fs.stat("l")).isSymbolicLink(), await fs.readlink("l"));`,
			"true false a.txt"},
		{"mkdir", nil,
			`const fs = require("fs/promises"); const path = process.cwd();
			 console.log(await fs.mkdir("x"));
			 console.log((await fs.mkdir("y/z/w", {recursive: true})) === path + "/y");
			 console.log(await fs.mkdir("y/z", {recursive: true}));
			 try { await fs.mkdir("x"); } catch (e) { console.log(e.message); }`,
			"undefined\ntrue\nundefined\nEEXIST: file already exists, mkdir 'x'"},
		{"mkdtemp", nil,
			`const fs = require("fs/promises"); const d = await fs.mkdtemp("tmp-");
			 console.log(/^tmp-[A-Za-z0-9]{6}$/.test(d), (await fs.stat(d)).isDirectory(), ((await fs.stat(d)).mode & 0o777).toString(8));`,
			"true true 700"},
		{"rm", map[string]string{"d/e/f.txt": "x", "g.txt": ""},
			`const fs = require("fs/promises");
			 try { await fs.rm("d"); } catch (e) { console.log(e.code, e.name); }
			 await fs.rm("d", {recursive: true}); await fs.rm("g.txt"); await fs.rm("nope", {force: true});
			 try { await fs.rm("nope"); } catch (e) { console.log(e.message); }
			 console.log((await fs.readdir(".")).length);`,
			"ERR_FS_EISDIR SystemError\nENOENT: no such file or directory, lstat 'nope'\n0"},
		{"rmdir and unlink", map[string]string{"d/f": "", "e/.keep": ""},
			`const fs = require("fs/promises");
			 try { await fs.rmdir("d"); } catch (e) { console.log(e.message); }
			 try { await fs.rmdir("d/f"); } catch (e) { console.log(e.code); }
			 try { await fs.unlink("d"); } catch (e) { console.log(e.code, e.syscall); }
			 await fs.unlink("d/f"); await fs.rmdir("d"); console.log((await fs.readdir(".")).join());`,
			"ENOTEMPTY: directory not empty, rmdir 'd'\nENOTDIR\nEISDIR unlink\ne"},
		{"rename and copyFile", map[string]string{"a.txt": "A"},
			`const fs = require("fs/promises");
			 await fs.rename("a.txt", "b.txt"); await fs.copyFile("b.txt", "c.txt");
			 try { await fs.copyFile("b.txt", "c.txt", fs.constants.COPYFILE_EXCL); } catch (e) { console.log(e.message); }
			 try { await fs.rename("zz", "yy"); } catch (e) { console.log(e.message, e.dest); }
			 console.log((await fs.readdir(".")).join(), await fs.readFile("c.txt", "utf8"));`,
			"EEXIST: file already exists, copyfile 'b.txt' -> 'c.txt'\nENOENT: no such file or directory, rename 'zz' -> 'yy' yy\nb.txt,c.txt A"},
		{"access", map[string]string{"a.txt": ""},
			`const fs = require("fs/promises"); const {F_OK, R_OK, W_OK} = fs.constants;
			 console.log(await fs.access("a.txt"), await fs.access("a.txt", R_OK | W_OK));
			 try { await fs.access("nope", F_OK); } catch (e) { console.log(e.message, e.errno); }`,
			"undefined undefined\nENOENT: no such file or directory, access 'nope' -2"},
		{"realpath", map[string]string{"d/a.txt": ""},
			`const fs = require("fs/promises"); await fs.symlink("d", "l");
			 console.log((await fs.realpath("l/a.txt")) === process.cwd() + "/d/a.txt");`, "true"},
		{"errors", map[string]string{"f.txt": "", "d/x": ""},
			`const fs = require("fs/promises");
			 for (const [what, p] of [["readFile", () => fs.readFile("nope.txt")], ["readFile dir", () => fs.readFile("d")],
			     ["readdir file", () => fs.readdir("f.txt")], ["stat", () => fs.stat("f.txt/x")], ["mkdir", () => fs.mkdir("d")]]) {
			   try { await p(); } catch (e) { console.log(what, e.code, e.errno, e.syscall, e.path, e.message, e instanceof Error); }
			 }`,
			"readFile ENOENT -2 open nope.txt ENOENT: no such file or directory, open 'nope.txt' true\n" +
				"readFile dir EISDIR -21 read undefined EISDIR: illegal operation on a directory, read true\n" +
				"readdir file ENOTDIR -20 scandir f.txt ENOTDIR: not a directory, scandir 'f.txt' true\n" +
				"stat ENOTDIR -20 stat f.txt/x ENOTDIR: not a directory, stat 'f.txt/x' true\n" +
				"mkdir EEXIST -17 mkdir d EEXIST: file already exists, mkdir 'd' true"},
		{"argument errors reject", nil,
			`const fs = require("fs/promises");
			 const p = fs.readFile(42); console.log(p instanceof Promise);
			 try { await p; } catch (e) { console.log(e.name, e.code, e.message); }
			 try { await fs.readFile("a\0b"); } catch (e) { console.log(e.code); }
			 try { await fs.open("x", "zz"); } catch (e) { console.log(e.code); }`,
			"true\nTypeError ERR_INVALID_ARG_TYPE The \"path\" argument must be of type string or an instance of Buffer or URL. Received type number (42)\nERR_INVALID_ARG_VALUE\nERR_INVALID_ARG_VALUE"},
		{"URL paths", map[string]string{"a b.txt": "url"},
			`const fs = require("fs/promises");
			 console.log(await fs.readFile(new URL("file://" + process.cwd() + "/a%20b.txt"), "utf8"));`, "url"},
		{"filehandle read write", nil,
			`const fs = require("fs/promises");
			 const fh = await fs.open("h.txt", "w+");
			 console.log(typeof fh.fd);
			 let r = await fh.write("hello world");
			 console.log(r.bytesWritten, r.buffer);
			 r = await fh.write(Buffer.from("HELLO"), 0, 5, 0);
			 console.log(r.bytesWritten);
			 const buf = Buffer.alloc(8);
			 const { bytesRead, buffer } = await fh.read(buf, 2, 5, 6);
			 console.log(bytesRead, buffer === buf, JSON.stringify(buf.toString("utf8", 2, 7)));
			 console.log((await fh.read(Buffer.alloc(4), 0, 4, 100)).bytesRead);
			 console.log((await fh.stat()).size);
			 await fh.truncate(5);
			 await fh.close(); await fh.close();
			 console.log(await fs.readFile("h.txt", "utf8"));
			 try { await fh.read(Buffer.alloc(1), 0, 1, 0); } catch (e) { console.log(e.code); }`,
			"number\n11 hello world\n5\n5 true \"world\"\n0\n11\nHELLO\nEBADF"},
		{"filehandle readFile and append", map[string]string{"a.txt": "abc"},
			`const fs = require("fs/promises");
			 const fh = await fs.open("a.txt", "a+");
			 console.log(await fh.readFile("utf8"));
			 await fh.appendFile("def");
			 console.log(JSON.stringify(await fh.readFile("utf8")));
			 await fh.close();
			 console.log(await fs.readFile("a.txt", "utf8"));`,
			"abc\n\"\"\nabcdef"},
		{"readLines", map[string]string{"l.txt": "one\ntwo\r\n\nfour\rfive\nlast"},
			`const fs = require("fs/promises");
			 const fh = await fs.open("l.txt");
			 const lines = [];
			 for await (const line of fh.readLines()) lines.push(line);
			 console.log(JSON.stringify(lines), fh.fd);`,
			`["one","two","","four","five","last"] -1`},
		{"readLines break and empty", map[string]string{"l.txt": "a\nb\nc\n", "e.txt": ""},
			`const fs = require("fs/promises");
			 const fh = await fs.open("l.txt");
			 for await (const line of fh.readLines()) { console.log(line); break; }
			 console.log(fh.fd);
			 let n = 0; for await (const _ of (await fs.open("e.txt")).readLines()) n++;
			 console.log(n);`,
			"a\n-1\n0"},
		{"readLines many", nil,
			`const fs = require("fs/promises");
			 const want = []; for (let i = 0; i < 20000; i++) want.push("line " + i + " " + "x".repeat(i % 50));
			 await fs.writeFile("big.txt", want.join("\n") + "\n");
			 const fh = await fs.open("big.txt");
			 let n = 0, ok = true;
			 for await (const line of fh.readLines()) { if (line !== want[n]) ok = false; n++; }
			 console.log(n, ok);`,
			"20000 true"},
		{"fs module", map[string]string{"a.txt": "sync"},
			`const fs = require("fs");
			 console.log(fs.existsSync("a.txt"), fs.existsSync("b.txt"), fs.readFileSync("a.txt", "utf8"), fs.readFileSync("a.txt").length);
			 fs.writeFileSync("b.txt", "new");
			 console.log(fs.readFileSync("b.txt", {encoding: "utf8"}), typeof fs.promises.readFile, fs.constants.W_OK, fs.promises === require("node:fs/promises"));
			 try { fs.readFileSync("zz"); } catch (e) { console.log(e.code); }`,
			"true false sync 4\nnew function 2 true\nENOENT"},
		{"import syntax", map[string]string{"a.txt": "esm"},
			`import { readFile } from "node:fs/promises"; import fs from "fs";
			 console.log(await readFile("a.txt", "utf8"), typeof fs.existsSync);`, "esm function"},
		{"many in flight keep timers running", nil,
			`const fs = require("fs/promises");
			 const order = [];
			 const ops = [];
			 for (let i = 0; i < 300; i++) ops.push(fs.writeFile("f" + i, "x".repeat(1000)).then(() => fs.readFile("f" + i, "utf8")));
			 setTimeout(() => order.push("timer"), 0);
			 const res = await Promise.all(ops);
			 order.push("done");
			 console.log(res.length, res.every((s) => s.length === 1000), order.join());`,
			"300 true timer,done"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for p, data := range tt.setup {
				write(t, filepath.Join(dir, p), data)
			}
			res := run(t, dir, tt.src, nil)
			if res.Err != nil {
				t.Fatalf("error: %v\nstdout: %s", res.Err, res.Stdout)
			}
			if got := strings.TrimRight(res.Stdout, "\n"); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestSyncCallbackStreams runs testdata/*.mjs (the *Sync, callback and
// stream forms), whose // Output: is node v20's (TestNodeAgrees).
func TestSyncCallbackStreams(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

// TestNodeAgrees runs testdata/*.mjs under node, when it is installed.
func TestNodeAgrees(t *testing.T) { runtimetest.CompareWithNode(t, "testdata") }
