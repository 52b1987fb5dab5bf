package crypto

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
	"golang.org/x/crypto/chacha20poly1305"
)

// cipherSpec is a cipher node:crypto's createCipheriv can name.
type cipherSpec struct {
	mode    string // "cbc", "ctr", "gcm", "ecb", "chacha20-poly1305"
	keyLen  int
	ivLen   int // the IV's length; for gcm the default (any length > 0 is taken)
	aead    bool
	block   int // block size: 16 for cbc and ecb, 1 for stream modes
	display string
}

var cipherSpecs = func() map[string]cipherSpec {
	m := map[string]cipherSpec{}
	for _, bits := range []int{128, 192, 256} {
		k := bits / 8
		pre := "aes-" + itoa(bits) + "-"
		m[pre+"cbc"] = cipherSpec{"cbc", k, 16, false, 16, pre + "cbc"}
		m[pre+"ecb"] = cipherSpec{"ecb", k, 0, false, 16, pre + "ecb"}
		m[pre+"ctr"] = cipherSpec{"ctr", k, 16, false, 1, pre + "ctr"}
		m[pre+"gcm"] = cipherSpec{"gcm", k, 12, true, 1, pre + "gcm"}
		m["aes"+itoa(bits)] = m[pre+"cbc"]
		m["id-aes"+itoa(bits)+"-gcm"] = m[pre+"gcm"]
	}
	m["chacha20-poly1305"] = cipherSpec{"chacha20-poly1305", 32, 12, true, 1, "chacha20-poly1305"}
	return m
}()

func itoa(n int) string { return strconv.Itoa(n) }

// cipherNames returns getCiphers()'s list, sorted.
func (st *state) cipherNames(goja.FunctionCall) goja.Value {
	var names []string
	for n := range cipherSpecs {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = n
	}
	return st.vm.NewArray(out...)
}

// cipherInfo(name): {name, mode, keyLength, ivLength, blockSize} or
// undefined for an unknown cipher (getCipherInfo, and the checks of
// createCipheriv).
func (st *state) cipherInfo(c goja.FunctionCall) goja.Value {
	sp, ok := cipherSpecs[strings.ToLower(c.Argument(0).String())]
	if !ok {
		return goja.Undefined()
	}
	o := st.vm.NewObject()
	_ = o.Set("name", sp.display)
	mode := sp.mode
	if mode == "chacha20-poly1305" {
		mode = "stream"
	}
	_ = o.Set("mode", mode)
	_ = o.Set("keyLength", sp.keyLen)
	if sp.ivLen > 0 {
		_ = o.Set("ivLength", sp.ivLen)
	}
	_ = o.Set("blockSize", sp.block)
	_ = o.Set("aead", sp.aead)
	return o
}

// cipherHandle is a running Cipheriv or Decipheriv.
type cipherHandle struct {
	sp      cipherSpec
	encrypt bool
	pad     bool
	block   cipher.Block
	bm      cipher.BlockMode // cbc
	stream  cipher.Stream    // ctr
	aead    cipher.AEAD
	nonce   []byte
	aad     []byte
	buf     []byte // cbc/ecb: bytes not yet a whole block (or the held-back last block); aead: everything
	tag     []byte
	tagLen  int
}

// cryptoErr makes an Error with OpenSSL's message and Node's code.
func cryptoErr(code, msg string) *bindings.Error {
	return &bindings.Error{Name: "Error", Code: code, Message: msg}
}

func (st *state) cipherArg(v goja.Value) *cipherHandle {
	if h, ok := v.Export().(*cipherHandle); ok {
		return h
	}
	panic(st.vm.NewTypeError("crypto: internal error: not a cipher handle"))
}

