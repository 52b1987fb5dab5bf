package bindings

import (
	"regexp"
	"strings"
)

var (
	pcSuffix = regexp.MustCompile(`:(\d+):(\d+)\(\d+\)`)
	// source maps URL-escape file names such as "[eval].ts"
	escapes = strings.NewReplacer("%5B", "[", "%5D", "]", "%20", " ")
)

// CleanStack turns a goja stack into what users see: Node's layout
// ("    at f (file.js:2:5)"), no bytecode offsets, and no frames of arun's own
// machinery (its internal scripts and Go functions).
func CleanStack(s string) string {
	if s == "" {
		return s
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "at ") {
			if IsInternalFrame(t) {
				continue
			}
			line = "    " + pcSuffix.ReplaceAllString(escapes.Replace(t), ":$1:$2")
		}
		out = append(out, line)
	}
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// IsInternalFrame reports whether a stack line ("at ...") belongs to arun's
// machinery rather than to the user's code: its built-in modules (named
// "arun:..."), its internal scripts and its Go functions.
func IsInternalFrame(frame string) bool {
	return strings.Contains(frame, "arun:") ||
		strings.Contains(frame, "github.com/arun-js/arun/") ||
		strings.Contains(frame, "github.com/dop251/")
}
