package testrunner

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/arun-js/arun/bindings/testing"
)

// Reporter prints a run. Start is called first with the number of files,
// File once per file in file order as files complete, Done last.
type Reporter interface {
	Start(files int)
	File(fr FileResult)
	Done(sum Summary)
}

// NewReporter returns the reporter named name ("spec", "tap" or "junit");
// junit writes its XML to w and the closing line to summary.
func NewReporter(name string, w, summary io.Writer) (Reporter, error) {
	switch name {
	case "", "spec":
		return Spec(w), nil
	case "tap":
		return TAP(w), nil
	case "junit":
		return JUnit(w, summary), nil
	}
	return nil, fmt.Errorf("testrunner: unknown reporter %q (want spec, tap or junit)", name)
}

// ---- spec: one line per test, failures at the end.

type spec struct {
	w        io.Writer
	failures []failed
}

type failed struct {
	file string
	t    TestResult
}

// Spec is the human reporter: per file, one line per test with its time
// ("ok", "FAIL", "skip", "todo"), the output tests printed, then every
// failure with its message, stack, code frame and leaks, then the closing
// line.
func Spec(w io.Writer) Reporter { return &spec{w: w} }

func (s *spec) Start(int) {}

func (s *spec) File(fr FileResult) {
	if len(fr.Tests) == 0 && fr.Output == "" {
		return // nothing ran (no test matched --filter): no header
	}
	fmt.Fprintf(s.w, "%s\n", fr.File)
	for _, t := range fr.Tests {
		if t.Output != "" {
			for _, l := range strings.Split(strings.TrimRight(t.Output, "\n"), "\n") {
				fmt.Fprintf(s.w, "  | %s\n", l)
			}
		}
		name := t.FullName()
		switch t.Status {
		case testing.Passed:
			fmt.Fprintf(s.w, "  ok    %s (%s)\n", name, testing.FormatDuration(t.Duration))
		case testing.Skipped, testing.Todo:
			word := "skip"
			if t.Status == testing.Todo {
				word = "todo"
			}
			if t.Reason != "" {
				fmt.Fprintf(s.w, "  %s  %s (%s)\n", word, name, t.Reason)
			} else {
				fmt.Fprintf(s.w, "  %s  %s\n", word, name)
			}
		default:
			fmt.Fprintf(s.w, "  FAIL  %s (%s)\n", name, testing.FormatDuration(t.Duration))
			s.failures = append(s.failures, failed{fr.File, t})
		}
	}
	if fr.Output != "" {
		for _, l := range strings.Split(strings.TrimRight(fr.Output, "\n"), "\n") {
			fmt.Fprintf(s.w, "  | %s\n", l)
		}
	}
}

func (s *spec) Done(sum Summary) {
	if len(s.failures) > 0 {
		fmt.Fprintf(s.w, "\nfailures:\n")
		for _, f := range s.failures {
			fmt.Fprintf(s.w, "\n%s > %s\n", f.file, f.t.FullName())
			writeFailure(s.w, "  ", f.t.Result)
		}
	}
	fmt.Fprintf(s.w, "\n%s\n", sum.Line())
}