// cipherNew(name, key, iv, encrypt, authTagLength): a handle; crypto.js
// checked the name. A wrong key or IV length throws Node's errors.
func (st *state) cipherNew(c goja.FunctionCall) goja.Value {
	sp, ok := cipherSpecs[strings.ToLower(c.Argument(0).String())]
	if !ok {
		st.throw(cryptoErr("ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher"))
	}
	key, iv := st.bytesCopy(c.Argument(1)), st.bytesCopy(c.Argument(2))
	h := &cipherHandle{sp: sp, encrypt: c.Argument(3).ToBoolean(), pad: true}
	tagLen := 16
	if t := c.Argument(4); !goja.IsUndefined(t) && !goja.IsNull(t) {
		tagLen = int(t.ToInteger())
	}
	if len(key) != sp.keyLen {
		st.throw(&bindings.Error{Name: "RangeError", Code: "ERR_CRYPTO_INVALID_KEYLEN", Message: "Invalid key length"})
	}
	badIV := func() {
		st.throw(&bindings.Error{Name: "TypeError", Code: "ERR_CRYPTO_INVALID_IV", Message: "Invalid initialization vector"})
	}
	switch sp.mode {
	case "gcm":
		if len(iv) == 0 {
			badIV()
		}
	case "ecb":
		if len(iv) != 0 {
			badIV()
		}
	default:
		if len(iv) != sp.ivLen {
			badIV()
		}
	}
	var err error
	switch sp.mode {
	case "chacha20-poly1305":
		if tagLen != 16 {
			st.throw(&bindings.Error{Name: "TypeError", Code: "ERR_CRYPTO_INVALID_AUTH_TAG", Message: "Invalid authentication tag length: " + itoa(tagLen)})
		}
		h.aead, err = chacha20poly1305.New(key)
	default:
		h.block, err = aes.NewCipher(key)
	}
	if err != nil {
		st.throw(err)
	}
	switch sp.mode {
	case "cbc":
		if h.encrypt {
			h.bm = cipher.NewCBCEncrypter(h.block, iv)
		} else {
			h.bm = cipher.NewCBCDecrypter(h.block, iv)
		}
	case "ctr":
		h.stream = cipher.NewCTR(h.block, iv)
	case "gcm":
		if tagLen < 4 || tagLen > 16 {
			st.throw(&bindings.Error{Name: "TypeError", Code: "ERR_CRYPTO_INVALID_AUTH_TAG", Message: "Invalid authentication tag length: " + itoa(tagLen)})
		}
		if tagLen != 4 && tagLen != 8 && tagLen < 12 {
			st.throw(&bindings.Error{Name: "TypeError", Code: "ERR_CRYPTO_INVALID_AUTH_TAG", Message: "Invalid authentication tag length: " + itoa(tagLen)})
		}
		h.aead, err = newGCM(h.block, len(iv), tagLen)
		if err != nil {
			st.throw(cryptoErr("ERR_CRYPTO_UNSUPPORTED_OPERATION", err.Error()))
		}
	}
	h.nonce, h.tagLen = iv, tagLen
	return st.vm.ToValue(h)
}

// newGCM is AES-GCM with the given nonce and tag sizes: Go's GCM for a
// full tag, truncGCM for a shorter one (Go's GCM takes a nonce size or a
// tag size, and no tag under 12 bytes).
func newGCM(b cipher.Block, nonceLen, tagLen int) (cipher.AEAD, error) {
	if nonceLen == 12 && tagLen == 16 {
		return cipher.NewGCM(b)
	}
	full, err := cipher.NewGCMWithNonceSize(b, nonceLen)
	if err != nil || tagLen == 16 {
		return full, err
	}
	return &truncGCM{block: b, full: full, tagLen: tagLen}, nil
}

// errGCMNonce is a short-tag GCM decryption with a nonce other than 96
// bits, which truncGCM cannot check.
var errGCMNonce = errors.New("AES-GCM decryption with a tag shorter than 128 bits needs a 96-bit IV")

// truncGCM is AES-GCM with its tag cut to tagLen bytes: the tag is the
// leftmost bits of the full one (NIST SP 800-38D 5.2.1.2). Seal is Go's
// GCM, truncated. Open decrypts with AES-CTR from GCM's first counter
// block (nonce || 2, for a 96-bit nonce: the keystream GCM uses), seals
// the plaintext again with Go's GCM and compares the tag's prefix in
// constant time; the plaintext is returned only if it matches.
type truncGCM struct {
	block  cipher.Block
	full   cipher.AEAD
	tagLen int
}

