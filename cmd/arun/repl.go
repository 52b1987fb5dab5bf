package main

import (
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/arun-js/arun/repl"
	"github.com/arun-js/arun/runtime"
)

// runREPL starts the interactive REPL on the terminal: SIGINT (Ctrl-C while
// an input runs) is forwarded to it, the history lives in ~/.arun_history
// (or $ARUN_REPL_HISTORY; set it empty to keep none), and results are
// colored unless NO_COLOR is set or stdout is not a terminal.
func runREPL(opts runtime.Options, stdin io.Reader, stdout, stderr io.Writer) int {
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)
	interrupts := make(chan struct{}, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-sigs:
				select {
				case interrupts <- struct{}{}:
				default:
				}
			case <-stop:
				return
			}
		}
	}()
	terminal := isTerminal(stdin) && isTerminalWriter(stdout)
	if terminal {
		// the prompt's line clearing is an ANSI escape (Windows: turned on)
		enableVT(stdout.(*os.File))
	}
	return repl.Run(repl.Options{
		Runtime:     opts,
		Stdin:       stdin,
		Stdout:      stdout,
		Stderr:      stderr,
		Terminal:    terminal,
		Colors:      useColors(stdout),
		HistoryFile: historyFile(),
		Interrupts:  interrupts,
		Redraw:      redraw,
		Banner:      "Welcome to arun " + runtime.Version + ".\nType \".help\" for more information.",
	})
}

func historyFile() string {
	if p, ok := os.LookupEnv("ARUN_REPL_HISTORY"); ok {
		return p // "" keeps no history
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".arun_history")
}

// useColors reports whether the REPL colors its results on w: a terminal
// that takes ANSI escapes (on Windows, once enableVT has turned them on).
func useColors(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	if os.Getenv("TERM") == "dumb" {
		return false
	}
	return isTerminalWriter(w) && enableVT(w.(*os.File))
}

func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
