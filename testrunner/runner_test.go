package testrunner_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/arun-js/arun/testrunner"
)

var durRe = regexp.MustCompile(`\(\d+(\.\d+)?(ms|s)\)`)

// run runs the fixtures under testdata/dir with the spec reporter and
// returns the output (durations replaced by "(T)") and the summary.
func run(t *testing.T, cfg testrunner.Config, dir string) (string, testrunner.Summary) {
	t.Helper()
	var out bytes.Buffer
	abs, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Paths = []string{filepath.Join(abs, dir)}
	cfg.Dir = abs
	if cfg.Reporter == nil {
		cfg.Reporter = testrunner.Spec(&out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	sum, err := testrunner.Run(ctx, cfg)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return durRe.ReplaceAllString(out.String(), "(T)"), sum
}

func TestSpec(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	tests := []struct {
		dir    string
		cfg    testrunner.Config
		want   []string // in this order
		absent []string
		last   string
	}{
		{
			dir: "basic",
			want: []string{
				"basic/fail_test.js\n",
				"  FAIL  deep diff (T)\n",
				"  FAIL  leaks a timer (T)\n",
				"  FAIL  times out (T)\n",
				"  skip  skipped\n",
				"  todo  later\n",
				"basic/pass_test.js\n",
				"  ok    sync math (T)\n",
				"  ok    async fetchData (T)\n",
				"  | hello from inner\n",
				"  ok    group > inner (T)\n",
				"failures:\n",
				"basic/fail_test.js > deep diff\n",
				"  AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:\n  + actual - expected\n\n    {\n      n: 1,\n      name: 'arun',\n      tags: [\n        'a',\n  +     'b'\n  -     'c'\n      ]\n    }\n",
				"      at basic/fail_test.js:5:25\n",
				"     5 |   assert.deepStrictEqual(",
				"basic/fail_test.js > leaks a timer\n",
				"  leaks: the test finished with 1 still open (they were cleared):\n",
				"    - timer: setTimeout(60000 ms), created\n        at basic/fail_test.js:9:13\n",
				"basic/fail_test.js > times out\n",
				"  TimeoutError: test timed out after 0.05s\n      at basic/fail_test.js:12:",
			},
			last: "3 passed, 3 failed, 2 skipped",
		},
		{
			dir: "hooks",
			want: []string{
				"  ok    first (T)\n",
				"  ok    outer > second (T)\n",
				"  ok    order so far (T)\n",
				"  FAIL  broken setup > needs the database (T)\n",
				"  | beforeAll,beforeEach,first,afterEach,outer.beforeAll,beforeEach,outer.beforeEach,second,outer.afterEach,afterEach,outer.afterAll,beforeEach,afterEach\n",
				"  HookError: beforeAll hook failed: no database\n      at hooks/hooks_test.js:35:",
			},
			last: "3 passed, 1 failed",
		},
		{
			dir:    "only",
			want:   []string{"  skip  not this one (not marked only)\n", "  ok    this one (T)\n", "  ok    this group > runs too (T)\n"},
			absent: []string{"must not run"},
			last:   "2 passed, 0 failed, 1 skipped",
		},
		{
			dir:    "filter",
			cfg:    testrunner.Config{Filter: "math"},
			want:   []string{"  ok    math > adds (T)\n", "  ok    math > subtracts (T)\n"},
			absent: []string{"strings", "other_test.js"}, // no header for a file with no match
			last:   "2 passed, 0 failed",
		},
		{
			dir:    "filter",
			cfg:    testrunner.Config{Filter: "/^math > s/"},
			want:   []string{"  ok    math > subtracts (T)\n"},
			absent: []string{"adds", "strings"},
			last:   "1 passed, 0 failed",
		},
		{
			// a timeout points at the runtime await the test was suspended
			// on (the innermost, in a helper), then at the test's line
			dir: "timeouts",
			want: []string{
				"timeouts/await_test.js > waits on an event\n",
				"  TimeoutError: test timed out after 0.05s, waiting on Event.wait()\n      at timeouts/await_test.js:3:16\n      at timeouts/await_test.js:5:",
				"     3 |   await ev.wait();\n",
				"timeouts/await_test.js > sleeps too long\n",
				"  TimeoutError: test timed out after 0.05s, waiting on sleep(60)\n      at timeouts/await_test.js:9:22\n      at timeouts/await_test.js:8:",
				"     9 |   await asyncio.sleep(60);\n",
				"timeouts/await_test.js > awaits a promise nobody settles\n",
				"  TimeoutError: test timed out after 0.05s\n      at timeouts/await_test.js:11:",
			},
			last: "0 passed, 3 failed",
		},
		{
			// Python's form in a test: the coroutine is cancelled at its sleep
			dir:  "pyforms",
			want: []string{"  ok    createTask(coro()) cancels at the await (T)\n"},
			last: "1 passed, 0 failed",
		},
		{
			dir: "ts",
			want: []string{
				"  ok    adds typed pairs (T)\n",
				"  FAIL  reports TS positions (T)\n",
				"  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n  2 !== 3\n      at ts/math.test.ts:19:14\n",
				"    19 |   strictEqual(add(p), 3);\n",
			},
			last: "1 passed, 1 failed",
		},
		{
			dir: "virtual",
			want: []string{
				"  ok    an hour of sleeps (T)\n",
				"  FAIL  timeout under virtual time (T)\n",
				"  TimeoutError: test timed out after 30s\n",
				"    - timer: setTimeout(60000 ms), created\n        at virtual/virtual_test.js:4:",
			},
			last: "1 passed, 1 failed",
		},
		{
			dir: "leaks",
			want: []string{
				"  FAIL  leaks an interval (T)\n",
				"  ok    clean after the leak (T)\n",
				"  FAIL  throws in a timer (T)\n",
				"  FAIL  unhandled rejection (T)\n",
				"  ok    still fine (T)\n",
				"    - interval: setInterval(1000 ms), created\n        at leaks/leaks_test.js:4:14\n",
				"  Uncaught Error: boom in timer\n      at leaks/leaks_test.js:12:",
				"  Uncaught (in promise) Error: nobody handles me\n      at leaks/leaks_test.js:17:",
			},
			last: "2 passed, 3 failed",
		},
		{
			dir: "blocked",
			want: []string{
				"  ok    before (T)\n",
				"  FAIL  spins forever (T)\n",
				"  FAIL  after (T)\n",
				"  TimeoutError: test timed out after 0.2s (it kept the event loop busy, so the file was stopped)\n",
				"  not run: the file stopped early (an earlier test blocked the event loop)\n",
			},
			last: "1 passed, 2 failed",
		},
		{
			dir: "errors",
			want: []string{
				"errors/syntax_test.js\n  FAIL  (file) (T)\n",
				"errors/toplevel_test.js\n  FAIL  (file) (T)\n",
				"  SyntaxError: Unexpected \";\"\n      at errors/syntax_test.js:3:9\n",
				"     3 |   let = ;\n",
				"  Error: top level broke\n      at errors/toplevel_test.js:3:7\n",
			},
			last: "0 passed, 2 failed",
		},
		{
			dir:    "discover",
			want:   []string{"discover/a_test.js\n", "discover/sub/b.test.ts\n", "discover/sub/c.test.mjs\n"},
			absent: []string{"node_modules", "hidden", "helper", "not a test file"},
			last:   "3 passed, 0 failed",
		},
	}
	for _, tc := range tests {
		name := tc.dir
		if tc.cfg.Filter != "" {
			name += "/" + tc.cfg.Filter
		}
		t.Run(name, func(t *testing.T) {
			tc.cfg.Jobs = 2
			out, sum := run(t, tc.cfg, tc.dir)
			rest := out
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					if strings.Contains(out, w) {
						t.Errorf("%q is out of order in:\n%s", w, out)
					} else {
						t.Errorf("output lacks %q:\n%s", w, out)
					}
					continue
				}
				rest = rest[i+len(w):]
			}
			for _, a := range tc.absent {
				if strings.Contains(out, a) {
					t.Errorf("output has %q:\n%s", a, out)
				}
			}
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if got := lines[len(lines)-1]; got != tc.last {
				t.Errorf("closing line %q, want %q", got, tc.last)
			}
			if sum.Line() != tc.last {
				t.Errorf("summary %q, want %q", sum.Line(), tc.last)
			}
			if sum.OK() != strings.Contains(tc.last, " 0 failed") {
				t.Errorf("OK() = %v for %q", sum.OK(), tc.last)
			}
			if strings.Contains(out, "arun:internal") || strings.Contains(out, "[arun test]") {
				t.Errorf("internal frames in output:\n%s", out)
			}
		})
	}
}

