package runtime

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
)

// The main module runs inside this async function (top-level await), with
// CommonJS's names in scope.
const (
	mainBanner = "(async function(require, module, exports, __filename, __dirname, __arun_exports){"
	cjsBanner  = "(function(exports, require, module, __filename, __dirname){"
	footer     = "\n})"
	// builtinNS is the esbuild namespace of built-in modules.
	builtinNS = "arun"
)

// loader turns files into goja programs with esbuild and implements require
// for what the bundle did not link statically (dynamic require, the REPL).
type loader struct {
	r     *Runtime
	fs    *modFS                // every module file is read through it
	cache map[string]goja.Value // resolved path -> module.exports
	// named caches require(name) from a folder (dir + "\x00" + name) for
	// the module root of generation gen, so a require in a hot loop does
	// not resolve again.
	named map[string]goja.Value
	gen   int
	mu    sync.Mutex
	// mainPath is the file of the main module being run and main its
	// module object: require.main in every module (see markMain).
	mainPath string
	main     goja.Value
	getMain  goja.Value
}

func newLoader(r *Runtime, fs *modFS) *loader {
	return &loader{r: r, fs: fs, cache: map[string]goja.Value{}, named: map[string]goja.Value{}}
}

var extLoaders = map[string]api.Loader{
	".js": api.LoaderJS, ".mjs": api.LoaderJS, ".cjs": api.LoaderJS, ".jsx": api.LoaderJSX,
	".ts": api.LoaderTS, ".mts": api.LoaderTS, ".cts": api.LoaderTS, ".tsx": api.LoaderTSX,
	".json": api.LoaderJSON,
}

func loaderFor(path string) api.Loader {
	if l, ok := extLoaders[strings.ToLower(filepath.Ext(path))]; ok {
		return l
	}
	return api.LoaderJS
}

func (ld *loader) plugin() api.Plugin {
	names := ld.r.mods.names()
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = regexp.QuoteMeta(n)
	}
	// every node: name is claimed, so a missing one fails when required (a
	// catchable error), not when bundling.
	filter := `^(node:.*|` + strings.Join(quoted, "|") + `)$`
	return api.Plugin{Name: "arun-builtins", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: filter}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			return api.OnResolveResult{Path: a.Path, Namespace: builtinNS}, nil
		})
		b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: builtinNS}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
			s := fmt.Sprintf("module.exports = __arun_builtin(%q);", a.Path)
			return api.OnLoadResult{Contents: &s, Loader: api.LoaderJS}, nil
		})
		// Every other import, of every namespace, is resolved and read
		// here through the module file system (modfs.go): esbuild itself
		// opens no file.
		b.OnResolve(api.OnResolveOptions{Filter: `.*`}, ld.onResolve)
		b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: "file"}, ld.onLoad)
	}}
}

// onResolve resolves an import for esbuild. A require() or import() that
// is denied or finds nothing is left to run time (an external require of
// the resolved path), where it throws where it is called, as in Node;
// a static import that is denied or finds nothing fails the build at the
// importing line.
func (ld *loader) onResolve(a api.OnResolveArgs) (api.OnResolveResult, error) {
	if strings.HasPrefix(a.Path, "data:") {
		return api.OnResolveResult{}, nil // esbuild decodes data: URLs itself, reading no file
	}
	real, err := ld.fs.resolve(a.Path, a.ResolveDir, a.Kind == api.ResolveJSRequireCall || a.Kind == api.ResolveJSRequireResolve)
	if err == nil {
		return api.OnResolveResult{Path: real, Namespace: "file"}, nil
	}
	switch a.Kind {
	case api.ResolveJSDynamicImport, api.ResolveJSRequireCall, api.ResolveJSRequireResolve:
		if pe, ok := isPermission(err); ok {
			return api.OnResolveResult{Path: pe.Target, External: true}, nil
		}
		if isNotFound(err) {
			p := a.Path
			if isRelative(p) && !filepath.IsAbs(p) && a.ResolveDir != "" {
				p = filepath.Join(a.ResolveDir, p)
			}
			return api.OnResolveResult{Path: p, External: true}, nil
		}
	}
	return api.OnResolveResult{Errors: []api.Message{{Text: err.Error(), Detail: err}}}, nil
}

