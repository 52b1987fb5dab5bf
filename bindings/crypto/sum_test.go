package crypto

import (
	"context"
	"crypto/sha256"
	"errors"
	"testing"
	"time"

	"go.uber.org/goleak"
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

// TestDetach checks that a computation without a context is not waited
// for once its context is cancelled, and that its goroutine ends when the
// computation does.
func TestDetach(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	release := make(chan struct{})
	ctx, cancel := context.WithCancelCause(context.Background())
	cause := errors.New("task cancelled")
	started := make(chan struct{})
	go func() { <-started; cancel(cause) }()
	errc := make(chan error, 1)
	go func() {
		_, err := detach(ctx, func() ([]byte, error) {
			close(started)
			<-release // a long pbkdf2
			return []byte{1}, nil
		})
		errc <- err
	}()
	var err error
	select {
	case err = <-errc:
	case <-time.After(10 * time.Second): // only reached when broken
		close(release)
		t.Fatal("detach waited for the computation after its context was cancelled")
	}
	if !errors.Is(err, cause) {
		t.Fatalf("err = %v, want the cancel cause", err)
	}
	close(release)
	b, err := detach(context.Background(), func() ([]byte, error) { return []byte{2}, nil })
	if err != nil || len(b) != 1 || b[0] != 2 {
		t.Fatalf("detach = %v, %v", b, err)
	}
}
