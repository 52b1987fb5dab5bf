package crypto

import (
	"context"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"errors"
	"hash"
	"math/big"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// settle makes a Settle from a function that cannot fail.
func settle(f func(vm *goja.Runtime) goja.Value) bindings.Settle {
	return func(vm *goja.Runtime) (goja.Value, error) { return f(vm), nil }
}

// params are an operation's algorithm parameters, read on the loop from
// the object crypto.js normalized (byte members copied).
type params struct {
	name                                string // "HMAC", "ECDSA", "AES-GCM", ...
	hash                                *hashAlg
	iv, counter, aad, label, salt, info []byte
	length, tagLength, saltLength       int
	iterations                          int
	hasSaltLength                       bool
	public                              *key
	der                                 bool // ECDSA signatures in DER (node:crypto's default)
}

func (st *state) params(v goja.Value) *params {
	o := v.ToObject(st.vm)
	p := &params{name: str(o.Get("name"))}
	has := func(name string) (goja.Value, bool) {
		x := o.Get(name)
		return x, x != nil && !goja.IsUndefined(x) && !goja.IsNull(x)
	}
	if x, ok := has("hash"); ok {
		p.hash = lookupHash(x.String())
		if p.hash == nil {
			st.throw(opErrorf("NotSupportedError", "unrecognized hash %q", x.String()))
		}
	}
	for name, dst := range map[string]*[]byte{"iv": &p.iv, "counter": &p.counter, "additionalData": &p.aad,
		"label": &p.label, "salt": &p.salt, "info": &p.info} {
		if x, ok := has(name); ok {
			*dst = st.bytesCopy(x)
		}
	}
	for name, dst := range map[string]*int{"length": &p.length, "tagLength": &p.tagLength,
		"saltLength": &p.saltLength, "iterations": &p.iterations} {
		if x, ok := has(name); ok {
			*dst = int(x.ToInteger())
			if name == "saltLength" {
				p.hasSaltLength = true
			}
		}
	}
	if x, ok := has("public"); ok {
		p.public = st.keyArg(x)
	}
	if x, ok := has("dsaEncoding"); ok {
		p.der = x.String() == "der"
	}
	return p
}

// digestOf hashes data with p's hash.
func (p *params) digestOf(data []byte) ([]byte, error) {
	if p.hash == nil {
		return nil, opErrorf("OperationError", "%s needs a hash", p.name)
	}
	h := p.hash.new()
	h.Write(data)
	return h.Sum(nil), nil
}

// sign(params, key, data, sync): a signature (HMAC, ECDSA, Ed25519,
// RSASSA-PKCS1-v1_5, RSA-PSS), as an ArrayBuffer now or a promise of one.
func (st *state) sign(c goja.FunctionCall) goja.Value {
	p, k, data := st.params(c.Argument(0)), st.keyArg(c.Argument(1)), st.bytesCopy(c.Argument(2))
	if p.name == "HMAC" && !c.Argument(3).ToBoolean() {
		return st.quick("crypto.subtle.sign", len(data), func(context.Context) (any, error) { return doSign(p, k, data) })
	}
	return st.run(c.Argument(3).ToBoolean(), "crypto.subtle.sign", func() ([]byte, error) { return doSign(p, k, data) })
}

func doSign(p *params, k *key, data []byte) ([]byte, error) {
	if p.name == "HMAC" {
		if p.hash == nil {
			return nil, opErrorf("OperationError", "HMAC needs a hash")
		}
		m := hmac.New(p.hash.new, k.secret)
		m.Write(data)
		return m.Sum(nil), nil
	}
	switch q := k.priv.(type) {
	case ed25519.PrivateKey:
		return ed25519.Sign(q, data), nil
	case *ecdsa.PrivateKey:
		d, err := p.digestOf(data)
		if err != nil {
			return nil, err
		}
		sig, err := ecdsa.SignASN1(rand.Reader, q, d)
		if err != nil || p.der {
			return sig, err
		}
		return derToP1363(sig, curveOf(q.Curve).size)
	case *rsa.PrivateKey:
		d, err := p.digestOf(data)
		if err != nil {
			return nil, err
		}
		if p.name == "RSA-PSS" {
			salt := rsa.PSSSaltLengthAuto
			if p.hasSaltLength {
				switch p.saltLength {
				case -1: // node's RSA_PSS_SALTLEN_DIGEST
					salt = rsa.PSSSaltLengthEqualsHash
				case -2: // RSA_PSS_SALTLEN_MAX_SIGN
					salt = rsa.PSSSaltLengthAuto
				case 0:
					return nil, opErrorf("NotSupportedError", "RSA-PSS signatures without salt are not supported (Go's crypto/rsa)")
				default:
					salt = p.saltLength
				}
			}
			sig, err := rsa.SignPSS(rand.Reader, q, p.hash.id, d, &rsa.PSSOptions{SaltLength: salt})
			if err != nil {
				return nil, opErrorf("OperationError", "%v", err)
			}
			return sig, nil
		}
		sig, err := rsa.SignPKCS1v15(nil, q, p.hash.id, d)
		if err != nil {
			return nil, opErrorf("OperationError", "%v", err)
		}
		return sig, nil
	}
	return nil, opErrorf("InvalidAccessError", "the key cannot sign")
}

// verify(params, key, signature, data, sync): whether the signature is
// valid, now or as a promise.
func (st *state) verify(c goja.FunctionCall) goja.Value {
	p, k := st.params(c.Argument(0)), st.keyArg(c.Argument(1))
	sig, data := st.bytesCopy(c.Argument(2)), st.bytesCopy(c.Argument(3))
	if c.Argument(4).ToBoolean() {
		ok, err := doVerify(p, k, sig, data)
		if err != nil {
			st.throw(err)
		}
		return st.vm.ToValue(ok)
	}
	if p.name == "HMAC" {
		return st.quick("crypto.subtle.verify", len(data), func(context.Context) (any, error) { return doVerify(p, k, sig, data) })
	}
	return st.async("crypto.subtle.verify", func(context.Context) (any, error) { return doVerify(p, k, sig, data) })
}

func doVerify(p *params, k *key, sig, data []byte) (bool, error) {
	if p.name == "HMAC" {
		want, err := doSign(p, k, data)
		if err != nil {
			return false, err
		}
		return len(sig) == len(want) && subtle.ConstantTimeCompare(sig, want) == 1, nil
	}
	switch q := k.pub.(type) {
	case ed25519.PublicKey:
		return len(sig) == ed25519.SignatureSize && ed25519.Verify(q, data, sig), nil
	case *ecdsa.PublicKey:
		d, err := p.digestOf(data)
		if err != nil {
			return false, err
		}
		if p.der {
			return ecdsa.VerifyASN1(q, d, sig), nil
		}
		n := curveOf(q.Curve).size
		if len(sig) != 2*n {
			return false, nil
		}
		r, s := new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])
		return ecdsa.Verify(q, d, r, s), nil
	case *rsa.PublicKey:
		d, err := p.digestOf(data)
		if err != nil {
			return false, err
		}
		if p.name == "RSA-PSS" {
			salt := rsa.PSSSaltLengthAuto
			if p.hasSaltLength && p.saltLength > 0 {
				salt = p.saltLength
			} else if p.hasSaltLength && p.saltLength == -1 {
				salt = rsa.PSSSaltLengthEqualsHash
			}
			return rsa.VerifyPSS(q, p.hash.id, d, sig, &rsa.PSSOptions{SaltLength: salt}) == nil, nil
		}
		return rsa.VerifyPKCS1v15(q, p.hash.id, d, sig) == nil, nil
	}
	return false, opErrorf("InvalidAccessError", "the key cannot verify")
}