func (g *truncGCM) NonceSize() int { return g.full.NonceSize() }
func (g *truncGCM) Overhead() int  { return g.tagLen }

func (g *truncGCM) Seal(dst, nonce, plaintext, aad []byte) []byte {
	out := g.full.Seal(nil, nonce, plaintext, aad)
	return append(dst, out[:len(out)-g.full.Overhead()+g.tagLen]...)
}

func (g *truncGCM) Open(dst, nonce, ciphertext, aad []byte) ([]byte, error) {
	if len(nonce) != 12 {
		return nil, errGCMNonce
	}
	if len(ciphertext) < g.tagLen {
		return nil, errors.New("cipher: message authentication failed")
	}
	body, tag := ciphertext[:len(ciphertext)-g.tagLen], ciphertext[len(ciphertext)-g.tagLen:]
	var ctr [16]byte
	copy(ctr[:], nonce)
	ctr[15] = 2
	plain := make([]byte, len(body))
	cipher.NewCTR(g.block, ctr[:]).XORKeyStream(plain, body)
	want := g.full.Seal(nil, nonce, plain, aad)
	full := want[len(want)-g.full.Overhead():]
	if subtle.ConstantTimeCompare(full[:g.tagLen], tag) != 1 {
		clear(plain)
		return nil, errors.New("cipher: message authentication failed")
	}
	return append(dst, plain...), nil
}

// cipherUpdate(handle, bytes): the output so far, an ArrayBuffer.
func (st *state) cipherUpdate(c goja.FunctionCall) goja.Value {
	h := st.cipherArg(c.Argument(0))
	in := st.bytesArg(c.Argument(1))
	switch {
	case h.aead != nil:
		h.buf = append(h.buf, in...)
		return st.buffer([]byte{})
	case h.stream != nil:
		out := make([]byte, len(in))
		h.stream.XORKeyStream(out, in)
		return st.buffer(out)
	}
	h.buf = append(h.buf, in...)
	n := len(h.buf) / 16 * 16
	if !h.encrypt && h.pad && n == len(h.buf) && n > 0 {
		n -= 16 // keep the last block: it holds the padding
	}
	out := make([]byte, n)
	h.blocks(out, h.buf[:n])
	h.buf = append(h.buf[:0], h.buf[n:]...)
	return st.buffer(out)
}

// blocks runs the block mode (cbc or ecb) over whole blocks.
func (h *cipherHandle) blocks(dst, src []byte) {
	if h.bm != nil {
		h.bm.CryptBlocks(dst, src)
		return
	}
	for i := 0; i < len(src); i += 16 {
		if h.encrypt {
			h.block.Encrypt(dst[i:i+16], src[i:i+16])
		} else {
			h.block.Decrypt(dst[i:i+16], src[i:i+16])
		}
	}
}

var (
	errWrongFinal = cryptoErr("ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length")
	errBadDecrypt = cryptoErr("ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt")
	errAuth       = &bindings.Error{Name: "Error", Message: "Unsupported state or unable to authenticate data"}
)

// cipherFinal(handle): the rest of the output.
func (st *state) cipherFinal(c goja.FunctionCall) goja.Value {
	h := st.cipherArg(c.Argument(0))
	switch {
	case h.aead != nil:
		if h.encrypt {
			sealed := h.aead.Seal(nil, h.nonce, h.buf, h.aad)
			n := len(sealed) - h.aead.Overhead()
			h.tag = sealed[n:]
			return st.buffer(sealed[:n])
		}
		if h.tag == nil {
			st.throw(errAuth)
		}
		out, err := h.aead.Open(nil, h.nonce, append(h.buf, h.tag...), h.aad)
		if err != nil {
			st.throw(errAuth)
		}
		return st.buffer(out)
	case h.stream != nil:
		return st.buffer([]byte{})
	}
	if h.encrypt {
		if h.pad {
			h.buf = pkcs7Pad(h.buf, 16)
		} else if len(h.buf) != 0 {
			st.throw(errWrongFinal)
		}
		out := make([]byte, len(h.buf))
		h.blocks(out, h.buf)
		return st.buffer(out)
	}
	if !h.pad {
		if len(h.buf) != 0 {
			st.throw(errWrongFinal)
		}
		return st.buffer([]byte{})
	}
	if len(h.buf) != 16 {
		st.throw(errWrongFinal)
	}
	out := make([]byte, 16)
	h.blocks(out, h.buf)
	out, ok := pkcs7Unpad(out, 16)
	if !ok {
		st.throw(errBadDecrypt)
	}
	return st.buffer(out)
}

