// Package repl is arun's interactive shell: it reads inputs line by line
// (with liner's line editing, history and tab completion on a terminal, or
// plainly from any reader), evaluates each one on a runtime.Session whose
// event loop keeps running while the prompt waits, and prints results with
// the console's inspect formatting.
//
// It is the only importer of github.com/peterh/liner. Everything else it
// touches is injected through Options (the CLI passes the process's
// terminal, its SIGINT as Interrupts, and the history file), except the
// files named by the .load and .save commands and the history file, which it
// reads and writes itself.
//
// # Goroutine rules
//
// Run owns the goroutine it is called on: it prompts, submits inputs to the
// session and waits for their results there. JavaScript runs only on the
// session's loop goroutine; the REPL reaches it through Session.Eval and
// Session.Do (completion and .tasks), never holding a goja value. Output the
// loop writes while a prompt is shown goes through a writer that clears the
// prompt line, prints, and asks the line editor to redraw (Options.Redraw).
package repl
