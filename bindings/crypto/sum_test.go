package crypto

import (
	"context"
	"crypto/sha256"
	"errors"
	"testing"
)

// TestSumCancelled checks that a digest stops at its first chunk once its
// context is cancelled, returning the cause.
func TestSumCancelled(t *testing.T) {
	cause := errors.New("stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(cause)
	h := sha256.New()
	if _, err := sum(ctx, h, make([]byte, 8*digestChunk)); !errors.Is(err, cause) {
		t.Fatalf("err = %v, want %v", err, cause)
	}
	if b, _ := sum(context.Background(), sha256.New(), []byte("abc")); len(b) != 32 {
		t.Fatalf("digest of %d bytes", len(b))
	}
}