// cipherSetAAD(handle, bytes)
func (st *state) cipherSetAAD(c goja.FunctionCall) goja.Value {
	h := st.cipherArg(c.Argument(0))
	h.aad = st.bytesCopy(c.Argument(1))
	return goja.Undefined()
}

// cipherAuthTag(handle[, tag]): with a tag, sets the tag to check
// (decipher); without, returns the tag made by final (cipher), or
// undefined before.
func (st *state) cipherAuthTag(c goja.FunctionCall) goja.Value {
	h := st.cipherArg(c.Argument(0))
	if t := c.Argument(1); !goja.IsUndefined(t) {
		tag := st.bytesCopy(t)
		if len(tag) != h.tagLen {
			st.throw(&bindings.Error{Name: "TypeError", Code: "ERR_CRYPTO_INVALID_AUTH_TAG", Message: "Invalid authentication tag length: " + itoa(len(tag))})
		}
		h.tag = tag
		return goja.Undefined()
	}
	if h.tag == nil {
		return goja.Undefined()
	}
	return st.buffer(append([]byte{}, h.tag...))
}

// cipherSetPadding(handle, on): setAutoPadding.
func (st *state) cipherSetPadding(c goja.FunctionCall) goja.Value {
	st.cipherArg(c.Argument(0)).pad = c.Argument(1).ToBoolean()
	return goja.Undefined()
}

func pkcs7Pad(b []byte, bs int) []byte {
	n := bs - len(b)%bs
	return append(b, bytes.Repeat([]byte{byte(n)}, n)...)
}

func pkcs7Unpad(b []byte, bs int) ([]byte, bool) {
	if len(b) == 0 || len(b)%bs != 0 {
		return nil, false
	}
	n := int(b[len(b)-1])
	if n == 0 || n > bs {
		return nil, false
	}
	bad := 0
	for _, c := range b[len(b)-n:] {
		bad |= subtle.ConstantTimeByteEq(c, byte(n)) ^ 1
	}
	if bad != 0 {
		return nil, false
	}
	return b[:len(b)-n], true
}

// aesCBC is Web Crypto's AES-CBC: PKCS#7 padding always.
func aesCBC(key, iv, data []byte, encrypt bool) ([]byte, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, opErrorf("OperationError", "%v", err)
	}
	if len(iv) != 16 {
		return nil, opErrorf("OperationError", "AES-CBC iv must be 16 bytes")
	}
	if encrypt {
		in := pkcs7Pad(append([]byte{}, data...), 16)
		cipher.NewCBCEncrypter(b, iv).CryptBlocks(in, in)
		return in, nil
	}
	if len(data) == 0 || len(data)%16 != 0 {
		return nil, opErrorf("OperationError", "AES-CBC ciphertext is not a whole number of blocks")
	}
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(b, iv).CryptBlocks(out, data)
	out, ok := pkcs7Unpad(out, 16)
	if !ok {
		return nil, opErrorf("OperationError", "AES-CBC decryption failed: bad padding")
	}
	return out, nil
}