// onLoad reads a module file (the path onResolve returned) for esbuild,
// with the loader its import attribute or extension picks.
func (ld *loader) onLoad(a api.OnLoadArgs) (api.OnLoadResult, error) {
	loader, err := importLoader(a.Path, a.With)
	if err != nil {
		return api.OnLoadResult{Errors: []api.Message{{Text: err.Error(), Detail: err}}}, nil
	}
	real, b, err := ld.fs.readFile(a.Path)
	if err != nil {
		return api.OnLoadResult{Errors: []api.Message{{Text: err.Error(), Detail: err}}}, nil
	}
	src := string(b)
	if jsLoaders[loader] {
		src = ld.pinSourceMap(real, ld.markMain(a.Path, withImportMeta(a.Path, src)))
	}
	return api.OnLoadResult{Contents: &src, Loader: loader, ResolveDir: filepath.Dir(a.Path)}, nil
}

// jsLoaders are the loaders that parse JavaScript (and so source map
// comments).
var jsLoaders = map[api.Loader]bool{api.LoaderJS: true, api.LoaderJSX: true, api.LoaderTS: true, api.LoaderTSX: true}

// importLoader picks the loader of a file imported with the attributes
// with: type "json", "text" or "bytes", or else the file's extension.
func importLoader(path string, with map[string]string) (api.Loader, error) {
	for k, v := range with {
		if k != "type" {
			return 0, fmt.Errorf("Importing with the %q attribute is not supported", k)
		}
		switch v {
		case "json":
			return api.LoaderJSON, nil
		case "text":
			return api.LoaderText, nil
		case "bytes":
			return api.LoaderBinary, nil
		}
		return 0, fmt.Errorf("Importing with a type attribute of %q is not supported", v)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if l, ok := extLoaders[ext]; ok {
		return l, nil
	}
	switch ext {
	case "":
		return api.LoaderJS, nil
	case ".txt":
		return api.LoaderText, nil
	case ".css":
		return api.LoaderEmpty, nil // a bundle's CSS output is not run
	}
	return 0, fmt.Errorf("No loader is configured for %q files: %s", ext, path)
}

// absoluteSources makes a source map's relative "sources" absolute paths
// (they are relative to the map's folder dir, and once the map is inlined
// esbuild would take them relative to the module's). A map that does not
// parse is returned as it is.
func absoluteSources(b []byte, dir string) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return b
	}
	var sources []*string
	if json.Unmarshal(m["sources"], &sources) != nil {
		return b
	}
	var root string
	_ = json.Unmarshal(m["sourceRoot"], &root)
	for _, src := range sources {
		if src == nil {
			continue
		}
		p := *src
		if root != "" && !strings.Contains(p, "://") && !strings.HasPrefix(p, "/") {
			p = strings.TrimSuffix(root, "/") + "/" + p
		}
		if u, err := url.Parse(p); err == nil && u.Scheme != "" {
			continue // a URL (webpack://...): kept
		}
		if p = filepath.FromSlash(p); !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		*src = filepath.ToSlash(p)
	}
	enc, err := json.Marshal(sources)
	if err != nil {
		return b
	}
	m["sources"] = enc
	delete(m, "sourceRoot")
	out, err := json.Marshal(m)
	if err != nil {
		return b
	}
	return out
}

// sourceMapRe finds the source map comments esbuild reads ("//# " or
// "/*# ", "@" for "#", then exactly one space).
var sourceMapRe = regexp.MustCompile(`(?://|/\*)[#@] sourceMappingURL=([^\s*]+)`)

// pinSourceMap makes the source map esbuild uses for a module one the
// loader read: esbuild reads the file a sourceMappingURL comment names by
// itself, anywhere. esbuild honours the last such comment, so one is
// appended that inlines the map named by the module's own last comment
// when the module file system allows reading it, or else names none.
func (ld *loader) pinSourceMap(path, src string) string {
	if !strings.Contains(src, "sourceMappingURL") {
		return src
	}
	pin := "arun:none" // an unsupported scheme: esbuild reads nothing
	if m := sourceMapRe.FindAllStringSubmatch(src, -1); len(m) > 0 {
		ref := m[len(m)-1][1]
		if strings.HasPrefix(ref, "data:") {
			pin = ref
		} else if u, err := url.Parse(ref); err == nil && (u.Scheme == "" || u.Scheme == "file") && (u.Host == "" || u.Host == "localhost") {
			p := filepath.FromSlash(u.Path)
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(path), p)
			}
			if real, b, err := ld.fs.readFile(p); err == nil {
				pin = "data:application/json;base64," + base64.StdEncoding.EncodeToString(absoluteSources(b, filepath.Dir(real)))
			}
		}
	}
	return src + "\n//# sourceMappingURL=" + pin + "\n"
}

