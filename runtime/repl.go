package runtime

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
)

// ErrIncompleteInput is returned by CheckInput and Session.Eval when the
// parser reached the end of the input while a construct was still open (a
// brace, a bracket, a template literal, a comment): a REPL reads another
// line and tries again.
var ErrIncompleteInput = errors.New("runtime: incomplete input")

// errEvalInterrupted is the value a Session interrupts its own evaluation
// with; errLoopInterrupted the one it stops a busy loop with.
var (
	errEvalInterrupted = errors.New("runtime: evaluation interrupted")
	errLoopInterrupted = errors.New("runtime: event loop interrupted")
)

// CheckInput reports whether src is a complete REPL input: nil when it
// parses, ErrIncompleteInput when the parser ran out of input (read more
// lines), or a *ScriptError of kind KindSyntax for a real syntax error.
func CheckInput(src string) error {
	_, err := transformInput(src)
	return err
}

// replTransform are the esbuild options of one REPL input: TypeScript
// syntax, lowered to what goja runs, top-level await kept (the rewrite wraps
// it), imports kept so they can be reported rather than silently dropped.
var replTransform = api.TransformOptions{
	Loader:      api.LoaderTS,
	Target:      api.ES2017,
	Supported:   map[string]bool{"top-level-await": true, "dynamic-import": false},
	TsconfigRaw: `{"compilerOptions":{"verbatimModuleSyntax":true}}`,
	Sourcefile:  "REPL",
	LogLevel:    api.LogLevelSilent,
	Charset:     api.CharsetUTF8,
}

// transformInput runs esbuild on src and classifies its errors.
func transformInput(src string) (string, error) {
	if t := strings.TrimSpace(src); strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
		// as Node's REPL: {a: 1} is an object literal, not a block
		if res := api.Transform("("+src+"\n)", replTransform); len(res.Errors) == 0 {
			return string(res.Code), nil
		}
	}
	res := api.Transform(src, replTransform)
	if len(res.Errors) == 0 {
		return string(res.Code), nil
	}
	m := res.Errors[0]
	if incomplete(src, m) {
		return "", ErrIncompleteInput
	}
	se := &ScriptError{Kind: KindSyntax, Message: "SyntaxError: " + m.Text}
	if m.Location != nil {
		se.File = "REPL"
		se.Line = m.Location.Line
		se.Column = m.Location.Column + 1
		se.Frame = codeFrame(m.Location.LineText, se.Line, se.Column)
	}
	return "", se
}

// incomplete reports whether esbuild's first error means the input ended
// inside an open construct.
func incomplete(src string, m api.Message) bool {
	switch {
	case m.Text == "Unexpected end of file",
		strings.HasSuffix(m.Text, "but found end of file"),
		m.Text == `Expected "*/" to terminate multi-line comment`:
		return true
	case m.Text == "Unterminated string literal":
		// Only a template literal may span lines: closing it with a
		// backtick makes that error go away.
		res := api.Transform(src+"`", replTransform)
		return len(res.Errors) == 0 || res.Errors[0].Text != "Unterminated string literal"
	}
	return false
}

var importRe = regexp.MustCompile(`(?m)^(import\s*[\w{*"'$]|export\s)`)

// replWrapperPrefix is how an input is parsed: inside an async function, so
// top-level await parses; its statements are the function's body.
const replWrapperPrefix = "(async function(){\n"

// rewritten is one REPL input ready to compile.
type rewritten struct {
	code  string
	async bool // code evaluates to a promise of {value}
	empty bool
}

