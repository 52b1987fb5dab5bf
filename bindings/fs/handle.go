package fs

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"sync"
	"syscall"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// handle is an open file of a FileHandle.
type handle struct {
	f       *os.File
	append  bool
	release func() // tells the resource tracker the file closed
}

// open(path, flags, mode) resolves to a FileHandle.
func (m *module) open(c goja.FunctionCall) goja.Value {
	const what = "fs.open"
	p := c.Argument(0).String()
	abs, flags, rej := m.target(what, c.Argument(0), c.Argument(1))
	if rej != nil {
		return rej
	}
	mode := os.FileMode(c.Argument(2).ToInteger())
	// tracked from the call, so a leak report shows where it was opened
	h := &handle{append: flags&syscall.O_APPEND != 0}
	fd := -1
	h.release = m.env.TrackResource("file handle", p, func() {
		if h.f != nil {
			delete(m.files, fd)
			h.f.Close()
		}
	})
	return m.async(what, func(ctx context.Context) (any, error) {
		f, err := m.openPath(abs, p, flags, mode)
		if err != nil {
			h.release() // denied or failed: nothing opened
			return nil, err
		}
		if ctx.Err() != nil {
			f.Close()
			h.release() // cancelled: the handle never reaches the script
			return nil, ctx.Err()
		}
		return bindings.Settle(func(vm *goja.Runtime) (goja.Value, error) {
			h.f, fd = f, int(f.Fd())
			m.files[fd] = h
			return m.makeHandle(goja.Undefined(), vm.ToValue(fd))
		}), nil
	})
}

// lookup returns the open file of fd, or a rejected promise (EBADF).
func (m *module) lookup(what, sc string, fd goja.Value) (*handle, goja.Value) {
	h, ok := m.files[int(fd.ToInteger())]
	if !ok {
		return nil, m.rejected(what, errnoError(syscall.EBADF, opError{syscall: sc}))
	}
	return h, nil
}

// fhRead(fd, view, offset, length, position): reads into view[offset:]
// and resolves to the number of bytes read. The bytes land in the script's
// buffer on the loop, never from the reading goroutine.
func (m *module) fhRead(c goja.FunctionCall) goja.Value {
	const what = "filehandle.read"
	h, rej := m.lookup(what, "read", c.Argument(0))
	if rej != nil {
		return rej
	}
	dst, _ := c.Argument(1).Export().([]byte)
	off := int(c.Argument(2).ToInteger())
	n := int(c.Argument(3).ToInteger())
	pos := c.Argument(4).ToInteger()
	if off < 0 || n < 0 || off+n > len(dst) {
		return m.rejected(what, invalidArg("The value of \"length\" is out of range."))
	}
	return m.async(what, func(ctx context.Context) (any, error) {
		buf := make([]byte, n)
		var got int
		var err error
		if pos >= 0 {
			got, err = h.f.ReadAt(buf, pos)
		} else {
			got, err = h.f.Read(buf)
		}
		if err != nil && err != io.EOF {
			return nil, nodeError(err, opError{syscall: "read"})
		}
		return bindings.Settle(func(vm *goja.Runtime) (goja.Value, error) {
			copy(dst[off:], buf[:got])
			return vm.ToValue(got), nil
		}), nil
	})
}

// fhWrite(fd, data, position) resolves to the number of bytes written.
func (m *module) fhWrite(c goja.FunctionCall) goja.Value {
	const what = "filehandle.write"
	h, rej := m.lookup(what, "write", c.Argument(0))
	if rej != nil {
		return rej
	}
	data := fileData(c.Argument(1))
	pos := c.Argument(2).ToInteger()
	return m.async(what, func(ctx context.Context) (any, error) {
		var n int
		var err error
		if pos >= 0 && !h.append {
			n, err = h.f.WriteAt(data, pos)
		} else {
			n, err = h.f.Write(data)
		}
		if err != nil {
			return nil, nodeError(err, opError{syscall: "write"})
		}
		return n, nil
	})
}

// fhReadFile(fd, encoding): the rest of the file from its position.
func (m *module) fhReadFile(c goja.FunctionCall) goja.Value {
	const what = "filehandle.readFile"
	h, rej := m.lookup(what, "read", c.Argument(0))
	if rej != nil {
		return rej
	}
	enc := c.Argument(1).String()
	return m.async(what, func(ctx context.Context) (any, error) {
		b, err := readAll(ctx, h.f)
		if err != nil {
			return nil, nodeError(err, opError{syscall: "read"})
		}
		return m.contents(b, enc), nil
	})
}

// fhWriteFile(fd, data): writes at the file's position.
func (m *module) fhWriteFile(c goja.FunctionCall) goja.Value {
	const what = "filehandle.writeFile"
	h, rej := m.lookup(what, "write", c.Argument(0))
	if rej != nil {
		return rej
	}
	data := fileData(c.Argument(1))
	return m.async(what, func(ctx context.Context) (any, error) {
		return nil, nodeError(writeAll(ctx, h.f, data), opError{syscall: "write"})
	})
}