// writeFailure prints what a failed test failed with.
func writeFailure(w io.Writer, indent string, r testing.Result) {
	errs := []testing.Failure{}
	if r.Err != nil {
		errs = append(errs, *r.Err)
	}
	errs = append(errs, r.Errors...)
	for i, e := range errs {
		if i > 0 {
			fmt.Fprintf(w, "%salso:\n", indent)
		}
		for _, l := range strings.Split(e.Message, "\n") {
			fmt.Fprintln(w, strings.TrimRight(indent+l, " "))
		}
		for _, f := range e.Stack {
			fmt.Fprintf(w, "%s    %s\n", indent, f)
		}
		if fr := e.Frame; fr != "" {
			fmt.Fprintln(w)
			for _, l := range strings.Split(strings.TrimRight(fr, "\n"), "\n") {
				fmt.Fprintf(w, "%s%s\n", indent, l)
			}
		}
	}
	if len(r.Leaks) > 0 {
		if len(errs) > 0 {
			fmt.Fprintln(w)
		}
		what := "the test"
		if r.Hook {
			what = "the suite's hooks (or the file's top level)"
		}
		fmt.Fprintf(w, "%sleaks: %s finished with %d still open (they were cleared):\n", indent, what, len(r.Leaks))
		for _, l := range r.Leaks {
			if len(l.Stack) == 0 {
				fmt.Fprintf(w, "%s  - %s: %s (made inside the runtime, e.g. by waitFor or gather: no creation stack)\n", indent, l.Kind, l.What)
				continue
			}
			fmt.Fprintf(w, "%s  - %s: %s, created\n", indent, l.Kind, l.What)
			for _, f := range l.Stack {
				fmt.Fprintf(w, "%s      %s\n", indent, f)
			}
		}
	}
}

var posRe = regexp.MustCompile(`\(?([^\s()]+):(\d+):(\d+)\)?$`)

// codeFrame shows the source line of the first frame of stack that names a
// readable file, with a caret under the column.
func codeFrame(stack []string) string {
	for _, f := range stack {
		m := posRe.FindStringSubmatch(f)
		if m == nil {
			continue
		}
		b, err := os.ReadFile(m[1])
		if err != nil {
			continue
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		lines := strings.Split(string(b), "\n")
		if line < 1 || line > len(lines) {
			return ""
		}
		text := strings.TrimRight(lines[line-1], "\r")
		prefix := fmt.Sprintf("%4d | ", line)
		var caret strings.Builder
		for i, ch := range text {
			if i >= col-1 {
				break
			}
			if ch == '\t' {
				caret.WriteByte('\t')
			} else {
				caret.WriteByte(' ')
			}
		}
		return prefix + text + "\n" + strings.Repeat(" ", len(prefix)-2) + "| " + caret.String() + "^\n"
	}
	return ""
}

// ---- TAP version 13

type tap struct {
	w io.Writer
	n int
}

// TAP is the Test Anything Protocol (version 13) reporter: "ok N - file >
// test", a YAML block under each failure, "# SKIP" and "# TODO" directives,
// output as comments, the plan at the end, then "# N passed, N failed".
func TAP(w io.Writer) Reporter { return &tap{w: w} }

func (t *tap) Start(int) { fmt.Fprintln(t.w, "TAP version 13") }

func tapEscape(s string) string {
	s = strings.ReplaceAll(s, "\\", "\\\\")
	s = strings.ReplaceAll(s, "#", "\\#")
	return strings.ReplaceAll(s, "\n", " ")
}

func (t *tap) comment(s string) {
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		fmt.Fprintf(t.w, "# %s\n", l)
	}
}

func (t *tap) File(fr FileResult) {
	if len(fr.Tests) == 0 && fr.Output == "" {
		return
	}
	fmt.Fprintf(t.w, "# %s\n", fr.File)
	for _, r := range fr.Tests {
		if r.Output != "" {
			t.comment(r.Output)
		}
		t.n++
		desc := tapEscape(fr.File + " > " + r.FullName())
		switch r.Status {
		case testing.Passed:
			fmt.Fprintf(t.w, "ok %d - %s # time=%s\n", t.n, desc, tapTime(r.Duration))
		case testing.Skipped:
			fmt.Fprintf(t.w, "ok %d - %s # SKIP %s\n", t.n, desc, tapEscape(r.Reason))
		case testing.Todo:
			fmt.Fprintf(t.w, "not ok %d - %s # TODO %s\n", t.n, desc, tapEscape(r.Reason))
		default:
			fmt.Fprintf(t.w, "not ok %d - %s # time=%s\n", t.n, desc, tapTime(r.Duration))
			fmt.Fprintln(t.w, "  ---")
			var b strings.Builder
			writeFailure(&b, "", r.Result)
			msg := "failed"
			if r.Err != nil {
				msg = r.Err.Message
			} else if len(r.Leaks) > 0 {
				msg = fmt.Sprintf("leaked %d resource(s)", len(r.Leaks))
			}
			yamlBlock(t.w, "message", msg)
			yamlBlock(t.w, "details", strings.TrimRight(b.String(), "\n"))
			fmt.Fprintf(t.w, "  duration_ms: %s\n", tapTime(r.Duration))
			fmt.Fprintln(t.w, "  ...")
		}
	}
	if fr.Output != "" {
		t.comment(fr.Output)
	}
}

