package fs_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// sandboxTree builds, under root, the grant A and the directory outside
// with the links an attacker inside A would try, and returns A and outside.
func sandboxTree(t *testing.T, root string) (a, out string) {
	t.Helper()
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r // realpath results are compared with A
	}
	a = filepath.Join(root, "A")
	out = filepath.Join(root, "outside")
	write(t, filepath.Join(a, "ok.txt"), "ok")
	write(t, filepath.Join(a, "sub", "in.txt"), "in")
	write(t, filepath.Join(out, "secret.txt"), "SECRET")
	write(t, filepath.Join(out, "sub", "inner.txt"), "INNER")
	links := [][2]string{
		{filepath.Join(out, "secret.txt"), "abs"},   // absolute link to a file outside
		{"../outside/secret.txt", "rel"},            // relative link to a file outside
		{out, "absdir"},                             // absolute link to the outside directory
		{"../outside", "reldir"},                    // relative link to it
		{"chain2", "chain1"},                        // a chain that ends outside
		{"sub/../chain3", "chain2"},                 //
		{"../outside/secret.txt", "chain3"},         //
		{"inchain2", "inchain1"},                    // a chain that stays inside
		{"./sub/../ok.txt", "inchain2"},             //
		{filepath.Join(out, "new.txt"), "dangling"}, // a dangling link to outside
	}
	for _, l := range links {
		if err := os.Symlink(l[0], filepath.Join(a, l[1])); err != nil {
			t.Fatal(err)
		}
	}
	return a, out
}

