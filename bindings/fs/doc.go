// Package fs implements the modules "fs/promises" (also "node:fs/promises")
// and "fs" (also "node:fs"): a Node.js-compatible subset of the file system
// API with Node's names, options and error codes (ENOENT, EEXIST, EACCES,
// EISDIR, ENOTDIR, ENOTEMPTY... with errno, syscall, path and Node's
// messages). The "fs" module has, besides promises and constants, every
// operation in its synchronous form (readFileSync, statSync, readdirSync,
// mkdirSync, openSync/readSync/writeSync/closeSync, ...) and its callback
// form (readFile(path, cb), open(path, cb) giving a numeric fd, read,
// write, close, exists), and the streams createReadStream/createWriteStream
// (fs.ReadStream/fs.WriteStream, on the "stream" module, over the callback
// forms). All of them run the same Go operations as the promises: a *Sync
// call runs the operation's work on the loop (the module's inSync mode)
// instead of on a goroutine, so the checks and the confinement below are
// the same code for every form.
//
// Paths are resolved against the runtime's working directory (the script's
// process.cwd() at call time) and cleaned. Each operation checks its
// permissions (read, write) and opens what it touches in one step, on the
// goroutine that does the I/O, through bindings.Env.Confine: under a
// sandbox (runtime.Permissions with path grants) that gives an os.Root
// opened at the grant covering the path and the path inside it, so no
// rename or symlink made after the check takes the operation outside the
// grant; os.Root's "path escapes" error becomes the PermissionDenied of the
// path. (A grant that names a file is reached through a Root at its
// directory: a link that another program puts in the file's place is
// followed within that directory.) Operations on a link itself (lstat,
// readlink, unlink, rm, rmdir, rename, link, mkdir, an exclusive create) do
// not follow the last component, so a link to outside can be removed and
// its target stays; symlink refuses a link whose resolved target is outside
// the write grants. rename, link, unlink, rmdir and access run the *at
// system call on the parent directory opened through the Root (rename and
// link may span two grants; without the *at calls, on Windows, they fail
// with EXDEV there). A kind granted in full (ReadAll, WriteAll, the CLI's
// default) uses plain os calls on the path.
//
// # Goroutine rules
//
// Argument handling and the building of results (Buffer, Stats, Dirent,
// FileHandle objects) run on the loop goroutine; permission checks run with
// the I/O they guard. The file system work of every promise-returning
// function runs on its own goroutine through bindings.Env.Async and hands
// plain Go data back; its context is cancelled when the calling asyncio
// task is cancelled (the promise then rejects with the cancellation at
// once) or the run ends. Only the *Sync functions of "fs" block the loop,
// as in Node.
//
// Open FileHandles are kept in a per-runtime table; one not closed is closed
// by the Go garbage collector (os.File's finalizer), not at the end of a run.
package fs
