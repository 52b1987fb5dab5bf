package crypto

import (
	"context"
	_ "embed"
	"errors"
	"fmt"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

//go:embed crypto.js
var cryptoJS string

var script = bindings.NewScript("arun:internal/crypto.js", cryptoJS)

// webNames are the globals of the Web Crypto API.
var webNames = []string{"crypto", "Crypto", "CryptoKey", "SubtleCrypto"}

// Modules returns the module "crypto" (also "node:crypto").
func Modules() []bindings.Module {
	return []bindings.Module{{Name: "crypto", Aliases: []string{"node:crypto"}, Init: func(env *bindings.Env, module *goja.Object) error {
		st, err := get(env)
		if err != nil {
			return err
		}
		return module.Set("exports", st.node)
	}}}
}

// Globals returns the installer of crypto, Crypto, CryptoKey and
// SubtleCrypto, made when a script first reads one of them.
func Globals() []bindings.Global {
	return []bindings.Global{func(env *bindings.Env) error {
		return env.LazyGlobals(webNames, func() (*goja.Object, error) {
			st, err := get(env)
			if err != nil {
				return nil, err
			}
			return st.web, nil
		})
	}}
}

type stateKey struct{}

// state is one runtime's crypto: the objects crypto.js made.
type state struct {
	env  *bindings.Env
	vm   *goja.Runtime
	web  *goja.Object // crypto, Crypto, CryptoKey, SubtleCrypto
	node goja.Value   // node:crypto's exports
}

// get returns the runtime's crypto state, running crypto.js on first use.
func get(env *bindings.Env) (*state, error) {
	if st, ok := env.Value(stateKey{}).(*state); ok {
		return st, nil
	}
	vm := env.VM
	st := &state{env: env, vm: vm}
	v, err := script.Run(vm)
	if err != nil {
		return nil, fmt.Errorf("crypto: %w", err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, errors.New("crypto: internal error: crypto.js is not a function")
	}
	res, err := fn(goja.Undefined(), st.natives(), vm.GlobalObject())
	if err != nil {
		return nil, fmt.Errorf("crypto: %w", err)
	}
	obj := res.ToObject(vm)
	st.web = obj.Get("web").ToObject(vm)
	st.node = obj.Get("node")
	env.SetValue(stateKey{}, st)
	return st, nil
}

// natives is the object of Go functions crypto.js builds both APIs on.
// Byte arguments are Uint8Arrays or ArrayBuffers (crypto.js normalizes
// every BufferSource); byte results are ArrayBuffers.
func (st *state) natives() *goja.Object {
	n := st.vm.NewObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) {
		_ = n.Set(name, st.guard(name, f))
	}
	// encoding.go
	set("encodeBytes", st.encodeBytes)
	set("decodeString", st.decodeString)
	set("encodingKnown", st.encodingKnown)
	// random.go
	set("randomFill", st.randomFill)
	set("randomUUID", st.randomUUID)
	set("randomInt", st.randomInt)
	// hash.go
	set("hashes", st.hashNames)
	set("hashSize", st.hashSize)
	set("hashNew", st.hashNew)
	set("hmacNew", st.hmacNew)
	set("hashUpdate", st.hashUpdate)
	set("hashDigest", st.hashDigest)
	set("hashCopy", st.hashCopy)
	set("digest", st.digest)
	set("digestSync", st.digestSync)
	set("timingSafeEqual", st.timingSafeEqual)
	// kdf.go
	set("pbkdf2", st.pbkdf2)
	set("hkdf", st.hkdf)
	set("scrypt", st.scrypt)
	// cipher.go
	set("cipherInfo", st.cipherInfo)
	set("cipherNew", st.cipherNew)
	set("cipherUpdate", st.cipherUpdate)
	set("cipherFinal", st.cipherFinal)
	set("cipherSetAAD", st.cipherSetAAD)
	set("cipherAuthTag", st.cipherAuthTag)
	set("cipherSetPadding", st.cipherSetPadding)
	set("ciphers", st.cipherNames)
	// keys.go, sign.go
	set("generateSecret", st.generateSecret)
	set("generateKeyPair", st.generateKeyPair)
	set("importKey", st.importKey)
	set("exportKey", st.exportKey)
	set("keyInfo", st.keyInfo)
	set("keyEquals", st.keyEquals)
	set("publicOf", st.publicOf)
	set("sign", st.sign)
	set("verify", st.verify)
	set("encrypt", st.encrypt)
	set("decrypt", st.decrypt)
	set("deriveBits", st.deriveBits)
	set("rsaCrypt", st.rsaCrypt)
	// prime.go
	set("checkPrime", st.checkPrime)
	set("generatePrime", st.generatePrime)
	// x509.go
	set("certParse", st.certParse)
	set("certInfo", st.certInfo)
	set("certVerify", st.certVerify)
	set("certIssued", st.certIssued)
	return n
}

// guard makes f a native function whose Go panics (a bug) throw a JS
// Error naming the native instead of unwinding through the engine; what f
// throws on purpose (a JS value, an exception, an interrupt) passes as it
// is. (Env.ToValue's wrapper does the same through an extra call into the
// engine, which costs a microsecond per call.)
func (st *state) guard(name string, f func(goja.FunctionCall) goja.Value) goja.Value {
	return st.vm.ToValue(func(c goja.FunctionCall) goja.Value {
		defer func() {
			if x := recover(); x != nil {
				switch x.(type) {
				case goja.Value, *goja.Exception, *goja.InterruptedError, *goja.StackOverflowError:
					panic(x)
				}
				panic(st.env.ToJSError(fmt.Errorf("crypto: %s: Go panic: %v", name, x)))
			}
		}()
		return f(c)
	})
}

// opError is a failure of a Web Crypto operation: it becomes a
// DOMException named name ("OperationError", "DataError",
// "NotSupportedError", "InvalidAccessError").
type opError struct{ name, msg string }

func (e *opError) Error() string { return "crypto: " + e.name + ": " + e.msg }

func opErrorf(name, format string, args ...any) *opError {
	return &opError{name: name, msg: fmt.Sprintf(format, args...)}
}

// jsError carries a JS value made on the loop as a Go error.
type jsError struct{ v goja.Value }

func (e jsError) Error() string       { return e.v.String() }
func (e jsError) JSValue() goja.Value { return e.v }

// toJS converts err for scripts: an opError becomes a DOMException (the
// global one, which bindings/web installs), anything else goes through
// bindings.Env.ToJSError.
func (st *state) toJS(err error) goja.Value {
	var oe *opError
	if errors.As(err, &oe) {
		if ctor, ok := goja.AssertConstructor(st.vm.Get("DOMException")); ok {
			if obj, cerr := ctor(nil, st.vm.ToValue(oe.msg), st.vm.ToValue(oe.name)); cerr == nil {
				return obj
			}
		}
		return st.env.NewError(oe.name, oe.msg)
	}
	return st.env.ToJSError(err)
}

// throw throws err (see toJS) from a native.
func (st *state) throw(err error) { panic(st.toJS(err)) }

// async runs work off the loop and returns a promise of its result: a
// []byte becomes an ArrayBuffer, a Settle is run on the loop, an error
// rejects (see toJS). The promise belongs to the calling task: cancelling
// the task rejects it at once and cancels work's context.
func (st *state) async(what string, work func(ctx context.Context) (any, error)) goja.Value {
	return st.env.Async(what, func(ctx context.Context) (any, error) {
		v, err := work(ctx)
		if err != nil {
			return bindings.Settle(func(*goja.Runtime) (goja.Value, error) {
				return nil, jsError{st.toJS(err)}
			}), nil
		}
		if b, ok := v.([]byte); ok {
			return bindings.Settle(func(vm *goja.Runtime) (goja.Value, error) {
				return vm.ToValue(vm.NewArrayBuffer(b)), nil
			}), nil
		}
		return v, nil
	})
}

// inlineLimit is the most data a cheap operation (a digest, HMAC, AES,
// HKDF) handles on the loop instead of on a goroutine: hashing 16 KiB
// takes about as long as handing work to a goroutine and back (10-30 us).
const inlineLimit = 16 << 10

// quick is async for an operation on size bytes that is cheap per byte:
// small inputs are computed now, on the loop, and the promise settles
// with the result (still asynchronously for the script); larger ones go
// to a goroutine.
func (st *state) quick(what string, size int, work func(ctx context.Context) (any, error)) goja.Value {
	if size > inlineLimit {
		return st.async(what, work)
	}
	w := st.env.NewWaiter(what, nil)
	v, err := work(st.env.Context())
	switch {
	case err != nil:
		w.Reject(jsError{st.toJS(err)})
	case v == nil:
		w.Resolve(goja.Undefined())
	default:
		if b, ok := v.([]byte); ok {
			w.Resolve(st.buffer(b))
		} else {
			w.Resolve(v)
		}
	}
	return w.Value()
}

// bytesArg returns the bytes of a Uint8Array or ArrayBuffer argument,
// sharing the script's memory (copy before handing them to other
// goroutines).
func (st *state) bytesArg(v goja.Value) []byte {
	switch x := v.Export().(type) {
	case []byte:
		return x
	case goja.ArrayBuffer:
		return x.Bytes()
	case nil:
		return nil
	}
	panic(st.vm.NewTypeError("crypto: internal error: expected bytes, got %s", v.String()))
}

// bytesCopy is bytesArg copied, for work off the loop.
func (st *state) bytesCopy(v goja.Value) []byte {
	return append([]byte{}, st.bytesArg(v)...)
}

// buffer returns b as an ArrayBuffer (not copied).
func (st *state) buffer(b []byte) goja.Value { return st.vm.ToValue(st.vm.NewArrayBuffer(b)) }

// str returns an optional string argument ("" when undefined or null).
func str(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}
