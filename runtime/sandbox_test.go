package runtime_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// runModule runs file (under sb.Root) as the main module with opts (output
// captured) and returns everything it printed or reported.
func runModule(t *testing.T, sb runtimetest.Sandbox, file string, opts runtime.Options) (string, error) {
	t.Helper()
	var out runtimetest.Buffer
	opts.Stdout, opts.Stderr = &out, &out
	if opts.Dir == "" {
		opts.Dir = sb.Root
	}
	rt, err := runtime.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = rt.RunFile(ctx, filepath.Join(sb.Root, file))
	rt.Close()
	text := out.String()
	if err != nil {
		text += "\n" + err.Error()
		var se *runtime.ScriptError
		if errors.As(err, &se) {
			text += "\n" + se.Report()
		}
	}
	return text, err
}

// checkDenied fails t unless the run was refused with PermissionDenied and
// printed nothing of the secret.
func checkDenied(t *testing.T, e runtimetest.Escape, sb runtimetest.Sandbox, text string, err error) {
	t.Helper()
	if strings.Contains(text, sb.Marker) {
		t.Errorf("the secret leaked:\n%s", text)
	}
	if e.NotDenied {
		return
	}
	if err == nil {
		t.Fatalf("ran without error:\n%s", text)
	}
	if !strings.Contains(text, "PermissionDenied") || !strings.Contains(text, "--allow-read="+sb.Outside) {
		t.Errorf("not a PermissionDenied naming the flag for %s:\n%s", sb.Outside, text)
	}
	var pe *bindings.PermissionError
	if !errors.As(err, &pe) {
		t.Errorf("err = %v (%T), want one wrapping *bindings.PermissionError", err, err)
	} else if !strings.HasPrefix(pe.Target, sb.Outside) {
		t.Errorf("denied target %q, want one in %s", pe.Target, sb.Outside)
	}
}

// TestSandboxEscapesHost runs every escape through the embedding API: with
// Options whose permissions are the zero value (nothing granted), with a
// grant of an unrelated folder, and (the control) with a grant of the
// outside folder, where the secret must show.
func TestSandboxEscapesHost(t *testing.T) {
	for _, e := range runtimetest.Escapes() {
		t.Run(e.Name, func(t *testing.T) {
			sb := e.Setup(t)
			text, err := runModule(t, sb, "main.js", runtime.Options{})
			checkDenied(t, e, sb, text, err)

			text, err = runModule(t, sb, "main.js", runtime.Options{Permissions: &runtime.Permissions{
				Read: []string{filepath.Join(sb.Base, "elsewhere")}, WriteAll: true, NetAll: true, EnvAll: true,
			}})
			checkDenied(t, e, sb, text, err)

			text, _ = runModule(t, sb, "main.js", runtime.Options{Permissions: &runtime.Permissions{Read: []string{sb.Outside}}})
			if !strings.Contains(text, sb.Marker) {
				t.Errorf("with --allow-read of the outside folder the secret does not show (the case tests nothing):\n%s", text)
			}
		})
	}
}

// TestSandboxEscapesWorker runs every escape inside a worker module
// (asyncio.toWorker): the worker has its parent's module root and grants.
func TestSandboxEscapesWorker(t *testing.T) {
	for _, e := range runtimetest.Escapes() {
		if e.NotDenied {
			continue // the worker's own error; checked in the main module
		}
		t.Run(e.Name, func(t *testing.T) {
			sb := e.Setup(t)
			text, err := runModule(t, sb, "worker_main.js", runtime.Options{})
			if strings.Contains(text, sb.Marker) {
				t.Errorf("the secret leaked:\n%s", text)
			}
			if err == nil || !strings.Contains(text, "PermissionDenied") || !strings.Contains(text, "--allow-read="+sb.Outside) {
				t.Errorf("want a PermissionDenied naming the flag, got %v:\n%s", err, text)
			}
			text, err = runModule(t, sb, "worker_main.js", runtime.Options{Permissions: &runtime.Permissions{Read: []string{sb.Outside}}})
			if !strings.Contains(text, sb.Marker) && !strings.Contains(e.Name, "syntax error") {
				t.Errorf("with the grant the secret does not show (err %v):\n%s", err, text)
			}
		})
	}
}

// TestSandboxWorkerFile: the worker module itself must be under the root or
// a grant.
func TestSandboxWorkerFile(t *testing.T) {
	sb := runtimetest.Escape{}.Setup(t)
	runtimetest.WriteFile(t, sb.Outside, "w.js", `export function run() { return "`+sb.Marker+`"; }`)
	runtimetest.WriteFile(t, sb.Root, "wm.js", `import asyncio from "asyncio";
try { console.log(await asyncio.toWorker("`+filepath.ToSlash(sb.Outside)+`/w.js", "run")); }
catch (e) { console.log(e.name, e.code, e.message); }
`)
	text, err := runModule(t, sb, "wm.js", runtime.Options{})
	if err != nil || strings.Contains(text, sb.Marker) || !strings.Contains(text, "PermissionDenied ERR_ACCESS_DENIED") {
		t.Errorf("err %v, output:\n%s", err, text)
	}
	text, _ = runModule(t, sb, "wm.js", runtime.Options{Permissions: &runtime.Permissions{Read: []string{sb.Outside}}})
	if !strings.Contains(text, sb.Marker) {
		t.Errorf("with the grant: %s", text)
	}
}

