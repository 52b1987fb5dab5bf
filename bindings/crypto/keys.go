package crypto

import (
	"bytes"
	"context"
	gocrypto "crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"math/big"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// key is the Go side of a CryptoKey or a KeyObject: secret bytes, or one
// asymmetric key of crypto/ecdsa (P-256/384/521, for ECDSA and ECDH),
// crypto/ecdh (X25519), crypto/ed25519 or crypto/rsa. Keys never change
// once made, so handles are shared between objects freely.
type key struct {
	typ    string // "secret", "public" or "private"
	secret []byte
	pub    any // *ecdsa.PublicKey, *ecdh.PublicKey, ed25519.PublicKey, *rsa.PublicKey
	priv   any // *ecdsa.PrivateKey, *ecdh.PrivateKey, ed25519.PrivateKey, *rsa.PrivateKey
}

// curve is a NIST curve by its Web Crypto name.
type curve struct {
	name, node string
	ec         elliptic.Curve
	size       int // bytes of a coordinate or scalar
}

var curves = []curve{
	{"P-256", "prime256v1", elliptic.P256(), 32},
	{"P-384", "secp384r1", elliptic.P384(), 48},
	{"P-521", "secp521r1", elliptic.P521(), 66},
}

// lookupCurve finds a curve by its Web Crypto or OpenSSL name.
func lookupCurve(name string) *curve {
	for i, c := range curves {
		if strings.EqualFold(name, c.name) || strings.EqualFold(name, c.node) ||
			(c.name == "P-256" && strings.EqualFold(name, "secp256r1")) {
			return &curves[i]
		}
	}
	return nil
}

func curveOf(ec elliptic.Curve) *curve {
	for i, c := range curves {
		if c.ec == ec {
			return &curves[i]
		}
	}
	return nil
}

// kind is the asymmetric key type as Node names it ("ec", "rsa",
// "ed25519", "x25519"), or "" for a secret key.
func (k *key) kind() string {
	v := k.pub
	if k.priv != nil {
		v = k.priv
	}
	switch v.(type) {
	case *ecdsa.PublicKey, *ecdsa.PrivateKey:
		return "ec"
	case *rsa.PublicKey, *rsa.PrivateKey:
		return "rsa"
	case ed25519.PublicKey, ed25519.PrivateKey:
		return "ed25519"
	case *ecdh.PublicKey, *ecdh.PrivateKey:
		return "x25519"
	}
	return ""
}

// public returns the public key of k (k itself if public).
func (k *key) public() *key {
	if k.typ != "private" {
		return k
	}
	switch p := k.priv.(type) {
	case *ecdsa.PrivateKey:
		return &key{typ: "public", pub: &p.PublicKey}
	case *rsa.PrivateKey:
		return &key{typ: "public", pub: &p.PublicKey}
	case ed25519.PrivateKey:
		return &key{typ: "public", pub: p.Public().(ed25519.PublicKey)}
	case *ecdh.PrivateKey:
		return &key{typ: "public", pub: p.PublicKey()}
	}
	return k
}

func (st *state) keyArg(v goja.Value) *key {
	if k, ok := v.Export().(*key); ok {
		return k
	}
	panic(st.vm.NewTypeError("crypto: internal error: not a key handle"))
}

// generateSecret(bytes): a secret key of random bytes.
func (st *state) generateSecret(c goja.FunctionCall) goja.Value {
	b := make([]byte, c.Argument(0).ToInteger())
	rand.Read(b)
	return st.vm.ToValue(&key{typ: "secret", secret: b})
}

// generateKeyPair(kind, {namedCurve, modulusLength, publicExponent}, sync):
// [public, private] handles, now or as a promise (RSA takes a while).
func (st *state) generateKeyPair(c goja.FunctionCall) goja.Value {
	kind := c.Argument(0).String()
	opts := c.Argument(1).ToObject(st.vm)
	crv := str(opts.Get("namedCurve"))
	bits, exp := 0, int64(65537)
	if v := opts.Get("modulusLength"); v != nil {
		bits = int(v.ToInteger())
	}
	if e := opts.Get("publicExponent"); e != nil && !goja.IsUndefined(e) {
		exp = e.ToInteger()
	}
	gen := func() ([2]*key, error) {
		var priv any
		switch kind {
		case "ec":
			cv := lookupCurve(crv)
			if cv == nil {
				return [2]*key{}, opErrorf("NotSupportedError", "unsupported named curve %q", crv)
			}
			p, err := ecdsa.GenerateKey(cv.ec, rand.Reader)
			if err != nil {
				return [2]*key{}, err
			}
			priv = p
		case "ed25519":
			_, p, err := ed25519.GenerateKey(rand.Reader)
			if err != nil {
				return [2]*key{}, err
			}
			priv = p
		case "x25519":
			p, err := ecdh.X25519().GenerateKey(rand.Reader)
			if err != nil {
				return [2]*key{}, err
			}
			priv = p
		case "rsa":
			if exp != 65537 {
				return [2]*key{}, opErrorf("OperationError", "RSA public exponent %d is not supported (Go's crypto/rsa makes 65537 only)", exp)
			}
			if bits < 1024 || bits > 16384 {
				return [2]*key{}, opErrorf("OperationError", "RSA modulus length %d is not supported (1024 to 16384 bits)", bits)
			}
			p, err := rsa.GenerateKey(rand.Reader, bits)
			if err != nil {
				return [2]*key{}, opErrorf("OperationError", "%v", err)
			}
			priv = p
		default:
			return [2]*key{}, opErrorf("NotSupportedError", "unsupported key type %q", kind)
		}
		k := &key{typ: "private", priv: priv}
		return [2]*key{k.public(), k}, nil
	}
	pair := func(vm *goja.Runtime, p [2]*key) goja.Value {
		return vm.NewArray(vm.ToValue(p[0]), vm.ToValue(p[1]))
	}
	if c.Argument(2).ToBoolean() {
		p, err := gen()
		if err != nil {
			st.throw(err)
		}
		return pair(st.vm, p)
	}
	return st.async("crypto.generateKeyPair", func(ctx context.Context) (any, error) {
		p, err := detach(ctx, gen)
		if err != nil {
			return nil, err
		}
		return settle(func(vm *goja.Runtime) goja.Value { return pair(vm, p) }), nil
	})
}

// dataErr is the DataError of a key that cannot be imported.
func dataErr(format string, args ...any) error { return opErrorf("DataError", format, args...) }

// importKey(format, data, opts): a key handle. format is "raw-secret",
// "raw-public", "spki", "pkcs8", "pkcs1", "sec1", "pem" or "jwk" (data a
// JWK object); opts has kind (the expected asymmetric type, "" for any)
// and namedCurve (for raw EC keys and checks). Errors are DataErrors
// (crypto.js turns them into Node's errors for node:crypto).
func (st *state) importKey(c goja.FunctionCall) goja.Value {
	format := c.Argument(0).String()
	opts := c.Argument(2).ToObject(st.vm)
	kind, crv := str(opts.Get("kind")), str(opts.Get("namedCurve"))
	var pass []byte
	if p := opts.Get("passphrase"); p != nil && !goja.IsUndefined(p) && !goja.IsNull(p) {
		pass = st.bytesCopy(p)
	}
	var k *key
	var err error
	if format == "jwk" {
		k, err = importJWK(c.Argument(1).ToObject(st.vm), kind)
	} else {
		k, err = importBytes(format, st.bytesArg(c.Argument(1)), kind, crv, pass)
	}
	if err != nil {
		st.throw(err)
	}
	if kind != "" && k.kind() != kind {
		st.throw(dataErr("the key is %s, not %s", describeKind(k.kind()), describeKind(kind)))
	}
	if crv != "" && k.kind() == "ec" {
		if cv := lookupCurve(crv); cv == nil || curveOf(ecCurve(k)) != cv {
			st.throw(dataErr("the key's curve is not %s", crv))
		}
	}
	return st.vm.ToValue(k)
}

func describeKind(k string) string {
	if k == "" {
		return "a secret key"
	}
	return "an " + strings.ToUpper(k) + " key"
}

func ecCurve(k *key) elliptic.Curve {
	switch p := k.pub.(type) {
	case *ecdsa.PublicKey:
		return p.Curve
	}
	if p, ok := k.priv.(*ecdsa.PrivateKey); ok {
		return p.Curve
	}
	return nil
}

// importBytes imports data in format; pass is the passphrase of an
// encrypted private key (nil for none).
func importBytes(format string, data []byte, kind, crv string, pass []byte) (*key, error) {
	data = append([]byte{}, data...)
	switch format {
	case "raw-secret":
		return &key{typ: "secret", secret: data}, nil
	case "raw-public":
		switch kind {
		case "ed25519":
			if len(data) != ed25519.PublicKeySize {
				return nil, dataErr("an Ed25519 public key is 32 bytes, not %d", len(data))
			}
			return &key{typ: "public", pub: ed25519.PublicKey(data)}, nil
		case "x25519":
			p, err := ecdh.X25519().NewPublicKey(data)
			if err != nil {
				return nil, dataErr("invalid X25519 public key: %v", err)
			}
			return &key{typ: "public", pub: p}, nil
		case "ec":
			cv := lookupCurve(crv)
			if cv == nil {
				return nil, opErrorf("NotSupportedError", "unsupported named curve %q", crv)
			}
			if len(data) == 1+cv.size && (data[0] == 2 || data[0] == 3) {
				x, y := elliptic.UnmarshalCompressed(cv.ec, data)
				if x == nil {
					return nil, dataErr("invalid compressed %s point", cv.name)
				}
				data = append([]byte{4}, append(x.FillBytes(make([]byte, cv.size)), y.FillBytes(make([]byte, cv.size))...)...)
			}
			p, err := ecdsa.ParseUncompressedPublicKey(cv.ec, data)
			if err != nil {
				return nil, dataErr("invalid %s public key: %v", cv.name, err)
			}
			return &key{typ: "public", pub: p}, nil
		}
		return nil, dataErr("raw import of %s keys is not supported", kind)
	case "raw-private":
		// an EC private scalar (node:crypto's ECDH.setPrivateKey)
		cv := lookupCurve(crv)
		if cv == nil {
			return nil, opErrorf("NotSupportedError", "unsupported named curve %q", crv)
		}
		p, err := ecdsa.ParseRawPrivateKey(cv.ec, append(make([]byte, max(0, cv.size-len(data))), data...))
		if err != nil {
			return nil, dataErr("invalid %s private key: %v", cv.name, err)
		}
		return &key{typ: "private", priv: p}, nil
	case "spki":
		p, err := x509.ParsePKIXPublicKey(data)
		if err != nil {
			return nil, dataErr("invalid SubjectPublicKeyInfo: %v", trimX509(err))
		}
		return publicKey(p)
	case "pkcs8":
		p, err := x509.ParsePKCS8PrivateKey(data)
		if err != nil && pass != nil {
			// an EncryptedPrivateKeyInfo (node:crypto's DER with a passphrase)
			plain, derr := decryptPKCS8(data, pass)
			if derr != nil {
				return nil, derr
			}
			return importBytes("pkcs8", plain, kind, crv, nil)
		}
		if err != nil {
			return nil, dataErr("invalid PKCS #8 private key: %v", trimX509(err))
		}
		return privateKey(p)
	case "pkcs1":
		if p, err := x509.ParsePKCS1PrivateKey(data); err == nil {
			return &key{typ: "private", priv: p}, nil
		}
		p, err := x509.ParsePKCS1PublicKey(data)
		if err != nil {
			return nil, dataErr("invalid PKCS #1 RSA key: %v", trimX509(err))
		}
		return &key{typ: "public", pub: p}, nil
	case "sec1":
		p, err := x509.ParseECPrivateKey(data)
		if err != nil {
			return nil, dataErr("invalid SEC 1 EC private key: %v", trimX509(err))
		}
		return &key{typ: "private", priv: p}, nil
	case "pem":
		return importPEM(data, pass)
	case "der":
		// Node's format: "der" with an unknown type; try each in turn
		for _, f := range []string{"spki", "pkcs8", "pkcs1", "sec1"} {
			if k, err := importBytes(f, data, "", "", nil); err == nil {
				return k, nil
			}
		}
		return nil, dataErr("unsupported DER key")
	}
	return nil, opErrorf("NotSupportedError", "unsupported key format %q", format)
}

func trimX509(err error) string { return strings.TrimPrefix(err.Error(), "x509: ") }

func importPEM(data []byte, pass []byte) (*key, error) {
	b, _ := pem.Decode(data)
	if b == nil {
		return nil, dataErr("no PEM block found")
	}
	der := b.Bytes
	if _, ok := b.Headers["DEK-Info"]; ok {
		// RFC 1423 ("Proc-Type: 4,ENCRYPTED"): OpenSSL's traditional format
		if pass == nil {
			return nil, errMissingPassphrase
		}
		var err error
		//lint:ignore SA1019 the only reader of this format in Go; node:crypto must read it
		if der, err = x509.DecryptPEMBlock(b, pass); err != nil { //nolint:staticcheck
			return nil, errKeyBadDecrypt
		}
	}
	switch b.Type {
	case "PUBLIC KEY":
		return importBytes("spki", der, "", "", nil)
	case "PRIVATE KEY":
		return importBytes("pkcs8", der, "", "", nil)
	case "ENCRYPTED PRIVATE KEY":
		if pass == nil {
			return nil, errMissingPassphrase
		}
		plain, err := decryptPKCS8(der, pass)
		if err != nil {
			return nil, err
		}
		return importBytes("pkcs8", plain, "", "", nil)
	case "RSA PRIVATE KEY", "RSA PUBLIC KEY":
		return importBytes("pkcs1", der, "", "", nil)
	case "EC PRIVATE KEY":
		return importBytes("sec1", der, "", "", nil)
	case "CERTIFICATE":
		cert, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, dataErr("invalid certificate: %v", trimX509(err))
		}
		return publicKey(cert.PublicKey)
	}
	return nil, dataErr("unsupported PEM block %q", b.Type)
}

