// Package fs implements the modules "fs/promises" (also "node:fs/promises")
// and "fs" (also "node:fs"): a Node.js-compatible subset of the file system
// API with Node's names, options and error codes (ENOENT, EEXIST, EACCES,
// EISDIR, ENOTDIR, ENOTEMPTY... with errno, syscall, path and Node's
// messages). The "fs" module exposes promises, constants, existsSync,
// readFileSync and writeFileSync.
//
// Paths are resolved against the runtime's working directory (the script's
// process.cwd() at call time) and cleaned; the cleaned absolute path is both
// what the permission check sees and what the operation uses, so ".."
// after a symlink cannot make them differ. Every operation is checked with
// the runtime's permissions (read, write) before anything is touched; a
// final symlink that dangles is followed by hand and its destination checked
// too, so a link inside a granted directory cannot create a file outside it.
//
// # Goroutine rules
//
// Argument handling, permission checks and the building of results (Buffer,
// Stats, Dirent, FileHandle objects) run on the loop goroutine. The file
// system work of every promise-returning function runs on its own goroutine
// through bindings.Env.Async and hands plain Go data back; its context is
// cancelled when the calling asyncio task is cancelled (the promise then
// rejects with the cancellation at once) or the run ends. Only the *Sync
// functions of "fs" block the loop, as in Node.
//
// Open FileHandles are kept in a per-runtime table; one not closed is closed
// by the Go garbage collector (os.File's finalizer), not at the end of a run.
package fs
