package crypto

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"net"
	"strings"

	"github.com/dop251/goja"
)

// node:crypto's X509Certificate, on crypto/x509. Texts are formatted as
// OpenSSL prints them, which is what Node returns.

// certHandle is a parsed certificate.
type certHandle struct{ c *x509.Certificate }

// certParse(bytes): a handle for a PEM or DER certificate; throws
// ERR_OSSL_PEM_NO_START_LINE or ERR_OSSL_ASN1_... like Node otherwise.
func (st *state) certParse(c goja.FunctionCall) goja.Value {
	data := st.bytesArg(c.Argument(0))
	der := data
	if b, _ := pem.Decode(data); b != nil {
		if b.Type != "CERTIFICATE" && b.Type != "TRUSTED CERTIFICATE" {
			st.throw(cryptoErr("ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line"))
		}
		der = b.Bytes
	} else if bytes.HasPrefix(bytes.TrimSpace(data), []byte("-----")) || len(data) == 0 || data[0] != 0x30 {
		st.throw(cryptoErr("ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line"))
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		st.throw(cryptoErr("ERR_OSSL_ASN1_WRONG_TAG", "error:0680007B:asn1 encoding routines::header too long: "+trimX509(err)))
	}
	return st.vm.ToValue(&certHandle{cert})
}

func (st *state) certArg(v goja.Value) *x509.Certificate {
	if h, ok := v.Export().(*certHandle); ok {
		return h.c
	}
	panic(st.vm.NewTypeError("crypto: internal error: not a certificate handle"))
}

// attribute names as OpenSSL's short names
var attrNames = map[string]string{
	"2.5.4.3": "CN", "2.5.4.4": "SN", "2.5.4.5": "serialNumber", "2.5.4.6": "C", "2.5.4.7": "L",
	"2.5.4.8": "ST", "2.5.4.9": "street", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.12": "title",
	"2.5.4.17": "postalCode", "2.5.4.42": "GN", "2.5.4.43": "initials", "2.5.4.44": "generationQualifier",
	"2.5.4.46": "dnQualifier", "2.5.4.65": "pseudonym", "2.5.4.97": "organizationIdentifier",
	"1.2.840.113549.1.9.1": "emailAddress", "0.9.2342.19200300.100.1.25": "DC", "0.9.2342.19200300.100.1.1": "UID",
}

// dn formats a raw Name as Node does: one attribute per line, in the
// certificate's order, the values of a multi-valued RDN joined by "+".
func dn(raw []byte) string {
	var seq pkix.RDNSequence
	if _, err := asn1.Unmarshal(raw, &seq); err != nil {
		return ""
	}
	var lines []string
	for _, rdn := range seq {
		var parts []string
		for _, atv := range rdn {
			name := attrNames[atv.Type.String()]
			if name == "" {
				name = atv.Type.String()
			}
			parts = append(parts, name+"="+fmt.Sprint(atv.Value))
		}
		lines = append(lines, strings.Join(parts, "+"))
	}
	return strings.Join(lines, "\n")
}

// openSSLTime is ASN1_TIME_print's layout.
const openSSLTime = "Jan _2 15:04:05 2006 GMT"

var (
	oidSAN = asn1.ObjectIdentifier{2, 5, 29, 17}
	oidAIA = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 1}
)

// subjectAltName is the SAN extension in the certificate's order, as
// OpenSSL prints it ("DNS:a, IP Address:1.2.3.4, email:x, URI:y").
func subjectAltName(c *x509.Certificate) (string, bool) {
	for _, e := range c.Extensions {
		if !e.Id.Equal(oidSAN) {
			continue
		}
		var names []asn1.RawValue
		if _, err := asn1.Unmarshal(e.Value, &names); err != nil {
			return "", false
		}
		var out []string
		for _, n := range names {
			switch n.Tag {
			case 1:
				out = append(out, "email:"+string(n.Bytes))
			case 2:
				out = append(out, "DNS:"+string(n.Bytes))
			case 6:
				out = append(out, "URI:"+string(n.Bytes))
			case 7:
				out = append(out, "IP Address:"+openSSLIP(n.Bytes))
			default:
				out = append(out, "othername:<unsupported>")
			}
		}
		return strings.Join(out, ", "), true
	}
	return "", false
}

// openSSLIP prints an address as OpenSSL does (IPv6 uncompressed, in
// upper-case hex without leading zeros).
func openSSLIP(b []byte) string {
	if len(b) == 4 {
		return net.IP(b).String()
	}
	if len(b) != 16 {
		return "<invalid>"
	}
	parts := make([]string, 8)
	for i := range parts {
		parts[i] = fmt.Sprintf("%X", uint16(b[2*i])<<8|uint16(b[2*i+1]))
	}
	return strings.Join(parts, ":")
}

func fingerprint(sum []byte) string {
	h := strings.ToUpper(hex.EncodeToString(sum))
	var b strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(h[i : i+2])
	}
	return b.String()
}

