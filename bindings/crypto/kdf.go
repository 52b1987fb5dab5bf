package crypto

import (
	"context"
	"crypto/hkdf"
	"crypto/pbkdf2"
	"hash"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
	"golang.org/x/crypto/scrypt"
)

// run computes f now (sync: the result or a thrown error) or off the loop
// (a promise, see async), where a cancelled task or run stops waiting for
// it at once (see detach).
func (st *state) run(sync bool, what string, f func() ([]byte, error)) goja.Value {
	if sync {
		b, err := f()
		if err != nil {
			st.throw(err)
		}
		return st.buffer(b)
	}
	return st.async(what, func(ctx context.Context) (any, error) { return detach(ctx, f) })
}

// detach runs f, which takes no context (Go's pbkdf2, scrypt and RSA key
// generation), on a goroutine of its own and returns its result, or the
// cause of ctx as soon as ctx is done: a cancelled task, or a run that is
// stopped or closed, does not wait for the computation, which finishes in
// the background and is dropped (its goroutine touches nothing else and
// ends with it).
func detach[T any](ctx context.Context, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, context.Cause(ctx)
	}
}

// hashArg looks up a hash argument crypto.js validated.
func (st *state) hashArg(v goja.Value) *hashAlg {
	h := lookupHash(v.String())
	if h == nil {
		st.throw(&bindings.Error{Name: "TypeError", Code: "ERR_CRYPTO_INVALID_DIGEST", Message: "Invalid digest: " + v.String()})
	}
	return h
}

// pbkdf2(password, salt, iterations, keylen, hash, sync): RFC 8018
// PBKDF2 with HMAC-hash (crypto/pbkdf2).
func (st *state) pbkdf2(c goja.FunctionCall) goja.Value {
	pass, salt := st.bytesCopy(c.Argument(0)), st.bytesCopy(c.Argument(1))
	iter, keylen := int(c.Argument(2).ToInteger()), int(c.Argument(3).ToInteger())
	h := st.hashArg(c.Argument(4))
	return st.run(c.Argument(5).ToBoolean(), "crypto.pbkdf2", func() ([]byte, error) {
		if keylen == 0 {
			return []byte{}, nil
		}
		return pbkdf2.Key(h.new, string(pass), salt, iter, keylen)
	})
}

// hkdf(hash, ikm, salt, info, keylen, sync): RFC 5869 HKDF (crypto/hkdf).
func (st *state) hkdf(c goja.FunctionCall) goja.Value {
	h := st.hashArg(c.Argument(0))
	ikm, salt, info := st.bytesCopy(c.Argument(1)), st.bytesCopy(c.Argument(2)), st.bytesCopy(c.Argument(3))
	keylen := int(c.Argument(4).ToInteger())
	return st.run(c.Argument(5).ToBoolean(), "crypto.hkdf", func() ([]byte, error) {
		if keylen == 0 {
			return []byte{}, nil
		}
		return hkdf.Key(func() hash.Hash { return h.new() }, ikm, salt, string(info), keylen)
	})
}

// scrypt(password, salt, N, r, p, keylen, sync): RFC 7914 scrypt
// (golang.org/x/crypto/scrypt); crypto.js checked the parameters and the
// memory bound.
func (st *state) scrypt(c goja.FunctionCall) goja.Value {
	pass, salt := st.bytesCopy(c.Argument(0)), st.bytesCopy(c.Argument(1))
	n, r, p := int(c.Argument(2).ToInteger()), int(c.Argument(3).ToInteger()), int(c.Argument(4).ToInteger())
	keylen := int(c.Argument(5).ToInteger())
	return st.run(c.Argument(6).ToBoolean(), "crypto.scrypt", func() ([]byte, error) {
		if keylen == 0 {
			return []byte{}, nil
		}
		b, err := scrypt.Key(pass, salt, n, r, p, keylen)
		if err != nil {
			return nil, &bindings.Error{Name: "RangeError", Code: "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", Message: "Invalid scrypt params: " + err.Error()}
		}
		return b, nil
	})
}