func yamlBlock(w io.Writer, key, text string) {
	fmt.Fprintf(w, "  %s: |-\n", key)
	for _, l := range strings.Split(text, "\n") {
		fmt.Fprintf(w, "    %s\n", l)
	}
}

func tapTime(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 3, 64)
}

func (t *tap) Done(sum Summary) {
	fmt.Fprintf(t.w, "1..%d\n", t.n)
	fmt.Fprintf(t.w, "# %s\n", sum.Line())
}

// ---- JUnit XML

type junit struct {
	w, summary io.Writer
	suites     []junitSuite
}

// JUnit is the JUnit XML reporter (the format CI systems import): one
// <testsuite> per file, one <testcase> per test with <failure>, <skipped>
// and <system-out>. The XML goes to w when the run is done; the closing
// line goes to summary.
func JUnit(w, summary io.Writer) Reporter { return &junit{w: w, summary: summary} }

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Time      string      `xml:"time,attr"`
	Cases     []junitCase `xml:"testcase"`
	SystemOut string      `xml:"system-out,omitempty"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr,omitempty"`
}

func xmlSeconds(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 3, 64) }

func (j *junit) Start(int) {}

func (j *junit) File(fr FileResult) {
	s := junitSuite{Name: fr.File, Time: xmlSeconds(fr.Duration), SystemOut: fr.Output}
	for _, r := range fr.Tests {
		class := fr.File
		if len(r.Path) > 0 {
			class += " > " + strings.Join(r.Path, " > ")
		}
		c := junitCase{Name: r.Name, Classname: class, Time: xmlSeconds(r.Duration), SystemOut: r.Output}
		s.Tests++
		switch r.Status {
		case testing.Passed:
		case testing.Skipped, testing.Todo:
			s.Skipped++
			msg := r.Reason
			if r.Status == testing.Todo {
				msg = strings.TrimSpace("todo " + r.Reason)
			}
			c.Skipped = &junitSkipped{Message: msg}
		default:
			s.Failures++
			var b strings.Builder
			writeFailure(&b, "", r.Result)
			msg, typ := "failed", "Error"
			if r.Err != nil {
				msg = firstLine(r.Err.Message)
				if name, _, ok := strings.Cut(msg, ":"); ok && !strings.Contains(name, " ") {
					typ = name
				} else if ok {
					typ, _, _ = strings.Cut(name, " ")
				}
			} else if len(r.Leaks) > 0 {
				msg, typ = fmt.Sprintf("leaked %d resource(s)", len(r.Leaks)), "Leak"
			}
			c.Failure = &junitFailure{Message: msg, Type: typ, Text: b.String()}
		}
		s.Cases = append(s.Cases, c)
	}
	j.suites = append(j.suites, s)
}

func (j *junit) Done(sum Summary) {
	doc := junitSuites{Name: "arun test", Suites: j.suites, Time: xmlSeconds(sum.Duration)}
	for _, s := range j.suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Skipped += s.Skipped
	}
	io.WriteString(j.w, xml.Header)
	enc := xml.NewEncoder(j.w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		fmt.Fprintf(j.summary, "arun test: writing JUnit XML: %v\n", err)
	}
	io.WriteString(j.w, "\n")
	if j.summary != nil {
		fmt.Fprintln(j.summary, sum.Line())
	}
}
