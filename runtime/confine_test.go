package runtime_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
)

// TestConfine pins what Permissions.Confine returns: the Root of the
// deepest covering grant and the resolved path inside it, nothing for a
// kind granted in full, a PermissionError naming the path otherwise.
func TestConfine(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(root, "A")
	mk := func(p string) {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	mk(filepath.Join(a, "deep", "er"))
	mk(filepath.Join(root, "outside"))
	if err := os.WriteFile(filepath.Join(a, "f.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("deep/er", filepath.Join(a, "ln")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "outside"), filepath.Join(a, "out")); err != nil {
		t.Fatal(err)
	}
	p := &runtime.Permissions{
		Read:  []string{a, filepath.Join(a, "deep")},
		Write: []string{filepath.Join(a, "f.txt")},
	}
	cases := []struct {
		name     string
		kind     bindings.PermissionKind
		path     string
		follow   bool
		root     string // "" for denied
		rel      string
		denyPath string
	}{
		{"deepest grant", bindings.PermRead, a + "/deep/er/x", true, a + "/deep", "er/x", ""},
		{"link resolved", bindings.PermRead, a + "/ln/x", true, a + "/deep", "er/x", ""},
		{"last link kept without follow", bindings.PermRead, a + "/ln", false, a, "ln", ""},
		{"last link resolved with follow", bindings.PermRead, a + "/ln", true, a + "/deep", "er", ""},
		{"the grant itself", bindings.PermRead, a, true, a, ".", ""},
		{"the grant's own entry", bindings.PermRead, a, false, root, "A", ""},
		{"link out", bindings.PermRead, a + "/out/x", true, "", "", a + "/out/x"},
		{"link out itself", bindings.PermRead, a + "/out", false, a, "out", ""},
		{"file grant", bindings.PermWrite, a + "/f.txt", true, a, "f.txt", ""},
		{"beside a file grant", bindings.PermWrite, a + "/g.txt", true, "", "", a + "/g.txt"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pl, err := p.Confine(tc.kind, tc.path, tc.follow)
			if tc.root == "" {
				var pe *bindings.PermissionError
				if !errors.As(err, &pe) || pe.Target != tc.denyPath || pe.Kind != tc.kind {
					t.Fatalf("err = %v, want a denial of %s", err, tc.denyPath)
				}
				if pl.Root != nil {
					t.Errorf("a denied place has a root")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer pl.Close()
			if pl.Root == nil || pl.Root.Name() != tc.root || pl.Rel != tc.rel || pl.Path != tc.path || pl.Kind != tc.kind {
				t.Errorf("got root %v rel %q path %q kind %s, want %s %q", pl.Root, pl.Rel, pl.Path, pl.Kind, tc.root, tc.rel)
			}
		})
	}
	// a grant not created yet is reached from its nearest existing ancestor
	missing := &runtime.Permissions{Write: []string{filepath.Join(a, "new", "deeper")}}
	if pl, err := missing.Confine(bindings.PermWrite, a+"/new/deeper/x", true); err != nil || pl.Root.Name() != a || pl.Rel != "new/deeper/x" {
		t.Errorf("missing grant: %+v %v", pl, err)
	} else {
		pl.Close()
	}
	if _, err := missing.Confine(bindings.PermWrite, a+"/new/x", true); err == nil {
		t.Errorf("missing grant: its parent was granted")
	}
	all, err := runtime.AllowAll().Confine(bindings.PermRead, "/etc/passwd", true)
	if err != nil || all.Root != nil || all.Path != "/etc/passwd" {
		t.Errorf("AllowAll: %+v %v, want an unconfined place", all, err)
	}
	var none *runtime.Permissions
	if _, err := none.Confine(bindings.PermRead, a, true); err == nil {
		t.Errorf("nil permissions granted a read")
	}
}

// checkOnly is a host's own Permissions without Confine.
type checkOnly struct{ allowed string }

func (c checkOnly) Check(kind bindings.PermissionKind, target string) error {
	if strings.HasPrefix(target, c.allowed) {
		return nil
	}
	return &bindings.PermissionError{Kind: kind, Target: target}
}

// TestEnvConfine: bindings.Env.Confine asks every kind and keeps the
// deepest place; permissions that only Check give unconfined places.
func TestEnvConfine(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(root, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	env := &bindings.Env{Host: bindings.Host{Perms: &runtime.Permissions{Read: []string{root}, Write: []string{sub}}}}
	pl, err := env.Confine(filepath.Join(sub, "x"), true, bindings.PermRead, bindings.PermWrite)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Root == nil || pl.Root.Name() != sub || pl.Rel != "x" || pl.Kind != bindings.PermWrite {
		t.Errorf("got %+v, want the write grant's root", pl)
	}
	pl.Close()
	if _, err := env.Confine(filepath.Join(root, "x"), true, bindings.PermRead, bindings.PermWrite); err == nil {
		t.Errorf("a write outside the write grant was allowed")
	}
	env = &bindings.Env{Host: bindings.Host{Perms: checkOnly{root}}}
	pl, err = env.Confine(filepath.Join(root, "x"), true, bindings.PermRead)
	if err != nil || pl.Root != nil || pl.Path != filepath.Join(root, "x") {
		t.Errorf("Check-only permissions: %+v %v", pl, err)
	}
	if _, err := env.Confine("/elsewhere", true, bindings.PermRead); err == nil {
		t.Errorf("Check-only permissions: a denied path was allowed")
	}
}

// TestHostSandboxRace is the rename race through the embedding API: a Go
// host gives a script a read and write grant (Options.Permissions) while
// another goroutine of the host's process keeps swapping a directory of the
// grant with a link to outside; the script's reads and writes, a bounded
// number of them, never reach outside.
func TestHostSandboxRace(t *testing.T) {
	root := t.TempDir()
	a := filepath.Join(root, "A")
	out := filepath.Join(root, "outside")
	for _, d := range []string{filepath.Join(a, "d"), out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(a, "d", "f"), []byte("inside"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "f"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../outside", filepath.Join(a, "ln")); err != nil {
		t.Fatal(err)
	}
	var stdout strings.Builder
	rt, err := runtime.New(runtime.Options{
		Stdout:      &stdout,
		Dir:         a,
		Permissions: &runtime.Permissions{Read: []string{a}, Write: []string{a}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		d, ln, moved := filepath.Join(a, "d"), filepath.Join(a, "ln"), filepath.Join(a, "moved")
		for {
			select {
			case <-stop:
				return
			default:
			}
			_ = os.Rename(d, moved)
			_ = os.Rename(ln, d)
			_ = os.Rename(d, ln)
			_ = os.Rename(moved, d)
		}
	}()
	err = rt.RunString(context.Background(), "host.js", `const fs = require("fs/promises"), fsSync = require("fs");
let inside = 0;
for (let i = 0; i < 300; i++) {
  try { const s = await fs.readFile("d/f", "utf8"); if (s === "SECRET") console.log("LEAK read"); else inside++; } catch {}
  try { const s = fsSync.readFileSync("d/f", "utf8"); if (s === "SECRET") console.log("LEAK readSync"); } catch {}
  try { await fs.writeFile("d/w", "x"); } catch {}
  try { await fs.copyFile("d/f", "d/c"); } catch {}
  try { await fs.rename("d/w", "d/w2"); } catch {}
}
console.log("inside reads:", inside);`)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	t.Log(strings.TrimSpace(stdout.String()))
	if strings.Contains(stdout.String(), "LEAK") {
		t.Errorf("the script read outside the grant:\n%s", stdout.String())
	}
	for _, name := range []string{"w", "c", "w2"} {
		if _, err := os.Lstat(filepath.Join(out, name)); err == nil {
			t.Errorf("the script wrote %s outside the grant", name)
		}
	}
}