func publicKey(p any) (*key, error) {
	switch p := p.(type) {
	case *ecdsa.PublicKey, *rsa.PublicKey, ed25519.PublicKey:
		return &key{typ: "public", pub: p}, nil
	case *ecdh.PublicKey:
		if p.Curve() == ecdh.X25519() {
			return &key{typ: "public", pub: p}, nil
		}
	}
	return nil, opErrorf("NotSupportedError", "unsupported public key type %T", p)
}

func privateKey(p any) (*key, error) {
	switch p := p.(type) {
	case *ecdsa.PrivateKey, *rsa.PrivateKey:
		return &key{typ: "private", priv: p}, nil
	case ed25519.PrivateKey:
		return &key{typ: "private", priv: p}, nil
	case *ecdh.PrivateKey:
		if p.Curve() == ecdh.X25519() {
			return &key{typ: "private", priv: p}, nil
		}
	}
	return nil, opErrorf("NotSupportedError", "unsupported private key type %T", p)
}

var b64 = base64.RawURLEncoding

// pemCiphers are the RFC 1423 ciphers of node:crypto's cipher option for
// pkcs1 and sec1 PEM.
var pemCiphers = map[string]x509.PEMCipher{
	"aes-128-cbc": x509.PEMCipherAES128, "aes-192-cbc": x509.PEMCipherAES192, "aes-256-cbc": x509.PEMCipherAES256,
	"aes128": x509.PEMCipherAES128, "aes192": x509.PEMCipherAES192, "aes256": x509.PEMCipherAES256,
	"des-ede3-cbc": x509.PEMCipher3DES, "des3": x509.PEMCipher3DES,
}

