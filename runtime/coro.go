package runtime

import (
	"reflect"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// Coroutine identity. A JavaScript async function starts when it is called,
// so in createTask(coro()) its first awaits happen before any task exists.
// To let that task adopt them (bindings.Env.AdoptPromise), the runtime
// marks where each call of a script's async function begins and where its
// first step (the code up to its first await) ends:
//
//	async function f(a) { BODY }
//	  -> async function f(a) { let __arun_c = __arun_in(); BODY' }
//
// where, in f's own code (not that of nested functions), every `await X`
// becomes
//
//	await (__arun_c ? __arun_aw(__arun_c, __arun_c = 0, X) : X)
//
// every `return E` becomes `return __arun_c ? __arun_end(__arun_c, E) : E`,
// and a body that can fall off its end ends with
// `if (__arun_c) __arun_end(__arun_c)`. (An X or E that itself awaits goes
// through a second local, __arun_t, so that it is written once.)
// __arun_in gives the call its own async context (a bindings.Coro) until its
// first await, which __arun_aw announces (the context ends with that await's
// reaction, the next one registered), or until it returns (__arun_end). A
// first step that throws leaves its context behind until the enclosing
// call's next mark or the next job repairs it (see bindings). Later awaits
// and returns only test a local. The function is still a native async
// function: its name, length, source text, stack frames and AsyncFunction
// prototype are unchanged; the one local costs 16 bytes per suspension.

const (
	coIn  = "__arun_in"
	coAw  = "__arun_aw"
	coEnd = "__arun_end"
	coC   = "__arun_c"
	coT   = "__arun_t"
)

// compileScript parses and compiles src as goja.Compile does, with the
// async functions marked. skipFirst leaves out the function literal that is
// the program's first statement (the runtime's own module wrapper, whose
// top-level awaits are the main task's own).
func compileScript(name, src string, skipFirst bool) (*goja.Program, error) {
	if !strings.Contains(src, "async") {
		return goja.Compile(name, src, false)
	}
	prg, err := goja.Parse(name, src)
	if err != nil {
		// goja.Compile reports the position
		return goja.Compile(name, src, false)
	}
	in := &instrumenter{seen: map[uintptr]bool{}}
	if skipFirst && len(prg.Body) > 0 {
		if es, ok := prg.Body[0].(*ast.ExpressionStatement); ok {
			in.skip = es.Expression
		}
	}
	in.walk(reflect.ValueOf(prg))
	return goja.CompileAST(prg, false)
}

type instrumenter struct {
	skip ast.Expression
	// marked: the innermost enclosing function is one being marked, so its
	// awaits and returns are rewritten; needT: one of them needs __arun_t
	marked, needT bool
	// seen: rewritten nodes walked already (goja's parser reaches a
	// function declaration from two places)
	seen map[uintptr]bool
}

var astPkg = reflect.TypeOf(ast.Program{}).PkgPath()

func (in *instrumenter) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			in.walk(v.Elem())
		}
	case reflect.Pointer:
		if v.IsNil() || v.Type().Elem().PkgPath() != astPkg || v.Type().Elem().Kind() != reflect.Struct {
			return
		}
		in.node(v)
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			in.walk(v.Index(i))
		}
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return
		}
		for _, i := range nodeFields(v.Type()) {
			in.walk(v.Field(i))
		}
	}
}

// nodeFieldsOf caches, per AST struct type, the fields that can hold nodes:
// not positions, strings or flags, and not a function's DeclarationList,
// whose declarations are also in its body.
var nodeFieldsOf sync.Map // reflect.Type -> []int

func nodeFields(t reflect.Type) []int {
	if f, ok := nodeFieldsOf.Load(t); ok {
		return f.([]int)
	}
	var out []int
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "DeclarationList" {
			continue
		}
		switch f.Type.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Slice:
			out = append(out, i)
		case reflect.Struct:
			if f.Type.PkgPath() == astPkg {
				out = append(out, i)
			}
		}
	}
	nodeFieldsOf.Store(t, out)
	return out
}

func (in *instrumenter) node(v reflect.Value) {
	switch v.Interface().(type) {
	case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.AwaitExpression, *ast.ReturnStatement:
		// the nodes rewritten: a function declaration is also reached
		// from its scope's list of functions
		if in.seen[v.Pointer()] {
			return
		}
		in.seen[v.Pointer()] = true
	}
	switch n := v.Interface().(type) {
	case *ast.FunctionLiteral:
		mark := n.Async && !n.Generator && ast.Expression(n) != in.skip
		if needT, ok := in.inFunction(v, mark); ok {
			n.Body.List = markBody(n.Body.List, n.Body.LeftBrace, needT)
		}
		return
	case *ast.ArrowFunctionLiteral:
		mark := n.Async && ast.Expression(n) != in.skip
		if mark {
			// a concise body is `return E`
			if b, ok := n.Body.(*ast.ExpressionBody); ok {
				idx := b.Expression.Idx0()
				n.Body = &ast.BlockStatement{LeftBrace: idx, List: []ast.Statement{&ast.ReturnStatement{Return: idx, Argument: b.Expression}}, RightBrace: b.Expression.Idx1()}
			}
		}
		if needT, ok := in.inFunction(v, mark); ok {
			b := n.Body.(*ast.BlockStatement)
			b.List = markBody(b.List, b.LeftBrace, needT)
		}
		return
	case *ast.AwaitExpression:
		in.walk(v.Elem())
		if in.marked {
			n.Argument = in.markValue(coAw, n.Argument, n.Await, true)
		}
		return
	case *ast.ReturnStatement:
		in.walk(v.Elem())
		if in.marked && n.Argument != nil {
			n.Argument = in.markValue(coEnd, n.Argument, n.Return, false)
		} else if in.marked {
			n.Argument = &ast.ConditionalExpression{
				Test:       ident(coC, n.Return),
				Consequent: call(n.Return, coEnd, ident(coC, n.Return)),
				Alternate:  &ast.UnaryExpression{Idx: n.Return, Operator: token.VOID, Operand: &ast.NumberLiteral{Idx: n.Return, Literal: "0", Value: int64(0)}},
			}
		}
		return
	}
	in.walk(v.Elem())
}

