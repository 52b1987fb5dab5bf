package crypto

import (
	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// Node's string encodings for crypto.js, on the bindings package's codecs
// (the ones Buffer uses), so that a string given to crypto means what
// Buffer.from(string, encoding) would.

// encodingKnown(enc): whether enc is one of Node's encodings.
func (st *state) encodingKnown(c goja.FunctionCall) goja.Value {
	return st.vm.ToValue(bindings.NormEncoding(c.Argument(0).String()) != "")
}

// encodeBytes(bytes, enc): the string Buffer.toString(enc) gives, or null
// for an unknown encoding.
func (st *state) encodeBytes(c goja.FunctionCall) goja.Value {
	enc := bindings.NormEncoding(c.Argument(1).String())
	if enc == "" {
		return goja.Null()
	}
	return bindings.DecodeBytes(st.vm, st.bytesArg(c.Argument(0)), enc)
}

// decodeString(s, enc): the bytes Buffer.from(s, enc) gives (an
// ArrayBuffer), or null for an unknown encoding.
func (st *state) decodeString(c goja.FunctionCall) goja.Value {
	enc := bindings.NormEncoding(c.Argument(1).String())
	if enc == "" {
		return goja.Null()
	}
	return st.buffer(bindings.EncodeString(c.Argument(0), enc))
}
