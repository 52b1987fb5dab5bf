package crypto_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestPackages installs uuid, jose (a JWT/JWE library on Web Crypto),
// bcryptjs and tweetnacl (pure JS, on randomBytes/getRandomValues) from npm
// into a temporary directory and runs them; skipped without npm or the
// network, and in -short mode.
func TestPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no npm install")
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skip("npm is not on PATH")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "install", "--no-audit", "--no-fund", "uuid@11", "jose@6", "bcryptjs@2", "tweetnacl@1")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("npm install failed (no network?): %v\n%s", err, out)
	}
	runtimetest.VerifyNoLeaks(t)
	src := `
import { v4, v5, validate, version } from "uuid";
import * as jose from "jose";
console.log(validate(v4()), version(v4()), v5("hello", v5.DNS));
const secret = new TextEncoder().encode("0123456789abcdef0123456789abcdef");
const jwt = await new jose.SignJWT({ sub: "x" }).setProtectedHeader({ alg: "HS256" }).setIssuedAt(1700000000).sign(secret);
console.log(jwt);
for (const alg of ["ES256", "RS256", "PS384", "EdDSA"]) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg);
  const t = await new jose.SignJWT({ a: alg }).setProtectedHeader({ alg }).sign(privateKey);
  console.log((await jose.jwtVerify(t, publicKey)).payload.a);
}
const { publicKey, privateKey } = await jose.generateKeyPair("ECDH-ES+A256KW");
const jwe = await new jose.CompactEncrypt(new TextEncoder().encode("sealed")).setProtectedHeader({ alg: "ECDH-ES+A256KW", enc: "A128CBC-HS256" }).encrypt(publicKey);
console.log(new TextDecoder().decode((await jose.compactDecrypt(jwe, privateKey)).plaintext));
const bcrypt = require("bcryptjs");
const h = bcrypt.hashSync("pw", 4);
console.log(bcrypt.compareSync("pw", h), bcrypt.compareSync("px", h));
const nacl = require("tweetnacl");
const kp = nacl.box.keyPair(), kp2 = nacl.box.keyPair(), nonce = nacl.randomBytes(24);
const box = nacl.box(new TextEncoder().encode("boxed"), nonce, kp2.publicKey, kp.secretKey);
console.log(new TextDecoder().decode(nacl.box.open(box, nonce, kp.publicKey, kp2.secretKey)));
`
	if err := os.WriteFile(filepath.Join(dir, "main.mjs"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := runtime.Options{Dir: dir}
	// RSA key generation and bcrypt take seconds under -race on a loaded machine
	runtimetest.RunTimeout = 2 * time.Minute
	defer func() { runtimetest.RunTimeout = 0 }()
	res := runtimetest.Run(t, filepath.Join(dir, "main.mjs"), src, opts)
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Stderr)
	}
	want := "true 4 9342d47a-1bab-5709-9869-c840b2eac501\n" +
		"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiaWF0IjoxNzAwMDAwMDAwfQ.rG5DFgOIofQVlmhjf7oQRGB0ZGLdsHZkR9uir8mBzEo\n" +
		"ES256\nRS256\nPS384\nEdDSA\nsealed\ntrue false\nboxed\n"
	if res.Stdout != want {
		t.Errorf("got\n%s\nwant\n%s", res.Stdout, want)
	}
}
