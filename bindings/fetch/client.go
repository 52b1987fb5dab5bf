package fetch

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// userAgent is the User-Agent fetch sends when the script sets none.
const userAgent = "arun"

// The values of the headers fetch adds when the script sets none.
var (
	defaultAccept         = []string{"*/*"}
	defaultAcceptEncoding = []string{"gzip, deflate, br"}
	defaultUserAgent      = []string{userAgent}
)

// maxRedirects is the spec's redirect limit.
const maxRedirects = 20

var (
	sharedOnce   sync.Once
	sharedClient *http.Client
)

// defaultClient is the process's shared client: one connection pool for
// every runtime whose host did not inject its own client.
func defaultClient() *http.Client {
	sharedOnce.Do(func() { sharedClient = &http.Client{Transport: newTransport(nil)} })
	return sharedClient
}

// newTransport is the transport of the shared client: pooled keep-alive
// connections (enough idle ones per host for 50-way concurrency), HTTP/2
// when the server offers it over TLS, proxies from the environment, and no
// transparent decompression (fetch decodes gzip, deflate and br itself).
func newTransport(tlsConfig *tls.Config) *http.Transport {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          512,
		MaxIdleConnsPerHost:   128,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		DisableCompression:    true,
		TLSClientConfig:       tlsConfig,
	}
}

func (s *state) client() *http.Client {
	if s.env.HTTPClient != nil {
		return s.env.HTTPClient
	}
	return defaultClient()
}

// clientFor is the client for a redirect mode ("follow", "manual",
// "error"): the runtime's client with the mode's CheckRedirect, made once
// per mode.
func (s *state) clientFor(redirect string) *http.Client {
	i := 0
	switch redirect {
	case "manual":
		i = 1
	case "error":
		i = 2
	}
	if c := s.clients[i]; c != nil {
		return c
	}
	c := new(*s.client())
	switch i {
	case 1:
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	case 2:
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return errRedirect }
	default:
		c.CheckRedirect = func(r *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return errors.New("redirect count exceeded")
			}
			return s.env.Check(bindings.PermNet, hostPort(r.URL))
		}
	}
	s.clients[i] = c
	return c
}

// target is a parsed request URL with what fetch derives from it.
type target struct {
	raw      string
	url      *url.URL // never handed out: requests get copies
	host     string   // the request's Host (an empty port removed)
	hostPort string   // the permission target
	what     string   // the waiter's description
}