// snapshot describes everything under dir (names, types, sizes, modes,
// modification times and contents), to tell whether anything changed.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		line := p + " " + fi.Mode().String() + " " + fi.ModTime().Format(time.RFC3339Nano)
		if fi.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			line += " " + string(b)
		}
		lines = append(lines, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestSandboxOperations runs every file operation against the escapes an
// attacker holding one grant would try (".." out, absolute and relative
// links out, link chains, dangling links, links and hard links made to
// outside), under a read grant, a write grant and both. Each case runs on
// a fresh tree; nothing outside may be read, created, changed or removed,
// and what a case must remove inside (a link to outside) must be gone while
// its target stays.
func TestSandboxOperations(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	const (
		dr = "DENIED read"  // PermissionDenied naming --allow-read
		dw = "DENIED write" // PermissionDenied naming --allow-write
	)
	tests := []struct {
		name, src string
		r, w, rw  string // the outcome with a read grant, a write grant, both
		gone      string // what must no longer exist in A when the case succeeds
	}{
		// readFile
		{name: "readFile inside", src: `await fs.readFile("ok.txt", "utf8")`, r: "ok", w: dr, rw: "ok"},
		{name: "readFile dotdot", src: `await fs.readFile("../outside/secret.txt", "utf8")`, r: dr, w: dr, rw: dr},
		{name: "readFile absolute dotdot", src: `await fs.readFile(A + "/../outside/secret.txt", "utf8")`, r: dr, w: dr, rw: dr},
		{name: "readFile absolute link out", src: `await fs.readFile("abs", "utf8")`, r: dr, w: dr, rw: dr},
		{name: "readFile relative link out", src: `await fs.readFile("rel", "utf8")`, r: dr, w: dr, rw: dr},
		{name: "readFile chain out", src: `await fs.readFile("chain1", "utf8")`, r: dr, w: dr, rw: dr},
		{name: "readFile chain inside", src: `await fs.readFile("inchain1", "utf8")`, r: "ok", w: dr, rw: "ok"},
		{name: "readFile through dir link", src: `await fs.readFile("absdir/secret.txt", "utf8")`, r: dr, w: dr, rw: dr},
		{name: "readFile through relative dir link", src: `await fs.readFile("reldir/sub/inner.txt", "utf8")`, r: dr, w: dr, rw: dr},
		{name: "readFile file URL out", src: `await fs.readFile(new URL("file://" + OUT + "/secret.txt"), "utf8")`, r: dr, w: dr, rw: dr},
		{name: "readFileSync chain out", src: `fsSync.readFileSync("chain1", "utf8")`, r: dr, w: dr, rw: dr},
		// writeFile, appendFile
		{name: "writeFile inside", src: `await fs.writeFile("new.txt", "x")`, r: dw, w: "undefined", rw: "undefined"},
		{name: "writeFile dotdot", src: `await fs.writeFile("../outside/new.txt", "x")`, r: dw, w: dw, rw: dw},
		{name: "writeFile through link out", src: `await fs.writeFile("abs", "x")`, r: dw, w: dw, rw: dw},
		{name: "writeFile through dangling link", src: `await fs.writeFile("dangling", "x")`, r: dw, w: dw, rw: dw},
		{name: "writeFile exclusive on dangling link", src: `await fs.writeFile("dangling", "x", {flag: "wx"})`, r: dw, w: "EEXIST", rw: "EEXIST"},
		{name: "writeFile through dir link", src: `await fs.writeFile("absdir/new.txt", "x")`, r: dw, w: dw, rw: dw},
		{name: "appendFile through relative link", src: `await fs.appendFile("rel", "x")`, r: dw, w: dw, rw: dw},
		{name: "appendFile through chain", src: `await fs.appendFile("chain1", "x")`, r: dw, w: dw, rw: dw},
		{name: "writeFileSync dangling", src: `fsSync.writeFileSync("dangling", "x")`, r: dw, w: dw, rw: dw},
		{name: "writeFileSync inside", src: `fsSync.writeFileSync("new.txt", "x")`, r: dw, w: "undefined", rw: "undefined"},
		// open
		{name: "open inside", src: `await (await fs.open("ok.txt")).close()`, r: "undefined", w: dr, rw: "undefined"},
		{name: "open link out", src: `await fs.open("abs")`, r: dr, w: dr, rw: dr},
		{name: "open chain for update", src: `await fs.open("chain1", "r+")`, r: dr, w: dr, rw: dr},
		{name: "open create inside", src: `await (await fs.open("new.txt", "w")).close()`, r: dw, w: "undefined", rw: "undefined"},
		{name: "open create through dir link", src: `await fs.open("reldir/new.txt", "w")`, r: dw, w: dw, rw: dw},
		// readdir
		{name: "readdir inside", src: `(await fs.readdir("sub")).join()`, r: "in.txt", w: dr, rw: "in.txt"},
		{name: "readdir dir link", src: `await fs.readdir("absdir")`, r: dr, w: dr, rw: dr},
		{name: "readdir relative dir link", src: `await fs.readdir("reldir")`, r: dr, w: dr, rw: dr},
		{name: "readdir dotdot", src: `await fs.readdir("..")`, r: dr, w: dr, rw: dr},
		{name: "readdir recursive does not descend links", src: `(await fs.readdir(".", {recursive: true})).filter((n) => n.includes("secret") || n.includes("inner")).length`, r: "0", w: dr, rw: "0"},
		// stat, lstat
		{name: "stat inside", src: `(await fs.stat("ok.txt")).size`, r: "2", w: dr, rw: "2"},
		{name: "stat link out", src: `await fs.stat("abs")`, r: dr, w: dr, rw: dr},
		{name: "lstat link out is the link", src: `(await fs.lstat("abs")).isSymbolicLink()`, r: "true", w: dr, rw: "true"},
		{name: "lstat through dir link", src: `await fs.lstat("absdir/secret.txt")`, r: dr, w: dr, rw: dr},
		{name: "existsSync link out", src: `fsSync.existsSync("abs")`, r: dr, w: dr, rw: dr},
		{name: "existsSync inside", src: `fsSync.existsSync("ok.txt")`, r: "true", w: dr, rw: "true"},
		// mkdir, mkdtemp
		{name: "mkdir inside", src: `await fs.mkdir("d")`, r: dw, w: "undefined", rw: "undefined"},
		{name: "mkdir through dir link", src: `await fs.mkdir("absdir/d")`, r: dw, w: dw, rw: dw},
		{name: "mkdir recursive dotdot", src: `await fs.mkdir("../outside/d/e", {recursive: true})`, r: dw, w: dw, rw: dw},
		{name: "mkdir recursive through relative dir link", src: `await fs.mkdir("reldir/d/e", {recursive: true})`, r: dw, w: dw, rw: dw},
		{name: "mkdir recursive inside", src: `(await fs.mkdir("d/e/f", {recursive: true})) === A + "/d"`, r: dw, w: "true", rw: "true"},
		{name: "mkdir on dangling link", src: `await fs.mkdir("dangling")`, r: dw, w: "EEXIST", rw: "EEXIST"},
		{name: "mkdtemp inside", src: `(await fs.mkdtemp("t-")).startsWith("t-")`, r: dw, w: "true", rw: "true"},
		{name: "mkdtemp empty prefix", src: `(await fs.mkdtemp("")).length`, r: dw, w: "6", rw: "6"},
		{name: "mkdtemp through dir link", src: `await fs.mkdtemp("absdir/t-")`, r: dw, w: dw, rw: dw},
		{name: "mkdtemp dotdot", src: `await fs.mkdtemp("../outside/t-")`, r: dw, w: dw, rw: dw},
		// rm, rmdir, unlink: a link is removed, never what it points to
		{name: "rm link out", src: `await fs.rm("abs")`, r: dw, w: "undefined", rw: "undefined", gone: "abs"},
		{name: "rm dir link out recursive", src: `await fs.rm("absdir", {recursive: true})`, r: dw, w: "undefined", rw: "undefined", gone: "absdir"},
		{name: "rm relative dir link recursive", src: `await fs.rm("reldir", {recursive: true, force: true})`, r: dw, w: "undefined", rw: "undefined", gone: "reldir"},
		{name: "rm through dir link", src: `await fs.rm("reldir/sub", {recursive: true})`, r: dw, w: dw, rw: dw},
		{name: "rm dotdot", src: `await fs.rm("../outside", {recursive: true, force: true})`, r: dw, w: dw, rw: dw},
		{name: "rm inside recursive", src: `await fs.rm("sub", {recursive: true})`, r: dw, w: "undefined", rw: "undefined", gone: "sub"},
		{name: "rmdir dir link", src: `await fs.rmdir("absdir")`, r: dw, w: "ENOTDIR", rw: "ENOTDIR"},
		{name: "rmdir through dir link", src: `await fs.rmdir("reldir/sub")`, r: dw, w: dw, rw: dw},
		{name: "unlink link out", src: `await fs.unlink("abs")`, r: dw, w: "undefined", rw: "undefined", gone: "abs"},
		{name: "unlink relative link out", src: `await fs.unlink("rel")`, r: dw, w: "undefined", rw: "undefined", gone: "rel"},
		{name: "unlink chain head", src: `await fs.unlink("chain1")`, r: dw, w: "undefined", rw: "undefined", gone: "chain1"},
		{name: "unlink dangling", src: `await fs.unlink("dangling")`, r: dw, w: "undefined", rw: "undefined", gone: "dangling"},
		{name: "unlink through dir link", src: `await fs.unlink("absdir/secret.txt")`, r: dw, w: dw, rw: dw},
		{name: "unlink directory", src: `await fs.unlink("sub")`, r: dw, w: "EISDIR", rw: "EISDIR"},
		// rename
		{name: "rename out", src: `await fs.rename("ok.txt", "../outside/stolen.txt")`, r: dw, w: dw, rw: dw},
		{name: "rename in", src: `await fs.rename("../outside/secret.txt", "mine.txt")`, r: dw, w: dw, rw: dw},
		{name: "rename into dir link", src: `await fs.rename("ok.txt", "absdir/stolen.txt")`, r: dw, w: dw, rw: dw},
		{name: "rename out of dir link", src: `await fs.rename("absdir/secret.txt", "mine.txt")`, r: dw, w: dw, rw: dw},
		{name: "rename a link out (the link moves)", src: `await fs.rename("abs", "moved")`, r: dw, w: "undefined", rw: "undefined", gone: "abs"},
		{name: "rename inside", src: `await fs.rename("sub", "sub2")`, r: dw, w: "undefined", rw: "undefined", gone: "sub"},
		// copyFile
		{name: "copyFile from link out", src: `await fs.copyFile("abs", "copy.txt")`, r: dr, w: dr, rw: dr},
		{name: "copyFile to dir link", src: `await fs.copyFile("ok.txt", "absdir/copy.txt")`, r: dw, w: dr, rw: dw},
		{name: "copyFile to dangling link", src: `await fs.copyFile("ok.txt", "dangling")`, r: dw, w: dr, rw: dw},
		{name: "copyFile exclusive to dangling link", src: `await fs.copyFile("ok.txt", "dangling", fsSync.constants.COPYFILE_EXCL)`, r: dw, w: dr, rw: "EEXIST"},
		{name: "copyFile inside", src: `await fs.copyFile("ok.txt", "copy.txt")`, r: dw, w: dr, rw: "undefined"},
		// access, realpath, readlink
		{name: "access inside", src: `await fs.access("ok.txt")`, r: "undefined", w: dr, rw: "undefined"},
		{name: "access link out", src: `await fs.access("abs")`, r: dr, w: dr, rw: dr},
		{name: "access for writing", src: `await fs.access("ok.txt", fsSync.constants.W_OK)`, r: dw, w: dr, rw: "undefined"},
		{name: "realpath chain inside", src: `(await fs.realpath("inchain1")) === A + "/ok.txt"`, r: "true", w: dr, rw: "true"},
		{name: "realpath chain out", src: `await fs.realpath("chain1")`, r: dr, w: dr, rw: dr},
		{name: "realpath missing", src: `await fs.realpath("missing")`, r: "ENOENT", w: dr, rw: "ENOENT"},
		{name: "readlink link out is its text", src: `(await fs.readlink("abs")) === OUT + "/secret.txt"`, r: "true", w: dr, rw: "true"},
		{name: "readlink through dir link", src: `await fs.readlink("reldir/sub")`, r: dr, w: dr, rw: dr},
		// symlink: what the new link points to must be inside the write grant
		{name: "symlink relative out", src: `await fs.symlink("../outside/secret.txt", "l")`, r: dw, w: dw, rw: dw},
		{name: "symlink absolute out", src: `await fs.symlink(OUT, "l")`, r: dw, w: dw, rw: dw},
		{name: "symlink dangling out", src: `await fs.symlink("../outside/none", "l")`, r: dw, w: dw, rw: dw},
		{name: "symlink to a chain out", src: `await fs.symlink("chain1", "l")`, r: dw, w: dw, rw: dw},
		{name: "symlink dotdot after dir link", src: `await fs.symlink("absdir/sub/../../outside/secret.txt", "l")`, r: dw, w: dw, rw: dw},
		{name: "symlink made in a dir link", src: `await fs.symlink("ok.txt", "absdir/l")`, r: dw, w: dw, rw: dw},
		{name: "symlink inside", src: `await fs.symlink("sub/in.txt", "l")`, r: dw, w: "undefined", rw: "undefined"},
		{name: "symlink dangling inside", src: `await fs.symlink("later.txt", "l")`, r: dw, w: "undefined", rw: "undefined"},
		// link: a hard link to outside
		{name: "link from outside", src: `await fs.link("../outside/secret.txt", "hard")`, r: dr, w: dr, rw: dr},
		{name: "link from link out", src: `await fs.link("abs", "hard")`, r: dr, w: dr, rw: dr},
		{name: "link from dir link", src: `await fs.link("absdir/secret.txt", "hard")`, r: dr, w: dr, rw: dr},
		{name: "link to outside", src: `await fs.link("ok.txt", "../outside/hard")`, r: dw, w: dr, rw: dr},
		{name: "link inside", src: `await fs.link("ok.txt", "hard")`, r: dw, w: dr, rw: "undefined"},
		// chmod, truncate, utimes
		{name: "chmod link out", src: `await fs.chmod("abs", 0o777)`, r: dw, w: dw, rw: dw},
		{name: "chmod through dir link", src: `await fs.chmod("absdir/secret.txt", 0o777)`, r: dw, w: dw, rw: dw},
		{name: "chmod inside", src: `await fs.chmod("ok.txt", 0o600)`, r: dw, w: "undefined", rw: "undefined"},
		{name: "truncate link out", src: `await fs.truncate("rel", 0)`, r: dw, w: dw, rw: dw},
		{name: "truncate inside", src: `await fs.truncate("ok.txt", 1)`, r: dw, w: "undefined", rw: "undefined"},
		{name: "utimes chain out", src: `await fs.utimes("chain1", 1, 1)`, r: dw, w: dw, rw: dw},
		{name: "utimes inside", src: `await fs.utimes("ok.txt", 1, 1)`, r: dw, w: "undefined", rw: "undefined"},
		// the synchronous, callback and stream forms go through the same ops
		{name: "statSync link out", src: `fsSync.statSync("abs")`, r: dr, w: dr, rw: dr},
		{name: "statSync inside", src: `fsSync.statSync("ok.txt").size`, r: "2", w: dr, rw: "2"},
		{name: "readdirSync dir link", src: `fsSync.readdirSync("absdir")`, r: dr, w: dr, rw: dr},
		{name: "readdirSync inside", src: `fsSync.readdirSync("sub").join()`, r: "in.txt", w: dr, rw: "in.txt"},
		{name: "mkdirSync through dir link", src: `fsSync.mkdirSync("absdir/d")`, r: dw, w: dw, rw: dw},
		{name: "openSync chain out", src: `fsSync.openSync("chain1", "r")`, r: dr, w: dr, rw: dr},
		{name: "openSync create through dir link", src: `fsSync.openSync("reldir/new.txt", "w")`, r: dw, w: dw, rw: dw},
		{name: "openSync readSync inside", src: `(() => { const fd = fsSync.openSync("ok.txt"); const b = Buffer.alloc(2); fsSync.readSync(fd, b); fsSync.closeSync(fd); return b.toString(); })()`, r: "ok", w: dr, rw: "ok"},
		{name: "symlinkSync out", src: `fsSync.symlinkSync(OUT, "l")`, r: dw, w: dw, rw: dw},
		{name: "renameSync out", src: `fsSync.renameSync("ok.txt", "../outside/stolen.txt")`, r: dw, w: dw, rw: dw},
		{name: "unlinkSync link out", src: `fsSync.unlinkSync("abs")`, r: dw, w: "undefined", rw: "undefined", gone: "abs"},
		{name: "copyFileSync from link out", src: `fsSync.copyFileSync("abs", "copy.txt")`, r: dr, w: dr, rw: dr},
		{name: "rmSync dotdot", src: `fsSync.rmSync("../outside", {recursive: true, force: true})`, r: dw, w: dw, rw: dw},
		{name: "readFile callback link out", src: `await cb(fsSync.readFile, "abs", "utf8")`, r: dr, w: dr, rw: dr},
		{name: "readFile callback inside", src: `await cb(fsSync.readFile, "ok.txt", "utf8")`, r: "ok", w: dr, rw: "ok"},
		{name: "writeFile callback dangling", src: `await cb(fsSync.writeFile, "dangling", "x")`, r: dw, w: dw, rw: dw},
		{name: "open callback chain out", src: `await cb(fsSync.open, "chain1", "r")`, r: dr, w: dr, rw: dr},
		{name: "createReadStream link out", src: `await drain(fsSync.createReadStream("rel"))`, r: dr, w: dr, rw: dr},
		{name: "createReadStream inside", src: `await drain(fsSync.createReadStream("ok.txt"))`, r: "ok", w: dr, rw: "ok"},
		{name: "createWriteStream through dir link", src: `await new Promise((res, rej) => fsSync.createWriteStream("absdir/new.txt").on("error", rej).end("x", (e) => e ? rej(e) : res()))`, r: dw, w: dw, rw: dw},
		{name: "createWriteStream dangling", src: `await new Promise((res, rej) => fsSync.createWriteStream("dangling").on("error", rej).end("x", (e) => e ? rej(e) : res()))`, r: dw, w: dw, rw: dw},
	}
	modes := []struct {
		name  string
		perms func(a string) *runtime.Permissions
		want  func(i int) string
	}{
		{"read", func(a string) *runtime.Permissions { return &runtime.Permissions{Read: []string{a}} }, func(i int) string { return tests[i].r }},
		{"write", func(a string) *runtime.Permissions { return &runtime.Permissions{Write: []string{a}} }, func(i int) string { return tests[i].w }},
		{"both", func(a string) *runtime.Permissions {
			return &runtime.Permissions{Read: []string{a}, Write: []string{a}}
		}, func(i int) string { return tests[i].rw }},
	}
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			for i, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					a, out := sandboxTree(t, t.TempDir())
					before := snapshot(t, out)
					src := `const fs = require("fs/promises"), fsSync = require("fs");
const A = ` + quote(a) + `, OUT = ` + quote(out) + `;
const cb = (f, ...a) => new Promise((res, rej) => f(...a, (e, v) => e ? rej(e) : res(v)));
const drain = (s) => new Promise((res, rej) => { let t = ""; s.on("error", rej).on("data", (c) => t += c).on("end", () => res(t)); });
try { console.log(String(` + tt.src + `)); } catch (e) {
  if (e.code === "ERR_ACCESS_DENIED") {
    const flag = "--allow-" + e.permission;
    console.log(e.name === "PermissionDenied" && e.message.includes(flag) && typeof e.target === "string" ? "DENIED " + e.permission : "bad denial: " + e.name + " " + e.message);
  } else console.log(e.code || e.message);
}`
					res := run(t, a, src, mode.perms(a))
					if res.Err != nil {
						t.Fatalf("error: %v", res.Err)
					}
					want := mode.want(i)
					if got := strings.TrimSpace(res.Stdout); got != want {
						t.Errorf("got %q, want %q", got, want)
					}
					if after := snapshot(t, out); after != before {
						t.Errorf("outside changed:\nbefore:\n%s\nafter:\n%s", before, after)
					}
					if tt.gone != "" && !strings.HasPrefix(want, "DENIED") {
						if _, err := os.Lstat(filepath.Join(a, tt.gone)); err == nil {
							t.Errorf("%s still exists", tt.gone)
						}
					}
				})
			}
		})
	}
}

