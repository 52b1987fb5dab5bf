package repl

import (
	"bytes"
	"io"
	"sync"
)

// screen serializes the REPL's output and keeps background output (timers,
// tasks) from corrupting the line being edited: while a prompt is shown, a
// write clears the prompt line, prints, ends the line and asks the line
// editor to redraw the prompt and the text typed so far.
type screen struct {
	mu        sync.Mutex
	term      io.Writer // where the prompt is (stdout)
	prompting bool
	redraw    func()
	tty       bool
}

// writer returns a writer for w (stdout or stderr) that goes through s.
func (s *screen) writer(w io.Writer) io.Writer { return &screenWriter{s, w} }

// setPrompting records whether a prompt is shown.
func (s *screen) setPrompting(on bool) {
	s.mu.Lock()
	s.prompting = on
	s.mu.Unlock()
}

type screenWriter struct {
	s *screen
	w io.Writer
}

func (sw *screenWriter) Write(p []byte) (int, error) {
	s := sw.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.prompting || !s.tty {
		return sw.w.Write(p)
	}
	_, _ = io.WriteString(s.term, "\r\x1b[K")
	n, err := sw.w.Write(p)
	if !bytes.HasSuffix(p, []byte("\n")) {
		_, _ = io.WriteString(sw.w, "\n")
	}
	if s.redraw != nil {
		s.redraw()
	}
	return n, err
}