// jwkBytes decodes member name of a JWK (base64url, without padding).
func jwkBytes(o *goja.Object, name string, required bool) ([]byte, error) {
	v := o.Get(name)
	if v == nil || goja.IsUndefined(v) {
		if required {
			return nil, dataErr("the JWK has no %q member", name)
		}
		return nil, nil
	}
	s, ok := v.Export().(string)
	if !ok {
		return nil, dataErr("the JWK member %q is not a string", name)
	}
	b, err := b64.DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		return nil, dataErr("the JWK member %q is not base64url: %v", name, err)
	}
	return b, nil
}

func importJWK(o *goja.Object, kind string) (*key, error) {
	kty := str(o.Get("kty"))
	private := false
	if d := o.Get("d"); d != nil && !goja.IsUndefined(d) {
		private = true
	}
	switch kty {
	case "oct":
		k, err := jwkBytes(o, "k", true)
		if err != nil {
			return nil, err
		}
		return &key{typ: "secret", secret: k}, nil
	case "EC":
		cv := lookupCurve(str(o.Get("crv")))
		if cv == nil || !strings.HasPrefix(str(o.Get("crv")), "P-") {
			return nil, dataErr("unsupported JWK curve %q", str(o.Get("crv")))
		}
		x, err := jwkBytes(o, "x", true)
		if err != nil {
			return nil, err
		}
		y, err := jwkBytes(o, "y", true)
		if err != nil {
			return nil, err
		}
		if len(x) != cv.size || len(y) != cv.size {
			return nil, dataErr("the JWK's coordinates are not %d bytes", cv.size)
		}
		pub, err := ecdsa.ParseUncompressedPublicKey(cv.ec, append(append([]byte{4}, x...), y...))
		if err != nil {
			return nil, dataErr("invalid %s public key: %v", cv.name, err)
		}
		if !private {
			return &key{typ: "public", pub: pub}, nil
		}
		d, err := jwkBytes(o, "d", true)
		if err != nil {
			return nil, err
		}
		if len(d) != cv.size {
			return nil, dataErr("the JWK's private scalar is not %d bytes", cv.size)
		}
		p, err := ecdsa.ParseRawPrivateKey(cv.ec, d)
		if err != nil {
			return nil, dataErr("invalid %s private key: %v", cv.name, err)
		}
		if !p.PublicKey.Equal(pub) {
			return nil, dataErr("the JWK's public and private parts do not match")
		}
		return &key{typ: "private", priv: p}, nil
	case "OKP":
		crv := str(o.Get("crv"))
		x, err := jwkBytes(o, "x", true)
		if err != nil {
			return nil, err
		}
		var k *key
		switch crv {
		case "Ed25519":
			if private {
				d, err := jwkBytes(o, "d", true)
				if err != nil {
					return nil, err
				}
				if len(d) != ed25519.SeedSize {
					return nil, dataErr("an Ed25519 private key is 32 bytes")
				}
				k = &key{typ: "private", priv: ed25519.NewKeyFromSeed(d)}
			} else {
				if len(x) != ed25519.PublicKeySize {
					return nil, dataErr("an Ed25519 public key is 32 bytes")
				}
				return &key{typ: "public", pub: ed25519.PublicKey(x)}, nil
			}
		case "X25519":
			if private {
				d, err := jwkBytes(o, "d", true)
				if err != nil {
					return nil, err
				}
				p, err := ecdh.X25519().NewPrivateKey(d)
				if err != nil {
					return nil, dataErr("invalid X25519 private key: %v", err)
				}
				k = &key{typ: "private", priv: p}
			} else {
				p, err := ecdh.X25519().NewPublicKey(x)
				if err != nil {
					return nil, dataErr("invalid X25519 public key: %v", err)
				}
				return &key{typ: "public", pub: p}, nil
			}
		default:
			return nil, dataErr("unsupported JWK curve %q", crv)
		}
		if !bytes.Equal(rawPublic(k.public()), x) {
			return nil, dataErr("the JWK's public and private parts do not match")
		}
		return k, nil
	case "RSA":
		nb, err := jwkBytes(o, "n", true)
		if err != nil {
			return nil, err
		}
		eb, err := jwkBytes(o, "e", true)
		if err != nil {
			return nil, err
		}
		n, e := new(big.Int).SetBytes(nb), new(big.Int).SetBytes(eb)
		if !e.IsInt64() || e.Int64() > 1<<31-1 || e.Int64() < 3 {
			return nil, dataErr("unsupported RSA public exponent")
		}
		pub := rsa.PublicKey{N: n, E: int(e.Int64())}
		if !private {
			return &key{typ: "public", pub: &pub}, nil
		}
		var ints [6]*big.Int
		for i, name := range []string{"d", "p", "q", "dp", "dq", "qi"} {
			b, err := jwkBytes(o, name, true)
			if err != nil {
				return nil, err
			}
			ints[i] = new(big.Int).SetBytes(b)
		}
		if oth := o.Get("oth"); oth != nil && !goja.IsUndefined(oth) {
			return nil, opErrorf("NotSupportedError", "multi-prime RSA keys are not supported")
		}
		p := &rsa.PrivateKey{PublicKey: pub, D: ints[0], Primes: []*big.Int{ints[1], ints[2]}}
		if err := p.Validate(); err != nil {
			return nil, dataErr("invalid RSA private key: %v", err)
		}
		p.Precompute()
		return &key{typ: "private", priv: p}, nil
	}
	return nil, dataErr("unsupported JWK key type %q", kty)
}

