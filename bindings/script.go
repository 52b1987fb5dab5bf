package bindings

import (
	"sync"

	"github.com/dop251/goja"
)

// Script is JavaScript a binding embeds (with //go:embed): compiled once per
// process, the first time a runtime needs it, and run in every runtime.
// goja programs are safe to share between runtimes.
type Script struct {
	name, src string
	once      sync.Once
	prog      *goja.Program
	err       error
}

// NewScript names src for stacks ("arun:internal/x.js": frames of names
// starting with "arun:" are hidden from users).
func NewScript(name, src string) *Script { return &Script{name: name, src: src} }

// Program is the compiled script (strict mode).
func (s *Script) Program() (*goja.Program, error) {
	s.once.Do(func() { s.prog, s.err = goja.Compile(s.name, s.src, true) })
	return s.prog, s.err
}

// Run compiles the script if needed and runs it in vm, returning its
// completion value.
func (s *Script) Run(vm *goja.Runtime) (goja.Value, error) {
	p, err := s.Program()
	if err != nil {
		return nil, err
	}
	return vm.RunProgram(p)
}

// Name is the script's name.
func (s *Script) Name() string { return s.name }
