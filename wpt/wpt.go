// Package wpt runs web-platform-tests files (testharness.js tests, the
// .any.js kind) under arun in a shell global, as Node and Deno run them,
// and counts what passes.
//
// The tests are not part of this repository: point Options.Root at a
// checkout of the web-platform-tests. testharness.js comes from the WPT
// checkout (resources/testharness.js) or from the npm package wpt-runner,
// which ships it (see Harness). Each file runs in a fresh runtime: the
// harness, then the scripts its "// META: script=" lines name, then the
// test, all as classic scripts in the global scope (lowered by esbuild for
// goja, as arun's own scripts are). The global has self, a location (the
// test's URL on a loopback file server for the WPT checkout, so that
// fetch("resources/x.json") works) and GLOBAL.isWindow/isWorker/
// isShadowRealm returning false: testharness.js picks its shell
// environment.
//
// Everything happens on the calling goroutine and the runtime's loop; a
// File's run ends at its timeout with what was reported so far.
package wpt

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
)

// Options says where the tests and the harness are.
type Options struct {
	// Root is the WPT checkout: test paths and the META scripts that start
	// with "/" are relative to it.
	Root string
	// Harness is testharness.js; "" means Root/resources/testharness.js.
	Harness string
	// Timeout bounds one file (default 20s; "// META: timeout=long" gets
	// four times as much).
	Timeout time.Duration
}

// Test is one subtest's outcome.
type Test struct {
	Name    string
	Status  string // PASS, FAIL, TIMEOUT, NOTRUN, PRECONDITION_FAILED
	Message string
}

// File is one test file's outcome.
type File struct {
	Path    string
	Tests   []Test
	Harness string // the harness status: OK, ERROR, TIMEOUT, PRECONDITION_FAILED
	Message string // the harness message (an uncaught error, a load failure)
}

// Passed counts the subtests that passed.
func (f File) Passed() int {
	n := 0
	for _, t := range f.Tests {
		if t.Status == "PASS" {
			n++
		}
	}
	return n
}

var (
	testStatus    = []string{"PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"}
	harnessStatus = []string{"OK", "ERROR", "TIMEOUT", "PRECONDITION_FAILED"}
	metaRe        = regexp.MustCompile(`^//\s*META:\s*(\w+)=(.*)$`)
)

// Meta is what a test file's leading "// META:" lines say.
type Meta struct {
	Scripts []string // root-relative paths, in order
	Long    bool     // timeout=long
}

// ParseMeta reads the META lines of the test at rel (root-relative) from
// its source.
func ParseMeta(rel, src string) Meta {
	var m Meta
	dir := path.Dir("/" + filepath.ToSlash(rel))
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		sm := metaRe.FindStringSubmatch(line)
		if sm == nil {
			if strings.HasPrefix(line, "//") {
				continue
			}
			break
		}
		v := strings.TrimSpace(sm[2])
		switch sm[1] {
		case "script":
			if i := strings.IndexAny(v, "?#"); i >= 0 {
				v = v[:i]
			}
			if !strings.HasPrefix(v, "/") {
				v = path.Join(dir, v)
			}
			m.Scripts = append(m.Scripts, strings.TrimPrefix(path.Clean(v), "/"))
		case "timeout":
			m.Long = v == "long"
		}
	}
	return m
}

// RunFile runs the test at rel (a path relative to opts.Root).
func RunFile(ctx context.Context, opts Options, rel string) File {
	f := File{Path: filepath.ToSlash(rel)}
	fail := func(format string, args ...any) File {
		f.Harness, f.Message = "ERROR", fmt.Sprintf(format, args...)
		return f
	}
	src, err := os.ReadFile(filepath.Join(opts.Root, rel))
	if err != nil {
		return fail("%v", err)
	}
	meta := ParseMeta(rel, string(src))
	harness := opts.Harness
	if harness == "" {
		harness = filepath.Join(opts.Root, "resources", "testharness.js")
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	if meta.Long {
		timeout *= 4
	}

	base, stop, err := Serve(opts.Root)
	if err != nil {
		return fail("%v", err)
	}
	defer stop()

	rt, err := runtime.New(runtime.Options{Permissions: runtime.AllowAll(), UnhandledRejections: runtime.RejectNone})
	if err != nil {
		return fail("%v", err)
	}
	defer rt.Close()
	vm := rt.VM()
	load := func(name, file string) error {
		code, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		res := api.Transform(string(code), api.TransformOptions{
			Loader: api.LoaderJS, Target: api.ES2017, Sourcefile: name,
			Sourcemap: api.SourceMapInline, LogLevel: api.LogLevelSilent, Charset: api.CharsetUTF8,
		})
		if len(res.Errors) > 0 {
			m := res.Errors[0]
			if m.Location != nil {
				return fmt.Errorf("SyntaxError: %s:%d:%d: %s", name, m.Location.Line, m.Location.Column+1, m.Text)
			}
			return fmt.Errorf("SyntaxError: %s: %s", name, m.Text)
		}
		_, err = vm.RunScript(name, string(res.Code))
		return err
	}
	sets := map[string]any{
		// __wptLoad(i) runs script i of the list below as a classic script
		"__wptLoad": func(call goja.FunctionCall) goja.Value {
			i := int(call.Argument(0).ToInteger())
			var err error
			switch {
			case i == 0:
				err = load("/resources/testharness.js", harness)
			case i <= len(meta.Scripts):
				s := meta.Scripts[i-1]
				err = load("/"+s, filepath.Join(opts.Root, filepath.FromSlash(s)))
			default:
				err = load("/"+f.Path, filepath.Join(opts.Root, rel))
			}
			if err != nil {
				if ex, ok := err.(*goja.Exception); ok {
					panic(ex.Value())
				}
				panic(vm.NewGoError(err))
			}
			return goja.Undefined()
		},
		"__wptResult": func(name, message string, status int) {
			f.Tests = append(f.Tests, Test{Name: name, Status: statusName(testStatus, status), Message: message})
		},
		// the first report wins: an uncaught error while loading, then
		// the harness's own completion
		"__wptDone": func(message string, status int) {
			if f.Harness == "" {
				f.Harness, f.Message = statusName(harnessStatus, status), message
			}
		},
	}
	for k, v := range sets {
		if err := rt.Set(k, v); err != nil {
			return fail("%v", err)
		}
	}
	driver := fmt.Sprintf(driverJS, base+"/"+f.Path, len(meta.Scripts)+1, timeout.Milliseconds())
	rctx, cancel := context.WithTimeout(ctx, timeout+5*time.Second)
	defer cancel()
	if _, err := rt.Eval(rctx, driver); err != nil && f.Harness == "" {
		return fail("%v", err)
	}
	if f.Harness == "" {
		f.Harness, f.Message = "ERROR", "the harness did not complete"
	}
	return f
}

func statusName(names []string, i int) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("status %d", i)
}

