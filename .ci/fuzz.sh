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

failed=()
count=0
while IFS= read -r file; do
  dir="./$(dirname "$file")"
  for name in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*\*testing\.F).*/\1/p' "$file"); do
    count=$((count + 1))
    echo "== $name ($dir, $fuzztime)"
    if ! go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$dir"; then
      failed+=("$name ($dir)")
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
