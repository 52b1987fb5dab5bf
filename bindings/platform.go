package bindings

// NodePlatform is Node's process.platform for the Go GOOS goos: "win32"
// on Windows, the GOOS elsewhere ("linux", "darwin", "freebsd").
func NodePlatform(goos string) string {
	if goos == "windows" {
		return "win32"
	}
	return goos
}

// NodeArch is Node's process.arch for the Go GOARCH goarch: "x64" for
// amd64, "ia32" for 386, "ppc64" for ppc64le, the GOARCH elsewhere
// ("arm64", "arm", "riscv64", "s390x").
func NodeArch(goarch string) string {
	switch goarch {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "ppc64le":
		return "ppc64"
	}
	return goarch
}