// rawPublic is the raw encoding of a public key: the uncompressed point of
// an EC key, the 32 bytes of an Ed25519 or X25519 key; nil for RSA.
func rawPublic(k *key) []byte {
	switch p := k.pub.(type) {
	case *ecdsa.PublicKey:
		b, _ := p.Bytes()
		return b
	case ed25519.PublicKey:
		return append([]byte{}, p...)
	case *ecdh.PublicKey:
		return p.Bytes()
	}
	return nil
}

// exportKey(handle, format, {cipher, passphrase}): "raw", "spki", "pkcs8",
// "pkcs1", "sec1" give an ArrayBuffer; "jwk" a JWK object (kty and key
// members only); "pem-" and a type give a PEM string. With a cipher, a
// private key is encrypted: PKCS #8 as PBES2 (PEM or DER), PKCS #1 and
// SEC 1 as RFC 1423 PEM.
func (st *state) exportKey(c goja.FunctionCall) goja.Value {
	k := st.keyArg(c.Argument(0))
	format := c.Argument(1).String()
	var cipherName string
	var pass []byte
	if o, ok := c.Argument(2).(*goja.Object); ok {
		cipherName = str(o.Get("cipher"))
		if p := o.Get("passphrase"); p != nil && !goja.IsUndefined(p) && !goja.IsNull(p) {
			pass = st.bytesCopy(p)
		}
	}
	if format == "jwk" {
		m, err := exportJWK(k)
		if err != nil {
			st.throw(err)
		}
		o := st.vm.NewObject()
		// members in the order Node gives them
		order := map[string][]string{
			"oct": {"kty", "k"},
			"EC":  {"kty", "x", "y", "crv", "d"},
			"OKP": {"crv", "d", "x", "kty"},
			"RSA": {"kty", "n", "e", "d", "p", "q", "dp", "dq", "qi"},
		}[m["kty"]]
		for _, name := range order {
			if v, ok := m[name]; ok {
				_ = o.Set(name, v)
			}
		}
		return o
	}
	pemType, isPEM := strings.CutPrefix(format, "pem-")
	if isPEM {
		format = pemType
	}
	der, label, err := exportBytes(k, format)
	if err != nil {
		st.throw(err)
	}
	block := &pem.Block{Type: label, Bytes: der}
	if cipherName != "" {
		if pass == nil {
			st.throw(&bindings.Error{Name: "TypeError", Code: "ERR_MISSING_PASSPHRASE", Message: "Passphrase required for encrypted key"})
		}
		switch {
		case format == "pkcs8":
			if der, err = encryptPKCS8(der, pass, cipherName); err != nil {
				st.throw(err)
			}
			block = &pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: der}
		case isPEM:
			alg, ok := pemCiphers[strings.ToLower(cipherName)]
			if !ok {
				st.throw(cryptoErr("ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher"))
			}
			//lint:ignore SA1019 node:crypto writes this format for pkcs1 and sec1
			if block, err = x509.EncryptPEMBlock(rand.Reader, label, der, pass, alg); err != nil { //nolint:staticcheck
				st.throw(err)
			}
		default:
			st.throw(&bindings.Error{Name: "TypeError", Code: "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", Message: "The selected key encoding " + format + " does not support encryption."})
		}
	}
	if isPEM {
		return st.vm.ToValue(string(pem.EncodeToMemory(block)))
	}
	return st.buffer(block.Bytes)
}

