// Package console owns arun's value formatting and the global console object.
//
// It implements a port of Node.js's util.inspect (Inspect), util.format
// (Format) and the console methods (Install) on top of goja, producing the
// same text Node 20 prints for the same values, including line breaking,
// array grouping, circular references, errors and custom
// [Symbol.for('nodejs.util.inspect.custom')] methods. It also owns
// CleanStack, which rewrites goja stack traces into Node's frame format.
package console
