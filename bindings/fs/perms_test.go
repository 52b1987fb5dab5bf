package fs_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/dop251/goja"
)

// TestPermissionEscapes tries what an attacker holding a grant for
// directory A would try to reach files outside it. Every attempt must be
// denied (or fail without touching the outside), and nothing outside may be
// read, created or changed.
func TestPermissionEscapes(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	root := t.TempDir()
	a := filepath.Join(root, "A")
	out := filepath.Join(root, "outside")
	write(t, filepath.Join(a, "ok.txt"), "ok")
	write(t, filepath.Join(out, "secret.txt"), "SECRET")
	write(t, filepath.Join(out, "sub", "inner.txt"), "INNER")
	mustLink := func(dest, link string) {
		if err := os.Symlink(dest, link); err != nil {
			t.Fatal(err)
		}
	}
	mustLink(filepath.Join(out, "secret.txt"), filepath.Join(a, "link"))      // file link out
	mustLink(filepath.Join(out, "sub"), filepath.Join(a, "linkdir"))          // dir link out
	mustLink(filepath.Join(out, "created.txt"), filepath.Join(a, "dangling")) // dangling link out
	mustLink("../outside/secret.txt", filepath.Join(a, "rel"))                // relative link out

	perms := &runtime.Permissions{Read: []string{a}, Write: []string{a}}
	denied := "PermissionDenied ERR_ACCESS_DENIED"
	tests := []struct {
		name, src, want string
	}{
		{"allowed absolute", `await fs.readFile(A + "/ok.txt", "utf8")`, "ok"},
		{"allowed relative", `await fs.readFile("ok.txt", "utf8")`, "ok"},
		{"dotdot relative", `await fs.readFile("../outside/secret.txt", "utf8")`, denied},
		{"dotdot absolute", `await fs.readFile(A + "/../outside/secret.txt", "utf8")`, denied},
		{"absolute outside", `await fs.readFile(OUT + "/secret.txt", "utf8")`, denied},
		{"symlink to file outside", `await fs.readFile(A + "/link", "utf8")`, denied},
		{"relative symlink outside", `await fs.readFile("rel", "utf8")`, denied},
		{"through dir symlink", `await fs.readFile("linkdir/inner.txt", "utf8")`, denied},
		// the OS would resolve linkdir first and read outside/secret.txt; the
		// path is cleaned before both the check and the open
		{"dotdot after dir symlink", `await fs.readFile("linkdir/../secret.txt", "utf8")`, "ENOENT"},
		{"readdir through symlink", `(await fs.readdir("linkdir")).join()`, denied},
		{"stat outside", `(await fs.stat("../outside/secret.txt")).size`, denied},
		{"realpath of link", `await fs.realpath("link")`, denied},
		{"open outside", `await fs.open("../outside/secret.txt")`, denied},
		{"write outside", `await fs.writeFile("../outside/new.txt", "x")`, denied},
		{"write through dangling symlink", `await fs.writeFile("dangling", "x")`, denied},
		{"append through file symlink", `await fs.appendFile("link", "x")`, denied},
		{"open dangling for writing", `await fs.open("dangling", "w")`, denied},
		{"mkdir outside", `await fs.mkdir("../outside/d", {recursive: true})`, denied},
		{"mkdir through dir symlink", `await fs.mkdir("linkdir/d")`, denied},
		{"rm outside", `await fs.rm(OUT, {recursive: true, force: true})`, denied},
		{"unlink through dir symlink", `await fs.unlink("linkdir/inner.txt")`, denied},
		{"rename out", `await fs.rename("ok.txt", "../outside/stolen.txt")`, denied},
		{"rename in", `await fs.rename("../outside/secret.txt", "mine.txt")`, denied},
		{"copy in", `await fs.copyFile("../outside/secret.txt", "copy.txt")`, denied},
		{"copy out", `await fs.copyFile("ok.txt", "../outside/copy.txt")`, denied},
		{"hard link in", `await fs.link("../outside/secret.txt", "hard")`, denied},
		{"symlink to outside", `await fs.symlink("../outside/secret.txt", "newlink")`, denied},
		{"chmod outside", `await fs.chmod("../outside/secret.txt", 0o777)`, denied},
		{"truncate through link", `await fs.truncate("link", 0)`, denied},
		{"access outside", `await fs.access("../outside/secret.txt")`, denied},
		{"mkdtemp outside", `await fs.mkdtemp("../outside/t-")`, denied},
		{"existsSync outside", `require("fs").existsSync("../outside/secret.txt")`, denied},
		{"readFileSync outside", `require("fs").readFileSync("link", "utf8")`, denied},
		{"writeFileSync dangling", `require("fs").writeFileSync("dangling", "x")`, denied},
		{"file URL outside", `await fs.readFile(new URL("file://" + OUT + "/secret.txt"), "utf8")`, denied},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `const fs = require("fs/promises"); const A = ` + quote(a) + `, OUT = ` + quote(out) + `;
try { console.log(String(` + tt.src + `)); } catch (e) { console.log(e.code === "ERR_ACCESS_DENIED" ? e.name + " " + e.code : e.code || e.message); }`
			res := run(t, a, src, perms)
			if res.Err != nil {
				t.Fatalf("error: %v", res.Err)
			}
			if got := strings.TrimSpace(res.Stdout); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// nothing outside changed
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "secret.txt,sub" {
		t.Errorf("outside now holds %v", names)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "secret.txt")); string(b) != "SECRET" {
		t.Errorf("secret changed: %q", b)
	}
	if fi, _ := os.Stat(filepath.Join(out, "secret.txt")); fi.Mode().Perm() != 0o644 {
		t.Errorf("secret mode changed: %v", fi.Mode())
	}
	if _, err := os.Stat(filepath.Join(out, "sub", "inner.txt")); err != nil {
		t.Errorf("inner removed: %v", err)
	}
}