// TestParallelOrder: with many jobs, files are still reported in file order.
func TestParallelOrder(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	out, sum := run(t, testrunner.Config{Jobs: 8}, "")
	var files []string
	for _, l := range strings.Split(out, "\n") {
		if l == "failures:" {
			break
		}
		if l != "" && !strings.HasPrefix(l, " ") {
			files = append(files, l)
		}
	}
	for i := 1; i < len(files); i++ {
		if files[i-1] >= files[i] {
			t.Errorf("files out of order: %q before %q", files[i-1], files[i])
		}
	}
	if len(sum.Files) != len(files) || len(files) < 10 {
		t.Errorf("%d files reported, summary has %d", len(files), len(sum.Files))
	}
}

func TestBadInput(t *testing.T) {
	_, err := testrunner.Run(context.Background(), testrunner.Config{Paths: []string{"testdata/nope"}})
	if !errors.Is(err, testrunner.ErrNoPath) {
		t.Errorf("missing path: %v", err)
	}
	_, err = testrunner.Run(context.Background(), testrunner.Config{Paths: []string{"testdata/basic"}, Filter: "/(/"})
	if !errors.Is(err, testrunner.ErrBadFilter) {
		t.Errorf("bad filter: %v", err)
	}
	if _, err := testrunner.NewReporter("xml", io.Discard, io.Discard); err == nil {
		t.Errorf("unknown reporter accepted")
	}
}