// derToP1363 turns an ASN.1 ECDSA signature into r || s, each n bytes.
func derToP1363(der []byte, n int) ([]byte, error) {
	r, s, err := parseECDSADER(der)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 2*n)
	r.FillBytes(out[:n])
	s.FillBytes(out[n:])
	return out, nil
}

// parseECDSADER reads SEQUENCE { INTEGER r, INTEGER s }.
func parseECDSADER(b []byte) (r, s *big.Int, err error) {
	bad := errors.New("crypto: malformed ECDSA signature")
	readLen := func(b []byte) (int, []byte, bool) {
		if len(b) < 1 {
			return 0, nil, false
		}
		l := int(b[0])
		b = b[1:]
		if l&0x80 != 0 {
			nb := l & 0x7f
			if nb == 0 || nb > 2 || len(b) < nb {
				return 0, nil, false
			}
			l = 0
			for i := 0; i < nb; i++ {
				l = l<<8 | int(b[i])
			}
			b = b[nb:]
		}
		return l, b, l <= len(b)
	}
	if len(b) < 2 || b[0] != 0x30 {
		return nil, nil, bad
	}
	l, b, ok := readLen(b[1:])
	if !ok {
		return nil, nil, bad
	}
	b = b[:l]
	var ints [2]*big.Int
	for i := range ints {
		if len(b) < 2 || b[0] != 0x02 {
			return nil, nil, bad
		}
		l, rest, ok := readLen(b[1:])
		if !ok {
			return nil, nil, bad
		}
		ints[i] = new(big.Int).SetBytes(rest[:l])
		b = rest[l:]
	}
	return ints[0], ints[1], nil
}

