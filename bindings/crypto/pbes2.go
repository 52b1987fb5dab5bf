package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509/pkix"
	"encoding/asn1"
	"hash"
	"strings"

	"github.com/arun-js/arun/bindings"
)

// Encrypted PKCS #8 private keys (RFC 8018 PBES2: PBKDF2 and AES-CBC, what
// OpenSSL 3 writes for "ENCRYPTED PRIVATE KEY"), on crypto/pbkdf2 and
// crypto/aes; the ASN.1 with encoding/asn1.

var (
	oidPBES2    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidHMACSHA1 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidAES128   = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192   = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256   = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
)

var prfs = map[string]func() hash.Hash{
	oidHMACSHA1.String():  sha1.New,
	"1.2.840.113549.2.8":  sha256.New224,
	"1.2.840.113549.2.9":  sha256.New,
	"1.2.840.113549.2.10": sha512.New384,
	"1.2.840.113549.2.11": sha512.New,
}

var aesKeyLens = map[string]int{oidAES128.String(): 16, oidAES192.String(): 24, oidAES256.String(): 32}

type encryptedPrivateKeyInfo struct {
	Algorithm     pkix.AlgorithmIdentifier
	EncryptedData []byte
}

type pbes2Params struct {
	KeyDerivationFunc pkix.AlgorithmIdentifier
	EncryptionScheme  pkix.AlgorithmIdentifier
}

type pbkdf2Params struct {
	Salt       []byte
	Iterations int
	KeyLength  int                      `asn1:"optional"`
	PRF        pkix.AlgorithmIdentifier `asn1:"optional"`
}

var (
	errMissingPassphrase = &bindings.Error{Name: "TypeError", Code: "ERR_MISSING_PASSPHRASE", Message: "Passphrase required for encrypted key"}
	errKeyBadDecrypt     = cryptoErr("ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt")
)

// decryptPKCS8 returns the PKCS #8 DER inside an EncryptedPrivateKeyInfo.
func decryptPKCS8(der, pass []byte) ([]byte, error) {
	var info encryptedPrivateKeyInfo
	if rest, err := asn1.Unmarshal(der, &info); err != nil || len(rest) != 0 {
		return nil, dataErr("invalid encrypted private key")
	}
	if !info.Algorithm.Algorithm.Equal(oidPBES2) {
		return nil, opErrorf("NotSupportedError", "encrypted private keys with %v are not supported (PBES2 only)", info.Algorithm.Algorithm)
	}
	var params pbes2Params
	if _, err := asn1.Unmarshal(info.Algorithm.Parameters.FullBytes, &params); err != nil {
		return nil, dataErr("invalid PBES2 parameters")
	}
	if !params.KeyDerivationFunc.Algorithm.Equal(oidPBKDF2) {
		return nil, opErrorf("NotSupportedError", "PBES2 with %v is not supported (PBKDF2 only)", params.KeyDerivationFunc.Algorithm)
	}
	var kdf pbkdf2Params
	if _, err := asn1.Unmarshal(params.KeyDerivationFunc.Parameters.FullBytes, &kdf); err != nil {
		return nil, dataErr("invalid PBKDF2 parameters")
	}
	prf := sha1.New
	if len(kdf.PRF.Algorithm) > 0 {
		if prf = prfs[kdf.PRF.Algorithm.String()]; prf == nil {
			return nil, opErrorf("NotSupportedError", "PBKDF2 with %v is not supported", kdf.PRF.Algorithm)
		}
	}
	keyLen := aesKeyLens[params.EncryptionScheme.Algorithm.String()]
	if keyLen == 0 {
		return nil, opErrorf("NotSupportedError", "encrypted private keys with %v are not supported (AES-CBC only)", params.EncryptionScheme.Algorithm)
	}
	var iv []byte
	if _, err := asn1.Unmarshal(params.EncryptionScheme.Parameters.FullBytes, &iv); err != nil || len(iv) != 16 {
		return nil, dataErr("invalid AES-CBC parameters")
	}
	if kdf.Iterations < 1 || kdf.Iterations > 10_000_000 {
		return nil, dataErr("unsupported PBKDF2 iteration count %d", kdf.Iterations)
	}
	key, err := pbkdf2.Key(prf, string(pass), kdf.Salt, kdf.Iterations, keyLen)
	if err != nil {
		return nil, dataErr("%v", err)
	}
	b, _ := aes.NewCipher(key)
	if len(info.EncryptedData) == 0 || len(info.EncryptedData)%16 != 0 {
		return nil, errKeyBadDecrypt
	}
	out := make([]byte, len(info.EncryptedData))
	cipher.NewCBCDecrypter(b, iv).CryptBlocks(out, info.EncryptedData)
	out, ok := pkcs7Unpad(out, 16)
	if !ok {
		return nil, errKeyBadDecrypt
	}
	return out, nil
}

// pbes2Iterations is OpenSSL 3's default PBKDF2 count for PKCS #8.
const pbes2Iterations = 2048

// encryptPKCS8 wraps PKCS #8 DER in an EncryptedPrivateKeyInfo with PBES2:
// PBKDF2-HMAC-SHA-256 and the AES-CBC cipher named ("aes-256-cbc"), as
// OpenSSL 3 does.
func encryptPKCS8(der, pass []byte, cipherName string) ([]byte, error) {
	var oid asn1.ObjectIdentifier
	switch strings.ToLower(cipherName) {
	case "aes-128-cbc", "aes128":
		oid = oidAES128
	case "aes-192-cbc", "aes192":
		oid = oidAES192
	case "aes-256-cbc", "aes256":
		oid = oidAES256
	default:
		return nil, cryptoErr("ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher (arun encrypts private keys with aes-128-cbc, aes-192-cbc or aes-256-cbc)")
	}
	salt, iv := make([]byte, 16), make([]byte, 16)
	rand.Read(salt)
	rand.Read(iv)
	key, err := pbkdf2.Key(sha256.New, string(pass), salt, pbes2Iterations, aesKeyLens[oid.String()])
	if err != nil {
		return nil, err
	}
	b, _ := aes.NewCipher(key)
	data := pkcs7Pad(append([]byte{}, der...), 16)
	cipher.NewCBCEncrypter(b, iv).CryptBlocks(data, data)
	raw := func(v any) asn1.RawValue {
		b, err := asn1.Marshal(v)
		if err != nil {
			panic(err)
		}
		return asn1.RawValue{FullBytes: b}
	}
	kdf := pbkdf2Params{Salt: salt, Iterations: pbes2Iterations,
		PRF: pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}, Parameters: asn1.NullRawValue}}
	params := pbes2Params{
		KeyDerivationFunc: pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: raw(kdf)},
		EncryptionScheme:  pkix.AlgorithmIdentifier{Algorithm: oid, Parameters: raw(iv)},
	}
	return asn1.Marshal(encryptedPrivateKeyInfo{
		Algorithm:     pkix.AlgorithmIdentifier{Algorithm: oidPBES2, Parameters: raw(params)},
		EncryptedData: data,
	})
}