// driverJS sets up the shell global, loads the harness, the META scripts
// and the test (script 0, 1..n-1, n), and settles when the harness
// completes or the timeout (ms) passes. %q: the test's URL.
const driverJS = `(async () => {
  const href = %q, last = %d, timeoutMs = %d;
  globalThis.self = globalThis;
  globalThis.GLOBAL = { isWindow: () => false, isWorker: () => false, isShadowRealm: () => false };
  // fetch, Request and Response.redirect resolve relative URLs against it
  globalThis.location = new URL(href);
  __wptLoad(0);
  const text = (v) => (v === undefined || v === null ? "" : String(v));
  let finish;
  const completed = new Promise((resolve) => { finish = resolve; });
  add_result_callback((t) => __wptResult(text(t.name), text(t.message), t.status));
  add_completion_callback((tests, status) => { __wptDone(text(status.message), status.status); finish(); });
  try {
    for (let i = 1; i <= last; i++) __wptLoad(i);
  } catch (e) {
    // as a browser's error event: the harness status is ERROR, and the
    // tests defined before the throw still run
    __wptDone("uncaught while loading: " + (e && e.stack ? e.stack : text(e)), 1);
  }
  let timer;
  const timedOut = new Promise((resolve) => { timer = setTimeout(resolve, timeoutMs); });
  const done = await Promise.race([completed.then(() => true), timedOut.then(() => false)]);
  clearTimeout(timer);
  if (!done) __wptDone("the file timed out after " + timeoutMs + " ms", 2);
})()`

// Serve starts a loopback file server for root and returns its base URL
// (http://127.0.0.1:PORT) and the function that stops it.
func Serve(root string) (base string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(root)), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), func() { _ = srv.Close() }, nil
}

// HarnessPackage is the npm package whose testharness/testharness.js
// Harness installs: wpt-runner ships WPT's harness (and idlharness.js).
const HarnessPackage = "wpt-runner@7.0.0"

// Harness returns the path of testharness.js: $ARUN_TESTHARNESS if set
// (getenv is os.Getenv in the CLI), else the copy in cacheDir, which it
// makes the first time with "npm pack" of HarnessPackage.
func Harness(getenv func(string) string, cacheDir string) (string, error) {
	if p := getenv("ARUN_TESTHARNESS"); p != "" {
		return p, nil
	}
	dir := filepath.Join(cacheDir, strings.ReplaceAll(HarnessPackage, "@", "-"))
	file := filepath.Join(dir, "testharness.js")
	if fileExists(file) {
		return file, nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("wpt: testharness.js: set ARUN_TESTHARNESS, or install npm to fetch %s", HarnessPackage)
	}
	tmp, err := os.MkdirTemp(cacheDir, "npm-pack-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command(npm, "pack", HarnessPackage, "--silent", "--pack-destination", tmp)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("wpt: npm pack %s: %v\n%s", HarnessPackage, err, out)
	}
	tgzs, _ := filepath.Glob(filepath.Join(tmp, "*.tgz"))
	if len(tgzs) != 1 {
		return "", fmt.Errorf("wpt: npm pack %s made no tarball", HarnessPackage)
	}
	data, err := extract(tgzs[0], "package/testharness/testharness.js")
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	// write then rename: a concurrent test never sees half a file
	part := file + ".part" + strconv.Itoa(os.Getpid())
	if err := os.WriteFile(part, data, 0o644); err != nil {
		return "", err
	}
	return file, os.Rename(part, file)
}

// DefaultHarness finds testharness.js: $ARUN_TESTHARNESS, else
// root/resources/testharness.js (a WPT checkout's; root may be ""), else
// Harness's copy in the user cache's "arun" folder (or the temporary
// directory's).
func DefaultHarness(getenv func(string) string, root string) (string, error) {
	if p := getenv("ARUN_TESTHARNESS"); p != "" {
		return p, nil
	}
	if root != "" {
		if p := filepath.Join(root, "resources", "testharness.js"); fileExists(p) {
			return p, nil
		}
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "arun")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return Harness(getenv, dir)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// extract returns the file name from the gzipped tarball at tgz.
func extract(tgz, name string) ([]byte, error) {
	f, err := os.Open(tgz)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err != nil {
			return nil, fmt.Errorf("wpt: %s not in %s: %v", name, filepath.Base(tgz), err)
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}