// target parses rawURL, remembering the last one: a script fetching the
// same URL over and over parses it once.
func (s *state) target(rawURL string) (*target, error) {
	if t := s.lastTarget; t != nil && t.raw == rawURL {
		return t, nil
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	t := &target{raw: rawURL, url: u, host: strings.TrimSuffix(u.Host, ":"), hostPort: hostPort(u), what: "fetch " + rawURL}
	s.lastTarget = t
	return t, nil
}

// errRedirect is the cause of a redirect refused by redirect: "error".
var errRedirect = errors.New("unexpected redirect")

// fetchCall is one request in flight (the object native.fetch returns).
type fetchCall struct {
	s      *state
	w      *bindings.Waiter
	cancel context.CancelFunc
	body   *nativeBody // once the response arrived
	puller *puller     // a streamed request body
	done   bool        // the response (or an error) arrived
	abort  goja.Value
	make   goja.Callable // fetch.js's fetched(status, statusText, url, redirected, headers, bodyID)
	// off, if set, is called once when the call is done with its signal:
	// the request failed or was dropped, or its response's body ended
	off goja.Callable
	key *goja.Object // its promise, its key in state.calls while it has a signal
}

// release calls off, once, and forgets the call's signal.
func (c *fetchCall) release() {
	if c.key != nil {
		delete(c.s.calls, c.key)
		c.key = nil
	}
	if f := c.off; f != nil {
		c.off = nil
		_, _ = f(goja.Undefined())
	}
}

// respInfo is what the request goroutine hands back to the loop.
type respInfo struct {
	status     int
	statusText string
	url        string
	redirected bool
	header     http.Header
	body       io.ReadCloser // nil: no body
	size       int64
	pf         *prefetch // the body is being read ahead
}

// startFetch is native.fetch(method, url, headers, body, redirect, make,
// abortable, off): a promise of make(status, statusText, url, redirected,
// headers, bodyID), the Response. With abortable, native.abort(promise,
// reason) aborts the request, and off() is called once the call no longer
// needs its signal (it failed, or its response's body is done).
func (s *state) startFetch(call goja.FunctionCall) goja.Value {
	vm := s.env.VM
	method := call.Argument(0).String()
	rawURL := call.Argument(1).String()
	hdrs, ok := flatStrings(call.Argument(2))
	if !ok {
		panic(vm.NewTypeError("fetch: bad header list"))
	}
	redirect := call.Argument(4).String()

	t, err := s.target(rawURL)
	if err != nil {
		panic(s.env.ToJSError(&bindings.Error{Name: "TypeError", Message: "fetch failed", Cause: &bindings.Error{Name: "TypeError", Code: "ERR_INVALID_URL", Message: "Invalid URL: " + rawURL}}))
	}
	u := t.url
	c := &fetchCall{s: s}
	if c.make, ok = s.makers.Assert(call.Argument(5)); !ok {
		panic(vm.NewTypeError("fetch: no response maker"))
	}
	abortable := call.Argument(6).ToBoolean()
	if abortable {
		c.off, _ = goja.AssertFunction(call.Argument(7))
	}
	// result is what native.fetch returns for the promise p
	result := func(p goja.Value) goja.Value {
		if abortable {
			if o, ok := p.(*goja.Object); ok && c.off != nil {
				c.key = o
				s.calls[o] = c
			}
		}
		return p
	}

	reject := func(err error) goja.Value {
		p, _, rej := vm.NewPromise()
		_ = rej(s.env.ToJSError(err))
		ret := result(vm.ToValue(p))
		c.release()
		return ret
	}
	isData := u.Scheme == "data"
	switch u.Scheme {
	case "http", "https", "data":
	default:
		return reject(&bindings.Error{Name: "TypeError", Message: "fetch failed", Cause: &bindings.Error{Code: "ERR_UNSUPPORTED_SCHEME", Message: "unknown scheme " + strconv.Quote(u.Scheme)}})
	}
	if !isData {
		if err := s.env.Check(bindings.PermNet, t.hostPort); err != nil {
			return reject(err)
		}
	}

	// The body: a string, bytes, a native body handed over, or a JS puller.
	var body io.Reader
	var bodyLen int64 = -1
	var ownBody io.ReadCloser
	switch bv := call.Argument(3); {
	case goja.IsUndefined(bv) || goja.IsNull(bv):
	default:
		switch x := bv.Export().(type) {
		case string:
			body, bodyLen = strings.NewReader(x), int64(len(x))
		case goja.ArrayBuffer:
			b := bytes.Clone(x.Bytes())
			body, bodyLen = bytes.NewReader(b), int64(len(b))
		default:
			o := bv.ToObject(vm)
			if id := o.Get("native"); id != nil && !goja.IsUndefined(id) {
				rc, size, ok := s.take(id.ToInteger())
				if !ok {
					return reject(&bindings.Error{Name: "TypeError", Code: "ERR_BODY_UNUSABLE", Message: "Body is unusable: Body has already been read"})
				}
				ownBody, body, bodyLen = rc, rc, size
			} else if pull, ok := goja.AssertFunction(o.Get("pull")); ok {
				c.puller = newPuller(s, pull, o.Get("cancel"))
				body = c.puller
			} else {
				var b []byte
				if err := vm.ExportTo(bv, &b); err != nil {
					panic(vm.NewTypeError("fetch: bad body"))
				}
				b = bytes.Clone(b)
				body, bodyLen = bytes.NewReader(b), int64(len(b))
			}
		}
	}

	ctx, cancel := context.WithCancel(s.env.Context())
	c.cancel = cancel
	c.w = s.env.NewWaiter(t.what, c.stop)
	ret := result(c.w.Value())
	if c.w.Done() {
		c.stop()
		c.release()
		if ownBody != nil {
			ownBody.Close()
		}
		return ret
	}
	if isData {
		// no network: the response settles on the loop's next turn
		if ownBody != nil {
			ownBody.Close()
		}
		info, err := dataResponse(rawURL)
		s.env.Loop.Reserve()(func() error { return c.settle(info, err) })
		return ret
	}

	// the URL is parsed already: the request gets its own copy
	req, err := http.NewRequestWithContext(ctx, method, "", body)
	if err != nil {
		c.w.Reject(&bindings.Error{Name: "TypeError", Message: "fetch failed", Cause: err})
		c.stop()
		c.release()
		if ownBody != nil {
			ownBody.Close()
		}
		return ret
	}
	req.URL, req.Host = new(*u), t.host
	if bodyLen >= 0 {
		req.ContentLength = bodyLen
		if bodyLen == 0 {
			req.Body = http.NoBody
		}
	} else if body != nil {
		req.ContentLength = -1
	}
	if c.puller != nil {
		req.GetBody = nil
	}
	hasAE, hasUA, hasAccept := false, false, false
	for i := 0; i+1 < len(hdrs); i += 2 {
		k, v := hdrs[i], hdrs[i+1]
		switch strings.ToLower(k) {
		case "host":
			req.Host = v
			continue
		case "accept-encoding":
			hasAE = true
		case "user-agent":
			hasUA = true
		case "accept":
			hasAccept = true
		case "content-length":
			continue
		}
		req.Header.Add(k, v)
	}
	// the defaults share their value slices (full to capacity, so an
	// Add on a request's header appends to a copy)
	if !hasAccept {
		req.Header["Accept"] = defaultAccept
	}
	if !hasAE {
		req.Header["Accept-Encoding"] = defaultAcceptEncoding
	}
	if !hasUA {
		req.Header["User-Agent"] = defaultUserAgent
	}

	cl := s.clientFor(redirect)
	isHead := method == http.MethodHead
	// Like Loop.Go, but the goroutine goes on after handing the headers
	// over: it reads a small body ahead (see prefetch).
	enqueue := s.env.Loop.Reserve()
	go func() {
		resp, err := cl.Do(req)
		var info respInfo
		if err == nil {
			info, err = responseInfo(req, resp, isHead)
		}
		if err == nil && info.body != nil && info.size >= 0 && info.size <= prefetchMax {
			info.pf = newPrefetch()
		}
		enqueue(func() error { return c.settle(info, err) })
		if info.pf != nil {
			info.pf.run(info.body, info.size)
		}
	}()
	return ret
}

// responseInfo collects what JS needs from resp and sets up decoding.
func responseInfo(req *http.Request, resp *http.Response, isHead bool) (respInfo, error) {
	info := respInfo{
		status: resp.StatusCode,
		header: resp.Header,
		url:    resp.Request.URL.String(),
		size:   resp.ContentLength,
	}
	info.redirected = resp.Request != req
	if i := strings.IndexByte(info.url, '#'); i >= 0 {
		info.url = info.url[:i]
	}
	info.statusText = strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode))
	info.statusText = strings.TrimPrefix(info.statusText, " ")
	nullBody := isHead || resp.StatusCode == 204 || resp.StatusCode == 205 || resp.StatusCode == 304 || resp.Body == http.NoBody
	if nullBody {
		resp.Body.Close()
		return info, nil
	}
	rc, decoded, err := decodeBody(resp)
	if err != nil {
		resp.Body.Close()
		return info, err
	}
	if decoded {
		info.size = -1
	}
	info.body = rc
	return info, nil
}

