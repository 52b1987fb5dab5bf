package runtime_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
)

// FuzzCheckInput: the REPL's continuation detection classifies any input
// as complete, incomplete (read another line) or a syntax error, never
// panics, and is stable under a trailing newline.
func FuzzCheckInput(f *testing.F) {
	for _, seed := range []string{
		"1 + 1", "function f() {", "const a = [1,\n2", "`line one\n", "/* open comment", "{a: 1}", "{ let x = 1",
		"await new Promise(r => setTimeout(r, 1))", "if (x) {} else", "let x = 'unterminated", "x => {", "class A { #p",
		"import fs from 'fs'", "interface A { b: number", "a ? b", "`${`${", "/re", "for await (const x of y) {", "",
		"label:", "(async () => {", "interface", "type", "abstract", "x = {b:", "obj?.", "\\u{", "a\n.b\n.c(",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		classify := func(s string) string {
			err := runtime.CheckInput(s)
			var se *runtime.ScriptError
			switch {
			case err == nil:
				return "complete"
			case errors.Is(err, runtime.ErrIncompleteInput):
				return "incomplete"
			case errors.As(err, &se) && se.Kind == runtime.KindSyntax && strings.HasPrefix(se.Message, "SyntaxError: "):
				return "syntax error"
			}
			t.Fatalf("CheckInput(%q) = %T %v: not nil, ErrIncompleteInput or a syntax ScriptError", s, err, err)
			return ""
		}
		got := classify(src)
		if got == "syntax error" {
			return
		}
		// The REPL joins continuation lines with "\n": an empty line must
		// not break a complete input. (An incomplete input may become a
		// syntax error, as "\\u{" does, or complete, as TypeScript's
		// "interface" does when a newline turns it into an identifier: the
		// REPL then asked for one line more than it needed, a cosmetic
		// quirk, not a wrong result.)
		if again := classify(src + "\n"); got == "complete" && again != "complete" {
			t.Fatalf("CheckInput(%q) is %s but with a trailing newline it is %s", src, got, again)
		}
	})
}
