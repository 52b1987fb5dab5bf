package runtime

// Module resolution, done by the runtime itself rather than by esbuild so
// that every stat and every package.json read goes through modFS (esbuild's
// own resolver reads package.json and tsconfig.json files in every folder
// up to the file system's root). The algorithm is Node's, with esbuild's
// additions arun had before: extension probing (resolveExts), a ".js"
// specifier finding its ".ts" source, directory index files, package.json
// "exports" and "imports" (conditions node, require, import, default, in the
// order the package lists them), then "main" and "module".

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"
)

// resolveExts are the extensions tried after a specifier, in order.
var resolveExts = []string{".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".jsx", ".json"}

// exportConditions are the package.json "exports" conditions that match:
// "require" for require() and "import" for the import forms, not both, so
// that a package with a CommonJS and an ES module build gives each its own.
var exportConditions = map[string]bool{"node": true, "require": true, "import": true, "default": true}

// mainFields are the package.json fields naming a package's entry.
var mainFields = []string{"main", "module"}

// notFoundError is a specifier that resolves to no file.
type notFoundError struct {
	spec, dir string
	detail    string
}

func (e *notFoundError) Error() string {
	msg := fmt.Sprintf("Could not resolve %q", e.spec)
	if e.detail != "" {
		msg += " (" + e.detail + ")"
	}
	return msg
}

// isNotFound reports whether err is a specifier that resolves to nothing.
func isNotFound(err error) bool {
	var nf *notFoundError
	return errors.As(err, &nf)
}

// isRelative reports whether spec is a relative or absolute path rather
// than a package name (on Windows, as in Node, .\x and ..\x too).
func isRelative(spec string) bool {
	return spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || filepath.IsAbs(spec) ||
		(onWindows && (strings.HasPrefix(spec, `.\`) || strings.HasPrefix(spec, `..\`)))
}

// resolve finds the file spec names when imported from a module in dir and
// returns its real path. Errors: a *bindings.PermissionError for a path
// outside the module root and the read grants, a *notFoundError, or a
// package.json that cannot be parsed.
func (f *modFS) resolve(spec, dir string, require bool) (string, error) {
	if strings.HasPrefix(spec, "file:") {
		u, err := url.Parse(spec)
		if err != nil {
			return "", &notFoundError{spec: spec, dir: dir, detail: "not a local file URL"}
		}
		if spec, err = fileURLPath(u, onWindows); err != nil {
			return "", &notFoundError{spec: u.String(), dir: dir, detail: err.Error()}
		}
	}
	if isRelative(spec) {
		p := spec
		if !filepath.IsAbs(p) {
			if dir == "" {
				return "", &notFoundError{spec: spec, detail: "no directory to resolve it from"}
			}
			p = filepath.Join(dir, p)
		}
		return f.loadFileOrDir(spec, filepath.Clean(p))
	}
	if dir == "" {
		return "", &notFoundError{spec: spec, detail: "no directory to resolve it from"}
	}
	if strings.HasPrefix(spec, "#") {
		return f.resolveImports(spec, dir, require)
	}
	return f.resolvePackage(spec, dir, require)
}

// loadFileOrDir resolves the path p (spec is the specifier, for errors):
// the file itself, p with each extension, a TypeScript source for a .js
// name, then p as a directory.
func (f *modFS) loadFileOrDir(spec, p string) (string, error) {
	if real, ok, err := f.loadFile(p); ok || err != nil {
		return real, err
	}
	real, st, err := f.stat(p)
	if _, denied := isPermission(err); denied {
		return "", err
	}
	if err == nil && st.IsDir() {
		return f.loadDir(spec, p, real)
	}
	return "", &notFoundError{spec: spec, dir: filepath.Dir(p)}
}

// tsSources maps a JavaScript extension to the TypeScript ones a compiled
// import may stand for.
var tsSources = map[string][]string{
	".js": {".ts", ".tsx"}, ".jsx": {".ts", ".tsx"}, ".mjs": {".mts"}, ".cjs": {".cts"},
}

func (f *modFS) loadFile(p string) (string, bool, error) {
	try := func(c string) (string, bool, error) {
		real, st, err := f.stat(c)
		if err != nil {
			if _, denied := isPermission(err); denied {
				return "", false, err
			}
			return "", false, nil
		}
		if st.Mode().IsRegular() {
			return real, true, nil
		}
		return "", false, nil
	}
	if real, ok, err := try(p); ok || err != nil {
		return real, ok, err
	}
	for _, ext := range resolveExts {
		if real, ok, err := try(p + ext); ok || err != nil {
			return real, ok, err
		}
	}
	ext := filepath.Ext(p)
	for _, ts := range tsSources[strings.ToLower(ext)] {
		if real, ok, err := try(strings.TrimSuffix(p, ext) + ts); ok || err != nil {
			return real, ok, err
		}
	}
	return "", false, nil
}

// loadDir resolves a directory: its package.json's main fields, then its
// index file.
func (f *modFS) loadDir(spec, p, real string) (string, error) {
	pj, err := f.packageJSON(p)
	if err != nil {
		return "", err
	}
	if pj != nil {
		for _, field := range mainFields {
			if m, ok := pj.get(field).(string); ok && m != "" {
				got, err := f.loadFileOrDir(spec, filepath.Join(p, m))
				if err == nil || !isNotFound(err) {
					return got, err
				}
			}
		}
	}
	if got, ok, err := f.loadFile(filepath.Join(p, "index")); ok || err != nil {
		return got, err
	}
	return "", &notFoundError{spec: spec, dir: p}
}

// splitPackage splits "name/sub/path" (or "@scope/name/sub") into the
// package name and the subpath ("" or "/sub/path").
func splitPackage(spec string) (name, sub string) {
	parts := strings.SplitN(spec, "/", 3)
	n := 1
	if strings.HasPrefix(spec, "@") && len(parts) > 1 {
		n = 2
	}
	if len(parts) <= n {
		return spec, ""
	}
	name = strings.Join(parts[:n], "/")
	return name, spec[len(name):]
}

// resolvePackage looks for a package in the node_modules folders of dir
// and its ancestors. A node_modules folder outside the module root and the
// grants is not looked in; one that is a symlink leading out of them, or a
// package entry whose real path leaves them, is denied.
func (f *modFS) resolvePackage(spec, dir string, require bool) (string, error) {
	name, sub := splitPackage(spec)
	if name == "" || strings.Contains(name, "\\") || name == "." || name == ".." {
		return "", &notFoundError{spec: spec, dir: dir}
	}
	for d := filepath.Clean(dir); ; {
		if filepath.Base(d) != "node_modules" {
			nm := filepath.Join(d, "node_modules")
			_, err := f.access(nm)
			if err != nil && f.lexicallyAllowed(nm) {
				return "", err // a node_modules symlink leading out
			}
			if err == nil {
				pd := filepath.Join(nm, name)
				real, st, err := f.stat(pd)
				if _, denied := isPermission(err); denied {
					return "", err
				}
				if err == nil && st.IsDir() {
					return f.loadPackage(spec, pd, real, sub, require)
				}
				if sub == "" {
					// node_modules/name.js
					if got, ok, err := f.loadFile(pd); ok || err != nil {
						return got, err
					}
				}
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return "", &notFoundError{spec: spec, dir: dir}
}

// loadPackage resolves subpath sub ("" or "/x") of the package in pd.
func (f *modFS) loadPackage(spec, pd, real, sub string, require bool) (string, error) {
	pj, err := f.packageJSON(pd)
	if err != nil {
		return "", err
	}
	if pj != nil {
		if exp, ok := pj.lookup("exports"); ok && exp != nil {
			target, err := matchExports(exp, "."+sub, false, require)
			if err != nil {
				return "", &notFoundError{spec: spec, dir: pd, detail: err.Error()}
			}
			return f.loadTarget(spec, pd, target)
		}
	}
	if sub != "" {
		return f.loadFileOrDir(spec, filepath.Join(pd, sub))
	}
	return f.loadDir(spec, pd, real)
}

// loadTarget loads an "exports"/"imports" target (a path relative to the
// package folder pd).
func (f *modFS) loadTarget(spec, pd, target string) (string, error) {
	p := filepath.Join(pd, filepath.FromSlash(target))
	return f.loadFileOrDir(spec, p)
}

// resolveImports resolves a "#name" specifier through the "imports" of the
// nearest package.json above dir (within what may be read).
func (f *modFS) resolveImports(spec, dir string, require bool) (string, error) {
	for d := filepath.Clean(dir); ; {
		if _, err := f.access(d); err != nil {
			break
		}
		pj, err := f.packageJSON(d)
		if err != nil {
			return "", err
		}
		if pj != nil {
			imp, ok := pj.lookup("imports")
			if !ok {
				break
			}
			target, err := matchExports(imp, spec, true, require)
			if err != nil {
				return "", &notFoundError{spec: spec, dir: d, detail: err.Error()}
			}
			if isRelative(target) {
				return f.loadTarget(spec, d, target)
			}
			return f.resolvePackage(target, d, require)
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return "", &notFoundError{spec: spec, dir: dir}
}

// packageJSON reads dir/package.json: nil if there is none.
func (f *modFS) packageJSON(dir string) (*jsonObject, error) {
	p := filepath.Join(dir, "package.json")
	_, b, err := f.readFile(p)
	if err != nil {
		if _, denied := isPermission(err); denied {
			return nil, err
		}
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotRegular) {
			return nil, nil
		}
		return nil, err
	}
	v, err := parseOrderedJSON(b)
	if err != nil {
		return nil, fmt.Errorf("invalid package.json %s: %v", p, err)
	}
	obj, ok := v.(*jsonObject)
	if !ok {
		return nil, fmt.Errorf("invalid package.json %s: not an object", p)
	}
	return obj, nil
}

// matchExports picks the target of subpath ("." or "./x", or "#x" when
// imports is set) in an "exports" or "imports" value.
func matchExports(v any, subpath string, imports, require bool) (string, error) {
	obj, isObj := v.(*jsonObject)
	if !imports && (!isObj || len(obj.keys) == 0 || !strings.HasPrefix(obj.keys[0], ".")) {
		// sugar: "exports": "./x" or a condition object means {".": ...}
		if subpath != "." {
			return "", fmt.Errorf("%q is not exported by the package", subpath)
		}
		return exportTarget(v, "", imports, require)
	}
	if !isObj {
		return "", fmt.Errorf("invalid imports")
	}
	if t, ok := obj.lookup(subpath); ok && !strings.Contains(subpath, "*") {
		return exportTarget(t, "", imports, require)
	}
	// the longest matching pattern ("./x/*") or folder ("./x/") key
	best, bestMatch, bestLen := "", "", -1
	for _, k := range obj.keys {
		if i := strings.IndexByte(k, '*'); i >= 0 {
			pre, post := k[:i], k[i+1:]
			if len(subpath) >= len(pre)+len(post) && strings.HasPrefix(subpath, pre) && strings.HasSuffix(subpath, post) && len(pre) > bestLen {
				best, bestMatch, bestLen = k, subpath[len(pre):len(subpath)-len(post)], len(pre)
			}
		} else if strings.HasSuffix(k, "/") && strings.HasPrefix(subpath, k) && len(k) > bestLen {
			best, bestMatch, bestLen = k, subpath[len(k):], len(k)
		}
	}
	if best == "" {
		return "", fmt.Errorf("%q is not exported by the package", subpath)
	}
	t, _ := obj.lookup(best)
	target, err := exportTarget(t, bestMatch, imports, require)
	if err == nil && strings.HasSuffix(best, "/") {
		target += bestMatch
	}
	return target, err
}

// exportTarget resolves a target value: a string (with "*" replaced by
// match), the first usable entry of an array, or the first matching
// condition of an object.
func exportTarget(v any, match string, imports, require bool) (string, error) {
	switch t := v.(type) {
	case string:
		if !strings.HasPrefix(t, "./") && !(imports && !strings.HasPrefix(t, "/") && !strings.HasPrefix(t, "../")) {
			return "", fmt.Errorf("invalid target %q", t)
		}
		return strings.ReplaceAll(t, "*", match), nil
	case []any:
		var last error = errors.New("no usable target")
		for _, e := range t {
			got, err := exportTarget(e, match, imports, require)
			if err == nil {
				return got, nil
			}
			last = err
		}
		return "", last
	case *jsonObject:
		for _, k := range t.keys {
			if exportConditions[k] && k != map[bool]string{true: "import", false: "require"}[require] {
				got, err := exportTarget(t.vals[k], match, imports, require)
				if err == nil {
					return got, nil
				}
			}
		}
		return "", errors.New("no matching condition")
	case nil:
		return "", errors.New("the target is null")
	}
	return "", errors.New("invalid target")
}

// jsonObject is a JSON object that keeps its keys' order (conditions in
// "exports" are tried in the order the package lists them).
type jsonObject struct {
	keys []string
	vals map[string]any
}

func (o *jsonObject) lookup(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

func (o *jsonObject) get(k string) any { return o.vals[k] }

// parseOrderedJSON parses JSON with objects as *jsonObject.
func parseOrderedJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	v, err := decodeOrdered(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("unexpected data after the top-level value")
	}
	return v, nil
}

func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			obj := &jsonObject{vals: map[string]any{}}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				if _, dup := obj.vals[k]; !dup {
					obj.keys = append(obj.keys, k)
				}
				obj.vals[k] = v
			}
			_, err := dec.Token() // '}'
			return obj, err
		case '[':
			var arr []any
			for dec.More() {
				v, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			if arr == nil {
				arr = []any{}
			}
			_, err := dec.Token() // ']'
			return arr, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	}
	return tok, nil
}