// encrypt(params, key, data) and decrypt: promises of ArrayBuffers
// (AES-GCM, AES-CBC, AES-CTR, AES-KW, RSA-OAEP).
func (st *state) encrypt(c goja.FunctionCall) goja.Value { return st.crypt(c, true) }
func (st *state) decrypt(c goja.FunctionCall) goja.Value { return st.crypt(c, false) }

func (st *state) crypt(c goja.FunctionCall, enc bool) goja.Value {
	p, k, data := st.params(c.Argument(0)), st.keyArg(c.Argument(1)), st.bytesCopy(c.Argument(2))
	what := "crypto.subtle.decrypt"
	if enc {
		what = "crypto.subtle.encrypt"
	}
	work := func(context.Context) (any, error) { return doCrypt(p, k, data, enc) }
	if strings.HasPrefix(p.name, "AES-") {
		return st.quick(what, len(data), work)
	}
	return st.async(what, work)
}

func doCrypt(p *params, k *key, data []byte, enc bool) ([]byte, error) {
	switch p.name {
	case "AES-GCM":
		tag := p.tagLength
		if tag == 0 {
			tag = 128
		}
		return aesGCM(k.secret, p.iv, p.aad, tag, data, enc)
	case "AES-CBC":
		return aesCBC(k.secret, p.iv, data, enc)
	case "AES-CTR":
		return aesCTR(k.secret, p.counter, p.length, data)
	case "AES-KW":
		if enc {
			return aesKeyWrap(k.secret, data)
		}
		return aesKeyUnwrap(k.secret, data)
	case "RSA-OAEP":
		if p.hash == nil {
			return nil, opErrorf("OperationError", "RSA-OAEP needs a hash")
		}
		if enc {
			pub, ok := k.pub.(*rsa.PublicKey)
			if !ok {
				return nil, opErrorf("InvalidAccessError", "RSA-OAEP encryption needs an RSA public key")
			}
			out, err := rsa.EncryptOAEP(p.hash.new(), rand.Reader, pub, data, p.label)
			if err != nil {
				return nil, opErrorf("OperationError", "%v", err)
			}
			return out, nil
		}
		priv, ok := k.priv.(*rsa.PrivateKey)
		if !ok {
			return nil, opErrorf("InvalidAccessError", "RSA-OAEP decryption needs an RSA private key")
		}
		out, err := rsa.DecryptOAEP(p.hash.new(), nil, priv, data, p.label)
		if err != nil {
			return nil, opErrorf("OperationError", "RSA-OAEP decryption failed")
		}
		return out, nil
	}
	return nil, opErrorf("NotSupportedError", "unsupported algorithm %q", p.name)
}

