package fetch

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"net/http"
	"sort"
	"strings"

	"github.com/arun-js/arun/bindings"
)

// errDataURL is the cause of a data: URL that the data: URL processor
// rejects (no comma, or a base64 body that does not decode).
var errDataURL = errors.New("invalid data: URL")

// dataResponse is the response to a data: URL (href, as the URL parser
// serialized it), by the Fetch standard's data: URL processor: the MIME
// type before the comma (text/plain;charset=US-ASCII when there is none or
// it does not parse), the percent-decoded body after it, base64-decoded
// when the type ends in ";base64".
func dataResponse(href string) (respInfo, error) {
	u, _, _ := strings.Cut(href, "#")
	input := strings.TrimPrefix(u, "data:")
	mimeType, encoded, ok := strings.Cut(input, ",")
	if !ok {
		return respInfo{}, errDataURL
	}
	mimeType = strings.Trim(mimeType, asciiWhitespace)
	body := bindings.PercentDecode(encoded, false)
	if rest, ok := cutBase64(mimeType); ok {
		b, ok := forgivingBase64(string(body))
		if !ok {
			return respInfo{}, errDataURL
		}
		body, mimeType = b, rest
	}
	if strings.HasPrefix(mimeType, ";") {
		mimeType = "text/plain" + mimeType
	}
	ct := "text/plain;charset=US-ASCII"
	if mt, params, err := mime.ParseMediaType(mimeType); err == nil && strings.Contains(mt, "/") {
		ct = serializeMIME(mt, params)
	}
	return respInfo{
		status: 200, statusText: "OK", url: u,
		header: http.Header{"Content-Type": {ct}},
		body:   io.NopCloser(bytes.NewReader(body)), size: int64(len(body)),
	}, nil
}

const asciiWhitespace = "\t\n\f\r "

// serializeMIME writes a MIME type as the MIME Sniffing standard does:
// no space after ";", values quoted only when they are not tokens
// (parameters in name order: Go's parser does not keep theirs).
func serializeMIME(essence string, params map[string]string) string {
	names := make([]string, 0, len(params))
	for k := range params {
		names = append(names, k)
	}
	sort.Strings(names)
	var sb strings.Builder
	sb.WriteString(essence)
	for _, k := range names {
		v := params[k]
		sb.WriteString(";" + k + "=")
		if v != "" && strings.IndexFunc(v, func(r rune) bool { return r > '~' || r <= ' ' || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r) }) < 0 {
			sb.WriteString(v)
			continue
		}
		sb.WriteString(`"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`)
	}
	return sb.String()
}

// cutBase64 removes a trailing ";base64" (spaces allowed before "base64",
// any case) and the spaces and ";" before it.
func cutBase64(mimeType string) (string, bool) {
	if len(mimeType) < 6 || !strings.EqualFold(mimeType[len(mimeType)-6:], "base64") {
		return mimeType, false
	}
	rest := strings.TrimRight(mimeType[:len(mimeType)-6], " ")
	if !strings.HasSuffix(rest, ";") {
		return mimeType, false
	}
	return rest[:len(rest)-1], true
}

// forgivingBase64 is the Infra standard's forgiving-base64 decode: ASCII
// whitespace ignored, padding optional.
func forgivingBase64(s string) ([]byte, bool) {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(asciiWhitespace, r) {
			return -1
		}
		return r
	}, s)
	if len(s)%4 == 0 {
		s = strings.TrimSuffix(s, "=")
		s = strings.TrimSuffix(s, "=")
	}
	if len(s)%4 == 1 || strings.Contains(s, "=") {
		return nil, false
	}
	b, err := base64.RawStdEncoding.DecodeString(s)
	return b, err == nil
}
