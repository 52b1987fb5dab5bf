package runtime_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// sandboxTarget is a file (or package) a fuzzed module graph may import.
type sandboxTarget struct {
	rel     string // under the base folder; "" for a package
	pkg     string // a package name
	kind    string // js, json, txt
	link    string // a symlink under root/ leading to it, if any
	outside bool   // outside the root and the grant
	granted bool   // in the granted folder
}

var sandboxTargets = []sandboxTarget{
	{rel: "root/m1.js", kind: "js"},
	{rel: "root/sub/m2.mjs", kind: "js"},
	{rel: "root/d.json", kind: "json"},
	{rel: "root/t.txt", kind: "txt"},
	{rel: "granted/g0.js", kind: "js", granted: true},
	{rel: "granted/g.json", kind: "json", granted: true},
	{rel: "outside/o0.js", kind: "js", link: "root/ln_o0.js", outside: true},
	{rel: "outside/o.json", kind: "json", link: "root/lndir/o.json", outside: true},
	{rel: "outside/o.txt", kind: "txt", link: "root/ln_o.txt", outside: true},
	{pkg: "ok", kind: "js"},
	{pkg: "evil", kind: "js", outside: true},  // root/node_modules/evil -> outside/pkg
	{pkg: "evil2", kind: "js", outside: true}, // package.json "main": "../../../outside/o0.js"
}

// the modules that get edges (the main module is root/m0.js)
var sandboxImporters = []string{"root/m0.js", "root/m1.js", "root/sub/m2.mjs", "granted/g0.js", "outside/o0.js"}

// fuzzBytes hands out the fuzzer's bytes, then zeros.
type fuzzBytes []byte

func (b *fuzzBytes) next(n int) int {
	if len(*b) == 0 {
		return 0
	}
	v := int((*b)[0])
	*b = (*b)[1:]
	return v % n
}

