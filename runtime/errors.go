package runtime

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// ErrorKind classifies a ScriptError.
type ErrorKind int

// The kinds of ScriptError.
const (
	KindUncaught           ErrorKind = iota // an exception nobody caught
	KindUnhandledRejection                  // a rejection nobody handled (strict policy)
	KindSyntax                              // the source could not be parsed
	KindLoad                                // a file or module could not be read or resolved
	KindDeadlock                            // the main module waits on something that can never happen
	KindTimeout                             // Options.Timeout or the context's deadline hit
	KindInterrupted                         // Interrupt or context cancellation
	KindMemoryLimit                         // the heap passed Options.MaxMemory
)

// String names the kind ("uncaught exception", "deadlock", ...).
func (k ErrorKind) String() string {
	switch k {
	case KindUncaught:
		return "uncaught exception"
	case KindUnhandledRejection:
		return "unhandled rejection"
	case KindSyntax:
		return "syntax error"
	case KindLoad:
		return "load error"
	case KindDeadlock:
		return "deadlock"
	case KindTimeout:
		return "timeout"
	case KindInterrupted:
		return "interrupted"
	case KindMemoryLimit:
		return "memory limit"
	}
	return "error"
}

// ScriptError is the one error type for script failures: what went wrong,
// where (in the user's own source), the JS stack, and the Go cause when the
// error came from Go (reachable with errors.Is and errors.As).
type ScriptError struct {
	Kind ErrorKind
	// Message is the error's "Name: message" line.
	Message string
	// Stack is the JS stack, one "    at ..." line per frame, positions in the
	// user's files.
	Stack string
	// File, Line and Column locate the error (the throw site, or the syntax
	// error); Line is 0 when unknown.
	File         string
	Line, Column int
	// Frame is a code frame showing the line with a caret, when known.
	Frame string
	// Waiting lists what was still waiting, for a deadlock.
	Waiting []string
	// Value is the thrown JS value (valid only on the runtime's goroutine).
	Value goja.Value
	// Cause is the underlying Go error, if any.
	Cause error
}

// Error is "file:line:col: message", or the message alone when the
// position is unknown.
func (e *ScriptError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
	}
	return e.Message
}

// Unwrap returns the Go cause.
func (e *ScriptError) Unwrap() error { return e.Cause }

// Report is the full text the CLI prints: location, code frame, message and
// stack.
func (e *ScriptError) Report() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "%s:%d:%d\n", e.File, e.Line, e.Column)
		if e.Frame != "" {
			b.WriteString(e.Frame)
		}
	}
	switch e.Kind {
	case KindUncaught:
		b.WriteString("Uncaught ")
	case KindUnhandledRejection:
		b.WriteString("Uncaught (in promise) ")
	case KindSyntax:
		if !strings.HasPrefix(e.Message, "SyntaxError") {
			b.WriteString("SyntaxError: ")
		}
	}
	b.WriteString(e.Message)
	b.WriteByte('\n')
	if e.Stack != "" {
		b.WriteString(e.Stack)
		if !strings.HasSuffix(e.Stack, "\n") {
			b.WriteByte('\n')
		}
	}
	for _, w := range e.Waiting {
		b.WriteString("  waiting: ")
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return b.String()
}

// ExitError is returned when a script calls process.exit.
type ExitError struct{ Code int }

// Error is "process.exit(N)".
func (e *ExitError) Error() string { return "process.exit(" + strconv.Itoa(e.Code) + ")" }

var frameRe = regexp.MustCompile(`\(?([^\s()]+):(\d+):(\d+)\)?$`)

