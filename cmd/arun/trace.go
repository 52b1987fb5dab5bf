package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/arun-js/arun/trace"
)

// traceOut is where --trace FILE goes: FILE.json is written as the run
// goes, FILE.html once the run's trace is complete (finish).
type traceOut struct {
	path string
	file *os.File
	html *bytes.Buffer
}

// openTrace creates path (before the run, so a bad path fails at once).
func openTrace(path string) (*traceOut, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".html" && ext != ".htm" {
		return nil, fmt.Errorf("--trace %s: the file must end in .json (Trace Event Format, for Perfetto) or .html (a page)", path)
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--trace: %w", err)
	}
	t := &traceOut{path: path, file: f}
	if ext != ".json" {
		t.html = &bytes.Buffer{}
	}
	return t, nil
}

// writer is what runtime.Options.Trace gets.
func (t *traceOut) writer() io.Writer {
	if t.html != nil {
		return t.html
	}
	return t.file
}

// finish completes the file, after the runtime was closed.
func (t *traceOut) finish() error {
	var err error
	if t.html != nil {
		err = trace.HTML(t.file, t.html.Bytes())
	}
	if cerr := t.file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("--trace %s: %w", t.path, err)
	}
	return nil
}
