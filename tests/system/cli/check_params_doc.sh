#!/usr/bin/env bash
# docs/params.md is what spv-params-reference generates from the parameter declarations today; and it documents
# keys a reader would look for (spot checks written by hand from the types' declared keys).
# usage: check_params_doc.sh SPV_PARAMS_REFERENCE SOURCE_DIR
set -uo pipefail
tool=$1 src=$2
. "$(dirname "$0")/../lib.sh"
generated=$("$tool") || fail "spv-params-reference failed"
diff <(printf '%s\n' "$generated") "$src/docs/params.md" >/dev/null ||
  fail "docs/params.md is out of date: regenerate it with scripts/update-params-doc.sh"
doc=$src/docs/params.md
grep -q '^### HyPerLCALayer$' "$doc" || fail "no HyPerLCALayer section"
grep -q '^| `VThresh` | number | `-infinity` |' "$doc" || fail "VThresh row"
grep -q '^| `AMin` | number | `VThresh` |' "$doc" || fail "AMin's derived default"
grep -q '^| `InitVType` | string | `"ZeroV"` | `ZeroV`, `ConstantV`' "$doc" || fail "InitVType's allowed values"
grep -q '^| `normalizeMethod` |' "$doc" || fail "normalizeMethod row"
grep -q '^| \[ColumnEnergyProbe\](#columnenergyprobe) | probe |' "$doc" || fail "index row of ColumnEnergyProbe"
# Every registered type has its section.
for t in $("$tool" | awk -F'[][]' '/^\| \[/ { print $2 }'); do grep -q "^### $t\$" "$doc" || fail "no section for $t"; done
echo "ok: docs/params.md is current ($(grep -c '^### ' "$doc") types)"