// rewriteInput turns one REPL input into a script whose top-level
// declarations persist as globals (and may be declared again by a later
// input, as in Node's REPL). Without top-level await the script runs as is
// with let/const/class turned into var; with it, the code runs inside an
// async function, its declared names are hoisted to global vars, the
// declarations become assignments, and the last expression statement is
// returned as {value} (so a promise result is not unwrapped).
func rewriteInput(src string) (rewritten, error) {
	code, err := transformInput(src)
	if err != nil {
		return rewritten{}, err
	}
	if strings.TrimSpace(code) == "" {
		return rewritten{empty: true}, nil
	}
	if importRe.MatchString(code) {
		return rewritten{}, &ScriptError{Kind: KindSyntax, Message: "SyntaxError: Cannot use import or export statements inside the REPL; use require() or await import() instead"}
	}
	prog, err := parser.ParseFile(nil, "REPL", replWrapperPrefix+code+"\n})", 0)
	if err != nil {
		return rewritten{}, &ScriptError{Kind: KindSyntax, Message: "SyntaxError: " + err.Error() + " (the engine does not support this syntax)", Cause: err}
	}
	fn := unwrapFunction(prog)
	if fn == nil {
		return rewritten{}, errors.New("runtime: internal error: REPL wrapper did not parse as a function")
	}
	body := fn.Body.List
	pos := func(i int) int { return i - 1 - len(replWrapperPrefix) } // file.Idx -> offset in code
	// statement extents: esbuild starts every top-level statement on a line
	// of its own, so a statement begins at the start of the line holding its
	// first token and ends where the next one begins.
	starts := make([]int, len(body))
	for i, st := range body {
		p := pos(int(st.Idx0()))
		if p < 0 || p > len(code) {
			return rewritten{}, fmt.Errorf("runtime: internal error: REPL statement position %d out of range", p)
		}
		starts[i] = strings.LastIndexByte(code[:p], '\n') + 1
	}
	end := func(i int) int {
		if i+1 < len(body) {
			return starts[i+1]
		}
		return len(code)
	}
	isAsync := false
	for _, st := range body {
		if hasAwait(reflect.ValueOf(st)) {
			isAsync = true
			break
		}
	}
	var ed edits
	var names []string
	var funcs []string
	// closeStmt inserts text before the statement's final semicolon (or at
	// its end when there is none).
	closeStmt := func(i int, text string) {
		seg := code[starts[i]:end(i)]
		t := strings.TrimRight(seg, " \t\r\n")
		if strings.HasSuffix(t, ";") {
			ed.add(starts[i]+len(t)-1, 0, text)
		} else {
			ed.add(starts[i]+len(t), 0, text+";")
		}
	}
	keyword := func(at int, want ...string) (string, error) {
		for _, w := range want {
			if strings.HasPrefix(code[at:], w) {
				return w, nil
			}
		}
		return "", fmt.Errorf("runtime: internal error: REPL rewrite expected %v at offset %d", want, at)
	}
	bindings := func(list []*ast.Binding, lexical bool) {
		for _, b := range list {
			names = append(names, boundNames(b.Target)...)
			if b.Initializer == nil && (lexical || isAsync) {
				if id, ok := b.Target.(*ast.Identifier); ok {
					if !lexical {
						continue // var x; keeps x's value
					}
					ed.add(pos(int(id.Idx1())), 0, " = void 0")
				}
			}
		}
	}
	for i, st := range body {
		switch s := st.(type) {
		case *ast.LexicalDeclaration:
			at := pos(int(s.Idx))
			kw, err := keyword(at, "const", "let")
			if err != nil {
				return rewritten{}, err
			}
			bindings(s.List, true)
			if isAsync {
				ed.add(at, len(kw)+1, "void (") // the keyword and its space
				closeStmt(i, ")")
			} else {
				ed.add(at, len(kw), "var")
			}
		case *ast.VariableStatement:
			if !isAsync {
				continue
			}
			at := pos(int(s.Var))
			kw, err := keyword(at, "var")
			if err != nil {
				return rewritten{}, err
			}
			bindings(s.List, false)
			ed.add(at, len(kw)+1, "void (")
			closeStmt(i, ")")
		case *ast.ClassDeclaration:
			if s.Class.Name == nil {
				continue
			}
			name := s.Class.Name.Name.String()
			at := pos(int(s.Class.Class))
			if _, err := keyword(at, "class"); err != nil {
				return rewritten{}, err
			}
			if isAsync {
				names = append(names, name)
				ed.add(at, 0, name+" = ")
			} else {
				ed.add(at, 0, "var "+name+" = ")
			}
			closeStmt(i, "")
		case *ast.FunctionDeclaration:
			if isAsync && s.Function.Name != nil {
				funcs = append(funcs, s.Function.Name.Name.String())
			}
		}
	}
	if isAsync && len(body) > 0 {
		last := len(body) - 1
		if _, ok := body[last].(*ast.ExpressionStatement); ok {
			seg := code[starts[last]:end(last)]
			expr := strings.TrimSpace(seg)
			expr = strings.TrimSuffix(expr, ";")
			ed.add(starts[last], len(seg), "return {value: ("+expr+"\n)};\n")
		}
	}
	out := ed.apply(code)
	if !isAsync {
		return rewritten{code: out}, nil
	}
	var b strings.Builder
	if names = uniq(names); len(names) > 0 {
		b.WriteString("var " + strings.Join(names, ", ") + "; ")
	}
	b.WriteString("(async function(){ ")
	for _, f := range uniq(funcs) {
		fmt.Fprintf(&b, "globalThis[%q] = %s; ", f, f)
	}
	b.WriteString(out)
	b.WriteString("\n})()")
	return rewritten{code: b.String(), async: true}, nil
}

