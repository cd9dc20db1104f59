#!/usr/bin/env bash
# Lists the translations still waiting for a native speaker's review: the content files with
# `review = "pending"`, and the interface's words (core/src/i18n.rs) while its Spanish table
# says so. Delete the `review` line (or the note in i18n.rs) once a reviewer has checked a file.
#
#   scripts/review.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Content awaiting review:"
grep -rl --include='*.md' --include='*.toml' '^review = "pending"' content/ | sort | sed 's/^/  /' || echo "  (none)"
echo "Interface words awaiting review:"
if grep -q 'Awaits review by a native speaker' core/src/i18n.rs; then
  echo "  core/src/i18n.rs (the Spanish table, ES)"
else
  echo "  (none)"
fi