// aesCTR is Web Crypto's AES-CTR: the rightmost length bits of counter
// are the block counter, which wraps around to zero within those bits.
func aesCTR(key, counter []byte, length int, data []byte) ([]byte, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, opErrorf("OperationError", "%v", err)
	}
	nblocks := new(big.Int).SetInt64(int64((len(data) + 15) / 16))
	space := new(big.Int).Lsh(big.NewInt(1), uint(length))
	if nblocks.Cmp(space) > 0 {
		return nil, opErrorf("OperationError", "AES-CTR: the data is longer than the counter allows")
	}
	ctr := new(big.Int).SetBytes(counter)
	low := new(big.Int).Mod(ctr, space)
	left := new(big.Int).Sub(space, low) // blocks before the counter wraps
	out := make([]byte, len(data))
	if nblocks.Cmp(left) <= 0 {
		cipher.NewCTR(b, counter).XORKeyStream(out, data)
		return out, nil
	}
	first := int(left.Int64()) * 16
	cipher.NewCTR(b, counter).XORKeyStream(out[:first], data[:first])
	wrapped := new(big.Int).Sub(ctr, low).FillBytes(make([]byte, 16))
	cipher.NewCTR(b, wrapped).XORKeyStream(out[first:], data[first:])
	return out, nil
}

// aesGCM is Web Crypto's AES-GCM (tagLength in bits).
func aesGCM(key, iv, aad []byte, tagBits int, data []byte, encrypt bool) ([]byte, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, opErrorf("OperationError", "%v", err)
	}
	if len(iv) == 0 {
		return nil, opErrorf("OperationError", "AES-GCM iv must not be empty")
	}
	g, err := newGCM(b, len(iv), tagBits/8)
	if err != nil {
		return nil, opErrorf("OperationError", "%v", err)
	}
	if encrypt {
		return g.Seal(nil, iv, data, aad), nil
	}
	if len(data) < tagBits/8 {
		return nil, opErrorf("OperationError", "AES-GCM ciphertext is shorter than its tag")
	}
	out, err := g.Open(nil, iv, data, aad)
	if err == errGCMNonce {
		return nil, opErrorf("OperationError", "%v", err)
	}
	if err != nil {
		return nil, opErrorf("OperationError", "AES-GCM decryption failed: the data or tag is not authentic")
	}
	return out, nil
}

// kwIV is RFC 3394's default initial value.
var kwIV = [8]byte{0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6}

// aesKeyWrap is RFC 3394's key wrap (section 2.2.1) over crypto/aes.
func aesKeyWrap(kek, plain []byte) ([]byte, error) {
	if len(plain) < 16 || len(plain)%8 != 0 {
		return nil, opErrorf("OperationError", "AES-KW: the key to wrap must be a multiple of 64 bits, at least 128")
	}
	b, err := aes.NewCipher(kek)
	if err != nil {
		return nil, opErrorf("OperationError", "%v", err)
	}
	n := len(plain) / 8
	out := make([]byte, 8+len(plain))
	copy(out[:8], kwIV[:])
	copy(out[8:], plain)
	var blk [16]byte
	for j := 0; j < 6; j++ {
		for i := 1; i <= n; i++ {
			copy(blk[:8], out[:8])
			copy(blk[8:], out[8*i:8*i+8])
			b.Encrypt(blk[:], blk[:])
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(out[:8], binary.BigEndian.Uint64(blk[:8])^t)
			copy(out[8*i:8*i+8], blk[8:])
		}
	}
	return out, nil
}

// aesKeyUnwrap is RFC 3394's key unwrap (section 2.2.2), checking the
// initial value.
func aesKeyUnwrap(kek, wrapped []byte) ([]byte, error) {
	if len(wrapped) < 24 || len(wrapped)%8 != 0 {
		return nil, opErrorf("OperationError", "AES-KW: the wrapped key must be a multiple of 64 bits, at least 192")
	}
	b, err := aes.NewCipher(kek)
	if err != nil {
		return nil, opErrorf("OperationError", "%v", err)
	}
	n := len(wrapped)/8 - 1
	out := append([]byte{}, wrapped...)
	var blk [16]byte
	for j := 5; j >= 0; j-- {
		for i := n; i >= 1; i-- {
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(blk[:8], binary.BigEndian.Uint64(out[:8])^t)
			copy(blk[8:], out[8*i:8*i+8])
			b.Decrypt(blk[:], blk[:])
			copy(out[:8], blk[:8])
			copy(out[8*i:8*i+8], blk[8:])
		}
	}
	if subtle.ConstantTimeCompare(out[:8], kwIV[:]) != 1 {
		return nil, opErrorf("OperationError", "AES-KW: integrity check failed")
	}
	return out[8:], nil
}