// markMain makes require.main the main module's own module object when
// esbuild wraps the main module (a CommonJS file gets a module object of
// esbuild's, not the one the runtime made): a main module that reads
// require.main hands its module to __arun_main first, on the first line
// so that line numbers stay the user's.
func (ld *loader) markMain(path, src string) string {
	if path != ld.mainPath || !strings.Contains(src, "require.main") || !strings.Contains(src, "module") {
		return src
	}
	return insertFirst(src, "__arun_main(typeof module === 'undefined' ? void 0 : module);")
}

// prologueRe matches what code inserted on a module's first line must come
// after: a hashbang line, then "use strict" directives (a statement before
// a directive would turn it into a plain string).
var prologueRe = regexp.MustCompile(`^(#![^\n]*\n)?(\s*(?:"use strict"|'use strict')\s*;?)*`)

// insertFirst inserts code at the start of src, after its hashbang line and
// "use strict" directives, without adding a line.
func insertFirst(src, code string) string {
	i := prologueRe.FindStringIndex(src)[1]
	if i > 0 {
		code = ";" + code // a directive without its semicolon
	}
	return src[:i] + code + src[i:]
}

// withImportMeta gives a module that uses import.meta its own object, on
// the first line so that line numbers stay the user's.
func withImportMeta(path, src string) string {
	if !strings.Contains(src, "import.meta") {
		return src
	}
	u := fileURL(path, onWindows)
	decl := fmt.Sprintf("var __arun_import_meta = { url: %q, filename: %q, dirname: %q };", u, path, filepath.Dir(path))
	return insertFirst(strings.ReplaceAll(src, "import.meta", "__arun_import_meta"), decl)
}