// TestSymlinkOutOfWriteGrant: with reading allowed everywhere and writing
// only in A, a script cannot make a link in A that leads out of A (a later
// write through it would be checked, but the link itself is refused), and a
// link to outside that is already there can be removed, leaving its target.
func TestSymlinkOutOfWriteGrant(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	root := t.TempDir()
	a, out := sandboxTree(t, root)
	before := snapshot(t, out)
	res := run(t, a, `const fs = require("fs/promises");
const OUT = `+quote(out)+`;
const tryIt = async (what, f) => { try { await f(); console.log(what, "ok"); } catch (e) { console.log(what, e.code, e.permission || ""); } };
await tryIt("symlink relative out", () => fs.symlink("../outside/secret.txt", "l1"));
await tryIt("symlink absolute out", () => fs.symlink(OUT, "l2"));
await tryIt("symlink chain out", () => fs.symlink("chain1", "l3"));
await tryIt("symlink inside", () => fs.symlink("ok.txt", "l4"));
await tryIt("read through link out", async () => { if (await fs.readFile("abs", "utf8") !== "SECRET") throw new Error("wrong"); });
await tryIt("write through link out", () => fs.writeFile("abs", "x"));
await tryIt("unlink link out", () => fs.unlink("abs"));
await tryIt("rm dir link out", () => fs.rm("absdir", {recursive: true}));
await tryIt("hard link of outside file", () => fs.link("../outside/secret.txt", "hard"));
`, &runtime.Permissions{Read: []string{root}, Write: []string{a}})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	want := `symlink relative out ERR_ACCESS_DENIED write
symlink absolute out ERR_ACCESS_DENIED write
symlink chain out ERR_ACCESS_DENIED write
symlink inside ok
read through link out ok
write through link out ERR_ACCESS_DENIED write
unlink link out ok
rm dir link out ok
hard link of outside file ERR_ACCESS_DENIED write`
	if got := strings.TrimSpace(res.Stdout); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if after := snapshot(t, out); after != before {
		t.Errorf("outside changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	for _, name := range []string{"l1", "l2", "l3", "abs", "absdir", "hard"} {
		if _, err := os.Lstat(filepath.Join(a, name)); err == nil {
			t.Errorf("%s exists", name)
		}
	}
}

// TestGrantNotCreatedYet: a write grant for a directory or file that does
// not exist yet lets the script create it (mkdir -p through it, a file of
// that name), and nothing beside it.
func TestGrantNotCreatedYet(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	root := t.TempDir()
	res := run(t, root, `const fs = require("fs/promises");
const tryIt = async (what, f) => { try { await f(); console.log(what, "ok"); } catch (e) { console.log(what, e.code); } };
await tryIt("mkdir -p into the grant", () => fs.mkdir("out/deep/a/b", {recursive: true}));
await tryIt("write in it", () => fs.writeFile("out/deep/a/b/f.txt", "x"));
await tryIt("mkdir beside it", () => fs.mkdir("out/other", {recursive: true}));
await tryIt("write the file grant", () => fs.writeFile("log/run.txt", "x"));
await tryIt("write beside the file grant", () => fs.writeFile("log/other.txt", "x"));
`, &runtime.Permissions{Write: []string{filepath.Join(root, "out", "deep"), filepath.Join(root, "log", "run.txt")}})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	want := `mkdir -p into the grant ok
write in it ok
mkdir beside it ERR_ACCESS_DENIED
write the file grant ENOENT
write beside the file grant ERR_ACCESS_DENIED`
	if got := strings.TrimSpace(res.Stdout); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if _, err := os.Stat(filepath.Join(root, "out", "deep", "a", "b", "f.txt")); err != nil {
		t.Error(err)
	}
}
