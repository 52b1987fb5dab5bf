//go:build !unix

package node

import "errors"

var errNoPriority = errors.New("process priorities are not supported on this platform")

func getPriority(int) (int, error) { return 0, errNoPriority }

func setPriority(int, int) error { return errNoPriority }