func unwrapFunction(prog *ast.Program) *ast.FunctionLiteral {
	if len(prog.Body) != 1 {
		return nil
	}
	es, ok := prog.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil
	}
	fn, _ := es.Expression.(*ast.FunctionLiteral)
	return fn
}

// edits is a list of text replacements on one string.
type edits []edit

type edit struct {
	at, del int
	ins     string
	seq     int
}

func (e *edits) add(at, del int, ins string) {
	*e = append(*e, edit{at, del, ins, len(*e)})
}

// apply applies the edits, later positions first; insertions at the same
// position keep the order they were added in.
func (e edits) apply(s string) string {
	sort.SliceStable(e, func(i, j int) bool {
		if e[i].at != e[j].at {
			return e[i].at > e[j].at
		}
		return e[i].seq > e[j].seq
	})
	for _, x := range e {
		s = s[:x.at] + x.ins + s[x.at+x.del:]
	}
	return s
}

func uniq(list []string) []string {
	seen := map[string]bool{}
	out := list[:0:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// boundNames lists the names a binding target declares.
func boundNames(t ast.Node) []string {
	switch n := t.(type) {
	case *ast.Identifier:
		return []string{n.Name.String()}
	case *ast.ObjectPattern:
		var out []string
		for _, p := range n.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				out = append(out, p.Name.Name.String())
			case *ast.PropertyKeyed:
				out = append(out, boundNames(p.Value)...)
			}
		}
		if n.Rest != nil {
			out = append(out, boundNames(n.Rest)...)
		}
		return out
	case *ast.ArrayPattern:
		var out []string
		for _, el := range n.Elements {
			if el != nil {
				out = append(out, boundNames(el)...)
			}
		}
		if n.Rest != nil {
			out = append(out, boundNames(n.Rest)...)
		}
		return out
	case *ast.AssignExpression: // a default: {a = 1}, [b = 2]
		return boundNames(n.Left)
	case *ast.SpreadElement:
		return boundNames(n.Expression)
	}
	return nil
}

var (
	awaitType = reflect.TypeOf(&ast.AwaitExpression{})
	funcType  = reflect.TypeOf(&ast.FunctionLiteral{})
	arrowType = reflect.TypeOf(&ast.ArrowFunctionLiteral{})
)