func exportBytes(k *key, format string) (der []byte, pemLabel string, err error) {
	wrong := func() ([]byte, string, error) {
		return nil, "", opErrorf("InvalidAccessError", "a %s key cannot be exported as %s", k.typ, format)
	}
	switch format {
	case "raw-private":
		p, ok := k.priv.(*ecdsa.PrivateKey)
		if !ok {
			return wrong()
		}
		b, err := p.Bytes()
		return b, "", err
	case "raw-compressed":
		raw := rawPublic(k.public())
		if _, ok := k.public().pub.(*ecdsa.PublicKey); !ok || len(raw) == 0 {
			return wrong()
		}
		n := (len(raw) - 1) / 2
		return append([]byte{2 + raw[len(raw)-1]&1}, raw[1:1+n]...), "", nil
	case "raw":
		if k.typ == "secret" {
			return append([]byte{}, k.secret...), "", nil
		}
		if k.typ != "public" || k.kind() == "rsa" {
			return wrong()
		}
		return rawPublic(k), "", nil
	case "spki":
		if k.typ != "public" {
			return wrong()
		}
		b, err := x509.MarshalPKIXPublicKey(k.pub)
		return b, "PUBLIC KEY", err
	case "pkcs8":
		if k.typ != "private" {
			return wrong()
		}
		b, err := x509.MarshalPKCS8PrivateKey(k.priv)
		return b, "PRIVATE KEY", err
	case "pkcs1":
		switch p := k.priv.(type) {
		case *rsa.PrivateKey:
			return x509.MarshalPKCS1PrivateKey(p), "RSA PRIVATE KEY", nil
		}
		if p, ok := k.pub.(*rsa.PublicKey); ok {
			return x509.MarshalPKCS1PublicKey(p), "RSA PUBLIC KEY", nil
		}
		return wrong()
	case "sec1":
		p, ok := k.priv.(*ecdsa.PrivateKey)
		if !ok {
			return wrong()
		}
		b, err := x509.MarshalECPrivateKey(p)
		return b, "EC PRIVATE KEY", err
	}
	return nil, "", opErrorf("NotSupportedError", "unsupported key format %q", format)
}