// decodeBody wraps the body in the decoders its Content-Encoding names.
func decodeBody(resp *http.Response) (io.ReadCloser, bool, error) {
	ce := strings.TrimSpace(strings.ToLower(resp.Header.Get("Content-Encoding")))
	if ce == "" || ce == "identity" || resp.Uncompressed {
		return resp.Body, false, nil
	}
	var codings []string
	for _, c := range strings.Split(ce, ",") {
		codings = append(codings, strings.TrimSpace(c))
	}
	var r io.Reader = resp.Body
	// decode in reverse order of application
	for i := len(codings) - 1; i >= 0; i-- {
		switch codings[i] {
		case "gzip", "x-gzip":
			r = &lazyReader{open: func(src io.Reader) func() (io.Reader, error) {
				return func() (io.Reader, error) { return gzip.NewReader(src) }
			}(r)}
		case "deflate":
			r = &lazyReader{open: func(src io.Reader) func() (io.Reader, error) {
				return func() (io.Reader, error) { return newDeflateReader(src) }
			}(r)}
		case "br":
			r = brotli.NewReader(r)
		case "identity", "":
		default:
			return resp.Body, false, nil // unknown coding: hand the bytes over as they are
		}
	}
	return readCloser{Reader: r, Closer: resp.Body}, true, nil
}