func (ld *loader) buildOptions(entry string, src *string, format api.Format, banner string) api.BuildOptions {
	opts := api.BuildOptions{
		Bundle:            true,
		Write:             false,
		Format:            format,
		Target:            api.ES2017,
		Platform:          api.PlatformNeutral,
		MainFields:        []string{"main", "module"},
		Conditions:        []string{"node"}, // esbuild adds "import" or "require" by the kind of import, and "default"
		Supported:         map[string]bool{"top-level-await": format == api.FormatESModule, "dynamic-import": false},
		Sourcemap:         api.SourceMapInline,
		SourcesContent:    api.SourcesContentExclude,
		AbsWorkingDir:     filepath.Dir(entry),
		Outfile:           filepath.Join(filepath.Dir(entry), "arun:internal.js"),
		Banner:            map[string]string{"js": banner},
		Footer:            map[string]string{"js": footer},
		Plugins:           []api.Plugin{ld.plugin()},
		LogLevel:          api.LogLevelSilent,
		Charset:           api.CharsetUTF8,
		ResolveExtensions: []string{".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".jsx", ".json"},
		Loader:            map[string]api.Loader{".mts": api.LoaderTS, ".cts": api.LoaderTS},
	}
	if src != nil {
		opts.Stdin = &api.StdinOptions{
			Contents:   *src,
			ResolveDir: filepath.Dir(entry),
			Sourcefile: entry,
			Loader:     loaderFor(entry),
		}
		if strings.Contains(entry, "arun:internal") {
			// a stub of the runtime's own: resolve from the real directory
			dir := filepath.Dir(filepath.Dir(entry))
			opts.Stdin.ResolveDir = dir
			opts.AbsWorkingDir = dir
			opts.Outfile = filepath.Join(dir, "arun:internal.js")
		}
	} else {
		opts.EntryPoints = []string{entry}
	}
	return opts
}

// buildMain bundles the main module (from disk, or src) into a program whose
// completion value is the async wrapper function. The bundle's entry is a
// stub that imports the main module and hands its namespace to
// __arun_exports, so the main module may export (Runtime.Call uses them).
func (ld *loader) buildMain(abs string, src *string) (*goja.Program, error) {
	if src != nil {
		ld.r.sources.put(abs, *src)
	}
	stub := fmt.Sprintf("import * as main from %q;\n__arun_exports(main);\n", abs)
	opts := ld.buildOptions(filepath.Join(filepath.Dir(abs), "arun:internal/main.js"), &stub, api.FormatESModule, mainBanner)
	if src != nil {
		opts.Plugins = append([]api.Plugin{ld.inlineFile(abs, *src)}, opts.Plugins...)
	}
	res := api.Build(opts)
	if len(res.Errors) > 0 {
		return nil, ld.r.buildError(res.Errors, abs)
	}
	return ld.compile(abs, res)
}

func (ld *loader) compile(abs string, res api.BuildResult) (*goja.Program, error) {
	var code []byte
	name := abs
	for _, f := range res.OutputFiles {
		if strings.HasSuffix(f.Path, ".js") {
			// the bundle is named as esbuild's output file ("dir/arun:internal.js"):
			// mapped positions resolve to the user's files, and esbuild's own
			// helpers (unmapped) to an internal name, hidden from stacks,
			// instead of to a wrong line of the user's file
			code, name = f.Contents, f.Path
		}
	}
	if code == nil {
		return nil, &ScriptError{Kind: KindLoad, Message: "esbuild produced no output for " + abs}
	}
	prog, err := compileScript(name, string(code), true)
	if err != nil {
		return nil, ld.r.compileError(err, abs)
	}
	return prog, nil
}

// buildError turns esbuild's messages into a ScriptError with a code frame
// (of the importing line, for a module that could not be resolved or read:
// nothing of a denied file is shown).
func (r *Runtime) buildError(msgs []api.Message, entry string) error {
	m := msgs[0]
	se := &ScriptError{Kind: KindSyntax, Message: "SyntaxError: " + m.Text}
	if cause, ok := m.Detail.(error); ok {
		se.Cause = cause
		se.Kind = KindLoad
		text, _ := moduleNotFound(m.Text)
		se.Message = "Error: " + text
		if pe, ok := isPermission(cause); ok {
			se.Message = "PermissionDenied: " + pe.Error()
		}
		if strings.HasPrefix(m.Text, "Importing with") {
			se.Kind, se.Message = KindSyntax, "SyntaxError: "+m.Text
		}
	} else if text, ok := moduleNotFound(m.Text); ok {
		se.Kind = KindLoad
		se.Message = "Error: " + text
	} else if strings.Contains(m.Text, "Could not read") || strings.Contains(m.Text, "No loader is configured") {
		se.Kind = KindLoad
		se.Message = "Error: " + m.Text
	}
	if m.Location != nil {
		file := m.Location.File
		if file != "" && !filepath.IsAbs(file) && !strings.HasPrefix(file, builtinNS+":") {
			file = filepath.Join(filepath.Dir(entry), file)
		}
		se.File = r.displayPath(file)
		se.Line = m.Location.Line
		se.Column = m.Location.Column + 1
		se.Frame = codeFrame(m.Location.LineText, se.Line, se.Column)
	}
	if len(msgs) > 1 {
		se.Stack = fmt.Sprintf("(and %d more errors)", len(msgs)-1)
	}
	return se
}

// compileError reports goja's own parse errors (syntax esbuild accepted but
// goja does not support).
func (r *Runtime) compileError(err error, abs string) error {
	se := &ScriptError{Kind: KindSyntax, Message: "SyntaxError: " + err.Error(), Cause: err}
	if ce, ok := err.(*goja.CompilerSyntaxError); ok && ce.File != nil {
		se.Message = "SyntaxError: " + ce.Message
		pos := ce.File.Position(ce.Offset)
		se.File, se.Line, se.Column = pos.Filename, pos.Line, pos.Column
		if se.File == "" || strings.HasPrefix(filepath.Base(se.File), builtinNS+":") {
			se.File = abs
		}
		se.Frame = r.sources.frame(se.File, se.Line, se.Column)
		se.File = r.displayPath(se.File)
		se.Message += " (the engine does not support this syntax)"
	}
	return se
}

// plainScript compiles a .js or .cjs main module with goja directly when it
// can: a plain script (no import/export, no top-level await, nothing goja
// cannot parse) needs no bundling, which saves esbuild's start-up cost.
// It returns nil when the file must go through esbuild.
func (ld *loader) plainScript(abs string, src *string) *goja.Program {
	ext := strings.ToLower(filepath.Ext(abs))
	if ext != ".js" && ext != ".cjs" {
		return nil
	}
	var code string
	if src != nil {
		code = *src
	} else {
		_, b, err := ld.fs.readFile(abs)
		if err != nil {
			return nil // esbuild's path reports it
		}
		code = string(b)
	}
	// Cheap screens before a full parse: module syntax always needs esbuild,
	// and so does a source map comment (goja would read the file it names;
	// esbuild's path reads it through the module file system).
	if strings.Contains(code, "import") || strings.Contains(code, "export") || strings.Contains(code, "sourceMappingURL") {
		return nil
	}
	prog, err := compileScript(abs, code, false)
	if err != nil {
		return nil
	}
	ld.r.sources.put(abs, code)
	return prog
}

// inlineFile serves src as the contents of the file at abs (RunString).
func (ld *loader) inlineFile(abs, src string) api.Plugin {
	filter := "^" + regexp.QuoteMeta(abs) + "$"
	return api.Plugin{Name: "arun-inline", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: filter}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			return api.OnResolveResult{Path: abs, Namespace: "file"}, nil
		})
		b.OnLoad(api.OnLoadOptions{Filter: filter, Namespace: "file"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
			s := withImportMeta(abs, src)
			if l := loaderFor(abs); jsLoaders[l] {
				s = ld.markMain(abs, s)
			}
			return api.OnLoadResult{Contents: &s, Loader: loaderFor(abs), ResolveDir: filepath.Dir(abs)}, nil
		})
	}}
}

