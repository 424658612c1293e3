#!/usr/bin/env python3
"""Extracts the TDX module's state tables into JSON data files (facts only, no module code).

Usage: extract_module_tables.py GIT_DIR COMMIT
  GIT_DIR: a git directory of github.com/intel/tdx-module; COMMIT: the commit to read.
Writes op_state_lookup.json and sept_state_lookup.json next to this script.
"""
import json, os, re, subprocess, sys

git_dir, commit = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))


def show(path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
                          check=True, capture_output=True, text=True).stdout


def bool_rows(text, name):
    """`name[..][..] = { [leaf] = {0, 1, ...}, ... }` as {leaf: [bools]}."""
    body = re.search(r"\b%s\s*\[[^=]*=\s*\{(.*?)\n\};" % name, text, re.S).group(1)
    return {int(k): [v.strip() == "1" for v in vals.split(",") if v.strip()]
            for k, vals in re.findall(r"\[(\d+)\]\s*=\s*\{([^}]*)\}", body)}


base = "include/auto_gen"
header = show(f"{base}/op_state_lookup.h")
states = [n for n, _ in sorted(re.findall(r"OP_STATE_(\w+)\s*=\s*(\d+)", header), key=lambda x: int(x[1]))]
c = show(f"{base}/op_state_lookup.c")
othertd = re.search(r"servtd_bind_othertd_state_lookup\[NUM_OP_STATES\]\s*=\s*\{([^}]*)\}", c).group(1)
flags = {}
for idx, fields in re.findall(r"\[(\d+)\]\s*=\s*\{(.*?)\}", c.split("state_flags_lookup")[1], re.S):
    flags[states[int(idx)]] = {k: v == "1" for k, v in re.findall(r"\.(\w+)\s*=\s*(\d)", fields)}
api = show("include/tdx_api_defs.h")
names = {int(v): n for n, v in re.findall(r"\b(TDH_\w+?)(?:_LEAF)?\s*=\s*(\d+)", api)}
tdg_names = {int(v): n for n, v in re.findall(r"\b(TDG_\w+)_LEAF\s*=\s*(\d+)", api)}
seamcall = bool_rows(c, "seamcall_state_lookup")
tdcall = bool_rows(c, "tdcall_state_lookup")
out = {
    "source": {"repository": "github.com/intel/tdx-module", "commit": commit,
               "files": [f"{base}/op_state_lookup.c", f"{base}/op_state_lookup.h",
                         "include/tdx_api_defs.h (leaf names)"],
               "module_version": "1.5.01"},
    "note": "allowed_in[i] is the module's seamcall_state_lookup[leaf][i]: whether the leaf may run "
            "while the TD's TDCS.OP_STATE is states[i]. Leaves without a row are not gated by OP_STATE. "
            "tdcall rows apply to a TDCALL acting on another TD (op_state_is_tdcall_allowed).",
    "states": states,
    "seamcall": [{"leaf": k, "name": names.get(k, "?").replace("_", ".", 2).replace("_", "."),
                  "allowed_in": [states[i] for i, a in enumerate(v) if a]} for k, v in sorted(seamcall.items())],
    "servtd_bind_othertd_allowed_in": [states[i] for i, v in enumerate(othertd.split(",")) if v.strip() == "1"],
    "tdcall_othertd": [{"leaf": k, "name": tdg_names.get(k, "?").replace("_", "."),
                        "allowed_in": [states[i] for i, a in enumerate(v) if a]} for k, v in sorted(tdcall.items())],
    "state_flags": flags,
}
with open(os.path.join(here, "op_state_lookup.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")


# Secure-EPT entry states: include/auto_gen/sept_state_lookup.{c,h}. The columns of the
# seamcall/tdcall tables are `sept_special_flags_lookup[encoding].index`; the header names the
# encodings (SEPT_STATE_<NAME>_ENCODING, bits PS:D of the entry's state bits).
sept_h = show(f"{base}/sept_state_lookup.h")
sept_c = show(f"{base}/sept_state_lookup.c")
encodings = {int(v, 16): n for n, v in re.findall(r"#define SEPT_STATE_(\w+?)_ENCODING\s+(0x[0-9a-fA-F]+)", sept_h)
             if not n.startswith("L2_")}
l1_flags = sept_c.split("sept_special_flags_lookup[MAX_SEPT_STATE_ENC]")[1].split("l2_sept_special_flags_lookup")[0]
sept_states = []
for enc, fields in re.findall(r"\[(\d+)\]\s*=\s*\{(.*?)\}", l1_flags, re.S):
    values = {k: int(v) for k, v in re.findall(r"\.(\w+)\s*=\s*(\d+)", fields)}
    sept_states.append({"name": encodings[int(enc)], "encoding": int(enc),
                        "public_state": values.pop("public_state"), "index": values.pop("index"),
                        "flags": sorted(k for k, v in values.items() if v)})
sept_states.sort(key=lambda s: s["index"])
assert [s["index"] for s in sept_states] == list(range(len(sept_states)))
sept_names = [s["name"] for s in sept_states]
sept_out = {
    "source": {"repository": "github.com/intel/tdx-module", "commit": commit,
               "files": [f"{base}/sept_state_lookup.c", f"{base}/sept_state_lookup.h",
                         "include/tdx_api_defs.h (leaf names)"],
               "module_version": "1.5.01"},
    "note": "states[i] is column i of the module's seamcall_sept_state_lookup / tdcall_sept_state_lookup "
            "(sept_special_flags_lookup[encoding].index = i); allowed_in lists the Secure-EPT entry states "
            "in which sept_state_is_seamcall_leaf_allowed / sept_state_is_tdcall_leaf_allowed is true. "
            "public_state is the state the module reports in RDX bits 15:8 (set_arch_septe_details_in_vmm_regs). "
            "Only L1 (not L2 / TD-partitioning) states are extracted.",
    "states": sept_states,
    "seamcall": [{"leaf": k, "name": names.get(k, "?").replace("_", ".", 2).replace("_", "."),
                  "allowed_in": [sept_names[i] for i, a in enumerate(v) if a]}
                 for k, v in sorted(bool_rows(sept_c, "seamcall_sept_state_lookup").items())],
    "tdcall": [{"leaf": k, "name": tdg_names.get(k, "?").replace("_", "."),
                "allowed_in": [sept_names[i] for i, a in enumerate(v) if a]}
               for k, v in sorted(bool_rows(sept_c, "tdcall_sept_state_lookup").items())],
}
with open(os.path.join(here, "sept_state_lookup.json"), "w") as f:
    json.dump(sept_out, f, indent=1)
    f.write("\n")