func exportJWK(k *key) (map[string]string, error) {
	enc := b64.EncodeToString
	m := map[string]string{}
	switch k.typ {
	case "secret":
		m["kty"] = "oct"
		m["k"] = enc(k.secret)
		return m, nil
	}
	pk := k.public()
	switch p := pk.pub.(type) {
	case *ecdsa.PublicKey:
		cv := curveOf(p.Curve)
		raw := rawPublic(pk)
		m["kty"], m["crv"] = "EC", cv.name
		m["x"], m["y"] = enc(raw[1:1+cv.size]), enc(raw[1+cv.size:])
		if q, ok := k.priv.(*ecdsa.PrivateKey); ok {
			d, err := q.Bytes()
			if err != nil {
				return nil, err
			}
			m["d"] = enc(d)
		}
	case ed25519.PublicKey:
		m["kty"], m["crv"], m["x"] = "OKP", "Ed25519", enc(p)
		if q, ok := k.priv.(ed25519.PrivateKey); ok {
			m["d"] = enc(q.Seed())
		}
	case *ecdh.PublicKey:
		m["kty"], m["crv"], m["x"] = "OKP", "X25519", enc(p.Bytes())
		if q, ok := k.priv.(*ecdh.PrivateKey); ok {
			m["d"] = enc(q.Bytes())
		}
	case *rsa.PublicKey:
		m["kty"] = "RSA"
		m["n"] = enc(p.N.Bytes())
		m["e"] = enc(big.NewInt(int64(p.E)).Bytes())
		if q, ok := k.priv.(*rsa.PrivateKey); ok {
			if len(q.Primes) != 2 {
				return nil, opErrorf("NotSupportedError", "multi-prime RSA keys cannot be exported as JWK")
			}
			// computed here: the key is shared with work on other goroutines
			// and must not be changed (Precompute)
			pp, qq := q.Primes[0], q.Primes[1]
			one := big.NewInt(1)
			dp := new(big.Int).Mod(q.D, new(big.Int).Sub(pp, one))
			dq := new(big.Int).Mod(q.D, new(big.Int).Sub(qq, one))
			qi := new(big.Int).ModInverse(qq, pp)
			if qi == nil {
				return nil, opErrorf("OperationError", "invalid RSA key")
			}
			m["d"] = enc(q.D.Bytes())
			m["p"], m["q"] = enc(pp.Bytes()), enc(qq.Bytes())
			m["dp"], m["dq"], m["qi"] = enc(dp.Bytes()), enc(dq.Bytes()), enc(qi.Bytes())
		}
	default:
		return nil, fmt.Errorf("crypto: cannot export %T as JWK", p)
	}
	return m, nil
}

