package runtime_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// loadingDir writes the data files the loading tests require.
func loadingDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"cfg.json": `{"name": "cfg", "n": [1, 2]}`,
		"arr.json": `[1, "two"]`,
		"str.json": `"s"`,
		"nul.json": `null`,
		"note.txt": "hello",
		"sub.js":   "module.exports = { isMain: require.main === module, hasMain: require.main !== undefined };\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// requireAll is what every main module prints: the same data whatever path
// loaded it (a plain script run by goja as it is, a module esbuild bundled,
// TypeScript, a literal or a computed require).
const requireAll = `JSON.stringify([require("./cfg.json"), require("./arr.json"), require("./str.json"), require("./nul.json"), require("./note.txt"), require("./c" + "fg.json"), require("./cfg")])`

const requireAllWant = `[{"name":"cfg","n":[1,2]},[1,"two"],"s",null,"hello",{"name":"cfg","n":[1,2]},{"name":"cfg","n":[1,2]}]`

// TestRequireSameOnEveryPath: require of a JSON (or text) file gives the
// file's data in a plain script as in a module (a plain script got {} for
// every JSON file before the loader's rewrite).
func TestRequireSameOnEveryPath(t *testing.T) {
	dir := loadingDir(t)
	mains := map[string]string{
		"plain.js":    "console.log(" + requireAll + ");\n",
		"cjs.js":      "module.exports = 1;\nconsole.log(" + requireAll + ");\n",
		"esm.mjs":     "import cfg from './cfg.json';\nconsole.log(" + requireAll + ");\nexport {};\n",
		"tla.js":      "await null;\nconsole.log(" + requireAll + ");\n",
		"typed.ts":    "const x: number = 1;\nconsole.log(" + requireAll + ");\n",
		"nested.js":   "console.log(require('./again.js'));\n",
		"[eval].js":   "console.log(" + requireAll + ");\n",
		"dynamic.mjs": "const m = await import('./again.js');\nconsole.log(m.default);\n",
	}
	if err := os.WriteFile(filepath.Join(dir, "again.js"), []byte("module.exports = "+requireAll+";\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, src := range mains {
		t.Run(name+"/RunString", func(t *testing.T) {
			opts := runtimetest.VirtualOptions()
			opts.Dir = dir
			res := runtimetest.Run(t, name, src, opts)
			if res.Err != nil {
				t.Fatalf("%v\n%s", res.Err, res.Stderr)
			}
			if got := strings.TrimSpace(res.Stdout); got != requireAllWant {
				t.Errorf("got  %s\nwant %s", got, requireAllWant)
			}
		})
		t.Run(name+"/RunFile", func(t *testing.T) {
			p := filepath.Join(dir, "file-"+name)
			if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			var out runtimetest.Buffer
			rt, err := runtime.New(runtime.Options{Dir: dir, Stdout: &out, Stderr: &out, VirtualTime: true})
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			if err := rt.RunFile(ctx, p); err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			if got := strings.TrimSpace(out.String()); got != requireAllWant {
				t.Errorf("got  %s\nwant %s", got, requireAllWant)
			}
		})
	}
	t.Run("Eval", func(t *testing.T) {
		rt, err := runtime.New(runtime.Options{Dir: dir, VirtualTime: true})
		if err != nil {
			t.Fatal(err)
		}
		defer rt.Close()
		got, err := rt.Eval(context.Background(), requireAll)
		if err != nil {
			t.Fatal(err)
		}
		if got != requireAllWant {
			t.Errorf("got  %s\nwant %s", got, requireAllWant)
		}
	})
}

// TestRequireMain: require.main is the main module's module object, so
// the idiom if (require.main === module) main() runs in the main module
// whatever its form, and not in a module it requires or imports.
func TestRequireMain(t *testing.T) {
	dir := loadingDir(t)
	const check = `console.log(require.main === module, JSON.stringify(require("./sub.js")), JSON.stringify(require("./s" + "ub.js")));`
	const want = `true {"isMain":false,"hasMain":true} {"isMain":false,"hasMain":true}`
	mains := map[string]string{
		"plain.js":    check + "\n",
		"cjs.js":      "module.exports = function main() {};\n" + check + "\n",
		"tla.js":      "await null;\n" + check + "\n",
		"typed.ts":    "const x: number = 1;\n" + check + "\n",
		"idiom.js":    "function main() { console.log('main ran'); }\nmodule.exports = main;\nif (require.main === module) main();\n" + check + "\n",
		"imports.mjs": "import sub from './sub.js';\nconsole.log(sub.isMain, sub.hasMain);\n",
		// the marker goes after a hashbang line and "use strict" (before
		// them it was a syntax error, and the directive a plain string)
		"hashbang.js": "#!/usr/bin/env arun\nmodule.exports = 1;\n" + check + "\n",
		"strict.js":   "'use strict'\nmodule.exports = 1;\nconsole.log((function () { return this === undefined })());\n" + check + "\n",
		"meta.mjs":    "#!/usr/bin/env arun\nconsole.log(import.meta.filename.endsWith('meta.mjs'));\n",
	}
	wants := map[string]string{"idiom.js": "main ran\n" + want, "imports.mjs": "false true", "strict.js": "true\n" + want, "meta.mjs": "true"}
	for name, src := range mains {
		t.Run(name, func(t *testing.T) {
			opts := runtimetest.VirtualOptions()
			opts.Dir = dir
			res := runtimetest.Run(t, name, src, opts)
			if res.Err != nil {
				t.Fatalf("%v\n%s", res.Err, res.Stderr)
			}
			w := want
			if s, ok := wants[name]; ok {
				w = s
			}
			if got := strings.TrimSpace(res.Stdout); got != w {
				t.Errorf("got  %s\nwant %s", got, w)
			}
		})
	}
}
