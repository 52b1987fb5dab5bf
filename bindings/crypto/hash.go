package crypto

import (
	"context"
	gocrypto "crypto"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"hash"
	"sort"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/blake2s"
	//lint:ignore SA1019 node:crypto's "ripemd160" hash, which packages still ask for
	"golang.org/x/crypto/ripemd160"
)

// hashAlg is a hash function scripts can name.
type hashAlg struct {
	name string // Node's name: "sha256"
	new  func() hash.Hash
	id   gocrypto.Hash // for RSA signatures and OAEP
}

// hashAlgs is the table of hashes by Node's name.
var hashAlgs = func() map[string]*hashAlg {
	m := map[string]*hashAlg{}
	for _, h := range []*hashAlg{
		{"md5", md5.New, gocrypto.MD5},
		{"sha1", sha1.New, gocrypto.SHA1},
		{"sha224", sha256.New224, gocrypto.SHA224},
		{"sha256", sha256.New, gocrypto.SHA256},
		{"sha384", sha512.New384, gocrypto.SHA384},
		{"sha512", sha512.New, gocrypto.SHA512},
		{"sha512-224", sha512.New512_224, gocrypto.SHA512_224},
		{"sha512-256", sha512.New512_256, gocrypto.SHA512_256},
		{"sha3-224", func() hash.Hash { return sha3.New224() }, gocrypto.SHA3_224},
		{"sha3-256", func() hash.Hash { return sha3.New256() }, gocrypto.SHA3_256},
		{"sha3-384", func() hash.Hash { return sha3.New384() }, gocrypto.SHA3_384},
		{"sha3-512", func() hash.Hash { return sha3.New512() }, gocrypto.SHA3_512},
		{"shake128", func() hash.Hash { return newXOF(sha3.NewSHAKE128, 16) }, 0},
		{"shake256", func() hash.Hash { return newXOF(sha3.NewSHAKE256, 32) }, 0},
		{"blake2b512", func() hash.Hash { h, _ := blake2b.New512(nil); return h }, gocrypto.BLAKE2b_512},
		{"blake2s256", func() hash.Hash { h, _ := blake2s.New256(nil); return h }, gocrypto.BLAKE2s_256},
		{"ripemd160", ripemd160.New, gocrypto.RIPEMD160},
	} {
		m[h.name] = h
	}
	return m
}()

// lookupHash finds a hash by any of the names Node (OpenSSL) or Web Crypto
// accept, case-insensitively: "sha256", "SHA-256", "RSA-SHA256",
// "sha2-256". nil if none.
func lookupHash(name string) *hashAlg {
	n := strings.ToLower(name)
	n = strings.TrimPrefix(n, "rsa-")
	if h := hashAlgs[n]; h != nil {
		return h
	}
	switch n {
	case "ripemd", "rmd160", "ripemd-160":
		n = "ripemd160"
	case "sha-1":
		n = "sha1"
	case "sha-224", "sha2-224":
		n = "sha224"
	case "sha-256", "sha2-256":
		n = "sha256"
	case "sha-384", "sha2-384":
		n = "sha384"
	case "sha-512", "sha2-512":
		n = "sha512"
	case "sha-512/224", "sha512/224", "sha2-512/224":
		n = "sha512-224"
	case "sha-512/256", "sha512/256", "sha2-512/256":
		n = "sha512-256"
	case "md5withrsaencryption":
		n = "md5"
	case "sha1withrsaencryption":
		n = "sha1"
	case "sha224withrsaencryption":
		n = "sha224"
	case "sha256withrsaencryption":
		n = "sha256"
	case "sha384withrsaencryption":
		n = "sha384"
	case "sha512withrsaencryption":
		n = "sha512"
	}
	return hashAlgs[n]
}

