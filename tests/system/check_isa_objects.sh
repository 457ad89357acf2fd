#!/usr/bin/env bash
# The AVX2 and AVX-512 kernel variants are compiled for wider CPUs than the baseline. If such an object defined an
# out-of-line copy of an inline function shared with other files (a weak symbol: a template instance, an inline
# member), the linker could keep that copy for the whole program, and a CPU without the wider ISA would crash far
# from any kernel. So each variant object may export only symbols of its own ISA namespace.
# usage: check_isa_objects.sh BUILD_DIR VARIANTS (ON or OFF: whether the build has ISA variants)
set -euo pipefail
build=$1 variants=$2
. "$(dirname "$0")/lib.sh"
objects=$(find "$build" -path '*CMakeFiles*' \( -name '*_avx2.cpp.o' -o -name '*_avx512.cpp.o' \))
if [ -z "$objects" ]; then
  [ "$variants" = OFF ] || fail "SPV_ISA_VARIANTS is $variants but no *_avx2/*_avx512 objects were found under $build"
  echo "no ISA variant objects (built with SPV_ISA_VARIANTS=OFF): nothing to check"
  exit 0
fi
n=0
for o in $objects; do
  isa=$(basename "$o" .cpp.o); isa=${isa##*_}
  bad=$(nm -C --defined-only --extern-only "$o" | awk '{ $1 = ""; $2 = ""; sub(/^  /, ""); print }' |
    grep -v -e "^spv::isa_$isa::" -e "^DW.ref.__gxx_personality_v0$" || true)
  [ -z "$bad" ] || fail "$(basename "$o") exports symbols outside spv::isa_$isa:: (compiled for $isa):
$bad"
  n=$((n + 1))
done
echo "ok: $n ISA variant objects export only their own namespace's symbols"
