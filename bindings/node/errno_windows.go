//go:build windows

package node

// errnoNumbers are the C runtime's errno values on Windows (errno.h), as
// Node's os.constants.errno there.
var errnoNumbers = map[string]int{
	"E2BIG": 7, "EACCES": 13, "EADDRINUSE": 100, "EADDRNOTAVAIL": 101, "EAGAIN": 11, "EBADF": 9,
	"EBUSY": 16, "ECHILD": 10, "ECONNABORTED": 106, "ECONNREFUSED": 107, "ECONNRESET": 108,
	"EEXIST": 17, "EHOSTUNREACH": 110, "EINTR": 4, "EINVAL": 22, "EIO": 5, "EISDIR": 21, "EMFILE": 24,
	"ENAMETOOLONG": 38, "ENETUNREACH": 118, "ENFILE": 23, "ENOENT": 2, "ENOMEM": 12, "ENOSPC": 28,
	"ENOSYS": 40, "ENOTDIR": 20, "ENOTEMPTY": 41, "ENOTSUP": 129, "EPERM": 1, "EPIPE": 32,
	"ERANGE": 34, "EROFS": 30, "ESPIPE": 29, "ESRCH": 3, "ETIMEDOUT": 138, "EXDEV": 18,
}