type readCloser struct {
	io.Reader
	io.Closer
}

// lazyReader opens its decoder on the first Read, so that a gzip header
// arriving late does not hold up the response.
type lazyReader struct {
	open func() (io.Reader, error)
	r    io.Reader
	err  error
}

func (l *lazyReader) Read(p []byte) (int, error) {
	if l.r == nil && l.err == nil {
		l.r, l.err = l.open()
		if l.err == io.EOF {
			l.err = io.ErrUnexpectedEOF
		}
	}
	if l.err != nil {
		return 0, l.err
	}
	return l.r.Read(p)
}

// newDeflateReader reads "deflate" as servers send it: zlib-wrapped, or raw.
func newDeflateReader(src io.Reader) (io.Reader, error) {
	br := bufio.NewReader(src)
	hdr, err := br.Peek(2)
	if err != nil {
		return nil, err
	}
	if hdr[0]&0x0f == 8 && (uint16(hdr[0])<<8|uint16(hdr[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// settle runs on the loop when the response headers (or an error) arrived.
func (c *fetchCall) settle(info respInfo, err error) error {
	s := c.s
	c.done = true
	defer c.cancelUnlessBody()
	if c.puller != nil {
		c.puller.finish()
	}
	if c.w.Done() {
		if info.body != nil && info.pf == nil {
			info.body.Close()
		}
		c.release()
		return nil
	}
	if err != nil {
		c.w.Reject(c.fetchError(err))
		c.release()
		return nil
	}
	vm := s.env.VM
	var bodyID int64
	if info.pf != nil {
		c.body = s.newPrefetchedBody(info.pf, info.size, c.cancel)
		bodyID = c.body.id
	} else if info.body != nil {
		c.body = s.newBody(info.body, info.size, c.cancel)
		bodyID = c.body.id
	}
	if c.off != nil {
		if c.body != nil {
			c.body.onDone = c.release
		} else {
			defer c.release()
		}
	}
	return c.w.ResolveCall(c.make(goja.Undefined(), vm.ToValue(info.status), vm.ToValue(info.statusText), vm.ToValue(info.url),
		vm.ToValue(info.redirected), vm.ToValue(&lazyHeaders{h: info.header}), vm.ToValue(bodyID)))
}

func (c *fetchCall) cancelUnlessBody() {
	if c.body == nil {
		c.cancel()
	}
}

// fetchError converts a request failure to the TypeError fetch rejects with.
func (c *fetchCall) fetchError(err error) error {
	if c.puller != nil && c.puller.jsErr != nil {
		return &bindings.Error{Name: "TypeError", Message: "fetch failed", Cause: reasonErr{c.puller.jsErr}}
	}
	var pe *bindings.PermissionError
	if errors.As(err, &pe) {
		return pe
	}
	if errors.Is(err, errRedirect) {
		return &bindings.Error{Name: "TypeError", Message: "fetch failed", Cause: &bindings.Error{Code: "ERR_REDIRECT", Message: "unexpected redirect (redirect mode is \"error\")"}}
	}
	return netError("fetch failed", err)
}

// netError is a TypeError with msg whose cause is err as a Node-style
// system error (code ECONNREFUSED, ENOTFOUND...).
func netError(msg string, err error) error {
	return &bindings.Error{Name: "TypeError", Message: msg, Cause: sysError(err)}
}

func sysError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	code := ""
	var dns *net.DNSError
	var cert x509.UnknownAuthorityError
	var host x509.HostnameError
	var inv x509.CertificateInvalidError
	switch {
	case errors.As(err, &dns):
		code = "ENOTFOUND"
		if dns.IsTemporary || dns.IsTimeout {
			code = "EAI_AGAIN"
		}
	case errors.Is(err, syscall.ECONNREFUSED):
		code = "ECONNREFUSED"
	case errors.Is(err, syscall.ECONNRESET):
		code = "ECONNRESET"
	case errors.Is(err, syscall.EHOSTUNREACH):
		code = "EHOSTUNREACH"
	case errors.Is(err, syscall.ENETUNREACH):
		code = "ENETUNREACH"
	case errors.Is(err, syscall.EPIPE):
		code = "EPIPE"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		code = "UND_ERR_SOCKET"
	case errors.As(err, &cert):
		code = "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
	case errors.As(err, &host):
		code = "ERR_TLS_CERT_ALTNAME_INVALID"
	case errors.As(err, &inv):
		code = "CERT_INVALID"
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum):
		code = "Z_DATA_ERROR"
	default:
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			code = "ETIMEDOUT"
		}
	}
	return &bindings.Error{Name: "Error", Code: code, Message: err.Error()}
}

// doAbort is call.abort(reason): the AbortSignal fired.
func (c *fetchCall) doAbort(reason goja.Value) {
	if !c.done {
		c.abort = reason
		c.w.Reject(reasonErr{reason})
		c.stop()
		return
	}
	if c.body != nil {
		c.s.abortBody(c.body, reason)
	}
}

// stop cancels the request (task cancelled or aborted before the response).
func (c *fetchCall) stop() {
	if c.cancel != nil {
		c.cancel()
	}
	if c.puller != nil {
		c.puller.finish()
	}
}

// hostPort is the permission target of u: host:port with the scheme's
// default port.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch u.Scheme {
		case "https", "wss":
			port = "443"
		default:
			port = "80"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// flatStrings reads a flat [name, value, ...] header list made by fetch.js
// (an array of strings) without reflection: most lists are empty or short.
func flatStrings(v goja.Value) ([]string, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, goja.IsUndefined(v) || goja.IsNull(v)
	}
	n := o.Get("length").ToInteger()
	if n == 0 {
		return nil, true
	}
	if n < 0 || n > 1<<20 {
		return nil, false
	}
	out := make([]string, n)
	for i := range out {
		e, ok := o.Get(strconv.Itoa(i)).(goja.String)
		if !ok {
			return nil, false
		}
		out[i] = e.String()
	}
	return out, true
}

// lazyHeaders are a response's headers until a script reads them:
// fetch.js turns them into its flat list (native.headerList) on first use,
// so a response whose headers nobody reads never converts them.
// A served request's also carries its Host, listed first.
type lazyHeaders struct {
	h    http.Header
	host string
}

// flat is the [name, value, ...] list with lower-case names.
func (l *lazyHeaders) flat(vm *goja.Runtime) goja.Value {
	n := 1
	for _, vs := range l.h {
		n += len(vs)
	}
	flat := make([]any, 0, 2*n)
	if l.host != "" {
		flat = append(flat, "host", l.host)
	}
	for k, vs := range l.h {
		lk := strings.ToLower(k)
		for _, v := range vs {
			flat = append(flat, lk, v)
		}
	}
	return vm.NewArray(flat...)
}
