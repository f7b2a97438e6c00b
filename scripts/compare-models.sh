#!/bin/bash
# `vnet-lens model` of examples/ and of each ../shared/corpus/networking folder, by two built trees of
# this repository (`npm run build` in each first), compared byte for byte (stdout and stderr): a change
# that must not change the model (issue 16's speed work) is checked with it. Each tree prints its own
# examples/ by a relative path, so file names compare.
#
#   bash scripts/compare-models.sh /tmp/base-tree            that tree (A) against this one (B)
#   bash scripts/compare-models.sh TREE_A TREE_B
#
# Prints `same` or `DIFF` per folder and exits 1 on any difference; outputs stay in the folder printed.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
a=$(cd "$1" && pwd)
b=$(cd "${2:-$here}" && pwd)
corpus=$(cd "$here/../shared/corpus/networking" && pwd)
out=$(mktemp -d)
status=0
for folder in examples "$corpus"/*; do
  name=$(basename "$folder")
  (cd "$a" && node bin/vnet-lens.js model "$folder" >"$out/$name.A.json" 2>"$out/$name.A.err")
  (cd "$b" && node bin/vnet-lens.js model "$folder" >"$out/$name.B.json" 2>"$out/$name.B.err")
  if cmp -s "$out/$name.A.json" "$out/$name.B.json" && cmp -s "$out/$name.A.err" "$out/$name.B.err"; then
    echo "same $name"
  else
    echo "DIFF $name"
    status=1
  fi
done
echo "A = $a"
echo "B = $b"
echo "outputs in $out"
exit $status
