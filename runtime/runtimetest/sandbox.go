package runtimetest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Escape is one attempt of a script to read a file outside its module root
// (the sandbox escapes of issue 18). The same table runs through the CLI,
// a worker, the test runner and a host.
type Escape struct {
	Name string
	// Imports are the module's static imports (top level); Body its
	// statements (top-level await allowed in a main module; inside an async
	// function in a worker module or a test). Both may use {{OUT}}, the
	// outside folder, and {{MARK}}, the secret marker.
	Imports, Body string
	// Files are extra files under the root; Links symlinks under the root
	// (name -> target).
	Files, Links map[string]string
	// NotDenied marks an attempt that fails some other way (the script's
	// own error) or quietly: only the marker's absence is checked.
	NotDenied bool
}

// Sandbox is an escape's folders on disk: Root holds the main module
// (main.js, a worker module w.js and a test file x_test.js); Outside holds
// the secrets, each containing Marker.
type Sandbox struct {
	Base, Root, Outside, Marker string
}

// Escapes is the table of escape attempts.
func Escapes() []Escape {
	return []Escape{
		{Name: "static relative", Imports: `import s from "../outside/secret.json";`, Body: `console.log(JSON.stringify(s));`},
		{Name: "static absolute", Imports: `import s from "{{OUT}}/secret.js";`, Body: `console.log(s);`},
		{Name: "static mjs", Imports: `import s from "{{OUT}}/secret.mjs";`, Body: `console.log(s);`},
		{Name: "static file URL", Imports: `import s from "file://{{OUT}}/secret.js";`, Body: `console.log(s);`},
		{Name: "dynamic literal", Body: `const m = await import("{{OUT}}/secret.json"); console.log(JSON.stringify(m.default));`},
		{Name: "dynamic computed", Body: `const p = ["{{OUT}}", "secret.json"].join("/"); const m = await import(p); console.log(JSON.stringify(m.default));`},
		{Name: "attribute text", Imports: `import s from "{{OUT}}/secret.txt" with { type: "text" };`, Body: `console.log(s);`},
		{Name: "attribute bytes", Imports: `import s from "{{OUT}}/secret.txt" with { type: "bytes" };`, Body: `console.log(String.fromCharCode(...s));`},
		{Name: "attribute json", Imports: `import s from "{{OUT}}/secret.json" with { type: "json" };`, Body: `console.log(JSON.stringify(s));`},
		{Name: "attribute text on a module", Imports: `import s from "{{OUT}}/secret.js" with { type: "text" };`, Body: `console.log(s);`},
		{Name: "bundled require literal", Imports: `export const bundled = true;`, Body: `console.log(require("{{OUT}}/secret.js"));`},
		{Name: "plain-script require literal", Body: `console.log(require("{{OUT}}/secret.js"));`},
		{Name: "computed require", Body: `const p = "{{OUT}}" + "/secret.js"; console.log(require(p));`},
		{Name: "require of a folder", Body: `console.log(require("{{OUT}}/pkg"));`},
		{Name: "package.json main via ..", Imports: `import e from "evil";`, Body: `console.log(e);`,
			Files: map[string]string{"node_modules/evil/package.json": `{"name": "evil", "main": "../../../outside/secret.js"}`}},
		{Name: "package.json exports via ..", Imports: `import e from "evil";`, Body: `console.log(e);`,
			Files: map[string]string{"node_modules/evil/package.json": `{"name": "evil", "exports": {".": "./../../../outside/secret.js"}}`}},
		{Name: "symlink in root", Imports: `import l from "./link.js";`, Body: `console.log(l);`,
			Links: map[string]string{"link.js": "{{OUT}}/secret.js"}},
		{Name: "symlinked folder in root", Imports: `import l from "./sub/secret.js";`, Body: `console.log(l);`,
			Links: map[string]string{"sub": "{{OUT}}"}},
		{Name: "extension probing onto a symlink", Imports: `import l from "./link";`, Body: `console.log(l);`,
			Links: map[string]string{"link.js": "{{OUT}}/secret.js"}},
		{Name: "node_modules package symlink", Imports: `import e from "evil";`, Body: `console.log(e);`,
			Links: map[string]string{"node_modules/evil": "{{OUT}}/pkg"}},
		{Name: "node_modules folder symlink", Imports: `import e from "evil";`, Body: `console.log(e);`,
			Links: map[string]string{"node_modules": "{{OUT}}/nm"}},
		{Name: "nested module imports outside", Imports: `import a from "./lib/a.js";`, Body: `console.log(a);`,
			Files: map[string]string{"lib/a.js": `import s from "{{OUT}}/secret.js"; export default s;`}},
		{Name: "data URL module imports outside", Imports: `import "data:text/javascript,import s from '{{OUT}}/secret.js'; console.log(s)";`},
		{Name: "syntax error in the outside file", Imports: `import "{{OUT}}/bad.js";`},
		{Name: "source map comment names an outside map", NotDenied: true,
			Body: "throw new Error(\"boom\");\n//# sourceMappingURL={{OUT}}/secret.map"},
		{Name: "inline source map names an outside source", NotDenied: true,
			Body: "throw new Error(\"boom\");\n//# sourceMappingURL=data:application/json;base64,{{MAP}}"},
	}
}