func TestDiscover(t *testing.T) {
	files, err := testrunner.Discover([]string{"testdata/discover", "testdata/discover/a_test.js", "testdata/discover/helper.js"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		r, _ := filepath.Rel("testdata", relToCwd(t, f))
		got = append(got, filepath.ToSlash(r))
	}
	want := "discover/a_test.js discover/helper.js discover/sub/b.test.ts discover/sub/c.test.mjs"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	for name, want := range map[string]bool{
		"a_test.js": true, "a.test.ts": true, "a_test.mts": true, "a.test.mjs": true,
		"a_test.jsx": false, "test.js": false, ".test.js": false, "a_test.cjs": false, "atest.js": false,
	} {
		if testrunner.IsTestFile(name) != want {
			t.Errorf("IsTestFile(%q) = %v", name, !want)
		}
	}
}

func relToCwd(t *testing.T, abs string) string {
	t.Helper()
	wd, _ := filepath.Abs(".")
	r, err := filepath.Rel(wd, abs)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestTAP checks the TAP stream: version line, consecutive numbers, a
// plan that matches, YAML blocks under failures, directives.
func TestTAP(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	var out bytes.Buffer
	_, sum := run(t, testrunner.Config{Reporter: testrunner.TAP(&out)}, "basic")
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if lines[0] != "TAP version 13" {
		t.Fatalf("first line %q", lines[0])
	}
	pointRe := regexp.MustCompile(`^(not )?ok (\d+) - (.*)$`)
	n, inYAML, plan := 0, false, -1
	for _, l := range lines[1:] {
		switch {
		case inYAML:
			if l == "  ..." {
				inYAML = false
			} else if !strings.HasPrefix(l, "  ") {
				t.Errorf("YAML line not indented: %q", l)
			}
		case l == "  ---":
			inYAML = true
		case strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "1.."):
			plan, _ = strconv.Atoi(l[3:])
		default:
			m := pointRe.FindStringSubmatch(l)
			if m == nil {
				t.Errorf("not a TAP line: %q", l)
				continue
			}
			n++
			if m[2] != strconv.Itoa(n) {
				t.Errorf("test point %s, want %d", m[2], n)
			}
		}
	}
	if plan != n || n != 8 {
		t.Errorf("plan %d, %d test points, want 8", plan, n)
	}
	text := out.String()
	for _, w := range []string{
		"not ok 1 - basic/fail_test.js > deep diff # time=",
		"  message: |-\n    AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:\n",
		"ok 4 - basic/fail_test.js > skipped # SKIP",
		"not ok 5 - basic/fail_test.js > later # TODO",
		"# hello from inner\nok 8 - basic/pass_test.js > group > inner # time=",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("TAP lacks %q:\n%s", w, text)
		}
	}
	if last := lines[len(lines)-1]; last != "# "+sum.Line() {
		t.Errorf("last line %q", last)
	}
}

// TestJUnit checks the XML is well-formed and carries the counts, the
// failures, the skips and the output.
func TestJUnit(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	var out, summary bytes.Buffer
	run(t, testrunner.Config{Reporter: testrunner.JUnit(&out, &summary)}, "basic")
	dec := xml.NewDecoder(bytes.NewReader(out.Bytes()))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("malformed XML: %v\n%s", err, out.String())
		}
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name      string `xml:"name,attr"`
				Classname string `xml:"classname,attr"`
				Failure   *struct {
					Message string `xml:"message,attr"`
					Type    string `xml:"type,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
				Skipped   *struct{} `xml:"skipped"`
				SystemOut string    `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 8 || doc.Failures != 3 || doc.Skipped != 2 || len(doc.Suites) != 2 {
		t.Fatalf("counts: %+v", doc)
	}
	fail := doc.Suites[0].Cases[0]
	if fail.Name != "deep diff" || fail.Failure == nil || fail.Failure.Type != "AssertionError" ||
		!strings.Contains(fail.Failure.Text, "+     'b'\n-     'c'") {
		t.Errorf("deep diff case: %+v", fail)
	}
	inner := doc.Suites[1].Cases[2]
	if inner.Name != "inner" || inner.Classname != "basic/pass_test.js > group" || inner.SystemOut != "hello from inner\n" {
		t.Errorf("inner case: %+v", inner)
	}
	if summary.String() != "3 passed, 3 failed, 2 skipped\n" {
		t.Errorf("summary %q", summary.String())
	}
}
