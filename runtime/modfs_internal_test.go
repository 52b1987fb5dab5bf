package runtime

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModFSSwapAfterCheck plays the check-then-open race deterministically:
// the path is checked, then replaced by a symlink (or its folder by one)
// leading outside before it is opened. Opening through os.Root must refuse.
func TestModFSSwapAfterCheck(t *testing.T) {
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	root, out := filepath.Join(base, "root"), filepath.Join(base, "out")
	for _, d := range []string{filepath.Join(root, "sub"), out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(out, "secret.js"), "SECRET")
	write(filepath.Join(out, "other.js"), "OTHER")

	cases := []struct {
		name  string
		perms *Permissions
		path  string
		swap  func(t *testing.T)
	}{
		{"file in the root becomes a link out", &Permissions{}, filepath.Join(root, "a.js"), func(t *testing.T) {
			write(filepath.Join(root, "a.js"), "ok")
		}},
		{"folder in the root becomes a link out", &Permissions{}, filepath.Join(root, "sub", "secret.js"), func(t *testing.T) {
			write(filepath.Join(root, "sub", "secret.js"), "ok")
		}},
		{"a one-file grant becomes a link to its neighbour", &Permissions{Read: []string{filepath.Join(out, "granted.js")}}, filepath.Join(out, "granted.js"), func(t *testing.T) {
			write(filepath.Join(out, "granted.js"), "ok")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.swap(t)
			f := newModFS(tc.perms, "", root)
			pl, err := f.access(tc.path)
			if err != nil {
				t.Fatalf("access before the swap: %v", err)
			}
			// the swap: the checked name now leads elsewhere
			switch {
			case strings.HasSuffix(tc.name, "neighbour"):
				os.Remove(tc.path)
				if err := os.Symlink(filepath.Join(out, "other.js"), tc.path); err != nil {
					t.Fatal(err)
				}
			case strings.HasPrefix(tc.name, "folder"):
				if err := os.RemoveAll(filepath.Join(root, "sub")); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(out, filepath.Join(root, "sub")); err != nil {
					t.Fatal(err)
				}
			default:
				os.Remove(tc.path)
				if err := os.Symlink(filepath.Join(out, "secret.js"), tc.path); err != nil {
					t.Fatal(err)
				}
			}
			if file, err := pl.open(); err == nil {
				b := make([]byte, 16)
				n, _ := file.Read(b)
				file.Close()
				t.Fatalf("opened after the swap, read %q", b[:n])
			}
			// and checked afresh, it is denied (a grant is resolved through
			// links when checked, as every permission check is: a grant of a
			// name that is now a link grants its target)
			if strings.HasSuffix(tc.name, "neighbour") {
				return
			}
			if _, _, err := f.readFile(tc.path); err == nil {
				t.Fatal("readFile after the swap succeeded")
			}
		})
	}
}

func TestMatchExports(t *testing.T) {
	pj, err := parseOrderedJSON([]byte(`{"exports": {
		".": {"types": "./t.d.ts", "browser": "./b.js", "import": "./esm.js", "require": "./cjs.js"},
		"./feature": [{"worker": "./w.js"}, "./f.js"],
		"./lib/*": "./src/*.js",
		"./lib/private/*": null,
		"./dir/": "./d/"
	}}`))
	if err != nil {
		t.Fatal(err)
	}
	exp := pj.(*jsonObject).get("exports")
	for sub, want := range map[string]string{
		".": "./esm.js", "./feature": "./f.js", "./lib/a/b": "./src/a/b.js", "./dir/x.js": "./d/x.js",
		"./lib/private/x": "", "./nope": "",
	} {
		got, err := matchExports(exp, sub, false, false)
		if want == "" {
			if err == nil {
				t.Errorf("%s: got %q, want not exported", sub, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", sub, got, err, want)
		}
	}
	if got, err := matchExports("./only.js", ".", false, false); err != nil || got != "./only.js" {
		t.Errorf("string exports: %q %v", got, err)
	}
}

// TestSandboxREPL: in the REPL (root: the working directory) require and
// import() load modules of the directory, and are denied outside it.
func TestSandboxREPL(t *testing.T) {
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir, out := filepath.Join(base, "wd"), filepath.Join(base, "out")
	for _, d := range []string{dir, out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.js"), []byte(`module.exports = "in-root";`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "secret.json"), []byte(`{"k": "SECRET-REPL"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout := &syncBuffer{}
	r, err := New(Options{Stdout: stdout, Stderr: stdout, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	s, err := r.StartSession(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := eval(t, s, `require("./ok.js")`)
	if err != nil || res.Text != `'in-root'` {
		t.Errorf("require in the root: %q, %v", res.Text, err)
	}
	for _, src := range []string{`require("../out/secret.json")`, `await import("` + filepath.ToSlash(out) + `/secret.json")`} {
		res, err := eval(t, s, src)
		if err != nil || !res.Thrown || !strings.Contains(res.Text, "PermissionDenied") || strings.Contains(res.Text+stdout.String(), "SECRET-REPL") {
			t.Errorf("%s: %q, %v", src, res.Text, err)
		}
	}
}
