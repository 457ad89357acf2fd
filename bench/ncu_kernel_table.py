"""Sums an Nsight Compute CSV (--metrics gpu__time_duration.sum --csv --print-units base) per kernel and launch
shape, and prints the kernels by GPU time per step, largest first.
usage: python3 bench/ncu_kernel_table.py NCU.csv STEPS [ROWS]"""
import collections
import csv
import sys


def main():
    path, steps = sys.argv[1], float(sys.argv[2])
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    header, total, launches = None, collections.defaultdict(float), collections.Counter()
    with open(path, newline="") as f:
        for row in csv.reader(f):
            if "Kernel Name" in row:
                header = row
                continue
            if header is None or len(row) != len(header):
                continue  # ncu's own messages and the program's output
            d = dict(zip(header, row))
            if d.get("Metric Name") != "gpu__time_duration.sum":
                continue
            key = f"{d['Kernel Name'][:60]}  grid {d['Grid Size']} block {d['Block Size']}"
            total[key] += float(d["Metric Value"].replace(",", ""))  # ns, with thousands separators
            launches[key] += 1
    all_ns = sum(total.values())
    print(f"GPU time {all_ns / 1e3 / steps:.1f} us/step over {sum(launches.values())} launches")
    print(f"{'us/step':>10} {'launches':>9}  kernel")
    for key, ns in sorted(total.items(), key=lambda kv: -kv[1])[:rows]:
        print(f"{ns / 1e3 / steps:10.1f} {launches[key]:9d}  {key}")


if __name__ == "__main__":
    main()
