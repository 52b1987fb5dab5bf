package runtime

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/unistring"
)

// Coroutine identity. A JavaScript async function starts when it is called,
// so in createTask(coro()) its first awaits happen before any task exists;
// goja gives no way to tell, later, which call a promise came from. The
// runtime therefore compiles every async function of a script as a plain
// function of the same name and parameters whose body brackets the call of
// the original body (now an async arrow, so this, arguments and super are
// the function's own):
//
//	async function f(a) { BODY }
//	  -> function f(a) { return __arun_out(__arun_in(), ({ f: async () => { BODY } }).f()) }
//
// __arun_in gives the call its own async context (a bindings.Coro) for its
// first step; __arun_out ends it and records the call's promise, which a task
// created from that promise in the same job adopts (bindings.AdoptPromise).
// The object literal only names the arrow, so stack frames still say "f".
// The source text, the name and the length of f are unchanged (toString
// still shows the original); what differs is that f is not an
// AsyncFunction instance (asyncio.iscoroutinefunction and inspect look at
// the source instead) and that an error in a parameter's default value is
// thrown rather than rejected.

// compileScript parses and compiles src as goja.Compile does, with the
// async functions bracketed. skipFirst leaves out the function literal that
// is the program's first statement (the runtime's own module wrapper).
func compileScript(name, src string, skipFirst bool) (*goja.Program, error) {
	if !strings.Contains(src, "async") {
		return goja.Compile(name, src, false)
	}
	prg, err := goja.Parse(name, src)
	if err != nil {
		// goja.Compile reports the position
		return goja.Compile(name, src, false)
	}
	in := &instrumenter{names: map[ast.Node]unistring.String{}}
	if skipFirst && len(prg.Body) > 0 {
		if es, ok := prg.Body[0].(*ast.ExpressionStatement); ok {
			in.skip = es.Expression
		}
	}
	in.walk(reflect.ValueOf(prg))
	return goja.CompileAST(prg, false)
}

type instrumenter struct {
	skip  ast.Expression
	names map[ast.Node]unistring.String // function literal -> the name it gets
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
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				in.walk(v.Field(i))
			}
		}
	}
}

func (in *instrumenter) node(v reflect.Value) {
	switch n := v.Interface().(type) {
	case *ast.Binding:
		if id, ok := n.Target.(*ast.Identifier); ok {
			in.name(n.Initializer, id.Name)
		}
	case *ast.AssignExpression:
		if id, ok := n.Left.(*ast.Identifier); ok {
			in.name(n.Right, id.Name)
		}
	case *ast.PropertyKeyed:
		if !n.Computed {
			in.name(n.Value, keyName(n.Key))
		}
	case *ast.MethodDefinition:
		if !n.Computed {
			in.name(n.Body, keyName(n.Key))
		}
	case *ast.FieldDefinition:
		if !n.Computed {
			in.name(n.Initializer, keyName(n.Key))
		}
	case *ast.FunctionLiteral:
		in.walk(v.Elem()) // the body first: the wrapper's new nodes need no visit
		if n.Async && !n.Generator && ast.Expression(n) != in.skip {
			in.wrapFunction(n)
		}
		return
	case *ast.ArrowFunctionLiteral:
		in.walk(v.Elem())
		if n.Async && ast.Expression(n) != in.skip {
			in.wrapArrow(n)
		}
		return
	}
	in.walk(v.Elem())
}

func (in *instrumenter) name(e ast.Node, name unistring.String) {
	switch e.(type) {
	case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
		if name != "" {
			in.names[e] = name
		}
	}
}

func keyName(k ast.Expression) unistring.String {
	switch k := k.(type) {
	case *ast.StringLiteral:
		return k.Value
	case *ast.Identifier:
		return k.Name
	case *ast.PrivateIdentifier:
		return "#" + k.Name
	case *ast.NumberLiteral:
		return unistring.String(k.Literal)
	}
	return ""
}

func (in *instrumenter) wrapFunction(fl *ast.FunctionLiteral) {
	name := in.names[fl]
	if fl.Name != nil {
		name = fl.Name.Name
	}
	idx := fl.Body.LeftBrace
	inner := &ast.ArrowFunctionLiteral{
		Start:           idx,
		ParameterList:   &ast.ParameterList{Opening: idx, Closing: idx},
		Body:            fl.Body,
		Source:          fl.Source,
		DeclarationList: fl.DeclarationList,
		Async:           true,
	}
	var list []ast.Statement
	// a "use strict" directive applies to the wrapper too (this, arguments)
	for _, st := range fl.Body.List {
		es, ok := st.(*ast.ExpressionStatement)
		if !ok {
			break
		}
		if _, ok := es.Expression.(*ast.StringLiteral); !ok {
			break
		}
		list = append(list, st)
	}
	list = append(list, &ast.ReturnStatement{Return: idx, Argument: bracket(inner, name, idx)})
	fl.Body = &ast.BlockStatement{LeftBrace: idx, List: list, RightBrace: fl.Body.RightBrace}
	fl.Async = false
	fl.DeclarationList = nil
}

func (in *instrumenter) wrapArrow(af *ast.ArrowFunctionLiteral) {
	idx := af.Body.Idx0()
	inner := &ast.ArrowFunctionLiteral{
		Start:           af.Start,
		ParameterList:   &ast.ParameterList{Opening: idx, Closing: idx},
		Body:            af.Body,
		Source:          af.Source,
		DeclarationList: af.DeclarationList,
		Async:           true,
	}
	af.Body = &ast.ExpressionBody{Expression: bracket(inner, in.names[af], idx)}
	af.Async = false
	af.DeclarationList = nil
}

// bracket is __arun_out(__arun_in(), fn()) with fn named name.
func bracket(fn *ast.ArrowFunctionLiteral, name unistring.String, idx file.Idx) ast.Expression {
	var callee ast.Expression = fn
	if name != "" {
		callee = &ast.DotExpression{
			Left: &ast.ObjectLiteral{LeftBrace: idx, RightBrace: idx, Value: []ast.Property{
				&ast.PropertyKeyed{
					Key:   &ast.StringLiteral{Idx: idx, Literal: strconv.Quote(name.String()), Value: name},
					Kind:  ast.PropertyKindValue,
					Value: fn,
				},
			}},
			Identifier: ast.Identifier{Name: name, Idx: idx},
		}
	}
	call := func(callee ast.Expression, args ...ast.Expression) *ast.CallExpression {
		return &ast.CallExpression{Callee: callee, LeftParenthesis: idx, ArgumentList: args, RightParenthesis: idx}
	}
	return call(&ast.Identifier{Name: "__arun_out", Idx: idx},
		call(&ast.Identifier{Name: "__arun_in", Idx: idx}),
		call(callee))
}