// hasAwait reports whether the AST under v has an await outside any nested
// function (a top-level await).
func hasAwait(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return false
		}
		return hasAwait(v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return false
		}
		switch v.Type() {
		case awaitType:
			return true
		case funcType, arrowType:
			return false
		}
		return hasAwait(v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if hasAwait(v.Field(i)) {
				return true
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if hasAwait(v.Index(i)) {
				return true
			}
		}
	}
	return false
}

// Session keeps a runtime's event loop running in the background, as an
// interactive shell needs: timers and tasks go on between inputs, and inputs
// are evaluated on the loop one at a time (see Eval). Start one with
// Runtime.StartSession; while it is open the runtime's Run* methods must not
// be used.
//
// Eval, Do, Interrupt and Close may be called from any goroutine; Eval and
// Do block until the loop has done the work (or their context ends).
type Session struct {
	r      *Runtime
	ctx    context.Context
	cancel context.CancelCauseFunc
	done   chan struct{}

	mu      sync.Mutex
	queue   []func()
	enqueue func(eventloop.Task) // the keep-alive reservation, nil while kicked
	gen     int                  // bumped by each (re)start of the loop
	cur     *evalState           // the evaluation in progress
	exitErr error                // why the session ended
	closing bool
	inputs  int
}

// evalState is one Eval in flight. phase and interrupted are guarded by
// Session.mu.
type evalState struct {
	prog        *goja.Program
	async       bool
	format      func(*goja.Runtime, goja.Value) string
	res         chan evalOutcome
	phase       evalPhase
	interrupted bool
}

type evalPhase int

const (
	phaseQueued evalPhase = iota
	phaseRunning
	phaseAwaiting
	phaseDone
	phaseAbandoned
)

type evalOutcome struct {
	res EvalResult
	err error
}

// EvalResult is the outcome of one input, formatted on the loop.
type EvalResult struct {
	// Text is the formatted value of the input's last expression, or the
	// formatted exception when Thrown.
	Text string
	// Thrown reports that the input threw, or that what it awaited rejected.
	Thrown bool
	// Empty reports that the input held no code (blank, or only comments).
	Empty bool
}

// StartSession starts the runtime's loop on a goroutine of its own and keeps
// it running until Close, ctx's end or process.exit. An uncaught exception in
// a callback is reported on Options.Stderr and the loop starts again (the
// timers and tasks pending at that moment are dropped).
func (r *Runtime) StartSession(ctx context.Context) (*Session, error) {
	if r.isClosed() {
		return nil, ErrClosed
	}
	if ctx == nil {
		ctx = context.Background()
	}
	s := &Session{r: r, done: make(chan struct{})}
	s.ctx, s.cancel = context.WithCancelCause(ctx)
	go s.run()
	return s, nil
}

// run is the session goroutine: it runs the loop, restarting it after a
// failure, until the session ends.
func (s *Session) run() {
	defer close(s.done)
	// an exception thrown by a background callback is reported, and the
	// loop, with its other timers and tasks, goes on (as in Node's REPL)
	s.r.loop.SetTaskErrorHandler(func(err error) error {
		var ex *goja.Exception
		if errors.As(err, &ex) {
			fmt.Fprint(s.r.opts.Stderr, s.r.scriptError(KindUncaught, ex.Value()).Report())
			return nil
		}
		return err
	})
	defer s.r.loop.SetTaskErrorHandler(nil)
	for {
		s.r.failure = nil
		err := s.r.loop.Run(s.ctx, s.arm)
		s.mu.Lock()
		s.enqueue = nil
		closing := s.closing
		ev := s.cur
		s.cur = nil
		s.mu.Unlock()
		if closing || s.ctx.Err() != nil {
			s.endEval(ev, ErrClosed)
			s.finish(ErrClosed)
			return
		}
		var ee *ExitError
		if errors.As(err, &ee) {
			s.r.exitCode = ee.Code
			s.endEval(ev, ee)
			s.finish(ee)
			return
		}
		if err == nil {
			continue
		}
		s.endEval(ev, errors.New("the event loop stopped"))
		if errors.Is(err, errLoopInterrupted) {
			fmt.Fprintln(s.r.opts.Stderr, "Interrupted: the event loop was stopped; its pending timers and tasks were dropped")
			continue
		}
		se := s.r.finishRun(s.ctx, err, nil)
		var sce *ScriptError
		if errors.As(se, &sce) {
			fmt.Fprint(s.r.opts.Stderr, sce.Report())
		} else if se != nil {
			fmt.Fprintf(s.r.opts.Stderr, "error: %v\n", se)
		}
		fmt.Fprintln(s.r.opts.Stderr, "(the event loop restarted: its pending timers and tasks were dropped)")
	}
}