// requireFunc is the require function given to modules in dir. Its main
// property is the main module's module object, as in Node (undefined in
// the REPL and Eval, which run no main module).
func (ld *loader) requireFunc(dir string) goja.Value {
	vm := ld.r.vm
	fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		v, err := ld.require(dir, name)
		if err != nil {
			panic(ld.r.env.ToJSError(err))
		}
		return v
	}).(*goja.Object)
	_ = fn.DefineAccessorProperty("main", ld.mainGetter(), nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return fn
}

// mainGetter is the getter of require.main, made once per runtime.
func (ld *loader) mainGetter() goja.Value {
	if ld.getMain == nil {
		ld.getMain = ld.r.vm.ToValue(func(goja.FunctionCall) goja.Value {
			if ld.main == nil {
				return goja.Undefined()
			}
			return ld.main
		})
	}
	return ld.getMain
}

// setMain starts a main module: abs is its file, mod its module object.
func (ld *loader) setMain(abs string, mod goja.Value) {
	ld.mainPath, ld.main = abs, mod
}

// require loads a module at run time: a built-in by name, or a file (or
// package) resolved from dir through the module file system, bundled as
// CommonJS and cached by path.
func (ld *loader) require(dir, name string) (goja.Value, error) {
	if v, ok, err := ld.r.mods.load(name); ok || err != nil {
		return v, err
	}
	if strings.HasPrefix(name, "node:") {
		return nil, unknownBuiltin(name)
	}
	nk := dir + "\x00" + name
	gen := ld.fs.generation()
	ld.mu.Lock()
	if ld.gen != gen {
		ld.named, ld.gen = map[string]goja.Value{}, gen
	}
	if v, ok := ld.named[nk]; ok {
		ld.mu.Unlock()
		return v, nil
	}
	ld.mu.Unlock()
	real, err := ld.fs.resolve(name, dir, true)
	if err != nil {
		if isNotFound(err) {
			text, _ := moduleNotFound(err.Error())
			return nil, &bindings.Error{Code: "MODULE_NOT_FOUND", Message: text, Cause: err}
		}
		return nil, err
	}
	ld.mu.Lock()
	v, ok := ld.cache[real]
	ld.mu.Unlock()
	if !ok {
		// a stub entry whose require esbuild links to the resolved file
		stub := fmt.Sprintf("module.exports = require(%q);", real)
		opts := ld.buildOptions(filepath.Join(filepath.Dir(real), "[require].js"), &stub, api.FormatCommonJS, cjsBanner)
		if v, err = ld.runCJS(real, opts, real); err != nil {
			return nil, err
		}
	}
	ld.mu.Lock()
	if ld.gen == gen {
		ld.named[nk] = v
	}
	ld.mu.Unlock()
	return v, nil
}

