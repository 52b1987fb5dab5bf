package repl

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/arun-js/arun/bindings/console"
	"github.com/arun-js/arun/runtime"
	tasktrace "github.com/arun-js/arun/trace"
	"github.com/dop251/goja"
)

// Prompts.
const (
	Prompt             = "> "
	ContinuationPrompt = "... "
)

// Options configures Run. The zero value reads nothing and prints nothing.
type Options struct {
	// Runtime configures the runtime the REPL creates; its Stdout and
	// Stderr are replaced by the REPL's own writers over Stdout and Stderr.
	Runtime runtime.Options
	// Stdin, Stdout and Stderr are the REPL's streams. With Terminal,
	// Stdin and Stdout must be the process's terminal (liner reads and
	// writes it directly).
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Terminal turns on line editing, history and completion (liner).
	Terminal bool
	// Colors prints results with ANSI colors.
	Colors bool
	// HistoryFile is where the history is read from and saved to ("" keeps
	// no history). Only used with Terminal.
	HistoryFile string
	// Interrupts delivers Ctrl-C while an input is being evaluated (the
	// terminal sends SIGINT then: the caller forwards it). At the prompt,
	// Ctrl-C is read as a key.
	Interrupts <-chan struct{}
	// Redraw asks the line editor to repaint the prompt and the text typed
	// so far, after background output cleared it. With liner on Unix that
	// is a SIGWINCH sent to the process. Nil: no repaint.
	Redraw func()
	// Banner is printed first; "" prints none.
	Banner string
}

