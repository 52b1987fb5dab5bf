// Package crypto gives scripts the Web Crypto API (the globals crypto,
// Crypto, CryptoKey and SubtleCrypto) and the module "crypto" (also
// "node:crypto"), Node's API, both built on Go's crypto/* packages
// (golang.org/x/crypto for scrypt, ChaCha20-Poly1305, BLAKE2 and
// RIPEMD-160); no cipher is written here. AES key wrap (RFC 3394), CTR's
// counter wrap-around within its length bits, PKCS #7 padding and GCM's
// truncated tags are modes and compositions over crypto/aes and
// crypto/cipher.
//
// The split: crypto.js (embedded, compiled once per process, run once per
// runtime on first use) does the specs' argument handling: Web Crypto's
// algorithm normalization, key usages, extractability and JWK checks, and
// the errors (DOMExceptions with the spec's names: NotSupportedError,
// SyntaxError, DataError, InvalidAccessError, OperationError,
// TypeMismatchError, QuotaExceededError; TypeErrors for bad arguments);
// node:crypto's classes (Hash, Hmac, Cipheriv, Decipheriv, Sign, Verify,
// KeyObject) and argument checks with Node's codes (ERR_INVALID_ARG_TYPE,
// ERR_OUT_OF_RANGE, ERR_CRYPTO_*). The Go natives do the cryptography on
// bytes: hash.go (hashes, HMAC, digests), random.go, kdf.go (PBKDF2, HKDF,
// scrypt), cipher.go (AES modes, Node's streaming ciphers), keys.go (key
// generation, import and export: raw, JWK, SPKI, PKCS #8, PKCS #1, SEC 1,
// PEM), pbes2.go (encrypted PKCS #8), x509.go (X509Certificate), prime.go
// (checkPrime, generatePrime), sign.go
// (signatures, encryption, key agreement), encoding.go (Node's string
// encodings, the bindings package's codecs that Buffer uses).
//
// Keys are Go values (*key) held by CryptoKey and KeyObject objects and
// never change, so both APIs share them (KeyObject.from, createHmac with a
// CryptoKey).
//
// # Goroutine rules
//
// Argument handling, key import and export, and node:crypto's synchronous
// functions run on the loop goroutine, as in Node. Web Crypto's operations
// (digest, sign, verify, encrypt, decrypt, deriveBits, RSA key generation)
// and node:crypto's callback forms (pbkdf2, scrypt, hkdf, generateKeyPair,
// sign/verify with a callback) run on their own goroutine through
// bindings.Env.Async: their inputs are copied on the loop, plain Go data
// comes back, and the promise belongs to the calling task (digests, HMAC,
// AES and HKDF of at most 16 KiB are computed on the loop instead, where a
// goroutine hop would cost more than the work). Cancelling the
// task rejects it at once with CancelledError; a digest stops at its next
// megabyte. Go's pbkdf2, scrypt and RSA key generation take no context:
// they run on a goroutine of their own that nothing waits for once the
// task is cancelled or the run stops (a --timeout, Close), which finishes
// the computation in the background and drops it.
package crypto
