#!/usr/bin/env python3
"""Runs sparsepv over OpenPV's own params files, as a migrating user would, and prints what it accepts.

For every .params file under OPENPV_SRC/tests and OPENPV_SRC/tutorials whose group types are all OpenPV built-ins
(the keywords src/columns/CoreKeywords.cpp registers, plus the column and sweep groups), it copies the file's test
directory to a scratch folder and runs `sparsepv -n -p input/X.params` from there. Files holding a
RequireAllZeroActivityProbe (OpenPV's self-checking system tests) are then run for real (-t 1), and must exit 0,
except the one OpenPV itself expects to fail (nonzeropresent.params). A file refused because a file or checkpoint
is missing is tried again after the other files of its folder that start afresh (no initializeFromCheckpointDir)
have run for real in the same scratch copy, as OpenPV's test programs run them in sequence. It prints one line per
file that sparsepv refuses or that fails, with sparsepv's first error line, and the totals.

With --openpv RUNNER (OpenPV's tests/BasicSystemTest binary, built CPU-only), every accepted file that needs no
earlier run is also run to its end by both programs, each in its own scratch copy, and every probe text file both
write (same path under the run directory; checkpoints, timers and timestamps left out) is compared row by row: rows
are matched by their time (the first number after the probe's name) and order, and each number by its relative
difference |a - b| / max(|a|, |b|), values below 1e-6 in size counting as equal (probes print 6 decimals). Rows only
one program writes are counted, not compared.

usage: openpv_corpus.py SPARSEPV OPENPV_SRC [--timeout SECONDS] [--keep DIR] [--openpv RUNNER]
OPENPV_SRC is a checkout or export of PetaVision/OpenPV (only tests/, tutorials/ and src/columns/ are read).
Exit status 0 (it measures; it does not judge)."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

GROUP = re.compile(r'^\s*([A-Za-z_]\w*)\s+"[^"]*"\s*=\s*\{', re.M)
EXPECTED_TO_FAIL = {"nonzeropresent.params"}


def strip_comments(text):
    return re.sub(r"//[^\n]*", "", text)


def builtin_types(src):
    with open(os.path.join(src, "src/columns/CoreKeywords.cpp")) as f:
        types = set(re.findall(r'registerKeyword\(\s*"(\w+)"', f.read()))
    return types | {"HyPerCol", "ParameterSweep", "BatchSweep"}


def test_dir(path):
    """The directory OpenPV's test program runs from: the parent of the file's input/ folder, else its own."""
    d = os.path.dirname(path)
    return os.path.dirname(d) if os.path.basename(d) == "input" else d


def first_error(output):
    for line in output.splitlines():
        if "error" in line.lower() or "FAIL" in line:
            return line.strip()
    lines = [l for l in output.splitlines() if l.strip()]
    return lines[-1].strip() if lines else "(no output)"


NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf|nan", re.I)
SKIP_PARTS = ("Last", "timestamps", "Checkpoint")


def probe_files(run_dir):
    """Relative paths of the probe text files under run_dir."""
    found = set()
    for root, dirs, names in os.walk(run_dir):
        dirs[:] = [d for d in dirs if not any(d.startswith(p) for p in SKIP_PARTS)]
        for n in names:
            if n.endswith(".txt") and n != "timers.txt" and not n.startswith("pv.params"):
                found.add(os.path.relpath(os.path.join(root, n), run_dir))
    return found


def probe_rows(path):
    """{(time, k): numbers} for the k-th row at that time; a row's numbers follow the probe's name and its colon."""
    rows, seen = {}, {}
    with open(path, errors="replace") as f:
        for line in f:
            body = line.split(":", 1)[1] if ":" in line else line
            nums = [float(x) for x in NUMBER.findall(body.replace("==", " "))]
            if not nums or re.match(r"\s*[A-Za-z_]+\s*,", line):  # empty, or a header line of names
                continue
            t = nums[0]
            k = seen.get(t, 0)
            seen[t] = k + 1
            rows[(t, k)] = nums
    return rows


def compare_probes(dir_a, dir_b, pristine):
    """[(file, rows compared, rows in one only, largest relative difference)] for the probe files both wrote (not
    those the test directory `pristine` already holds)."""
    out = []
    for rel in sorted((probe_files(dir_a) & probe_files(dir_b)) - probe_files(pristine)):
        a, b = probe_rows(os.path.join(dir_a, rel)), probe_rows(os.path.join(dir_b, rel))
        worst, compared = 0.0, 0
        for key in set(a) & set(b):
            if len(a[key]) != len(b[key]):
                worst = float("inf")
                continue
            compared += 1
            for x, y in zip(a[key], b[key]):
                scale = max(abs(x), abs(y))
                if x != y and scale >= 1e-6:
                    worst = max(worst, abs(x - y) / scale)
        out.append((rel, compared, len(set(a) ^ set(b)), worst))
    return out


FRESH_START = re.compile(r'initializeFromCheckpointDir\s*=\s*"[^"]+"')


def producers(path):
    """The other params files of path's folder that start afresh, in name order: candidates for writing its inputs."""
    folder = os.path.dirname(path)
    out = []
    for name in sorted(os.listdir(folder)):
        other = os.path.join(folder, name)
        if other == path or not name.endswith(".params"):
            continue
        with open(other, errors="replace") as f:
            if not FRESH_START.search(strip_comments(f.read())):
                out.append(other)
    return out