func (s *Session) finish(err error) {
	s.mu.Lock()
	if s.exitErr == nil {
		s.exitErr = err
	}
	s.mu.Unlock()
}

// endEval delivers err to an evaluation the loop abandoned.
func (s *Session) endEval(ev *evalState, err error) {
	if ev == nil {
		return
	}
	s.mu.Lock()
	live := ev.phase == phaseRunning || ev.phase == phaseAwaiting || ev.phase == phaseQueued
	ev.phase = phaseDone
	s.mu.Unlock()
	if live {
		ev.res <- evalOutcome{err: err}
	}
}

// arm runs first in every Run: it takes the keep-alive reservation and runs
// what was submitted while the loop was not running.
func (s *Session) arm() error {
	s.mu.Lock()
	s.gen++
	s.enqueue = s.r.loop.Reserve()
	q := s.queue
	s.queue = nil
	s.mu.Unlock()
	for _, f := range q {
		s.r.loop.Schedule(task(f))
	}
	return nil
}

func task(f func()) eventloop.Task { return func() error { f(); return nil } }

// submit queues f to run on the loop as a macrotask of its own. Safe from
// any goroutine.
func (s *Session) submit(f func()) {
	s.mu.Lock()
	s.queue = append(s.queue, f)
	e, gen := s.enqueue, s.gen
	s.enqueue = nil
	s.mu.Unlock()
	if e == nil {
		return // already kicked (or restarting): the pending drain takes f
	}
	e(func() error {
		s.mu.Lock()
		q := s.queue
		s.queue = nil
		if gen == s.gen {
			s.enqueue = s.r.loop.Reserve()
		}
		s.mu.Unlock()
		for _, f := range q {
			s.r.loop.Schedule(task(f))
		}
		return nil
	})
}

// Done is closed when the session has ended: Close, the context given to
// StartSession, or process.exit (see Err).
func (s *Session) Done() <-chan struct{} { return s.done }

// Err is why the session ended: an *ExitError for process.exit, ErrClosed
// otherwise; nil while it runs.
func (s *Session) Err() error {
	select {
	case <-s.done:
	default:
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitErr
}

// Close stops the loop (dropping whatever is pending) and waits for the
// session's goroutine. It does not close the runtime.
func (s *Session) Close() error {
	s.mu.Lock()
	s.closing = true
	s.mu.Unlock()
	s.cancel(ErrClosed)
	<-s.done
	return nil
}

// Do runs fn on the loop and waits for it (or ctx's end, then fn may still
// run later). fn may use the goja runtime it is given; no goja value may
// leave it.
func (s *Session) Do(ctx context.Context, fn func(vm *goja.Runtime)) error {
	ch := make(chan struct{})
	s.submit(func() {
		defer close(ch)
		fn(s.r.vm)
	})
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	case <-s.done:
		return ErrClosed
	}
}