// hashNames returns the names getHashes lists (Node's spellings), sorted.
func (st *state) hashNames(goja.FunctionCall) goja.Value {
	var names []any
	var all []string
	for n := range hashAlgs {
		all = append(all, n)
		switch n {
		case "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha512-224", "sha512-256",
			"sha3-224", "sha3-256", "sha3-384", "sha3-512":
			all = append(all, "RSA-"+strings.ToUpper(n))
		}
		if strings.HasPrefix(n, "sha") && !strings.Contains(n, "-") || n == "md5" {
			all = append(all, n+"WithRSAEncryption")
		}
	}
	sort.Strings(all)
	for _, n := range all {
		names = append(names, n)
	}
	return st.vm.NewArray(names...)
}

// hashSize(name): the digest size in bytes, or -1 for an unknown hash.
func (st *state) hashSize(c goja.FunctionCall) goja.Value {
	h := lookupHash(c.Argument(0).String())
	if h == nil {
		return st.vm.ToValue(-1)
	}
	return st.vm.ToValue(h.new().Size())
}

// hashHandle is a running Hash or Hmac of node:crypto.
type hashHandle struct{ h hash.Hash }

func (st *state) handle(v goja.Value) *hashHandle {
	if h, ok := v.Export().(*hashHandle); ok {
		return h
	}
	panic(st.vm.NewTypeError("crypto: internal error: not a hash handle"))
}

// hashNew(name, outputLength): a handle, or null for an unknown hash.
// outputLength (bytes, undefined for the default) sets a SHAKE's output;
// any other hash must be given its own size.
func (st *state) hashNew(c goja.FunctionCall) goja.Value {
	h := lookupHash(c.Argument(0).String())
	if h == nil {
		return goja.Null()
	}
	return st.vm.ToValue(&hashHandle{st.withLength(h.new(), c.Argument(1))})
}

// withLength applies an outputLength option to h (see hashNew).
func (st *state) withLength(h hash.Hash, length goja.Value) hash.Hash {
	if length == nil || goja.IsUndefined(length) {
		return h
	}
	n := int(length.ToInteger())
	if x, ok := h.(*xof); ok {
		x.size = n
		return x
	}
	if n != h.Size() {
		st.throw(cryptoErr("ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH", "error:030000B2:digital envelope routines::not XOF or invalid length"))
	}
	return h
}

// xof is a SHAKE as a hash.Hash with a fixed output size (Node's
// outputLength).
type xof struct {
	mk   func() *sha3.SHAKE
	s    *sha3.SHAKE
	size int
}

func newXOF(mk func() *sha3.SHAKE, size int) *xof { return &xof{mk, mk(), size} }

func (x *xof) Write(p []byte) (int, error) { return x.s.Write(p) }
func (x *xof) Reset()                      { x.s.Reset() }
func (x *xof) Size() int                   { return x.size }
func (x *xof) BlockSize() int              { return x.s.BlockSize() }

// Sum reads size bytes from a copy of the state (reading squeezes it).
func (x *xof) Sum(b []byte) []byte {
	c, err := x.Clone()
	if err != nil {
		panic(err)
	}
	out := make([]byte, x.size)
	c.(*xof).s.Read(out)
	return append(b, out...)
}

func (x *xof) Clone() (hash.Cloner, error) {
	st, err := x.s.MarshalBinary()
	if err != nil {
		return nil, err
	}
	s := x.mk()
	if err := s.UnmarshalBinary(st); err != nil {
		return nil, err
	}
	return &xof{x.mk, s, x.size}, nil
}

// hmacNew(name, key, encoding): a handle, or null for an unknown hash;
// key is bytes, or a string in encoding (crypto.js checked it).
func (st *state) hmacNew(c goja.FunctionCall) goja.Value {
	h := lookupHash(c.Argument(0).String())
	if h == nil {
		return goja.Null()
	}
	var key []byte
	if _, ok := c.Argument(1).Export().(string); ok {
		enc := bindings.NormEncoding(str(c.Argument(2)))
		if enc == "" {
			enc = "utf8"
		}
		key = bindings.EncodeString(c.Argument(1), enc)
	} else {
		key = st.bytesCopy(c.Argument(1))
	}
	return st.vm.ToValue(&hashHandle{hmac.New(h.new, key)})
}

