package crypto

import (
	"context"
	"crypto/rand"
	"math/big"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// checkPrime(bytes, checks, sync): whether the big-endian number is
// (probably) prime: math/big's Baillie-PSW plus checks Miller-Rabin rounds
// (20 when 0), now or as a promise.
func (st *state) checkPrime(c goja.FunctionCall) goja.Value {
	n := new(big.Int).SetBytes(st.bytesCopy(c.Argument(0)))
	checks := int(c.Argument(1).ToInteger())
	if checks <= 0 {
		checks = 20
	}
	if c.Argument(2).ToBoolean() {
		return st.vm.ToValue(n.ProbablyPrime(checks))
	}
	return st.async("crypto.checkPrime", func(ctx context.Context) (any, error) {
		return detach(ctx, func() (bool, error) { return n.ProbablyPrime(checks), nil })
	})
}

// generatePrime(bits, safe, sync): a random prime of bits bits (a safe
// prime, (p-1)/2 prime too, when safe), big-endian bytes, now or as a
// promise; crypto/rand.Prime.
func (st *state) generatePrime(c goja.FunctionCall) goja.Value {
	bits, safe := int(c.Argument(0).ToInteger()), c.Argument(1).ToBoolean()
	return st.run(c.Argument(2).ToBoolean(), "crypto.generatePrime", func() ([]byte, error) { return prime(bits, safe) })
}

func prime(bits int, safe bool) ([]byte, error) {
	if bits < 2 || safe && bits < 3 {
		return nil, &bindings.Error{Name: "Error", Message: "error:01800076:bignum routines::bits too small"}
	}
	if !safe {
		p, err := rand.Prime(rand.Reader, bits)
		if err != nil {
			return nil, err
		}
		return p.Bytes(), nil
	}
	for {
		q, err := rand.Prime(rand.Reader, bits-1)
		if err != nil {
			return nil, err
		}
		p := new(big.Int).Lsh(q, 1)
		p.Add(p, big.NewInt(1))
		if p.BitLen() == bits && p.ProbablyPrime(20) {
			return p.Bytes(), nil
		}
	}
}
