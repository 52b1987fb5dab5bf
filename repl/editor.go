package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/peterh/liner"
)

// errAborted is what an editor returns for Ctrl-C at the prompt.
var errAborted = errors.New("repl: prompt aborted")

// editor reads lines: liner on a terminal, a plain reader otherwise.
type editor interface {
	// Prompt shows prompt and reads one line: io.EOF at the end of input
	// (Ctrl-D), errAborted for Ctrl-C.
	Prompt(prompt string) (string, error)
	// AppendHistory records a line in the history.
	AppendHistory(line string)
	// Close restores the terminal and saves the history.
	Close() error
}

// lineEditor is liner on the process's terminal.
type lineEditor struct {
	st          *liner.State
	historyFile string
}

func newLineEditor(historyFile string, complete func(line string, pos int) (string, []string, string)) *lineEditor {
	st := liner.NewLiner()
	st.SetCtrlCAborts(true)
	// a line longer than the terminal wraps onto more rows instead of
	// scrolling sideways, so the whole input stays in the scrollback
	st.SetMultiLineMode(true)
	st.SetTabCompletionStyle(liner.TabPrints)
	st.SetWordCompleter(complete)
	e := &lineEditor{st: st, historyFile: historyFile}
	if historyFile != "" {
		if f, err := os.Open(historyFile); err == nil {
			_, _ = st.ReadHistory(f)
			f.Close()
		}
	}
	return e
}

func (e *lineEditor) Prompt(p string) (string, error) {
	line, err := e.st.Prompt(p)
	if errors.Is(err, liner.ErrPromptAborted) {
		return "", errAborted
	}
	return line, err
}

func (e *lineEditor) AppendHistory(line string) {
	e.st.AppendHistory(line)
	e.saveHistory()
}

// saveHistory writes the whole history after every entry, so a session
// ended by process.exit or a signal keeps it too.
func (e *lineEditor) saveHistory() {
	if e.historyFile == "" {
		return
	}
	f, err := os.OpenFile(e.historyFile, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return
	}
	_, _ = e.st.WriteHistory(f)
	f.Close()
}

func (e *lineEditor) Close() error { return e.st.Close() }

// plainEditor reads lines from any reader and prints the prompt itself.
type plainEditor struct {
	r   *bufio.Reader
	out io.Writer
}

func (e *plainEditor) Prompt(p string) (string, error) {
	fmt.Fprint(e.out, p)
	line, err := e.r.ReadString('\n')
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func (e *plainEditor) AppendHistory(string) {}
func (e *plainEditor) Close() error         { return nil }
