package crypto

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"

	"github.com/dop251/goja"
)

// randomFill(view): fills the bytes of a typed array or DataView with
// random bytes, in place.
func (st *state) randomFill(c goja.FunctionCall) goja.Value {
	var b []byte
	if err := st.vm.ExportTo(c.Argument(0), &b); err != nil {
		panic(st.vm.NewTypeError("crypto: internal error: randomFill of %s", c.Argument(0).String()))
	}
	rand.Read(b)
	return goja.Undefined()
}

// randomUUID(): a version 4 UUID (RFC 9562), lower-case.
func (st *state) randomUUID(goja.FunctionCall) goja.Value {
	return st.vm.ToValue(uuid4())
}

func uuid4() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // variant 10
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}

// randomInt(min, max): a uniform integer in [min, max); crypto.js checked
// that 0 < max - min <= 2**48 and both are safe integers.
func (st *state) randomInt(c goja.FunctionCall) goja.Value {
	lo, hi := c.Argument(0).ToInteger(), c.Argument(1).ToInteger()
	return st.vm.ToValue(lo + int64(uniform(uint64(hi-lo))))
}

// uniform returns a uniform value in [0, n), n > 0, by rejection sampling.
func uniform(n uint64) uint64 {
	// the largest multiple of n that fits, so every residue is equally likely
	limit := ^uint64(0) - ^uint64(0)%n
	var b [8]byte
	for {
		rand.Read(b[:])
		if v := binary.LittleEndian.Uint64(b[:]); v < limit {
			return v % n
		}
	}
}
