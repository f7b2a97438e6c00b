#!/usr/bin/env sh
# The pre-commit hook's entry: builds the CLI in pre-commit's clone of this repository on first use,
# then checks the staged files it is given (with any options from the hook's `args`).
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$here/dist/cli.js" ]; then
  echo "vnet-lens: building the CLI once in $here" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
exec node "$here/bin/vnet-lens.js" check "$@"
