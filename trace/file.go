package trace

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Output is a trace file: FILE.json is written as the run goes, FILE.html
// (or .htm) once the trace is complete (Finish).
type Output struct {
	path string
	file *os.File
	html *bytes.Buffer
}

// Create creates path for a trace (before the run, so that a bad path
// fails at once). Its extension says the format: .json or .html.
func Create(path string) (*Output, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".html" && ext != ".htm" {
		return nil, fmt.Errorf("--trace %s: the file must end in .json (Trace Event Format, for Perfetto) or .html (a page)", path)
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--trace: %w", err)
	}
	o := &Output{path: path, file: f}
	if ext != ".json" {
		o.html = &bytes.Buffer{}
	}
	return o, nil
}

// Path is the file's path.
func (o *Output) Path() string { return o.path }

// Writer is where the trace's JSON goes (runtime.Options.Trace, Merge).
func (o *Output) Writer() io.Writer {
	if o.html != nil {
		return o.html
	}
	return o.file
}

// Finish completes and closes the file, once the trace is complete (the
// runtime closed, or its trace stopped).
func (o *Output) Finish() error {
	var err error
	if o.html != nil {
		err = HTML(o.file, o.html.Bytes())
	}
	if cerr := o.file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("--trace %s: %w", o.path, err)
	}
	return nil
}