// fhStat(fd) resolves to Stats.
func (m *module) fhStat(c goja.FunctionCall) goja.Value {
	const what = "filehandle.stat"
	h, rej := m.lookup(what, "fstat", c.Argument(0))
	if rej != nil {
		return rej
	}
	return m.async(what, func(ctx context.Context) (any, error) {
		fi, err := h.f.Stat()
		if err != nil {
			return nil, nodeError(err, opError{syscall: "fstat"})
		}
		return m.stats(fi), nil
	})
}

// fhTruncate(fd, len)
func (m *module) fhTruncate(c goja.FunctionCall) goja.Value {
	const what = "filehandle.truncate"
	h, rej := m.lookup(what, "ftruncate", c.Argument(0))
	if rej != nil {
		return rej
	}
	n := c.Argument(1).ToInteger()
	return m.async(what, func(ctx context.Context) (any, error) {
		return nil, nodeError(h.f.Truncate(max(n, 0)), opError{syscall: "ftruncate"})
	})
}

// fhSync(fd)
func (m *module) fhSync(c goja.FunctionCall) goja.Value {
	const what = "filehandle.sync"
	h, rej := m.lookup(what, "fsync", c.Argument(0))
	if rej != nil {
		return rej
	}
	return m.async(what, func(ctx context.Context) (any, error) {
		return nil, nodeError(h.f.Sync(), opError{syscall: "fsync"})
	})
}

// fhChmod(fd, mode)
func (m *module) fhChmod(c goja.FunctionCall) goja.Value {
	const what = "filehandle.chmod"
	h, rej := m.lookup(what, "fchmod", c.Argument(0))
	if rej != nil {
		return rej
	}
	mode := os.FileMode(c.Argument(1).ToInteger())
	return m.async(what, func(ctx context.Context) (any, error) {
		return nil, nodeError(h.f.Chmod(mode), opError{syscall: "fchmod"})
	})
}

// fhClose(fd): the handle leaves the table at once; the close runs off the
// loop.
func (m *module) fhClose(c goja.FunctionCall) goja.Value {
	const what = "filehandle.close"
	h, rej := m.lookup(what, "close", c.Argument(0))
	if rej != nil {
		return rej
	}
	delete(m.files, int(c.Argument(0).ToInteger()))
	if h.release != nil {
		h.release()
	}
	return m.async(what, func(ctx context.Context) (any, error) {
		return nil, nodeError(h.f.Close(), opError{syscall: "close"})
	})
}

// lineReader reads a file's lines for FileHandle.readLines.
type lineReader struct {
	mu     sync.Mutex
	r      *bufio.Reader
	enc    string
	closed bool
}

// batch is how many bytes of lines one linesNext call gathers.
const batch = 64 << 10

// linesOpen(fd, start, encoding) returns an opaque reader.
func (m *module) linesOpen(c goja.FunctionCall) goja.Value {
	h, ok := m.files[int(c.Argument(0).ToInteger())]
	if !ok {
		m.env.Throw(errnoError(syscall.EBADF, opError{syscall: "read"}))
	}
	var src io.Reader = h.f
	if start := c.Argument(1).ToInteger(); start >= 0 {
		src = io.NewSectionReader(h.f, start, math.MaxInt64-start)
	}
	return m.vm.ToValue(&lineReader{r: bufio.NewReaderSize(src, batch), enc: c.Argument(2).String()})
}

// linesNext(reader) resolves to [lines, eof].
func (m *module) linesNext(c goja.FunctionCall) goja.Value {
	const what = "filehandle.readLines"
	lr, _ := c.Argument(0).Export().(*lineReader)
	if lr == nil {
		return m.rejected(what, invalidArg("not a line reader"))
	}
	return m.async(what, func(ctx context.Context) (any, error) {
		lines, eof, err := lr.next(ctx)
		if err != nil {
			return nil, nodeError(err, opError{syscall: "read"})
		}
		return bindings.Settle(func(vm *goja.Runtime) (goja.Value, error) {
			arr := make([]any, len(lines))
			for i, l := range lines {
				arr[i] = l
			}
			return vm.NewArray(vm.NewArray(arr...), eof), nil
		}), nil
	})
}

// linesClose(reader) stops the reader (the FileHandle stays open).
func (m *module) linesClose(c goja.FunctionCall) goja.Value {
	if lr, _ := c.Argument(0).Export().(*lineReader); lr != nil {
		lr.mu.Lock()
		lr.closed = true
		lr.mu.Unlock()
	}
	return goja.Undefined()
}

// next reads the next batch of lines. Lines end at "\n", "\r\n" or a lone
// "\r", as in Node's readline; a last line without an ending counts.
func (lr *lineReader) next(ctx context.Context) ([]string, bool, error) {
	lr.mu.Lock()
	defer lr.mu.Unlock()
	if lr.closed {
		return nil, true, nil
	}
	var lines []string
	size := 0
	for size < batch {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		raw, err := lr.r.ReadBytes('\n')
		if len(raw) > 0 {
			size += len(raw)
			raw = bytes.TrimSuffix(raw, []byte{'\n'})
			raw = bytes.TrimSuffix(raw, []byte{'\r'})
			for _, part := range bytes.Split(raw, []byte{'\r'}) {
				lines = append(lines, encodeBytes(part, lr.enc))
			}
		}
		if err == io.EOF {
			lr.closed = true
			return lines, true, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
	return lines, false, nil
}