// Run runs the REPL until .exit, Ctrl-D, Ctrl-C twice on an empty prompt,
// or process.exit, and returns the exit status (process.exit's code, or 0).
func Run(opts Options) int {
	if opts.Stdin == nil {
		opts.Stdin = strings.NewReader("")
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	sc := &screen{term: opts.Stdout, redraw: opts.Redraw, tty: opts.Terminal}
	stdout, stderr := sc.writer(opts.Stdout), sc.writer(opts.Stderr)
	ropts := opts.Runtime
	ropts.Stdout, ropts.Stderr = stdout, stderr
	if ropts.UnhandledRejections == runtime.RejectStrict {
		// as in Node's REPL: report and go on
		ropts.UnhandledRejections = runtime.RejectWarn
	}
	rt, err := runtime.New(ropts)
	if err != nil {
		fmt.Fprintf(stderr, "arun: %v\n", err)
		return 1
	}
	defer rt.Close()
	sess, err := rt.StartSession(context.Background())
	if err != nil {
		fmt.Fprintf(stderr, "arun: %v\n", err)
		return 1
	}
	defer sess.Close()

	r := &repl{opts: opts, rt: rt, sess: sess, screen: sc, stdout: stdout, stderr: stderr}
	if opts.Terminal {
		r.ed = newLineEditor(opts.HistoryFile, r.complete)
	} else {
		r.ed = &plainEditor{r: bufio.NewReader(opts.Stdin), out: stdout}
	}
	if opts.Banner != "" {
		fmt.Fprintln(stdout, opts.Banner)
	}
	// The input loop blocks reading the terminal; process.exit from a
	// background callback must end the REPL all the same.
	done := make(chan int, 1)
	go func() { done <- r.loop() }()
	var code int
	select {
	case code = <-done:
		if r.traceOut != nil {
			if err := r.stopTrace(); err != nil {
				fmt.Fprintf(stderr, "arun: %v\n", err)
			}
		}
	case <-sess.Done():
		code = exitCode(sess.Err())
		if out := r.traceOut; out != nil {
			// the session ended (process.exit): closing the runtime
			// completes the trace
			_ = rt.Close()
			if err := out.Finish(); err != nil {
				fmt.Fprintf(stderr, "arun: %v\n", err)
			}
		}
	}
	r.ed.Close()
	return code
}

// repl is one running REPL.
type repl struct {
	opts           Options
	rt             *runtime.Runtime
	sess           *runtime.Session
	screen         *screen
	ed             editor
	stdout, stderr io.Writer
	inputs         []string          // evaluated inputs, for .save
	traceOut       *tasktrace.Output // .trace on
}

func exitCode(err error) int {
	var ee *runtime.ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return 0
}

// errExit ends the input loop with a status.
type errExit struct{ code int }

func (e *errExit) Error() string { return fmt.Sprintf("repl: exit %d", e.code) }

func (r *repl) prompt(p string) (string, error) {
	r.screen.setPrompting(true)
	defer r.screen.setPrompting(false)
	return r.ed.Prompt(p)
}

// loop reads and evaluates inputs; it returns the exit status.
func (r *repl) loop() int {
	var pending []string // lines of an input the parser says is incomplete
	aborts := 0
	for {
		p := Prompt
		if len(pending) > 0 {
			p = ContinuationPrompt
		}
		line, err := r.prompt(p)
		switch {
		case errors.Is(err, errAborted):
			if len(pending) > 0 {
				pending, aborts = nil, 0
				continue
			}
			aborts++
			if aborts >= 2 {
				return 0
			}
			fmt.Fprintln(r.stdout, "(To exit, press Ctrl+C again or Ctrl+D or type .exit)")
			continue
		case err != nil: // io.EOF: Ctrl-D
			return 0
		}
		aborts = 0
		if strings.TrimSpace(line) != "" {
			r.ed.AppendHistory(line)
		}
		if len(pending) == 0 && isCommand(line) {
			if err := r.command(strings.TrimSpace(line)); err != nil {
				var ee *errExit
				if errors.As(err, &ee) {
					return ee.code
				}
				fmt.Fprintln(r.stderr, err)
			}
			continue
		}
		if len(pending) > 0 && strings.TrimSpace(line) == ".break" {
			pending = nil
			continue
		}
		pending = append(pending, line)
		src := strings.Join(pending, "\n")
		if strings.TrimSpace(src) == "" {
			pending = nil
			continue
		}
		err = r.eval(src)
		if errors.Is(err, runtime.ErrIncompleteInput) {
			continue
		}
		pending = nil
		var ee *errExit
		if errors.As(err, &ee) {
			return ee.code
		}
	}
}

// isCommand reports whether line is a REPL command (.help), not code (.5).
func isCommand(line string) bool {
	t := strings.TrimSpace(line)
	return len(t) > 1 && t[0] == '.' && (t[1] >= 'a' && t[1] <= 'z' || t[1] >= 'A' && t[1] <= 'Z')
}

// format prints a value as console.log does; runs on the loop.
func (r *repl) format(vm *goja.Runtime, v goja.Value) string {
	return console.Inspect(vm, v, console.InspectOptions{Colors: r.opts.Colors})
}

// eval evaluates one input and prints its result. It returns
// runtime.ErrIncompleteInput when more lines are needed, *errExit when the
// REPL must end.
func (r *repl) eval(src string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Ctrl-C pressed before this input began does not count.
	for drained := false; !drained; {
		select {
		case <-r.opts.Interrupts:
		default:
			drained = true
		}
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-r.opts.Interrupts:
			cancel()
		case <-stop:
		}
	}()
	res, err := r.sess.Eval(ctx, src, r.format)
	var se *runtime.ScriptError
	var ee *runtime.ExitError
	switch {
	case err == nil:
	case errors.Is(err, runtime.ErrIncompleteInput):
		return err
	case errors.As(err, &ee):
		return &errExit{ee.Code}
	case errors.Is(err, runtime.ErrClosed):
		return &errExit{exitCode(r.sess.Err())}
	case errors.Is(err, runtime.ErrInterrupted):
		fmt.Fprintln(r.stderr, "Interrupted (Ctrl-C): "+strings.TrimPrefix(err.Error(), "runtime: interrupted: "))
		return nil
	case errors.As(err, &se):
		fmt.Fprint(r.stderr, se.Frame)
		fmt.Fprintln(r.stderr, "Uncaught "+se.Message)
		return nil
	default:
		fmt.Fprintf(r.stderr, "error: %v\n", err)
		return nil
	}
	r.inputs = append(r.inputs, src)
	switch {
	case res.Empty:
	case res.Thrown:
		fmt.Fprintln(r.stderr, "Uncaught "+res.Text)
	default:
		fmt.Fprintln(r.stdout, res.Text)
	}
	return nil
}

const help = `.break    Leave a multi-line input
.editor   Enter editor mode (Ctrl+D to run, Ctrl+C to cancel)
.exit     Exit the REPL
.help     Print this help message
.load     Load JS from a file into the REPL session
.save     Save all evaluated inputs of this session to a file
.tasks    List the asyncio tasks that are waiting, and what each awaits
.trace    .trace on FILE.json|FILE.html: record a timeline of tasks; .trace off writes it

Press Ctrl+C to interrupt a running input (or stop waiting for an await),
Ctrl+D or Ctrl+C twice to exit. _ holds the last result, _error the last error.
Top-level await, TypeScript, and redeclaring const/let/class work.`