// keyInfo(handle): {type, kind, namedCurve, modulusLength,
// publicExponent (bytes), size (bytes of a secret)}.
func (st *state) keyInfo(c goja.FunctionCall) goja.Value {
	k := st.keyArg(c.Argument(0))
	o := st.vm.NewObject()
	_ = o.Set("type", k.typ)
	_ = o.Set("kind", k.kind())
	switch p := k.public().pub.(type) {
	case *ecdsa.PublicKey:
		_ = o.Set("namedCurve", curveOf(p.Curve).name)
		_ = o.Set("nodeCurve", curveOf(p.Curve).node)
	case *rsa.PublicKey:
		_ = o.Set("modulusLength", p.N.BitLen())
		_ = o.Set("publicExponent", p.E)
		_ = o.Set("publicExponentBytes", st.buffer(big.NewInt(int64(p.E)).Bytes()))
	}
	if k.typ == "secret" {
		_ = o.Set("size", len(k.secret))
	}
	return o
}

// keyEquals(a, b): whether two handles hold the same key.
func (st *state) keyEquals(c goja.FunctionCall) goja.Value {
	a, b := st.keyArg(c.Argument(0)), st.keyArg(c.Argument(1))
	eq := false
	switch {
	case a.typ != b.typ:
	case a.typ == "secret":
		eq = len(a.secret) == len(b.secret) && subtle.ConstantTimeCompare(a.secret, b.secret) == 1
	case a.typ == "public":
		if e, ok := a.pub.(interface{ Equal(gocrypto.PublicKey) bool }); ok {
			eq = e.Equal(b.pub)
		}
	default:
		if e, ok := a.priv.(interface {
			Equal(gocrypto.PrivateKey) bool
		}); ok {
			eq = e.Equal(b.priv)
		}
	}
	return st.vm.ToValue(eq)
}

// publicOf(handle): the public key of a private key.
func (st *state) publicOf(c goja.FunctionCall) goja.Value {
	return st.vm.ToValue(st.keyArg(c.Argument(0)).public())
}