// Eval evaluates one input on the loop and waits for its result: the value
// of its last expression, awaited if the input used top-level await, given to
// format on the loop (nil format uses the value's string conversion). The
// value is also stored in the global _ (a thrown one in _error).
//
// Declarations at the input's top level (var, let, const, class, function)
// become globals, so later inputs see them and may declare them again.
// Input is TypeScript (types are stripped).
//
// Errors: ErrIncompleteInput (the parser wants more lines), a *ScriptError
// of kind KindSyntax, ErrInterrupted when ctx ended first (a running
// evaluation is interrupted, a pending await abandoned: the loop goes on), an
// *ExitError when the input called process.exit, ErrClosed when the session
// is over.
func (s *Session) Eval(ctx context.Context, src string, format func(vm *goja.Runtime, v goja.Value) string) (EvalResult, error) {
	rw, err := rewriteInput(src)
	if err != nil {
		return EvalResult{}, err
	}
	if rw.empty {
		return EvalResult{Empty: true}, nil
	}
	s.mu.Lock()
	s.inputs++
	name := fmt.Sprintf("REPL%d", s.inputs)
	s.mu.Unlock()
	prog, err := compileScript(name, rw.code, false)
	if err != nil {
		return EvalResult{}, s.r.compileError(err, name)
	}
	s.r.sources.put(name, rw.code)
	if format == nil {
		format = func(_ *goja.Runtime, v goja.Value) string { return s.r.inspect(v) }
	}
	ev := &evalState{prog: prog, async: rw.async, format: format, res: make(chan evalOutcome, 1)}
	select {
	case <-s.done:
		return EvalResult{}, s.Err()
	default:
	}
	s.submit(func() { s.runEval(ev) })
	select {
	case out := <-ev.res:
		return out.res, out.err
	case <-ctx.Done():
		return s.cancelEval(ev)
	case <-s.done:
		select {
		case out := <-ev.res:
			return out.res, out.err
		default:
		}
		return EvalResult{}, s.Err()
	}
}

// runEval runs on the loop.
func (s *Session) runEval(ev *evalState) {
	vm := s.r.vm
	s.mu.Lock()
	if ev.phase != phaseQueued {
		s.mu.Unlock()
		return
	}
	ev.phase = phaseRunning
	s.cur = ev
	s.mu.Unlock()

	depth := len(vm.CaptureCallStack(0, nil))
	v, err := vm.RunProgram(ev.prog)

	s.mu.Lock()
	interrupted := ev.interrupted
	corrupt := false
	if interrupted {
		// Our own interrupt: clear it so the rest of the macrotask (and the
		// loop, its timers and tasks) goes on. But goja does not unwind an
		// interrupt raised inside an async function called from Go: it
		// leaves stale frames behind (the call stack is deeper than before
		// the call), which crash the next call. Then leave the interrupt
		// set, as a loop interrupt: the loop's outermost call unwinds it
		// cleanly and the session restarts the loop.
		if len(vm.CaptureCallStack(0, nil)) != depth {
			corrupt = true
			vm.Interrupt(errLoopInterrupted)
		} else {
			vm.ClearInterrupt()
		}
	}
	ev.phase = phaseAwaiting
	s.mu.Unlock()

	if err != nil {
		var ie *goja.InterruptedError
		if errors.As(err, &ie) && ie.Value() == errEvalInterrupted && interrupted {
			if corrupt {
				s.settle(ev, evalOutcome{err: fmt.Errorf("%w: script execution was interrupted inside an async function; the event loop restarts", ErrInterrupted)})
				return
			}
			s.settle(ev, evalOutcome{err: fmt.Errorf("%w: script execution was interrupted", ErrInterrupted)})
			return
		}
		var ex *goja.Exception
		if errors.As(err, &ex) {
			s.settle(ev, s.thrown(ev, ex.Value()))
			return
		}
		if errors.As(err, &ie) {
			// process.exit, or the loop's own cancellation: leave the
			// interrupt set so the loop stops; the session reports it
			return
		}
		s.settle(ev, evalOutcome{res: EvalResult{Text: "RangeError: " + err.Error(), Thrown: true}})
		return
	}
	if !ev.async {
		s.settle(ev, s.value(ev, v))
		return
	}
	obj := v.ToObject(vm)
	then, ok := goja.AssertFunction(obj.Get("then"))
	if !ok {
		s.settle(ev, evalOutcome{err: errors.New("runtime: internal error: REPL wrapper returned no promise")})
		return
	}
	onOK := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		res := goja.Undefined()
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if x := o.Get("value"); x != nil {
				res = x
			}
		}
		s.settle(ev, s.value(ev, res))
		return goja.Undefined()
	})
	onErr := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		s.settle(ev, s.thrown(ev, call.Argument(0)))
		return goja.Undefined()
	})
	if _, err := then(obj, onOK, onErr); err != nil {
		s.settle(ev, evalOutcome{err: err})
	}
}

