#!/usr/bin/env bash
# Short fuzz run for CI: every fuzz target in the module (a `func FuzzXxx`
# in a _test.go file) runs for FUZZTIME (default 10s) from its seed corpus
# (f.Add and testdata/fuzz/FuzzXxx). A crash leaves its input in that
# package's testdata/fuzz/FuzzXxx/ and makes this script exit 1, after all
# targets have run.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v go >/dev/null 2>&1; then
  export PATH="$PATH:/usr/local/go/bin"
fi
fuzztime="${FUZZTIME:-10s}"

# fuzz_one NAME DIR: one run of a target. Go 1.26's fuzz coordinator can
# fail a run with a bare "context deadline exceeded" exactly when -fuzztime
# ends, with nothing found (golang/go#75804, fixed in Go 1.27): such a run,
# with no "Failing input written" and no other failure line, is retried
# once; anything else fails at once.
log=$(mktemp); trap 'rm -f "$log"' EXIT
fuzz_one() {
  go test -run '^$' -fuzz "^${1}\$" -fuzztime "$fuzztime" "$2" 2>&1 | tee "$log"
  return "${PIPESTATUS[0]}"
}
deadline_flake() {
  grep -q 'context deadline exceeded' "$log" &&
    ! grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:' "$log"
}

failed=()
count=0
while IFS= read -r file; do
  dir="./$(dirname "$file")"
  for name in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*\*testing\.F).*/\1/p' "$file"); do
    count=$((count + 1))
    echo "== $name ($dir, $fuzztime)"
    if ! fuzz_one "$name" "$dir"; then
      if deadline_flake; then
        echo "== $name: the fuzztime deadline race of Go 1.26 (nothing found); running it again"
        fuzz_one "$name" "$dir" || failed+=("$name ($dir)")
      else
        failed+=("$name ($dir)")
      fi
    fi
  done
done < <(grep -rl --include='*_test.go' '^func Fuzz' . | sed 's|^\./||' | sort)

if [ "$count" -eq 0 ]; then
  echo "fuzz: no fuzz targets found"; exit 1
fi
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: ${#failed[@]} of $count targets failed:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "fuzz: $count targets passed"