// certInfo(handle): the certificate's fields as X509Certificate's
// getters return them (undefined members are left out).
func (st *state) certInfo(c goja.FunctionCall) goja.Value {
	cert := st.certArg(c.Argument(0))
	o := st.vm.NewObject()
	set := func(k string, v any) { _ = o.Set(k, v) }
	set("subject", dn(cert.RawSubject))
	set("issuer", dn(cert.RawIssuer))
	if san, ok := subjectAltName(cert); ok {
		set("subjectAltName", san)
	}
	for _, e := range cert.Extensions {
		if e.Id.Equal(oidAIA) {
			var lines []string
			for _, u := range cert.OCSPServer {
				lines = append(lines, "OCSP - URI:"+u)
			}
			for _, u := range cert.IssuingCertificateURL {
				lines = append(lines, "CA Issuers - URI:"+u)
			}
			set("infoAccess", strings.Join(lines, "\n"))
		}
	}
	set("validFrom", cert.NotBefore.UTC().Format(openSSLTime))
	set("validTo", cert.NotAfter.UTC().Format(openSSLTime))
	s1, s256, s512 := sha1.Sum(cert.Raw), sha256.Sum256(cert.Raw), sha512.Sum512(cert.Raw)
	set("fingerprint", fingerprint(s1[:]))
	set("fingerprint256", fingerprint(s256[:]))
	set("fingerprint512", fingerprint(s512[:]))
	set("serialNumber", strings.ToUpper(hex.EncodeToString(cert.SerialNumber.Bytes())))
	set("ca", cert.BasicConstraintsValid && cert.IsCA)
	if len(cert.ExtKeyUsage) > 0 || len(cert.UnknownExtKeyUsage) > 0 {
		var oids []any
		for _, u := range cert.ExtKeyUsage {
			if oid, ok := extKeyUsageOIDs[u]; ok {
				oids = append(oids, oid)
			}
		}
		for _, u := range cert.UnknownExtKeyUsage {
			oids = append(oids, u.String())
		}
		set("keyUsage", st.vm.NewArray(oids...))
	}
	var dns, ips, emails []any
	for _, d := range cert.DNSNames {
		dns = append(dns, d)
	}
	for _, ip := range cert.IPAddresses {
		ips = append(ips, ip.String())
	}
	for _, e := range cert.EmailAddresses {
		emails = append(emails, e)
	}
	set("dnsNames", st.vm.NewArray(dns...))
	set("ipAddresses", st.vm.NewArray(ips...))
	set("emailAddresses", st.vm.NewArray(emails...))
	set("commonName", cert.Subject.CommonName)
	var subjectEmails []any
	for _, atv := range cert.Subject.Names {
		if atv.Type.String() == "1.2.840.113549.1.9.1" {
			subjectEmails = append(subjectEmails, fmt.Sprint(atv.Value))
		}
	}
	set("subjectEmails", st.vm.NewArray(subjectEmails...))
	set("raw", st.buffer(append([]byte{}, cert.Raw...)))
	set("pem", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw})))
	k, err := publicKey(cert.PublicKey)
	if err == nil {
		set("publicKey", st.vm.ToValue(k))
	}
	return o
}

var extKeyUsageOIDs = map[x509.ExtKeyUsage]string{
	x509.ExtKeyUsageAny: "2.5.29.37.0", x509.ExtKeyUsageServerAuth: "1.3.6.1.5.5.7.3.1",
	x509.ExtKeyUsageClientAuth: "1.3.6.1.5.5.7.3.2", x509.ExtKeyUsageCodeSigning: "1.3.6.1.5.5.7.3.3",
	x509.ExtKeyUsageEmailProtection: "1.3.6.1.5.5.7.3.4", x509.ExtKeyUsageIPSECEndSystem: "1.3.6.1.5.5.7.3.5",
	x509.ExtKeyUsageIPSECTunnel: "1.3.6.1.5.5.7.3.6", x509.ExtKeyUsageIPSECUser: "1.3.6.1.5.5.7.3.7",
	x509.ExtKeyUsageTimeStamping: "1.3.6.1.5.5.7.3.8", x509.ExtKeyUsageOCSPSigning: "1.3.6.1.5.5.7.3.9",
}

// certVerify(handle, publicKey): whether the certificate's signature was
// made by the key.
func (st *state) certVerify(c goja.FunctionCall) goja.Value {
	cert, k := st.certArg(c.Argument(0)), st.keyArg(c.Argument(1)).public()
	// a parent that is only a key: Version 0 and no constraints, so that
	// CheckSignatureFrom checks the signature alone
	parent := &x509.Certificate{PublicKey: k.pub}
	switch k.kind() {
	case "rsa":
		parent.PublicKeyAlgorithm = x509.RSA
	case "ec":
		parent.PublicKeyAlgorithm = x509.ECDSA
	case "ed25519":
		parent.PublicKeyAlgorithm = x509.Ed25519
	default:
		return st.vm.ToValue(false)
	}
	return st.vm.ToValue(cert.CheckSignatureFrom(parent) == nil)
}

// certIssued(handle, other): whether other issued the certificate (its
// subject is the issuer and, when both have them, the key identifiers
// match).
func (st *state) certIssued(c goja.FunctionCall) goja.Value {
	cert, other := st.certArg(c.Argument(0)), st.certArg(c.Argument(1))
	ok := bytes.Equal(cert.RawIssuer, other.RawSubject)
	if ok && len(cert.AuthorityKeyId) > 0 && len(other.SubjectKeyId) > 0 {
		ok = bytes.Equal(cert.AuthorityKeyId, other.SubjectKeyId)
	}
	return st.vm.ToValue(ok)
}