// scriptError describes a thrown JS value.
func (r *Runtime) scriptError(kind ErrorKind, v goja.Value) *ScriptError {
	se := &ScriptError{Kind: kind, Value: v}
	if v == nil {
		v = goja.Undefined()
	}

	obj, isObj := v.(*goja.Object)
	if isObj && isError(r.vm, obj) {
		stack := ""
		if s := obj.Get("stack"); s != nil && !goja.IsUndefined(s) {
			stack = bindings.CleanStack(s.String())
		}
		name := obj.Get("name").String()
		msg := obj.Get("message").String()
		se.Message = name
		if msg != "" {
			se.Message += ": " + msg
		}
		// The stack starts with the message line(s); keep only frames.
		var frames []string
		for _, line := range strings.Split(stack, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "at ") {
				frames = append(frames, "    "+strings.TrimSpace(line))
			}
		}
		se.Stack = strings.Join(frames, "\n")
		se.File, se.Line, se.Column = userFrame(frames)
		se.Cause = bindings.GoCause(obj)
		if se.Cause == nil && r.env.IsCancelled(obj) {
			se.Cause = ErrCancelled
		}
		if se.Cause == nil && name == "GoError" {
			// goja's error for a Go function's returned error keeps it in value
			if v := obj.Get("value"); v != nil {
				if err, ok := v.Export().(error); ok {
					se.Cause = err
				}
			}
		}
	} else {
		se.Message = r.inspect(v)
	}
	if se.Line > 0 {
		if fixed := r.sources.newColumn(se.File, se.Line, se.Column); fixed != se.Column {
			// goja places `new X()` one column early; Node points at `new`
			old := fmt.Sprintf("%s:%d:%d", se.File, se.Line, se.Column)
			se.Column = fixed
			se.Stack = strings.Replace(se.Stack, old, fmt.Sprintf("%s:%d:%d", se.File, se.Line, se.Column), 1)
		}
		se.Frame = r.sources.frame(se.File, se.Line, se.Column)
		se.File = r.displayPath(se.File)
		se.Stack = r.relativeStack(se.Stack)
	}
	return se
}

// userFrame is the position of the first of frames ("    at f (file:l:c)")
// that is the script's own: not the runtime's (arun:...) nor native.
func userFrame(frames []string) (file string, line, col int) {
	for _, f := range frames {
		if m := frameRe.FindStringSubmatch(strings.TrimSpace(f)); m != nil && !strings.HasPrefix(m[1], "arun:") && !strings.Contains(m[1], "<") {
			line, _ = strconv.Atoi(m[2])
			col, _ = strconv.Atoi(m[3])
			return m[1], line, col
		}
	}
	return "", 0, 0
}

func isError(vm *goja.Runtime, obj *goja.Object) bool {
	errCtor, ok := vm.Get("Error").(*goja.Object)
	if !ok {
		return false
	}
	return vm.InstanceOf(obj, errCtor)
}

// displayPath shows paths under the runtime's directory relative to it.
func (r *Runtime) displayPath(p string) string {
	if strings.HasPrefix(p, r.dir+string(os.PathSeparator)) {
		return p[len(r.dir)+1:]
	}
	return p
}

func (r *Runtime) relativeStack(s string) string {
	return strings.ReplaceAll(s, r.dir+string(os.PathSeparator), "")
}

// sourceCache keeps the sources of loaded files for code frames.
type sourceCache struct {
	mu    sync.Mutex
	files map[string][]string
	// read reads a file not put in the cache (through the module file
	// system, so a stack position naming a file outside the module root and
	// the read grants shows no line of it).
	read func(path string) ([]byte, error)
}

func newSourceCache() *sourceCache { return &sourceCache{files: map[string][]string{}} }

func (c *sourceCache) put(path, src string) {
	c.mu.Lock()
	c.files[path] = strings.Split(src, "\n")
	c.mu.Unlock()
}

func (c *sourceCache) lines(path string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.files[path]; ok {
		return l
	}
	if c.read == nil {
		return nil
	}
	b, err := c.read(path)
	if err != nil {
		c.files[path] = nil
		return nil
	}
	l := strings.Split(string(b), "\n")
	c.files[path] = l
	return l
}

// newColumn corrects goja's column for a `new` expression: goja reports
// the column just before the keyword.
func (c *sourceCache) newColumn(path string, line, col int) int {
	lines := c.lines(path)
	if line < 1 || line > len(lines) || col < 1 {
		return col
	}
	text := lines[line-1]
	if col < len(text) && strings.HasPrefix(text[col:], "new ") {
		return col + 1
	}
	return col
}

// frame renders the line with a caret under column (1-based).
func (c *sourceCache) frame(path string, line, col int) string {
	lines := c.lines(path)
	if line < 1 || line > len(lines) {
		return ""
	}
	return codeFrame(lines[line-1], line, col)
}

func codeFrame(text string, line, col int) string {
	text = strings.TrimRight(text, "\r")
	if len(text) > 200 {
		text = text[:200]
	}
	prefix := fmt.Sprintf("%4d | ", line)
	pad := strings.Repeat(" ", len(prefix)-2) + "| "
	caret := ""
	if col >= 1 {
		// keep tabs so the caret lines up
		var sb strings.Builder
		for i, ch := range text {
			if i >= col-1 {
				break
			}
			if ch == '\t' {
				sb.WriteByte('\t')
			} else {
				sb.WriteByte(' ')
			}
		}
		caret = sb.String() + "^"
	}
	return prefix + text + "\n" + pad + caret + "\n"
}
