package fs

import (
	"io/fs"
	"syscall"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// File type bits of a stat mode (POSIX values, as Node reports them on
// every platform).
const (
	sIFMT   = 0o170000
	sIFSOCK = 0o140000
	sIFLNK  = 0o120000
	sIFREG  = 0o100000
	sIFBLK  = 0o060000
	sIFDIR  = 0o040000
	sIFCHR  = 0o020000
	sIFIFO  = 0o010000
)

// Access modes of access().
const (
	fOK = 0
	xOK = 1
	wOK = 2
	rOK = 4
)

// copyFileExcl is COPYFILE_EXCL.
const copyFileExcl = 1

// constants is fs.constants.
func constants() map[string]any {
	return map[string]any{
		"O_RDONLY": syscall.O_RDONLY, "O_WRONLY": syscall.O_WRONLY, "O_RDWR": syscall.O_RDWR,
		"O_CREAT": syscall.O_CREAT, "O_EXCL": syscall.O_EXCL, "O_TRUNC": syscall.O_TRUNC,
		"O_APPEND": syscall.O_APPEND, "O_SYNC": syscall.O_SYNC,
		"S_IFMT": sIFMT, "S_IFREG": sIFREG, "S_IFDIR": sIFDIR, "S_IFLNK": sIFLNK, "S_IFIFO": sIFIFO,
		"S_IFSOCK": sIFSOCK, "S_IFCHR": sIFCHR, "S_IFBLK": sIFBLK,
		"S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200, "S_IXUSR": 0o100,
		"S_IRWXG": 0o070, "S_IRGRP": 0o040, "S_IWGRP": 0o020, "S_IXGRP": 0o010,
		"S_IRWXO": 0o007, "S_IROTH": 0o004, "S_IWOTH": 0o002, "S_IXOTH": 0o001,
		"F_OK": fOK, "R_OK": rOK, "W_OK": wOK, "X_OK": xOK,
		"COPYFILE_EXCL": copyFileExcl, "COPYFILE_FICLONE": 2, "COPYFILE_FICLONE_FORCE": 4,
		"UV_FS_COPYFILE_EXCL": copyFileExcl,
	}
}

// flagTable maps Node's string flags to open(2) flags.
var flagTable = map[string]int{
	"r": syscall.O_RDONLY, "rs": syscall.O_RDONLY | syscall.O_SYNC, "sr": syscall.O_RDONLY | syscall.O_SYNC,
	"r+": syscall.O_RDWR, "rs+": syscall.O_RDWR | syscall.O_SYNC, "sr+": syscall.O_RDWR | syscall.O_SYNC,
	"w":   syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY,
	"wx":  syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL,
	"xw":  syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL,
	"w+":  syscall.O_TRUNC | syscall.O_CREAT | syscall.O_RDWR,
	"wx+": syscall.O_TRUNC | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL,
	"xw+": syscall.O_TRUNC | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL,
	"a":   syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY,
	"ax":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL,
	"xa":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL,
	"as":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_SYNC,
	"sa":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_SYNC,
	"a+":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR,
	"ax+": syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL,
	"xa+": syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL,
	"as+": syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_SYNC,
	"sa+": syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_SYNC,
}

// parseFlags reads a flags argument: one of Node's strings or a number.
func parseFlags(v goja.Value) (int, error) {
	switch x := v.Export().(type) {
	case string:
		if f, ok := flagTable[x]; ok {
			return f, nil
		}
		return 0, invalidArg("The argument 'flags' is invalid. Received '%s'", x)
	case int64:
		return int(x), nil
	case float64:
		return int(x), nil
	}
	return 0, invalidArg("The argument 'flags' is invalid. Received %s", v.String())
}

// flagKinds lists the permissions opening a file with flags needs.
func flagKinds(flags int) []bindings.PermissionKind {
	acc := flags & (syscall.O_RDONLY | syscall.O_WRONLY | syscall.O_RDWR)
	var ks []bindings.PermissionKind
	if acc == syscall.O_RDONLY || acc == syscall.O_RDWR {
		ks = append(ks, permRead)
	}
	if acc != syscall.O_RDONLY || flags&(syscall.O_CREAT|syscall.O_TRUNC|syscall.O_APPEND) != 0 {
		ks = append(ks, permWrite)
	}
	return ks
}

// openFollows reports whether opening with flags follows a last component
// that is a symlink: not with O_CREAT|O_EXCL, which fails on any link.
func openFollows(flags int) bool {
	return flags&(syscall.O_CREAT|syscall.O_EXCL) != syscall.O_CREAT|syscall.O_EXCL
}

// modeBits converts a Go FileMode to a POSIX st_mode.
func modeBits(m fs.FileMode) uint32 {
	bits := uint32(m.Perm())
	switch {
	case m&fs.ModeDir != 0:
		bits |= sIFDIR
	case m&fs.ModeSymlink != 0:
		bits |= sIFLNK
	case m&fs.ModeNamedPipe != 0:
		bits |= sIFIFO
	case m&fs.ModeSocket != 0:
		bits |= sIFSOCK
	case m&fs.ModeCharDevice != 0:
		bits |= sIFCHR
	case m&fs.ModeDevice != 0:
		bits |= sIFBLK
	default:
		bits |= sIFREG
	}
	if m&fs.ModeSetuid != 0 {
		bits |= 0o4000
	}
	if m&fs.ModeSetgid != 0 {
		bits |= 0o2000
	}
	if m&fs.ModeSticky != 0 {
		bits |= 0o1000
	}
	return bits
}

// direntType is libuv's dirent type of a directory entry.
func direntType(m fs.FileMode) int {
	switch {
	case m&fs.ModeDir != 0:
		return 2
	case m&fs.ModeSymlink != 0:
		return 3
	case m&fs.ModeNamedPipe != 0:
		return 4
	case m&fs.ModeSocket != 0:
		return 5
	case m&fs.ModeCharDevice != 0:
		return 6
	case m&fs.ModeDevice != 0:
		return 7
	case m.IsRegular():
		return 1
	}
	return 0
}