def run(sparsepv, cwd, args, timeout):
    try:
        p = subprocess.run([sparsepv] + args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                           env=dict(os.environ, OMP_NUM_THREADS="1"))
        return p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        return 124, f"(timed out after {timeout} s)"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sparsepv")
    ap.add_argument("openpv_src")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--keep", help="scratch folder to use and keep (default: a temporary one, removed)")
    ap.add_argument("--openpv", help="OpenPV's BasicSystemTest runner: compare the probe files of both programs")
    a = ap.parse_args()
    sparsepv = os.path.abspath(a.sparsepv)
    src = os.path.abspath(a.openpv_src)
    types = builtin_types(src)
    files = []
    for top in ("tests", "tutorials"):
        for root, _, names in os.walk(os.path.join(src, top)):
            files += [os.path.join(root, n) for n in names if n.endswith(".params")]
    files.sort()
    builtin = []
    for path in files:
        with open(path, errors="replace") as f:
            text = strip_comments(f.read())
        used = set(GROUP.findall(text))
        if used and used <= types:
            builtin.append((path, "RequireAllZeroActivityProbe" in used))
    scratch = a.keep or tempfile.mkdtemp(prefix="openpv-corpus-")
    accepted = checked = passed = 0
    refused, failed, after = [], [], []
    comparisons, not_compared = [], []
    try:
        for i, (path, self_checking) in enumerate(builtin):
            rel = os.path.relpath(path, src)
            work = os.path.join(scratch, f"{i:03d}")
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(test_dir(path), work, symlinks=True)
            params = os.path.relpath(path, test_dir(path))
            rc, out = run(sparsepv, work, ["-n", "-p", params], a.timeout)
            if rc != 0 and ("no such" in out or "missing" in out):
                ran = []
                for other in producers(path):
                    other_params = os.path.relpath(other, test_dir(path))
                    if run(sparsepv, work, ["-t", "1", "-p", other_params], a.timeout)[0] == 0:
                        ran.append(os.path.basename(other))
                if ran:
                    rc, out = run(sparsepv, work, ["-n", "-p", params], a.timeout)
                    if rc == 0:
                        after.append((rel, ", ".join(ran)))
            if rc != 0:
                refused.append((rel, first_error(out)))
                continue
            accepted += 1
            if a.openpv and (rel, ) not in [(r, ) for r, _ in after]:
                theirs = work + "-openpv"
                shutil.rmtree(theirs, ignore_errors=True)
                shutil.copytree(test_dir(path), theirs, symlinks=True)
                mine = work + "-sparsepv"
                shutil.rmtree(mine, ignore_errors=True)
                shutil.copytree(test_dir(path), mine, symlinks=True)
                rc_o, _ = run(os.path.abspath(a.openpv), theirs, ["-p", params, "-t", "1"], a.timeout)
                rc_s, _ = run(sparsepv, mine, ["-t", "1", "-p", params], a.timeout)
                if rc_o == 0 and rc_s == 0:
                    found = compare_probes(theirs, mine, test_dir(path))
                    comparisons += [(rel, *c) for c in found]
                else:
                    not_compared.append((rel, f"exit {rc_o} (OpenPV), {rc_s} (sparsepv)"))
            if not self_checking:
                continue
            checked += 1
            rc, out = run(sparsepv, work, ["-t", "1", "-p", params], a.timeout)
            expect_failure = os.path.basename(path) in EXPECTED_TO_FAIL
            if (rc == 0) != expect_failure:
                passed += 1
            else:
                failed.append((rel, "exit 0 where OpenPV fails" if expect_failure else first_error(out)))
    finally:
        if not a.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    for rel, first in after:
        print(f"accepted after running {first} first: {rel}")
    for rel, why in refused:
        print(f"refused: {rel}: {why}")
    for rel, why in failed:
        print(f"self-check failed: {rel}: {why}")
    if a.openpv:
        for rel, why in not_compared:
            print(f"not compared: {rel}: {why}")
        for rel, f, compared, unmatched, worst in comparisons:
            flag = "" if worst <= 1e-4 else "  > 1e-4"
            print(f"probe {rel} {f}: {compared} rows, {unmatched} in one only, largest relative difference "
                  f"{worst:.3g}{flag}")
        agree = sum(1 for c in comparisons if c[4] <= 1e-4)
        print(f"probe files both wrote: {len(comparisons)} (from {len({c[0] for c in comparisons})} params files); "
              f"within 1e-4 relative: {agree}")
    n_self = sum(1 for _, s in builtin if s)
    print(f"{len(files)} params files, {len(builtin)} with only OpenPV's built-in types")
    print(f"accepted by sparsepv -n: {accepted} of {len(builtin)}")
    print(f"self-checking files: {n_self}; accepted and run: {checked}; as OpenPV (exit 0, nonzeropresent fails): "
          f"{passed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