// command runs a REPL command.
func (r *repl) command(line string) error {
	name, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	switch name {
	case ".exit":
		return &errExit{0}
	case ".help":
		fmt.Fprintln(r.stdout, help)
	case ".break":
	case ".load":
		if arg == "" {
			return errors.New("usage: .load FILE")
		}
		b, err := os.ReadFile(r.path(arg))
		if err != nil {
			return fmt.Errorf("Failed to load: %s: %v", arg, err)
		}
		if err := r.eval(string(b)); err != nil {
			if errors.Is(err, runtime.ErrIncompleteInput) {
				return fmt.Errorf("Failed to load: %s: unexpected end of input", arg)
			}
			return err
		}
	case ".save":
		if arg == "" {
			return errors.New("usage: .save FILE")
		}
		text := strings.Join(r.inputs, "\n")
		if text != "" {
			text += "\n"
		}
		if err := os.WriteFile(r.path(arg), []byte(text), 0o644); err != nil {
			return fmt.Errorf("Failed to save: %s: %v", arg, err)
		}
		fmt.Fprintln(r.stdout, "Session saved to: "+arg)
	case ".editor":
		return r.editorMode()
	case ".tasks":
		return r.tasks()
	case ".trace":
		return r.trace(arg)
	default:
		return errors.New("Invalid REPL keyword (try .help)")
	}
	return nil
}

func (r *repl) path(p string) string {
	if filepath.IsAbs(p) || r.opts.Runtime.Dir == "" {
		return p
	}
	return filepath.Join(r.opts.Runtime.Dir, p)
}

// editorMode reads lines until Ctrl-D, then evaluates them as one input.
func (r *repl) editorMode() error {
	fmt.Fprintln(r.stdout, "// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)")
	var lines []string
	for {
		line, err := r.prompt("")
		if errors.Is(err, errAborted) {
			return nil
		}
		if err != nil {
			break
		}
		lines = append(lines, line)
	}
	src := strings.Join(lines, "\n")
	if strings.TrimSpace(src) == "" {
		return nil
	}
	if err := r.eval(src); err != nil {
		if errors.Is(err, runtime.ErrIncompleteInput) {
			return errors.New("Uncaught SyntaxError: unexpected end of input")
		}
		return err
	}
	return nil
}

// trace is .trace on FILE / .trace off: a timeline of the session's tasks
// from on to off (package trace), written when it is turned off or the
// REPL exits.
func (r *repl) trace(arg string) error {
	verb, file, _ := strings.Cut(arg, " ")
	file = strings.TrimSpace(file)
	switch {
	case verb == "on" && file != "":
		if r.traceOut != nil {
			return fmt.Errorf("a trace is already being recorded to %s (.trace off first)", r.traceOut.Path())
		}
		out, err := tasktrace.Create(r.path(file))
		if err != nil {
			return err
		}
		if err := r.onLoop(func() error { return r.rt.StartTrace(out.Writer()) }); err != nil {
			_ = out.Finish()
			return err
		}
		r.traceOut = out
		fmt.Fprintln(r.stdout, "Recording a timeline of tasks to "+file+" (.trace off to write it)")
	case verb == "off" && file == "":
		if r.traceOut == nil {
			return errors.New("no trace is being recorded (.trace on FILE)")
		}
		return r.stopTrace()
	default:
		return errors.New("usage: .trace on FILE.json|FILE.html, or .trace off")
	}
	return nil
}

// onLoop runs fn on the session's loop.
func (r *repl) onLoop(fn func() error) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	ch := make(chan error, 1)
	if err := r.sess.Do(ctx, func(*goja.Runtime) { ch <- fn() }); err != nil {
		return fmt.Errorf("the event loop is busy: %v", err)
	}
	return <-ch
}

// stopTrace ends the trace and writes its file.
func (r *repl) stopTrace() error {
	out := r.traceOut
	r.traceOut = nil
	err := r.onLoop(r.rt.StopTrace)
	if ferr := out.Finish(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(r.stdout, "Timeline written to "+out.Path())
	return nil
}

// tasks prints what env.DescribeWaiting reports: each waiting asyncio task
// and what it awaits.
func (r *repl) tasks() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	ch := make(chan []string, 1)
	if err := r.sess.Do(ctx, func(*goja.Runtime) { ch <- r.rt.Env().DescribeWaiting() }); err != nil {
		return fmt.Errorf("the event loop is busy: %v", err)
	}
	list := <-ch
	if len(list) == 0 {
		fmt.Fprintln(r.stdout, "no tasks are waiting")
		return nil
	}
	for _, t := range list {
		fmt.Fprintln(r.stdout, t)
	}
	return nil
}