// inFunction walks a function's parts with marked set as given; it reports
// whether the function is marked and whether it needs __arun_t.
func (in *instrumenter) inFunction(v reflect.Value, mark bool) (needT, marked bool) {
	outerMarked, outerT := in.marked, in.needT
	in.marked, in.needT = mark, false
	in.walk(v.Elem())
	needT = in.needT
	in.marked, in.needT = outerMarked, outerT
	return needT, mark
}

// markValue rewrites the operand x of a marked function's await (native
// __arun_aw, which also zeroes __arun_c) or return (__arun_end).
func (in *instrumenter) markValue(native string, x ast.Expression, idx file.Idx, zero bool) ast.Expression {
	args := func(v ast.Expression) []ast.Expression {
		a := []ast.Expression{ident(coC, idx)}
		if zero {
			a = append(a, &ast.AssignExpression{Operator: token.ASSIGN, Left: ident(coC, idx), Right: &ast.NumberLiteral{Idx: idx, Literal: "0", Value: int64(0)}})
		}
		return append(a, v)
	}
	if !awaitsIn(reflect.ValueOf(x)) {
		// x is evaluated in one branch only: written twice, run once
		return &ast.ConditionalExpression{Test: ident(coC, idx), Consequent: call(idx, native, args(x)...), Alternate: x}
	}
	in.needT = true
	return &ast.SequenceExpression{Sequence: []ast.Expression{
		&ast.AssignExpression{Operator: token.ASSIGN, Left: ident(coT, idx), Right: x},
		&ast.ConditionalExpression{Test: ident(coC, idx), Consequent: call(idx, native, args(ident(coT, idx))...), Alternate: ident(coT, idx)},
	}}
}

// awaitsIn: v contains an await of the same function.
func awaitsIn(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface:
		return !v.IsNil() && awaitsIn(v.Elem())
	case reflect.Pointer:
		if v.IsNil() || v.Type().Elem().PkgPath() != astPkg || v.Type().Elem().Kind() != reflect.Struct {
			return false
		}
		switch v.Interface().(type) {
		case *ast.AwaitExpression:
			return true
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			return false
		}
		return awaitsIn(v.Elem())
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if awaitsIn(v.Index(i)) {
				return true
			}
		}
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return false
		}
		for _, i := range nodeFields(v.Type()) {
			if awaitsIn(v.Field(i)) {
				return true
			}
		}
	}
	return false
}

func ident(name unistring.String, idx file.Idx) *ast.Identifier {
	return &ast.Identifier{Name: name, Idx: idx}
}

func call(idx file.Idx, callee string, args ...ast.Expression) *ast.CallExpression {
	return &ast.CallExpression{Callee: ident(unistring.String(callee), idx), LeftParenthesis: idx, ArgumentList: args, RightParenthesis: idx}
}

// markBody is the body of a marked async function (see the comment above).
func markBody(list []ast.Statement, idx file.Idx, needT bool) []ast.Statement {
	var out []ast.Statement
	// directives ("use strict") stay first
	for len(list) > 0 {
		es, ok := list[0].(*ast.ExpressionStatement)
		if !ok {
			break
		}
		if _, ok := es.Expression.(*ast.StringLiteral); !ok {
			break
		}
		out = append(out, list[0])
		list = list[1:]
	}
	decl := []*ast.Binding{{Target: ident(coC, idx), Initializer: call(idx, coIn)}}
	if needT {
		decl = append(decl, &ast.Binding{Target: ident(coT, idx)})
	}
	out = append(out, &ast.LexicalDeclaration{Idx: idx, Token: token.LET, List: decl})
	out = append(out, list...)
	if len(list) == 0 {
		out = append(out, endIfOpen(idx))
	} else if _, ok := list[len(list)-1].(*ast.ReturnStatement); !ok {
		out = append(out, endIfOpen(idx))
	}
	return out
}

func endIfOpen(idx file.Idx) ast.Statement {
	return &ast.IfStatement{If: idx, Test: ident(coC, idx), Consequent: &ast.ExpressionStatement{Expression: call(idx, coEnd, ident(coC, idx))}}
}
