package bindings

import (
	"context"
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// Error is a Go error that becomes a JS error with a name (the constructor
// used when it is a standard one: TypeError, RangeError...), a Node-style
// code (ENOENT, ERR_INVALID_ARG_TYPE) and a cause.
type Error struct {
	Name    string // "Error" when empty
	Code    string
	Message string
	Cause   error
	// Props are extra properties set on the JS error (errno, path, syscall).
	Props map[string]any
}

// Error formats the error as "Name [CODE]: message".
func (e *Error) Error() string {
	name := e.Name
	if name == "" {
		name = "Error"
	}
	if e.Code != "" {
		return fmt.Sprintf("%s [%s]: %s", name, e.Code, e.Message)
	}
	return name + ": " + e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// Errorf makes an *Error with a formatted message.
func Errorf(name, code, format string, args ...any) *Error {
	return &Error{Name: name, Code: code, Message: fmt.Sprintf(format, args...)}
}

// TypeErrorf makes a TypeError with code ERR_INVALID_ARG_TYPE, the error Node
// throws for an argument of the wrong type.
func TypeErrorf(format string, args ...any) *Error {
	return &Error{Name: "TypeError", Code: "ERR_INVALID_ARG_TYPE", Message: fmt.Sprintf(format, args...)}
}

// PermissionError is returned by a denied permission check.
type PermissionError struct {
	Kind   PermissionKind
	Target string
}

// Error names the permission, the target and the flag that grants it
// (--allow-read=TARGET for a path).
func (e *PermissionError) Error() string {
	flag := "--allow-" + string(e.Kind)
	if e.Target == "" {
		return fmt.Sprintf("permission denied: %s access; run with %s", e.Kind, flag)
	}
	if e.Kind != PermEnv {
		flag += "=" + e.Target // the narrowest grant that allows it
	}
	return fmt.Sprintf("permission denied: %s access to %q; run with %s", e.Kind, e.Target, flag)
}

// JSValuer is implemented by Go errors that carry a JS value of their own
// (a goja exception, a cancellation reason).
type JSValuer interface{ JSValue() goja.Value }

// ToJSError converts a Go error to the JS value a script should see:
// a thrown goja exception keeps its value; an *Error becomes an instance of
// its named constructor with code and cause; a *PermissionError a
// "PermissionDenied" error with code ERR_ACCESS_DENIED; anything else an Error with
// the Go message.
func (e *Env) ToJSError(err error) goja.Value {
	v := e.toJSError(err)
	if obj, ok := v.(*goja.Object); ok && obj.Get(goCauseKey) == nil {
		var ex *goja.Exception
		if !errors.As(err, &ex) {
			_ = obj.DefineDataProperty(goCauseKey, e.VM.ToValue(goCause{err}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		}
	}
	return v
}

const goCauseKey = "__goError"

type goCause struct{ err error }

// GoCause returns the Go error a JS error value was made from by ToJSError,
// or nil.
func GoCause(v goja.Value) error {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	gv := obj.Get(goCauseKey)
	if gv == nil {
		return nil
	}
	if c, ok := gv.Export().(goCause); ok {
		return c.err
	}
	return nil
}

func (e *Env) toJSError(err error) goja.Value {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	var jv JSValuer
	if errors.As(err, &jv) {
		return jv.JSValue()
	}
	var be *Error
	if errors.As(err, &be) {
		obj := e.NewError(be.Name, be.Message)
		if be.Code != "" {
			_ = obj.Set("code", be.Code)
		}
		for k, v := range be.Props {
			_ = obj.Set(k, v)
		}
		if be.Cause != nil {
			_ = obj.Set("cause", e.ToJSError(be.Cause))
		}
		return obj
	}
	var pe *PermissionError
	if errors.As(err, &pe) {
		obj := e.NewError("PermissionDenied", pe.Error())
		_ = obj.Set("code", "ERR_ACCESS_DENIED")
		_ = obj.Set("permission", string(pe.Kind))
		if pe.Target != "" {
			_ = obj.Set("target", pe.Target)
		}
		return obj
	}
	if errors.Is(err, context.DeadlineExceeded) {
		obj := e.NewError("TimeoutError", err.Error())
		return obj
	}
	return e.NewError("Error", err.Error())
}

// NewError creates a JS error object. If name is a global constructor
// (TypeError, RangeError, or one a binding installed) it is used; otherwise
// an Error whose name property is name.
func (e *Env) NewError(name, message string) *goja.Object {
	vm := e.VM
	if name == "" {
		name = "Error"
	}
	if ctor, ok := goja.AssertConstructor(vm.Get(name)); ok && isErrorCtor(vm, name) {
		if obj, err := ctor(nil, vm.ToValue(message)); err == nil {
			return obj
		}
	}
	ctor, _ := goja.AssertConstructor(vm.Get("Error"))
	obj, _ := ctor(nil, vm.ToValue(message))
	_ = obj.Set("name", name)
	return obj
}

var standardErrors = map[string]bool{
	"Error": true, "TypeError": true, "RangeError": true, "SyntaxError": true,
	"ReferenceError": true, "EvalError": true, "URIError": true,
}

func isErrorCtor(vm *goja.Runtime, name string) bool {
	return standardErrors[name]
}

// Throw panics with err converted to a JS error; call it from a Go function
// called by JS to throw.
func (e *Env) Throw(err error) {
	panic(e.ToJSError(err))
}

// cancelledErrorSource defines asyncio's CancelledError: an Error subclass
// whose message is "" when none is given, as CPython's str(CancelledError()).
const cancelledErrorSource = `(function () {
  class CancelledError extends Error {
    constructor(message) {
      super(message === undefined || message === null ? "" : String(message));
    }
  }
  Object.defineProperty(CancelledError.prototype, "name", { value: "CancelledError", writable: true, configurable: true });
  return CancelledError;
})()`

// CancelledError is the class of the error a cancellation throws where a
// task waits (asyncio.CancelledError), made once per runtime. Bindings and
// hosts make instances with NewCancelledError and recognise them with
// IsCancelled, never by name or message.
func (e *Env) CancelledError() *goja.Object {
	if e.cancelled == nil {
		v, err := e.VM.RunString(cancelledErrorSource)
		if err != nil {
			panic(err) // the source is ours
		}
		e.cancelled = v.(*goja.Object)
		e.cancelledProto = e.cancelled.Get("prototype").(*goja.Object)
	}
	return e.cancelled
}

// NewCancelledError makes a CancelledError with message msg.
func (e *Env) NewCancelledError(msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(e.CancelledError())
	obj, err := ctor(nil, e.VM.ToValue(msg))
	if err != nil {
		return e.NewError("CancelledError", msg)
	}
	return obj
}

// IsCancelled reports whether v is a CancelledError (an instance of the
// class or of a subclass).
func (e *Env) IsCancelled(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	e.CancelledError()
	for p := o.Prototype(); p != nil; p = p.Prototype() {
		if p == e.cancelledProto {
			return true
		}
	}
	return false
}