// Setup writes the escape's folders under a temporary directory.
func (e Escape) Setup(t testing.TB) Sandbox {
	t.Helper()
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	sb := Sandbox{Base: base, Root: filepath.Join(base, "root"), Outside: filepath.Join(base, "outside"),
		Marker: "SECRET" + hex.EncodeToString(rnd[:])}
	m := sb.Marker
	outside := map[string]string{
		"secret.json":      `{"k": "` + m + `"}`,
		"secret.js":        `module.exports = "` + m + `";`,
		"secret.mjs":       `export default "` + m + `";`,
		"secret.txt":       m + "\n",
		"bad.js":           m + " = = this is not JavaScript (\n",
		"pkg/package.json": `{"name": "pkg", "main": "index.js"}`,
		"pkg/index.js":     `module.exports = "` + m + `";`,
		"nm/evil/index.js": `module.exports = "` + m + `";`,
		"secret.map":       `{"version": 3, "sources": ["secret.txt"], "names": [], "mappings": "AAAA"}`,
	}
	for name, src := range outside {
		WriteFile(t, sb.Outside, name, src)
	}
	for name, src := range e.Files {
		WriteFile(t, sb.Root, name, sb.expand(src))
	}
	for name, target := range e.Links {
		p := filepath.Join(sb.Root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(sb.expand(target), p); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(sb.Root, 0o755); err != nil {
		t.Fatal(err)
	}
	WriteFile(t, sb.Root, "main.js", sb.expand(e.Main()))
	WriteFile(t, sb.Root, "w.js", sb.expand(e.Worker()))
	WriteFile(t, sb.Root, "x_test.js", sb.expand(e.Test()))
	WriteFile(t, sb.Root, "worker_main.js", `import asyncio from "asyncio";`+"\n"+`await asyncio.toWorker("./w.js", "run");`+"\n")
	return sb
}

func (sb Sandbox) expand(s string) string {
	inline := `{"version": 3, "sources": ["` + filepath.ToSlash(sb.Outside) + `/secret.txt"], "names": [], "mappings": "AAAA"}`
	return strings.NewReplacer("{{OUT}}", filepath.ToSlash(sb.Outside), "{{MARK}}", sb.Marker,
		"{{MAP}}", base64.StdEncoding.EncodeToString([]byte(inline))).Replace(s)
}

// Main is the escape as a main module.
func (e Escape) Main() string { return join(e.Imports, e.Body) }

// Worker is the escape as a worker module whose export run does it.
func (e Escape) Worker() string {
	return join(e.Imports, "export async function run() {\n"+e.Body+"\n}")
}

// Test is the escape as a test file whose one test does it.
func (e Escape) Test() string {
	return join(`import { test } from "arun:test";`+"\n"+e.Imports, `test("escape", async () => {`+"\n"+e.Body+"\n});")
}

func join(imports, body string) string {
	if imports == "" {
		return body + "\n"
	}
	return imports + "\n" + body + "\n"
}

// WriteFile writes dir/name (creating folders) or fails t.
func WriteFile(t testing.TB, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
