#!/usr/bin/env bash
# GPU requests without -d: the run goes on the CPU, warns once per key (naming file:line, group and how many more
# groups), lists the requests in the dry run's migration summary, and writes byte for byte what the same file with
# updateGpu / receiveGpu false writes.
# usage: check_gpu_requests.sh SPARSEPV PARAMS
set -u
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir "$work/gpu" "$work/cpu"
cp "$2" "$work/gpu/run.params"
sed -e 's/updateGpu = [a-z0-9]*/updateGpu = false/' -e 's/receiveGpu = [a-z0-9]*/receiveGpu = false/' "$2" \
  > "$work/cpu/run.params"
err=$(cd "$work/gpu" && "$1" -q -p run.params 2>&1 >/dev/null); status=$?
[ "$status" = 0 ] || { echo "FAIL: exit $status"; echo "$err"; exit 1; }
(cd "$work/cpu" && "$1" -q -p run.params >/dev/null 2>&1) || { echo "FAIL: the CPU-flag run failed"; exit 1; }
[ "$(grep -c 'updateGpu = true: no GPU was selected' <<<"$err")" = 1 ] &&
  grep -qF 'run.params:8: group "V1": updateGpu = true: no GPU was selected (run with -d to use one), so it runs on the CPU; the results agree within float tolerance (and in 1 more group)' <<<"$err" &&
  grep -qF 'run.params:13: group "InputToV1": receiveGpu = true: no GPU was selected' <<<"$err" ||
  { echo "FAIL: warnings"; echo "$err"; exit 1; }
for f in V1.pvp V2.pvp; do
  cmp "$work/gpu/out/$f" "$work/cpu/out/$f" || { echo "FAIL: $f differs from the CPU-flag run"; exit 1; }
done
report=$(cd "$work/gpu" && "$1" -n -p run.params 2>/dev/null)
grep -qxF 'on the CPU: 3 GPU requests without -d: V1 (updateGpu), V2 (updateGpu), InputToV1 (receiveGpu)' <<<"$report" ||
  { echo "FAIL: migration summary"; echo "$report"; exit 1; }
echo ok