// TestDeniedMessage checks the error a denied operation rejects with.
func TestDeniedMessage(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	dir := t.TempDir()
	res := run(t, dir, `const fs = require("fs/promises");
try { await fs.writeFile("x.txt", "y"); } catch (e) { console.log(e.name, e.code, e.permission, e.target === process.cwd() + "/x.txt", e.message.includes("--allow-write")); }`,
		&runtime.Permissions{Read: []string{dir}})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if got := strings.TrimSpace(res.Stdout); got != "PermissionDenied ERR_ACCESS_DENIED write true true" {
		t.Errorf("got %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("x.txt was created")
	}
}

// TestPermissionsDotDotAfterSymlink documents a hole in
// runtime.Permissions.Check for callers that hand it an uncleaned path (the
// fs binding cleans first, so it is not affected): Check cleans ".."
// lexically before resolving symlinks, while the kernel resolves the link
// first.
func TestPermissionsDotDotAfterSymlink(t *testing.T) {
	root := t.TempDir()
	a := filepath.Join(root, "A")
	write(t, filepath.Join(root, "outside", "secret.txt"), "SECRET")
	if err := os.MkdirAll(filepath.Join(root, "outside", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(a, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "outside", "sub"), filepath.Join(a, "linkdir")); err != nil {
		t.Fatal(err)
	}
	p := &runtime.Permissions{Read: []string{a}}
	raw := a + "/linkdir/../secret.txt"
	b, err := os.ReadFile(raw)
	if err != nil || string(b) != "SECRET" {
		t.Fatalf("setup: the kernel should reach the secret: %q %v", b, err)
	}
	if err := p.Check(bindings.PermRead, raw); err == nil {
		t.Errorf("runtime.Permissions.Check grants %s, which the kernel resolves outside the grant", raw)
	}
	// a dangling link inside the grant must not let a write escape either
	if err := os.Symlink(filepath.Join(root, "outside", "new.txt"), filepath.Join(a, "dangling")); err != nil {
		t.Fatal(err)
	}
	pw := &runtime.Permissions{Write: []string{a}}
	if err := pw.Check(bindings.PermWrite, filepath.Join(a, "dangling")); err == nil {
		t.Errorf("a write through a dangling link escapes the grant")
	}
}

func quote(s string) string {
	return "\"" + strings.ReplaceAll(s, "\"", "\\\"") + "\""
}

// taskModule lets a test run code inside a task it can cancel, without the
// asyncio module.
func taskModule() bindings.Module {
	return bindings.Module{Name: "test:task", Init: func(env *bindings.Env, module *goja.Object) error {
		exports := env.VM.NewObject()
		_ = exports.Set("inTask", func(call goja.FunctionCall) goja.Value {
			fn, _ := goja.AssertFunction(call.Argument(0))
			ref := &bindings.TaskRef{}
			prev := env.SetCurrentTask(ref)
			_, err := fn(goja.Undefined())
			env.RestoreCurrent(prev)
			if err != nil {
				panic(err)
			}
			return env.VM.ToValue(func(c goja.FunctionCall) goja.Value {
				return env.VM.ToValue(ref.Cancel(c.Argument(0)))
			})
		})
		return module.Set("exports", exports)
	}}
}

// TestCancel: cancelling the task rejects its pending file operations at
// once with the reason, and their goroutines end.
func TestCancel(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	dir := t.TempDir()
	opts := runtimetest.VirtualOptions()
	opts.Dir = dir
	opts.Modules = []bindings.Module{taskModule()}
	res := runtimetest.Run(t, "test.js", `const fs = require("fs/promises");
const { inTask } = require("test:task");
const big = new Uint8Array(32 << 20);
let ops;
const cancel = inTask(() => { ops = [fs.writeFile("big.bin", big), fs.readdir("."), fs.stat(".")]; });
console.log(cancel(new Error("stop")));
for (const p of ops) { try { await p; console.log("settled"); } catch (e) { console.log(e.message); } }
`, opts)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if got := strings.TrimSpace(res.Stdout); got != "true\nstop\nstop\nstop" {
		t.Errorf("got %q", got)
	}
}
