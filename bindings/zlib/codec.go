package zlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/arun-js/arun/bindings"
)

// The formats, as the JS side names them.
const (
	fmtGzip       = "gzip"
	fmtDeflate    = "deflate" // zlib-wrapped (RFC 1950)
	fmtDeflateRaw = "deflateRaw"
	fmtBrotli     = "brotli"
	fmtUnzip      = "unzip" // decompression only: gzip or zlib, by the header
)

// params are the options a compressor takes.
type params struct {
	level   int // -1 default, 0-9 (brotli: quality 0-11)
	lgwin   int // brotli window, 0 default
	maxOut  int // maxOutputLength for decompression, 0 = no limit
	format  string
	decoder bool
}

// compressor is a push-based compressor writing into out.
type compressor interface {
	io.WriteCloser
	Flush() error
}

func newCompressor(p params, out io.Writer) (compressor, error) {
	level := p.level
	switch p.format {
	case fmtGzip:
		w, err := gzip.NewWriterLevel(out, flateLevel(level))
		if err != nil {
			return nil, err
		}
		w.OS = 3 // Unix, as zlib writes on Linux
		return w, nil
	case fmtDeflate:
		return zlib.NewWriterLevel(out, flateLevel(level))
	case fmtDeflateRaw:
		return flate.NewWriter(out, flateLevel(level))
	case fmtBrotli:
		q := level
		if q < 0 {
			q = 11 // BROTLI_DEFAULT_QUALITY
		}
		return brotli.NewWriterOptions(out, brotli.WriterOptions{Quality: q, LGWin: p.lgwin}), nil
	}
	return nil, fmt.Errorf("zlib: unknown format %q", p.format)
}

func flateLevel(l int) int {
	if l < -1 || l > 9 {
		return flate.DefaultCompression
	}
	return l
}

// newDecompressor reads the decompressed data of r.
func newDecompressor(p params, r io.Reader) (io.Reader, error) {
	switch p.format {
	case fmtGzip, fmtDeflate:
		// zlib checks the magic bytes before it needs a whole header
		br := &peekReader{r: r}
		b, err := br.peek(2)
		if len(b) > 0 && badHeader(p.format, b) {
			return nil, gzip.ErrHeader
		}
		if err != nil {
			return nil, err
		}
		if p.format == fmtGzip {
			return gzip.NewReader(br)
		}
		return zlib.NewReader(br)
	case fmtDeflateRaw:
		return flate.NewReader(r), nil
	case fmtBrotli:
		return brotli.NewReader(r), nil
	case fmtUnzip:
		br := &peekReader{r: r}
		b, err := br.peek(2)
		if err != nil {
			return nil, err
		}
		if b[0] == 0x1f && b[1] == 0x8b {
			return gzip.NewReader(br)
		}
		return zlib.NewReader(br)
	}
	return nil, fmt.Errorf("zlib: unknown format %q", p.format)
}

// badHeader reports whether the first bytes b (one or two) cannot start
// the format.
func badHeader(format string, b []byte) bool {
	if format == fmtGzip {
		return b[0] != 0x1f || (len(b) > 1 && b[1] != 0x8b)
	}
	return b[0]&0x0f != 8 || (len(b) > 1 && (int(b[0])<<8|int(b[1]))%31 != 0)
}

// peekReader lets unzip look at the first bytes without losing them.
type peekReader struct {
	r   io.Reader
	buf []byte
}

