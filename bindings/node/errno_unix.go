//go:build unix

package node

import "syscall"

// errnoNumbers are this system's errno values (EAGAIN is 11 on Linux, 35
// on macOS).
var errnoNumbers = map[string]int{
	"E2BIG":         int(syscall.E2BIG),
	"EACCES":        int(syscall.EACCES),
	"EADDRINUSE":    int(syscall.EADDRINUSE),
	"EADDRNOTAVAIL": int(syscall.EADDRNOTAVAIL),
	"EAGAIN":        int(syscall.EAGAIN),
	"EBADF":         int(syscall.EBADF),
	"EBUSY":         int(syscall.EBUSY),
	"ECHILD":        int(syscall.ECHILD),
	"ECONNABORTED":  int(syscall.ECONNABORTED),
	"ECONNREFUSED":  int(syscall.ECONNREFUSED),
	"ECONNRESET":    int(syscall.ECONNRESET),
	"EEXIST":        int(syscall.EEXIST),
	"EHOSTUNREACH":  int(syscall.EHOSTUNREACH),
	"EINTR":         int(syscall.EINTR),
	"EINVAL":        int(syscall.EINVAL),
	"EIO":           int(syscall.EIO),
	"EISDIR":        int(syscall.EISDIR),
	"EMFILE":        int(syscall.EMFILE),
	"ENAMETOOLONG":  int(syscall.ENAMETOOLONG),
	"ENETUNREACH":   int(syscall.ENETUNREACH),
	"ENFILE":        int(syscall.ENFILE),
	"ENOENT":        int(syscall.ENOENT),
	"ENOMEM":        int(syscall.ENOMEM),
	"ENOSPC":        int(syscall.ENOSPC),
	"ENOSYS":        int(syscall.ENOSYS),
	"ENOTDIR":       int(syscall.ENOTDIR),
	"ENOTEMPTY":     int(syscall.ENOTEMPTY),
	"ENOTSUP":       int(syscall.ENOTSUP),
	"EPERM":         int(syscall.EPERM),
	"EPIPE":         int(syscall.EPIPE),
	"ERANGE":        int(syscall.ERANGE),
	"EROFS":         int(syscall.EROFS),
	"ESPIPE":        int(syscall.ESPIPE),
	"ESRCH":         int(syscall.ESRCH),
	"ETIMEDOUT":     int(syscall.ETIMEDOUT),
	"EXDEV":         int(syscall.EXDEV),
}