// FuzzModuleSandbox builds a random module graph from the input (static
// imports, literal and computed import() and require(), text/json/bytes
// attributes, by absolute path, relative path, symlink or package name)
// over files inside the module root, in a granted folder and outside both,
// runs it with the grant or with nothing granted, and checks that no file
// outside was read: each holds a unique marker that must never appear in
// the output, and every failure is a PermissionDenied.
func FuzzModuleSandbox(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 4, 6, 0, 0, 6, 1, 1, 7, 2, 2})
	f.Add([]byte{0, 3, 10, 0, 0, 11, 0, 0, 8, 6, 2, 2, 5, 4, 1})
	f.Add([]byte{1, 2, 4, 0, 0, 9, 3, 0, 4, 1, 1, 1, 7, 0})
	f.Add([]byte{0, 4, 7, 5, 1, 8, 7, 2, 6, 2, 2, 0, 4, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzzBytes(data)
		base, err := filepath.EvalSymlinks(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		var rnd [6]byte
		_, _ = rand.Read(rnd[:])
		tag := hex.EncodeToString(rnd[:])
		grant := in.next(2) == 1
		marker := func(tg sandboxTarget, name string) string {
			switch {
			case tg.outside || strings.HasPrefix(name, "outside/"):
				return "FORBIDDEN_" + tag
			case tg.granted || strings.HasPrefix(name, "granted/"):
				return "GRANTED_" + tag
			}
			return "INSIDE_" + tag
		}
		write := func(rel, src string) {
			p := filepath.Join(base, rel)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		link := func(rel, target string) {
			p := filepath.Join(base, rel)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
		}
		// data files, packages and links
		for _, tg := range sandboxTargets {
			switch {
			case tg.kind == "json" && tg.rel != "":
				write(tg.rel, fmt.Sprintf(`{"mark": %q}`, marker(tg, tg.rel)))
			case tg.kind == "txt":
				write(tg.rel, marker(tg, tg.rel)+"\n")
			}
		}
		write("root/node_modules/ok/index.js", `module.exports = "INSIDE_`+tag+`";`)
		write("outside/pkg/index.js", `module.exports = "FORBIDDEN_`+tag+`";`)
		write("root/node_modules/evil2/package.json", `{"main": "../../../outside/o0.js"}`)
		link("root/node_modules/evil", filepath.Join(base, "outside/pkg"))
		link("root/ln_o0.js", filepath.Join(base, "outside/o0.js"))
		link("root/lndir", filepath.Join(base, "outside"))
		link("root/ln_o.txt", filepath.Join(base, "outside/o.txt"))

		// the JavaScript modules, with their edges
		n := 0
		for _, name := range sandboxImporters {
			var imports, body []string
			main := name == "root/m0.js"
			for e, count := 0, in.next(5); e < count; e++ {
				tg := sandboxTargets[in.next(len(sandboxTargets))]
				kind := in.next(8)
				style := in.next(3)
				spec := tg.pkg
				abs := spec
				if tg.rel != "" {
					abs = filepath.ToSlash(filepath.Join(base, tg.rel))
					spec = abs
					from := filepath.Dir(filepath.Join(base, name))
					switch {
					case style == 1:
						spec = relSpec(from, filepath.Join(base, tg.rel))
					case style == 2 && tg.link != "":
						spec = relSpec(from, filepath.Join(base, tg.link))
					}
				}
				n++
				v := fmt.Sprintf("v%d", n)
				try := func(expr string) string {
					return fmt.Sprintf(`try { console.log(%q, show(%s)); } catch (e) { console.log("caught:" + e.name); }`, v, expr)
				}
				if !main && (kind == 2 || kind == 3) {
					kind = 4 // import() only in the main module (top-level await)
				}
				if kind == 7 && tg.kind != "json" {
					kind = 5
				}
				switch kind {
				case 0, 1: // static
					imports = append(imports, fmt.Sprintf("import %s from %q;", v, spec))
					body = append(body, fmt.Sprintf("console.log(%q, show(%s));", v, v))
				case 2: // import() of a literal
					body = append(body, try(fmt.Sprintf("(await import(%q)).default", spec)))
				case 3: // import() of a computed path (absolute: a computed path resolves from the main module's folder)
					body = append(body, try(fmt.Sprintf("(await import([%q].join(\"\"))).default", abs)))
				case 4: // require of a literal
					body = append(body, try(fmt.Sprintf("require(%q)", spec)))
				case 5, 6: // an attribute: text or bytes
					typ := "text"
					if kind == 6 {
						typ = "bytes"
					}
					imports = append(imports, fmt.Sprintf("import %s from %q with { type: %q };", v, spec, typ))
					body = append(body, fmt.Sprintf("console.log(%q, show(%s));", v, v))
				case 7:
					imports = append(imports, fmt.Sprintf("import %s from %q with { type: \"json\" };", v, spec))
					body = append(body, fmt.Sprintf("console.log(%q, show(%s));", v, v))
				}
				if kind == 4 && in.next(2) == 1 {
					body[len(body)-1] = try(fmt.Sprintf("require([%q].join(\"\"))", abs))
				}
			}
			src := strings.Join(imports, "\n") + "\n" +
				`const show = (x) => x instanceof Uint8Array ? String.fromCharCode(...x) : typeof x === "string" ? x : JSON.stringify(x);` + "\n" +
				strings.Join(body, "\n") + "\n" +
				fmt.Sprintf("export default %q;\n", marker(sandboxTarget{}, name))
			write(name, src)
		}

		perms := &runtime.Permissions{}
		if grant {
			perms.Read = []string{filepath.Join(base, "granted")}
		}
		var out runtimetest.Buffer
		rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Dir: filepath.Join(base, "root"),
			Permissions: perms, Timeout: 10 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer rt.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		runErr := rt.RunFile(ctx, filepath.Join(base, "root/m0.js"))
		text := out.String()
		if runErr != nil {
			text += "\n" + runErr.Error()
			var se *runtime.ScriptError
			if errors.As(runErr, &se) {
				text += "\n" + se.Report()
			}
		}
		forbidden := []string{"FORBIDDEN_" + tag}
		if !grant {
			forbidden = append(forbidden, "GRANTED_"+tag)
		}
		for _, m := range forbidden {
			if strings.Contains(text, m) {
				t.Fatalf("read a file outside the root and the grant (%s):\n%s", m, dump(base))
			}
		}
		var pe *bindings.PermissionError
		if runErr != nil && !errors.As(runErr, &pe) {
			t.Fatalf("failed with something other than PermissionDenied: %s\n%s", text, dump(base))
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, "caught:") && line != "caught:PermissionDenied" {
				t.Fatalf("a load threw something other than PermissionDenied: %s\n%s\n%s", line, text, dump(base))
			}
		}
	})
}

// relSpec is the relative specifier of target from folder dir.
func relSpec(dir, target string) string {
	rel, err := filepath.Rel(dir, target)
	if err != nil {
		return target
	}
	rel = filepath.ToSlash(rel)
	if !strings.HasPrefix(rel, "../") {
		rel = "./" + rel
	}
	return rel
}

// dump lists the JavaScript modules of a fuzzed graph, for a failure.
func dump(base string) string {
	var b strings.Builder
	for _, name := range sandboxImporters {
		src, _ := os.ReadFile(filepath.Join(base, name))
		fmt.Fprintf(&b, "--- %s\n%s", name, src)
	}
	return b.String()
}