func (p *peekReader) peek(n int) ([]byte, error) {
	for len(p.buf) < n {
		b := make([]byte, n-len(p.buf))
		k, err := p.r.Read(b)
		p.buf = append(p.buf, b[:k]...)
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
	return p.buf, nil
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.buf) > 0 {
		n := copy(b, p.buf)
		p.buf = p.buf[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// compressAll is the one-shot compression of the *Sync and callback forms.
func compressAll(p params, data []byte) ([]byte, error) {
	var out bytes.Buffer
	w, err := newCompressor(p, &out)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// decompressAll is the one-shot decompression.
func decompressAll(ctx context.Context, p params, data []byte) ([]byte, error) {
	r, err := newDecompressor(p, bytes.NewReader(data))
	if err != nil {
		return nil, zError(p, err)
	}
	var out bytes.Buffer
	buf := make([]byte, 64<<10)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, err := r.Read(buf)
		out.Write(buf[:n])
		if p.maxOut > 0 && out.Len() > p.maxOut {
			return nil, tooLarge(p.maxOut)
		}
		if err == io.EOF {
			return out.Bytes(), nil
		}
		if err != nil {
			return nil, zError(p, err)
		}
	}
}

func tooLarge(max int) error {
	return &bindings.Error{Name: "RangeError", Code: "ERR_BUFFER_TOO_LARGE",
		Message: fmt.Sprintf("Cannot create a Buffer larger than %d bytes", max)}
}

// zError is a decompression failure as Node reports it: zlib's message,
// code and errno.
func zError(p params, err error) error {
	var be *bindings.Error
	if errors.As(err, &be) {
		return err
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	if p.format == fmtBrotli {
		return &bindings.Error{Name: "Error", Code: "ERR__ERROR_FORMAT_PADDING_1", Message: "Decompression failed",
			Props: map[string]any{"errno": -1}}
	}
	msg, code, errno := "invalid data: "+err.Error(), "Z_DATA_ERROR", -3
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		msg, code, errno = "unexpected end of file", "Z_BUF_ERROR", -5
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, zlib.ErrHeader):
		msg = "incorrect header check"
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, zlib.ErrChecksum):
		msg = "incorrect data check"
	case errors.Is(err, zlib.ErrDictionary):
		msg, code, errno = "Missing dictionary", "Z_NEED_DICT", 2
	case errors.As(err, &ce):
		msg = "invalid block type"
	}
	return &bindings.Error{Name: "Error", Code: code, Message: msg, Props: map[string]any{"errno": errno}}
}

// stream is the state of a zlib stream object (Gzip, Gunzip, ...): a
// compressor writing into a buffer, or a decompressor running on its own
// goroutine over the chunks it is fed (Go's decompressors pull their
// input; the feeder hands one chunk at a time and knows the decompressor
// has produced all it can when it asks for the next).
type stream struct {
	p  params
	mu sync.Mutex // one write at a time (the Transform already serializes)

	// compression
	out bytes.Buffer
	w   compressor

	// decompression
	feed     chan []byte   // chunks to the reader; closed at the end
	starved  chan struct{} // the reader wants more input
	done     chan struct{} // the decompressor goroutine ended
	dout     bytes.Buffer  // decompressed, not yet collected (guarded by dmu)
	dmu      sync.Mutex
	derr     error
	started  bool
	ended    bool
	waiting  bool // the reader asked for input and waits on feed
	quit     chan struct{}
	quitOnce sync.Once
	finished bool // the compressed stream ended properly (guarded by dmu)
	total    int
}

func newStream(p params) (*stream, error) {
	s := &stream{p: p, quit: make(chan struct{})}
	if !p.decoder {
		w, err := newCompressor(p, &s.out)
		if err != nil {
			return nil, err
		}
		s.w = w
	}
	return s, nil
}

// take returns and clears the compressed bytes so far.
func (s *stream) take() []byte {
	b := bytes.Clone(s.out.Bytes())
	s.out.Reset()
	return b
}

// write feeds a chunk and returns the output it produced.
func (s *stream) write(ctx context.Context, chunk []byte) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return nil, &bindings.Error{Name: "Error", Code: "ERR_STREAM_WRITE_AFTER_END", Message: "write after end"}
	}
	if !s.p.decoder {
		if _, err := s.w.Write(chunk); err != nil {
			return nil, err
		}
		return s.take(), nil
	}
	return s.feedChunk(ctx, chunk, false)
}

// flush makes the compressor emit what it holds (Z_SYNC_FLUSH).
func (s *stream) flush() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.p.decoder || s.ended {
		return nil, nil
	}
	if err := s.w.Flush(); err != nil {
		return nil, err
	}
	return s.take(), nil
}

