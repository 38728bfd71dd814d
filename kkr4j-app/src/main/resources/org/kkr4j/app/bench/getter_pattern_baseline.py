#!/usr/bin/env python3
"""Baseline for `kkr4j bench parse`: the access pattern of the reference Python library.

PyAkaiKKR (the reference parser of AkaiKKR logs) cannot be installed on kkr4j's build machines,
so this script stands in for it. It follows the same calling convention as the reference results
in shared/reference/pyakaikkr: one fresh reader per getter, every getter reads the whole file
again and scans its lines for its key (the keys are those documented in
shared/reference/akaikkr-io.md section 4.3). It is written for kkr4j from that description,
in plain Python without pandas, numpy or pymatgen, so it is if anything faster than the library itself;
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


def struc_param(p):
    return (last_value_after(p, "bravais="), last_value_after(p, "alpha="))


def pymatgen_structure(p):
    # the library builds it from four getters, each re-reading the file
    return (last_value_after(p, "bravais="), block_after(p, "primitive translation vectors"),
            block_after(p, "atoms in the unit"), block_after(p, "type of site"))


# One entry per getter call of the reference results (shared/reference/pyakaikkr: 40 keys per log).
GETTERS = {
    "check_stopped_by_errtrp": stopped,
    "get_go": lambda p: last_value_after(p, "go="),
    "get_potentialfile": lambda p: last_value_after(p, "file="),
    "get_magtyp": lambda p: last_value_after(p, "magtyp="),
    "get_ewidth": lambda p: last_value_after(p, "ewidth="),
    "get_edelt": lambda p: last_value_after(p, "edelt="),
    "get_ntype": lambda p: first_float_after(p, "ntyp="),
    "get_lattice_constant": lambda p: last_value_after(p, "bravais="),
    "get_lattice_constant(unit=ang)": lambda p: last_value_after(p, "bravais="),
    "get_struc_param": struc_param,
    "get_struc_param(unit=ang)": struc_param,
    "get_unitcell_volume": lambda p: last_value_after(p, "unit cell volume="),
    "get_prim_vec": lambda p: block_after(p, "primitive translation vectors"),
    "get_atom_coord": lambda p: block_after(p, "atoms in the unit"),
    "get_type_of_site": lambda p: block_after(p, "type of site"),
    "make_pymatgenstructure": pymatgen_structure,
    "get_convergence": lambda p: last_value_after(p, "*** no convergence"),
    "get_threads_openmp": lambda p: last_value_after(p, "threads"),
    "get_rms_error": lambda p: history(p, "err="),
    "get_err_history": lambda p: history(p, "err="),
    "get_te_history": lambda p: history(p, "te="),
    "get_moment_history": lambda p: history(p, "moment="),
    "get_fermi_level": fermi,
    "get_total_energy": lambda p: first_float_after(p, "total energy="),
    "get_total_moment": lambda p: history(p, "moment="),
    "get_fixed_spin_moment": lambda p: first_float_after(p, "fixed spin moment="),
    "get_local_moment(mode=spin)": local_moments,
    "get_local_moment(mode=orbital)": local_moments,
    "get_type_charge": lambda p: first_float_after(p, "total charge="),
    "get_core_level": core_levels,
    "get_core_level(core_state=1s,2s,2p,3s,3p)": core_levels,
    "get_dos_as_list": lambda p: block_after(p, "total DOS"),
    "get_dos_as_list(keyword=integrated DOS)": lambda p: block_after(p, "integrated DOS"),
    "get_dos_as_dataframe": lambda p: block_after(p, "total DOS"),
    "get_pdos_as_list": pdos,
    "get_pdos_as_dictdataframe": pdos,
    "get_jij_as_dataframe": lambda p: block_after(p, "J_ij"),
    "get_curie_temperature": lambda p: first_float_after(p, "Tc (in mean field approximation) ="),
    "get_resistivity": lambda p: first_float_after(p, "resistivity"),
    "get_conductivity": lambda p: first_float_after(p, "cnd1"),
}


def main():
    repeats = int(sys.argv[1])
    files = sys.argv[2:]
    size = 0
    for f in files:
        with open(f, "rb") as fh:
            size += len(fh.read())
    best = None
    for _ in range(repeats):
        # CPU time of this process, like the CPU time of kkr4j's parsing thread it is compared with
        t0 = time.process_time()
        for f in files:
            for g in GETTERS.values():
                g(f)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    print(json.dumps({"bytes": size, "files": len(files), "seconds": best, "getters": len(GETTERS)}))


if __name__ == "__main__":
    main()
