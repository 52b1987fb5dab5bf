// Package fetch is a placeholder.
package fetch

import "github.com/arun-js/arun/bindings"

// Modules returns the modules this package provides.
func Modules() []bindings.Module { return nil }

// Globals returns the global installers of this package.
func Globals() []bindings.Global { return nil }