// end finishes the stream and returns the last output.
func (s *stream) end(ctx context.Context) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return nil, nil
	}
	if !s.p.decoder {
		s.ended = true
		if err := s.w.Close(); err != nil {
			return nil, err
		}
		return s.take(), nil
	}
	return s.feedChunk(ctx, nil, true)
}

// close stops a decompressor goroutine (destroy); idempotent, and never
// waits for a write in progress (that one ends with the goroutine).
func (s *stream) close() { s.quitOnce.Do(func() { close(s.quit) }) }

// feedChunk hands chunk to the decompressor (or the end, when last) and
// waits until it has used it all (it asks for more) or ended, then returns
// what it produced.
func (s *stream) feedChunk(ctx context.Context, chunk []byte, last bool) ([]byte, error) {
	if !s.started {
		s.started = true
		s.feed = make(chan []byte)
		s.starved = make(chan struct{})
		s.done = make(chan struct{})
		go s.run(ctx)
	}
	fail := func() ([]byte, error) { return nil, context.Cause(ctx) }
	if !s.waiting {
		select {
		case <-s.starved:
			s.waiting = true
		case <-s.done:
		case <-ctx.Done():
			return fail()
		}
	}
	if s.waiting {
		s.waiting = false
		if last {
			s.ended = true
			close(s.feed)
		} else {
			select {
			case s.feed <- chunk:
			case <-ctx.Done():
				return fail()
			}
		}
	} else if last {
		s.ended = true // finished already: what follows its end is ignored
	}
	if last {
		select {
		case <-s.done:
		case <-ctx.Done():
			return fail()
		}
	} else {
		select {
		case <-s.starved:
			s.waiting = true
		case <-s.done:
		case <-ctx.Done():
			return fail()
		}
	}
	s.dmu.Lock()
	defer s.dmu.Unlock()
	out := bytes.Clone(s.dout.Bytes())
	s.dout.Reset()
	if s.derr != nil {
		return nil, s.derr
	}
	if last && !s.finished {
		return nil, zError(s.p, io.ErrUnexpectedEOF)
	}
	return out, nil
}

// run is the decompressor goroutine.
func (s *stream) run(ctx context.Context) {
	defer close(s.done)
	src := &feedReader{s: s, ctx: ctx}
	r, err := newDecompressor(s.p, src)
	if err == nil {
		buf := make([]byte, 32<<10)
		for {
			var n int
			n, err = r.Read(buf)
			if n > 0 {
				s.dmu.Lock()
				s.dout.Write(buf[:n])
				s.total += n
				over := s.p.maxOut > 0 && s.total > s.p.maxOut
				s.dmu.Unlock()
				if over {
					err = tooLarge(s.p.maxOut)
					break
				}
			}
			if err != nil {
				break
			}
		}
	}
	s.dmu.Lock()
	defer s.dmu.Unlock()
	if err == io.EOF {
		s.finished = true
	} else if err != nil {
		s.derr = zError(s.p, err)
	}
}

// feedReader is the decompressor's input: each Read that finds nothing
// left asks the feeder for the next chunk.
type feedReader struct {
	s   *stream
	ctx context.Context
	cur []byte
}

func (f *feedReader) Read(b []byte) (int, error) {
	for len(f.cur) == 0 {
		select {
		case f.s.starved <- struct{}{}:
		case <-f.s.quit:
			return 0, errClosed
		case <-f.ctx.Done():
			return 0, context.Cause(f.ctx)
		}
		select {
		case c, ok := <-f.s.feed:
			if !ok {
				return 0, io.EOF
			}
			f.cur = c
		case <-f.s.quit:
			return 0, errClosed
		case <-f.ctx.Done():
			return 0, context.Cause(f.ctx)
		}
	}
	n := copy(b, f.cur)
	f.cur = f.cur[n:]
	return n, nil
}

// errClosed ends the decompressor of a destroyed stream.
var errClosed = errors.New("zlib: stream closed")