func (ld *loader) runCJS(key string, opts api.BuildOptions, entry string) (goja.Value, error) {
	res := api.Build(opts)
	if len(res.Errors) > 0 {
		err := ld.r.buildError(res.Errors, entry)
		var se *ScriptError
		if errors.As(err, &se) && se.Kind == KindLoad {
			at := ""
			if se.Line > 0 {
				at = fmt.Sprintf(" (imported at %s:%d:%d)", se.File, se.Line, se.Column)
			}
			if pe, ok := isPermission(se.Cause); ok {
				return nil, &bindings.Error{Name: "PermissionDenied", Code: "ERR_ACCESS_DENIED", Message: pe.Error() + at,
					Props: map[string]any{"permission": string(pe.Kind), "target": pe.Target}, Cause: pe}
			}
			return nil, &bindings.Error{Code: "MODULE_NOT_FOUND", Message: strings.TrimPrefix(se.Message, "Error: ") + at, Cause: se.Cause}
		}
		return nil, err
	}
	prog, err := ld.compile(entry, res)
	if err != nil {
		return nil, err
	}
	vm := ld.r.vm
	fnv, err := vm.RunProgram(prog)
	if err != nil {
		return nil, err
	}
	fn, _ := goja.AssertFunction(fnv)
	mod := vm.NewObject()
	exports := vm.NewObject()
	_ = mod.Set("exports", exports)
	ld.mu.Lock()
	ld.cache[key] = exports
	ld.mu.Unlock()
	if _, err := fn(goja.Undefined(), exports, ld.requireFunc(filepath.Dir(entry)), mod, vm.ToValue(entry), vm.ToValue(filepath.Dir(entry))); err != nil {
		ld.mu.Lock()
		delete(ld.cache, key)
		ld.mu.Unlock()
		return nil, err
	}
	v := mod.Get("exports")
	ld.mu.Lock()
	ld.cache[key] = v
	ld.mu.Unlock()
	return v, nil
}

// moduleTable is the runtime's explicit table of native modules.
type moduleTable struct {
	r       *Runtime
	byName  map[string]*bindings.Module
	exports map[*bindings.Module]goja.Value
	loading map[*bindings.Module]bool
	after   map[*bindings.Module][]func(exports goja.Value) error
}

// afterInit runs fn with the module's exports once it is first loaded
// (the runtime adds asyncio.toWorker this way without loading asyncio at
// start-up). It reports whether the module exists.
func (t *moduleTable) afterInit(name string, fn func(exports goja.Value) error) bool {
	m, ok := t.byName[name]
	if !ok {
		return false
	}
	if t.after == nil {
		t.after = map[*bindings.Module][]func(goja.Value) error{}
	}
	t.after[m] = append(t.after[m], fn)
	return true
}

func newModuleTable(r *Runtime, lists ...[]bindings.Module) *moduleTable {
	t := &moduleTable{r: r, byName: map[string]*bindings.Module{}, exports: map[*bindings.Module]goja.Value{}, loading: map[*bindings.Module]bool{}}
	for _, list := range lists {
		for i := range list {
			m := &list[i]
			t.byName[m.Name] = m
			for _, a := range m.Aliases {
				t.byName[a] = m
			}
		}
	}
	return t
}

func (t *moduleTable) names() []string {
	out := make([]string, 0, len(t.byName))
	for n := range t.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Names lists the built-in module names scripts can require.
func (r *Runtime) ModuleNames() []string { return r.mods.names() }

// load returns a native module's exports, initializing it on first use.
func (t *moduleTable) load(name string) (goja.Value, bool, error) {
	m, ok := t.byName[name]
	if !ok {
		return nil, false, nil
	}
	if v, ok := t.exports[m]; ok {
		return v, true, nil
	}
	vm := t.r.vm
	mod := vm.NewObject()
	exports := vm.NewObject()
	_ = mod.Set("exports", exports)
	t.exports[m] = exports // cycles see the partial exports, as in Node
	if m.Init != nil {
		if err := m.Init(t.r.env, mod); err != nil {
			delete(t.exports, m)
			return nil, true, fmt.Errorf("module %s: %w", name, err)
		}
	}
	v := mod.Get("exports")
	t.exports[m] = v
	for _, fn := range t.after[m] {
		if err := fn(v); err != nil {
			return nil, true, fmt.Errorf("module %s: %w", name, err)
		}
	}
	return v, true, nil
}
