#!/usr/bin/env bash
# Runs `make` targets one after another, as `make test` does, printing how long each took and,
# at the end (or at the first that fails), all their times.
#
#   scripts/time-steps.sh TARGET...
set -uo pipefail
cd "$(dirname "$0")/.."
times=()
summary() {
  printf '\n\033[1m%-14s %8s\033[0m\n' step seconds
  for t in "${times[@]}"; do printf '%-14s %8s\n' ${t}; done
}
start=$SECONDS
for target in "$@"; do
  printf '\n\033[1m==> make %s\033[0m\n' "$target"
  begin=$SECONDS
  if ! make --no-print-directory "$target"; then
    times+=("$target $((SECONDS - begin))" "(failed) -")
    summary
    exit 1
  fi
  times+=("$target $((SECONDS - begin))")
  printf '\033[1m<== make %s: %d s\033[0m\n' "$target" $((SECONDS - begin))
done
times+=("total $((SECONDS - start))")
summary
