#!/usr/bin/env python3
"""Baseline for `kkr4j bench parse`: the access pattern of the reference Python library.

PyAkaiKKR (the reference parser of AkaiKKR logs) cannot be installed on kkr4j's build machines,
so this script stands in for it. It follows the same calling convention as the reference results
in shared/reference/pyakaikkr: one fresh reader per getter, every getter reads the whole file
again and scans its lines for its key (the keys are those documented in
shared/reference/akaikkr-io.md section 4.3). It is written for kkr4j from that description,
in plain Python without pandas or numpy, so it is if anything faster than the library itself;
the ratio that kkr4j prints against it is therefore a lower bound.

Usage: getter_pattern_baseline.py REPEATS FILE...   -> prints one JSON line with bytes, files, seconds.
"""
import json
import sys
import time


def read_lines(path):
    with open(path, "r", encoding="latin-1") as f:
        return f.read().splitlines()


def last_value_after(path, key):
    value = None
    for line in read_lines(path):
        if key in line:
            rest = line.split(key, 1)[1].split()
            if rest:
                value = rest[0]
    return value


def first_float_after(path, key):
    for line in read_lines(path):
        if key in line:
            rest = line.split(key, 1)[1].split()
            try:
                return float(rest[0])
            except (IndexError, ValueError):
                return None
    return None


def history(path, key):
    out = []
    for line in read_lines(path):
        if "te=" in line and key in line:
            rest = line.split(key, 1)[1].split()
            try:
                out.append(float(rest[0]))
            except (IndexError, ValueError):
                pass
    return out


def block_after(path, header, stop_blank=True):
    rows, inside = [], False
    for line in read_lines(path):
        if inside:
            if stop_blank and not line.strip():
                inside = False
                continue
            rows.append(line.split())
        elif header in line:
            inside = True
    return rows


def fermi(path):
    for line in read_lines(path):
        if "ef=" in line:
            s = line.split()
            try:
                return (float(s[1]) + float(s[2])) / 2
            except (IndexError, ValueError):
                return None
    return None


def core_levels(path):
    out = []
    for line in read_lines(path):
        if "Ry(" in line:
            parts = line.split("Ry(")
            for p in parts[:-1]:
                try:
                    out.append(float(p.split()[-1]))
                except (IndexError, ValueError):
                    pass
    return out


def local_moments(path):
    out = []
    for line in read_lines(path):
        if "orbital moment=" in line:
            s = line.replace("=", " ").split()
            out.append([x for x in s])
    return out


def pdos(path):
    blocks, cur = [], None
    for line in read_lines(path):
        if line.startswith(" DOS of component"):
            cur = []
            blocks.append(cur)
        elif cur is not None:
            if not line.strip() or "DOS" in line:
                cur = None
            else:
                cur.append([line[i:i + 10] for i in range(0, len(line), 10)])
    return blocks


def stopped(path):
    lines = read_lines(path)
    return bool(lines) and lines[-1].startswith(" ***err in")


GETTERS = [
    lambda p: stopped(p),
    lambda p: last_value_after(p, "go="),
    lambda p: last_value_after(p, "file="),
    lambda p: last_value_after(p, "magtyp="),
    lambda p: last_value_after(p, "ewidth="),
    lambda p: last_value_after(p, "edelt="),
    lambda p: first_float_after(p, "ntyp="),
    lambda p: last_value_after(p, "bravais="),
    lambda p: last_value_after(p, "alpha="),
    lambda p: last_value_after(p, "unit cell volume="),
    lambda p: block_after(p, "primitive translation vectors"),
    lambda p: block_after(p, "atoms in the unit"),
    lambda p: block_after(p, "type of site"),
    lambda p: last_value_after(p, "*** no convergence"),
    lambda p: last_value_after(p, "threads"),
    lambda p: history(p, "err="),
    lambda p: history(p, "te="),
    lambda p: history(p, "moment="),
    lambda p: fermi(p),
    lambda p: first_float_after(p, "total energy="),
    lambda p: first_float_after(p, "fixed spin moment="),
    lambda p: local_moments(p),
    lambda p: first_float_after(p, "total charge="),
    lambda p: core_levels(p),
    lambda p: block_after(p, "total DOS"),
    lambda p: block_after(p, "integrated DOS"),
    lambda p: pdos(p),
    lambda p: block_after(p, "J_ij"),
    lambda p: first_float_after(p, "Tc (in mean field approximation) ="),
    lambda p: first_float_after(p, "resistivity"),
    lambda p: first_float_after(p, "cnd1"),
]


def main():
    repeats = int(sys.argv[1])
    files = sys.argv[2:]
    size = 0
    for f in files:
        with open(f, "rb") as fh:
            size += len(fh.read())
    best = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        for f in files:
            for g in GETTERS:
                g(f)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(json.dumps({"bytes": size, "files": len(files), "seconds": best, "getters": len(GETTERS)}))


if __name__ == "__main__":
    main()
