package fs

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/arun-js/arun/bindings"
)

// errnoInfo is the Node code and description of an errno.
type errnoInfo struct {
	code, desc string
}

// errnos maps the errors file operations meet to libuv's codes and
// messages (what Node prints).
var errnos = map[syscall.Errno]errnoInfo{
	syscall.ENOENT:       {"ENOENT", "no such file or directory"},
	syscall.EEXIST:       {"EEXIST", "file already exists"},
	syscall.EACCES:       {"EACCES", "permission denied"},
	syscall.EISDIR:       {"EISDIR", "illegal operation on a directory"},
	syscall.ENOTDIR:      {"ENOTDIR", "not a directory"},
	syscall.ENOTEMPTY:    {"ENOTEMPTY", "directory not empty"},
	syscall.EPERM:        {"EPERM", "operation not permitted"},
	syscall.EBADF:        {"EBADF", "bad file descriptor"},
	syscall.EINVAL:       {"EINVAL", "invalid argument"},
	syscall.ELOOP:        {"ELOOP", "too many symbolic links encountered"},
	syscall.EMFILE:       {"EMFILE", "too many open files"},
	syscall.ENFILE:       {"ENFILE", "file table overflow"},
	syscall.EXDEV:        {"EXDEV", "cross-device link not permitted"},
	syscall.ENAMETOOLONG: {"ENAMETOOLONG", "name too long"},
	syscall.EBUSY:        {"EBUSY", "resource busy or locked"},
	syscall.EROFS:        {"EROFS", "read-only file system"},
	syscall.ENOSPC:       {"ENOSPC", "no space left on device"},
	syscall.EIO:          {"EIO", "i/o error"},
	syscall.EAGAIN:       {"EAGAIN", "resource temporarily unavailable"},
	syscall.EFBIG:        {"EFBIG", "file too large"},
	syscall.ESPIPE:       {"ESPIPE", "invalid seek"},
	syscall.ENXIO:        {"ENXIO", "no such device or address"},
	syscall.ETXTBSY:      {"ETXTBSY", "text file is busy"},
	syscall.EMLINK:       {"EMLINK", "too many links"},
}

// opError describes a failed system call the way Node does.
type opError struct {
	syscall string
	path    string // as the script gave it; "" for calls without one (read)
	dest    string // rename, copyfile, symlink
}

// nodeError converts err (from package os or syscall) into the JS error
// Node would throw: code, errno, syscall, path and a message like
// "ENOENT: no such file or directory, open 'x'". Errors that are not system
// errors (cancellation) are returned unchanged.
func nodeError(err error, op opError) error {
	if err == nil {
		return nil
	}
	var be *bindings.Error
	if errors.As(err, &be) {
		return err
	}
	var pe *bindings.PermissionError
	if errors.As(err, &pe) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, bindings.ErrCancelled) {
		return err
	}
	var en syscall.Errno
	if !errors.As(err, &en) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			en = syscall.ENOENT
		case errors.Is(err, fs.ErrExist):
			en = syscall.EEXIST
		case errors.Is(err, fs.ErrPermission):
			en = syscall.EACCES
		case errors.Is(err, os.ErrClosed):
			en = syscall.EBADF
		default:
			return &bindings.Error{Message: "fs: " + err.Error(), Props: opProps(op)}
		}
	}
	return errnoError(en, op)
}

// errnoError builds the Node error for en.
func errnoError(en syscall.Errno, op opError) *bindings.Error {
	info, ok := errnos[en]
	if !ok {
		info = errnoInfo{code: "E" + fmt.Sprint(int(en)), desc: en.Error()}
	}
	msg := info.code + ": " + info.desc + ", " + op.syscall
	if op.path != "" {
		msg += " '" + op.path + "'"
		if op.dest != "" {
			msg += " -> '" + op.dest + "'"
		}
	}
	props := opProps(op)
	props["errno"] = -int(en)
	return &bindings.Error{Code: info.code, Message: msg, Cause: en, Props: props}
}

func opProps(op opError) map[string]any {
	props := map[string]any{"syscall": op.syscall}
	if op.path != "" {
		props["path"] = op.path
	}
	if op.dest != "" {
		props["dest"] = op.dest
	}
	return props
}

// invalidArg is Node's ERR_INVALID_ARG_VALUE / ERR_INVALID_ARG_TYPE.
func invalidArg(format string, args ...any) error {
	return &bindings.Error{Name: "TypeError", Code: "ERR_INVALID_ARG_VALUE", Message: fmt.Sprintf(format, args...)}
}