// rsaCrypt(key, data, padding, hash, encrypt, label): node:crypto's
// publicEncrypt/privateDecrypt (padding 4 is OAEP, 1 PKCS #1 v1.5).
func (st *state) rsaCrypt(c goja.FunctionCall) goja.Value {
	k, data := st.keyArg(c.Argument(0)), st.bytesArg(c.Argument(1))
	padding := int(c.Argument(2).ToInteger())
	h := lookupHash(str(c.Argument(3)))
	if h == nil {
		h = hashAlgs["sha1"]
	}
	label := []byte(nil)
	if l := c.Argument(5); !goja.IsUndefined(l) && !goja.IsNull(l) {
		label = st.bytesArg(l)
	}
	var out []byte
	var err error
	if c.Argument(4).ToBoolean() {
		pub, _ := k.public().pub.(*rsa.PublicKey)
		if pub == nil {
			st.throw(cryptoErr("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "the key is not an RSA key"))
		}
		if padding == 1 {
			//lint:ignore SA1019 node:crypto's RSA_PKCS1_PADDING, which scripts ask for by name
			out, err = rsa.EncryptPKCS1v15(rand.Reader, pub, data)
		} else {
			out, err = rsa.EncryptOAEP(h.new(), rand.Reader, pub, data, label)
		}
	} else {
		priv, _ := k.priv.(*rsa.PrivateKey)
		if priv == nil {
			st.throw(cryptoErr("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "the key is not an RSA private key"))
		}
		if padding == 1 {
			//lint:ignore SA1019 node:crypto's RSA_PKCS1_PADDING, which scripts ask for by name
			out, err = rsa.DecryptPKCS1v15(nil, priv, data)
		} else {
			out, err = rsa.DecryptOAEP(h.new(), nil, priv, data, label)
		}
		if err != nil {
			err = cryptoErr("ERR_OSSL_RSA_OAEP_DECODING_ERROR", "error:02000079:rsa routines::oaep decoding error")
			if padding == 1 {
				err = cryptoErr("ERR_OSSL_RSA_PADDING_CHECK_FAILED", "error:0200009F:rsa routines::padding check failed")
			}
		}
	}
	if err != nil {
		st.throw(err)
	}
	return st.buffer(out)
}

// deriveBits(params, key, lengthBits, sync): ECDH, X25519, HKDF, PBKDF2
// (lengthBits < 0: all the shared secret ECDH gives).
func (st *state) deriveBits(c goja.FunctionCall) goja.Value {
	p, k := st.params(c.Argument(0)), st.keyArg(c.Argument(1))
	bits := int(c.Argument(2).ToInteger())
	if p.name == "HKDF" && !c.Argument(3).ToBoolean() {
		return st.quick("crypto.subtle.deriveBits", bits/8, func(context.Context) (any, error) { return doDerive(p, k, bits) })
	}
	return st.run(c.Argument(3).ToBoolean(), "crypto.subtle.deriveBits", func() ([]byte, error) { return doDerive(p, k, bits) })
}

func doDerive(p *params, k *key, bits int) ([]byte, error) {
	var out []byte
	switch p.name {
	case "HKDF", "PBKDF2":
		if bits < 0 || bits%8 != 0 {
			return nil, opErrorf("OperationError", "%s needs a length that is a multiple of 8", p.name)
		}
		if p.hash == nil {
			return nil, opErrorf("OperationError", "%s needs a hash", p.name)
		}
		if bits == 0 {
			return []byte{}, nil
		}
		var err error
		if p.name == "HKDF" {
			out, err = hkdf.Key(func() hash.Hash { return p.hash.new() }, k.secret, p.salt, string(p.info), bits/8)
		} else {
			if p.iterations <= 0 {
				return nil, opErrorf("OperationError", "PBKDF2 needs at least one iteration")
			}
			out, err = pbkdf2.Key(p.hash.new, string(k.secret), p.salt, p.iterations, bits/8)
		}
		if err != nil {
			return nil, opErrorf("OperationError", "%v", err)
		}
		return out, nil
	case "ECDH", "X25519":
		secret, err := ecdhSecret(k, p.public)
		if err != nil {
			return nil, err
		}
		out = secret
	default:
		return nil, opErrorf("NotSupportedError", "unsupported algorithm %q", p.name)
	}
	if bits < 0 {
		return out, nil
	}
	if bits > 8*len(out) {
		return nil, opErrorf("OperationError", "the length %d is more than the %d bits %s gives", bits, 8*len(out), p.name)
	}
	out = out[:(bits+7)/8]
	if r := bits % 8; r != 0 {
		out[len(out)-1] &= byte(0xff << (8 - r))
	}
	return out, nil
}

// ecdhSecret is the shared secret of a private and a public key.
func ecdhSecret(priv, pub *key) ([]byte, error) {
	if pub == nil {
		return nil, opErrorf("InvalidAccessError", "no public key")
	}
	var a *ecdh.PrivateKey
	var b *ecdh.PublicKey
	var err error
	switch q := priv.priv.(type) {
	case *ecdh.PrivateKey:
		a = q
		b, _ = pub.pub.(*ecdh.PublicKey)
	case *ecdsa.PrivateKey:
		if a, err = q.ECDH(); err != nil {
			return nil, opErrorf("OperationError", "%v", err)
		}
		if pk, ok := pub.pub.(*ecdsa.PublicKey); ok {
			if pk.Curve != q.Curve {
				return nil, opErrorf("InvalidAccessError", "the public key is on another curve")
			}
			if b, err = pk.ECDH(); err != nil {
				return nil, opErrorf("OperationError", "%v", err)
			}
		}
	default:
		return nil, opErrorf("InvalidAccessError", "the key cannot derive bits")
	}
	if b == nil || b.Curve() != a.Curve() {
		return nil, opErrorf("InvalidAccessError", "the public key is of another type")
	}
	s, err := a.ECDH(b)
	if err != nil {
		return nil, opErrorf("OperationError", "%v", err)
	}
	return s, nil
}