// TestSandboxAllowed: what the rule allows still loads with nothing
// granted: files in the root, packages in node_modules of the root and of
// its ancestors (including through pnpm-style links inside node_modules),
// "exports" conditions, a caught denied dynamic import, and the same
// script under a granted folder.
func TestSandboxAllowed(t *testing.T) {
	sb := runtimetest.Escape{}.Setup(t)
	files := map[string]string{
		"root/lib/a.ts":                             `export const a: string = "a";`,
		"root/lib/data.json":                        `{"d": "json"}`,
		"root/lib/t.txt":                            `text`,
		"root/node_modules/inner/package.json":      `{"name": "inner", "exports": {".": {"types": "./x.d.ts", "require": "./cjs.js", "default": "./esm.js"}, "./sub/*": "./lib/*.js"}}`,
		"root/node_modules/inner/cjs.js":            `module.exports = "inner-cjs";`,
		"root/node_modules/inner/esm.js":            `export default "inner-esm";`,
		"root/node_modules/inner/lib/deep.js":       `module.exports = "inner-sub";`,
		"root/node_modules/.store/linked/index.js":  `module.exports = "linked";`,
		"node_modules/outer/package.json":           `{"name": "outer", "main": "main.js"}`,
		"node_modules/outer/main.js":                `module.exports = "outer";`,
		"root/node_modules/@scope/pkg/package.json": `{"name": "@scope/pkg", "module": "m.mjs"}`,
		"root/node_modules/@scope/pkg/m.mjs":        `export default "scoped";`,
		"granted/g.js":                              `export default "granted";`,
		"root/node_modules/imp/package.json":        `{"name": "imp", "imports": {"#internal": "./internal.js"}, "main": "index.js"}`,
		"root/node_modules/imp/index.js":            `module.exports = require("#internal");`,
		"root/node_modules/imp/internal.js":         `module.exports = "imports-field";`,
		"root/main_ok.js": `import { a } from "./lib/a.js";
import d from "./lib/data.json";
import t from "./lib/t.txt" with { type: "text" };
import inner from "inner";
import deep from "inner/sub/deep";
import outer from "outer";
import linked from "linked";
import scoped from "@scope/pkg";
import imp from "imp";
let denied = "";
try { await import("` + filepath.ToSlash(sb.Outside) + `/secret.js"); } catch (e) { denied = e.name; }
const p = "./lib/data.json";
const q = "inner";
console.log(a, d.d, t, inner, require(q), deep, outer, linked, scoped, imp, require(p).d, denied);
`,
	}
	for name, src := range files {
		runtimetest.WriteFile(t, sb.Base, name, src)
	}
	if err := os.Symlink("../node_modules/.store/linked", filepath.Join(sb.Root, "node_modules/linked")); err != nil {
		t.Fatal(err)
	}
	// import takes the "default" export, require the "require" one, as in Node
	want := "a json text inner-esm inner-cjs inner-sub outer linked scoped imports-field json PermissionDenied\n"
	text, err := runModule(t, sb, "main_ok.js", runtime.Options{})
	if err != nil || text != want {
		t.Errorf("nothing granted: err %v\n got %q\nwant %q", err, text, want)
	}
	text, err = runModule(t, sb, "main_ok.js", runtime.Options{Permissions: runtime.AllowAll()})
	if want := strings.Replace(want, " PermissionDenied", " ", 1); err != nil || text != want {
		t.Errorf("all granted: err %v\n got %q\nwant %q", err, text, want)
	}

	// a module in a granted folder, outside the root
	runtimetest.WriteFile(t, sb.Root, "main_g.js", `import g from "../granted/g.js"; console.log(g);`)
	text, err = runModule(t, sb, "main_g.js", runtime.Options{Permissions: &runtime.Permissions{Read: []string{filepath.Join(sb.Base, "granted")}}})
	if err != nil || text != "granted\n" {
		t.Errorf("granted folder: err %v, %q", err, text)
	}
	text, err = runModule(t, sb, "main_g.js", runtime.Options{})
	if err == nil || !strings.Contains(text, "main_g.js:1:15") || !strings.Contains(text, "PermissionDenied") {
		t.Errorf("ungranted folder: err %v, %q", err, text)
	}
}

// TestSandboxModuleRoot: Options.ModuleRoot replaces the main module's
// folder as the root, for RunString too.
func TestSandboxModuleRoot(t *testing.T) {
	sb := runtimetest.Escape{}.Setup(t)
	runtimetest.WriteFile(t, sb.Base, "shared/lib.js", `export default "shared";`)
	runtimetest.WriteFile(t, sb.Root, "m.js", `import s from "../shared/lib.js"; console.log(s);`)
	text, err := runModule(t, sb, "m.js", runtime.Options{ModuleRoot: sb.Base})
	if err != nil || text != "shared\n" {
		t.Errorf("root at the base: err %v, %q", err, text)
	}
	text, err = runModule(t, sb, "m.js", runtime.Options{ModuleRoot: filepath.Join(sb.Root, "lib")})
	if err == nil || !strings.Contains(text, "PermissionDenied") {
		t.Errorf("main module outside the root: err %v, %q", err, text)
	}
	// RunString: the root is Dir, or ModuleRoot
	src := `import s from "../shared/lib.js"; console.log(s);`
	res := runtimetest.Run(t, "s.js", src, runtime.Options{Dir: sb.Root, Permissions: &runtime.Permissions{}})
	if res.Err == nil || !strings.Contains(res.Err.Error(), "PermissionDenied") {
		t.Errorf("RunString in the root: %v", res.Err)
	}
	res = runtimetest.Run(t, "s.js", src, runtime.Options{Dir: sb.Root, ModuleRoot: sb.Base, Permissions: &runtime.Permissions{}})
	if res.Err != nil || res.Stdout != "shared\n" {
		t.Errorf("RunString with ModuleRoot: %v %q", res.Err, res.Stdout)
	}
}
