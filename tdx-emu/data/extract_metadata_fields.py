#!/usr/bin/env python3
"""Extracts the TDX module's metadata field tables into metadata_fields.json (facts only: each
field's name, ID, element size, counts and the host/guest read and write masks; no module code).

Usage: extract_metadata_fields.py GIT_DIR COMMIT
  GIT_DIR: a git directory of github.com/intel/tdx-module; COMMIT: the commit to read
  (72d8cffb214b74ae94d75afce36423020f74b47c = TDX_1.5.01).
Reads include/auto_gen/{global_sys,tdr_tdcs,td_vmcs,tdvps}_fields_lookup.c and writes
metadata_fields.json next to this script.
"""
import json, os, re, subprocess, sys

git_dir, commit = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
FILES = {
    "global": "include/auto_gen/global_sys_fields_lookup.c",
    "td": "include/auto_gen/tdr_tdcs_fields_lookup.c",
    "vmcs": "include/auto_gen/td_vmcs_fields_lookup.c",
    "vp": "include/auto_gen/tdvps_fields_lookup.c",
}


def ident(comment):
    """The row's name: the table's own (`RSP_PLACEHOLDER`), or for the TD VMCS table, whose rows
    are named in words ("Posted-interrupt notification vector"), those words as an identifier
    (`POSTED_INTERRUPT_NOTIFICATION_VECTOR`)."""
    words = re.findall(r"[A-Za-z0-9]+", comment)
    return "_".join(w.upper() for w in words)


def show(path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
                          check=True, capture_output=True, text=True).stdout


def masks(entry):
    """Every `.NAME_mask = (VALUE & WIDTH)` of an entry (vmm_rd/wr for the global fields;
    prod_rd/wr, dbg_rd/wr, guest_rd/wr, migtd_rd/wr, export, import for the TD and vCPU
    ones), evaluated."""
    return {name: int(value) & int(width, 16) for name, value, width in
            re.findall(r"\.(\w+_mask)\s*=\s*\((-?\d+)ULL\s*&\s*(0x[0-9A-Fa-f]+)ULL\)", entry)}


def fields(text):
    out = []
    for entry in re.findall(r"\{\s*(//.*?)\n \}", text, re.S):
        name = ident(re.match(r"//\s*(.*?)\s*//\s*\d+", entry).group(1))
        field_id = int(re.search(r"\.field_id\s*=\s*\{\s*\.raw\s*=\s*(0x[0-9A-Fa-f]+)", entry).group(1), 16)
        num_fields = int(re.search(r"\.num_of_fields\s*=\s*(\d+)", entry).group(1))
        num_elem = int(re.search(r"\.num_of_elem\s*=\s*(\d+)", entry).group(1))
        row = {
            "name": name,
            "field_id": f"{field_id:#018x}",
            # ELEMENT_SIZE_CODE, bits 33:32: 1 << code bytes.
            "element_bytes": 1 << ((field_id >> 32) & 3),
            "num_of_fields": num_fields,
            "num_of_elem": num_elem,
        }
        for m, value in masks(entry).items():
            row[m] = f"{value:#x}"
        out.append(row)
    return out


out = {
    "source": {
        "repository": "github.com/intel/tdx-module",
        "commit": commit,
        "files": FILES,
        "note": "extracted by extract_metadata_fields.py; masks are the lookup's "
                "(value & element-width mask); element_bytes from bits 33:32 of the field ID",
    },
}
for context, path in FILES.items():
    out[context] = fields(show(path))
with open(os.path.join(here, "metadata_fields.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print({k: len(out[k]) for k in FILES})