// hashUpdate(handle, data, encoding): data is bytes, or a string in
// encoding (Node's names; utf8 when undefined).
func (st *state) hashUpdate(c goja.FunctionCall) goja.Value {
	h := st.handle(c.Argument(0)).h
	if _, ok := c.Argument(1).Export().(string); ok {
		enc := "utf8"
		if e := bindings.NormEncoding(str(c.Argument(2))); e != "" {
			enc = e // as in Node, an unknown encoding is utf8
		}
		h.Write(bindings.EncodeString(c.Argument(1), enc))
		return goja.Undefined()
	}
	h.Write(st.bytesArg(c.Argument(1)))
	return goja.Undefined()
}

// hashDigest(handle, encoding): the digest as a string in encoding, or as
// an ArrayBuffer when encoding is not one of Node's (Node gives the bytes
// then).
func (st *state) hashDigest(c goja.FunctionCall) goja.Value {
	sum := st.handle(c.Argument(0)).h.Sum(nil)
	if enc := bindings.NormEncoding(str(c.Argument(1))); enc != "" {
		return bindings.DecodeBytes(st.vm, sum, enc)
	}
	return st.buffer(sum)
}

// hashCopy(handle, outputLength): an independent handle in the same
// state (with another output length for a SHAKE).
func (st *state) hashCopy(c goja.FunctionCall) goja.Value {
	h := st.handle(c.Argument(0)).h
	cl, ok := h.(hash.Cloner)
	if !ok {
		st.throw(&bindings.Error{Name: "Error", Code: "ERR_CRYPTO_HASH_COPY", Message: "this hash cannot be copied"})
	}
	h2, err := cl.Clone()
	if err != nil {
		st.throw(&bindings.Error{Name: "Error", Code: "ERR_CRYPTO_HASH_COPY", Message: err.Error()})
	}
	return st.vm.ToValue(&hashHandle{st.withLength(h2.(hash.Hash), c.Argument(1))})
}

// digestChunk is how much is hashed between checks for cancellation.
const digestChunk = 1 << 20

// sum hashes data with h, checking ctx between chunks.
func sum(ctx context.Context, h hash.Hash, data []byte) ([]byte, error) {
	for len(data) > 0 {
		if err := ctx.Err(); err != nil {
			return nil, context.Cause(ctx)
		}
		n := min(len(data), digestChunk)
		h.Write(data[:n])
		data = data[n:]
	}
	return h.Sum(nil), nil
}

// digest(name, bytes): subtle.digest, a promise of an ArrayBuffer. The
// name was normalized by crypto.js; the data is copied.
func (st *state) digest(c goja.FunctionCall) goja.Value {
	h := lookupHash(c.Argument(0).String())
	if h == nil {
		st.throw(opErrorf("NotSupportedError", "unrecognized hash %q", c.Argument(0).String()))
	}
	data := st.bytesCopy(c.Argument(1))
	return st.quick("crypto.subtle.digest", len(data), func(ctx context.Context) (any, error) {
		return sum(ctx, h.new(), data)
	})
}

// digestSync(name, bytes): the digest now (node:crypto's hash()), or null
// for an unknown hash.
func (st *state) digestSync(c goja.FunctionCall) goja.Value {
	h := lookupHash(c.Argument(0).String())
	if h == nil {
		return goja.Null()
	}
	d := h.new()
	d.Write(st.bytesArg(c.Argument(1)))
	return st.buffer(d.Sum(nil))
}

// timingSafeEqual(a, b): constant-time comparison of equal-length bytes.
func (st *state) timingSafeEqual(c goja.FunctionCall) goja.Value {
	return st.vm.ToValue(subtle.ConstantTimeCompare(st.bytesArg(c.Argument(0)), st.bytesArg(c.Argument(1))) == 1)
}