func (s *Session) value(ev *evalState, v goja.Value) evalOutcome {
	if s.abandoned(ev) {
		return evalOutcome{}
	}
	_ = s.r.vm.Set("_", v)
	return evalOutcome{res: EvalResult{Text: ev.format(s.r.vm, v)}}
}

func (s *Session) thrown(ev *evalState, v goja.Value) evalOutcome {
	if s.abandoned(ev) {
		return evalOutcome{}
	}
	_ = s.r.vm.Set("_error", v)
	return evalOutcome{res: EvalResult{Text: ev.format(s.r.vm, v), Thrown: true}}
}

func (s *Session) abandoned(ev *evalState) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ev.phase == phaseAbandoned || ev.phase == phaseDone
}

// settle delivers an evaluation's outcome (once).
func (s *Session) settle(ev *evalState, out evalOutcome) {
	s.mu.Lock()
	live := ev.phase == phaseRunning || ev.phase == phaseAwaiting
	ev.phase = phaseDone
	if s.cur == ev {
		s.cur = nil
	}
	s.mu.Unlock()
	if live {
		ev.res <- out
	}
}

// cancelEval handles the end of Eval's context: interrupt the evaluation if
// its code is running, otherwise stop waiting for it; if the loop is busy in
// other JavaScript (a loop run by a callback, or after an await) stop that
// too.
func (s *Session) cancelEval(ev *evalState) (EvalResult, error) {
	interrupted := fmt.Errorf("%w: script execution was interrupted", ErrInterrupted)
	s.mu.Lock()
	switch ev.phase {
	case phaseRunning:
		ev.interrupted = true
		s.r.vm.Interrupt(errEvalInterrupted)
		s.mu.Unlock()
		select {
		case out := <-ev.res:
			return out.res, out.err
		case <-time.After(2 * time.Second):
			// the interrupt did not reach the evaluation: stop the loop
			s.mu.Lock()
			ev.phase = phaseAbandoned
			s.mu.Unlock()
			s.r.vm.Interrupt(errLoopInterrupted)
			return EvalResult{}, interrupted
		case <-s.done:
			return EvalResult{}, interrupted
		}
	case phaseQueued, phaseAwaiting:
		ev.phase = phaseAbandoned
		if s.cur == ev {
			s.cur = nil
		}
		s.mu.Unlock()
		go s.unstick()
		return EvalResult{}, fmt.Errorf("%w: stopped waiting for the result", ErrInterrupted)
	}
	s.mu.Unlock()
	select {
	case out := <-ev.res:
		return out.res, out.err
	default:
	}
	return EvalResult{}, interrupted
}

// unstickTimeout is how long the loop may take to answer before a Ctrl-C
// stops whatever JavaScript keeps it busy.
const unstickTimeout = time.Second

// unstick checks that the loop answers; if it does not (some JavaScript
// runs forever), it interrupts that JavaScript, which stops the loop; the
// session restarts it.
func (s *Session) unstick() {
	ctx, cancel := context.WithTimeout(s.ctx, unstickTimeout)
	defer cancel()
	if err := s.Do(ctx, func(*goja.Runtime) {}); err != nil && errors.Is(err, context.DeadlineExceeded) {
		s.r.vm.Interrupt(errLoopInterrupted)
	}
}

// Runtime returns the session's runtime.
func (s *Session) Runtime() *Runtime { return s.r }
