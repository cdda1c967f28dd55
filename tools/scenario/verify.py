#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Verify the launch-weekend data files and compute a keyword-rule baseline.

Usage: python3 tools/scenario/verify.py   (from the repo root)
"""
import json
import sys
sys.dont_write_bytecode = True
import math
import os
import re
import sys
from collections import Counter
from datetime import datetime, timedelta

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SDIR = os.path.join(ROOT, "assets", "scenarios")
TDIR = os.path.join(ROOT, "src", "test", "resources", "triage")
KEYS = ["id", "created_at", "author", "author_name", "lang", "text"]
START = datetime.fromisoformat("2026-10-17T09:00:00+09:00")
errors = []


def err(msg):
    errors.append(msg)
    print("ERROR:", msg)


def load_jsonl(path, extra_keys):
    rows = []
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{path}: BOM")
    text = raw.decode("utf-8")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    for n, line in enumerate(lines, 1):
        if any(ord(c) < 0x20 for c in line):
            err(f"{path}:{n}: raw control character")
        try:
            o = json.loads(line)
        except Exception as e:  # noqa: BLE001
            err(f"{path}:{n}: {e}")
            continue
        want = KEYS + extra_keys
        if list(o.keys()) != want:
            err(f"{path}:{n}: keys {list(o.keys())} != {want}")
        if not re.fullmatch(r"\d+", o.get("id", "")):
            err(f"{path}:{n}: bad id")
        datetime.fromisoformat(o["created_at"].replace("Z", "+00:00"))
        rows.append(o)
    ids = [o["id"] for o in rows]
    if len(set(ids)) != len(ids):
        err(f"{path}: duplicate ids")
    return rows


def compile_rules(path):
    cfg = json.load(open(path, encoding="utf-8"))
    assert cfg["format"] == "crisisdesk-categories/1"
    rules = []
    for c in cfg["categories"]:
        rules.append((c["name"], [k.lower() for k in c["keywords"]],
                      [re.compile(r, re.I) for r in c["regex"]], [e.lower() for e in c["exclude"]]))
    return cfg, rules


def classify(rules, text):
    t = text.lower()
    t_ns = re.sub(r"\s+", "", t)
    for name, kws, rxs, exc in rules:
        if any(e in t or e.replace(" ", "") in t_ns for e in exc):
            continue
        if any(k in t or k.replace(" ", "") in t_ns for k in kws) or any(r.search(text) for r in rxs):
            return name
    return None


def main():
    cfg, rules = compile_rules(os.path.join(SDIR, "launch-weekend.categories.json"))
    names = [c["name"] for c in cfg["categories"]]
    # ---- scenario
    scn = load_jsonl(os.path.join(SDIR, "launch-weekend.jsonl"), ["release_s"])
    prev_t, prev_id = -1, -1
    for o in scn:
        if o["release_s"] < prev_t:
            err(f"release_s decreasing at {o['id']}")
        if int(o["id"]) <= prev_id:
            err(f"id not increasing at {o['id']}")
        prev_t, prev_id = o["release_s"], int(o["id"])
        exp = START + timedelta(seconds=math.floor(o["release_s"]))
        if datetime.fromisoformat(o["created_at"]) != exp or not o["created_at"].endswith("+09:00"):
            err(f"created_at mismatch at {o['id']}")
    print(f"scenario lines: {len(scn)}; span {scn[0]['release_s']}..{scn[-1]['release_s']} s; "
          f"<5s: {sum(o['release_s'] < 5 for o in scn)}; <600s: {sum(o['release_s'] < 600 for o in scn)}")
    print("distinct authors:", len({o["author"] for o in scn}))
    texts = [o["text"] for o in scn]
    print("distinct texts:", len(set(texts)), "of", len(texts))
    if len(set(texts)) != len(texts):
        err("duplicate texts")
    pref = Counter(t[:20] for t in texts).most_common(5)
    print("most common first-20-char prefixes:", pref)
    print("lang:", dict(Counter(o["lang"] for o in scn)))
    # ---- labels
    lab = {}
    with open(os.path.join(SDIR, "launch-weekend.labels.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
        if header != "id\tcategory":
            err("labels header")
        for line in f:
            i, c = line.rstrip("\n").split("\t")
            if i in lab:
                err(f"label dup {i}")
            if c not in names:
                err(f"unknown category {c}")
            lab[i] = c
    if set(lab) != {o["id"] for o in scn}:
        err("labels do not cover scenario ids exactly")
    cc = Counter(lab.values())
    print("categories:")
    for n in names:
        print(f"  {n}\t{cc[n]}\t{100 * cc[n] / len(lab):.1f}%")
    # ---- bins
    bins = Counter(int(o["release_s"] // 600) for o in scn)
    print("per 10 min:", " ".join(str(bins.get(b, 0)) for b in range(72)))
    # ---- baseline
    ok = 0
    conf = Counter()
    for o in scn:
        p = classify(rules, o["text"])
        ok += p == lab[o["id"]]
        conf[(lab[o["id"]], p)] += 1
    print(f"keyword baseline accuracy (scenario): {100 * ok / len(scn):.1f}%")
    for n in names:
        tot = sum(v for (g, _), v in conf.items() if g == n)
        print(f"  {n}: recall {100 * conf[(n, n)] / tot:.0f}%  unmatched {conf[(n, None)]}")
    # ---- heldout
    ho = load_jsonl(os.path.join(TDIR, "heldout.jsonl"), ["category"])
    print("heldout lines:", len(ho), dict(Counter(o["category"] for o in ho)))
    print("heldout lang:", dict(Counter(o["lang"] for o in ho)))
    if {o["id"] for o in ho} & {o["id"] for o in scn}:
        err("heldout ids overlap scenario")
    if {o["text"] for o in ho} & set(texts):
        err("heldout texts overlap scenario")
    if len({o["text"] for o in ho}) != len(ho):
        err("heldout duplicate texts")
    for o in ho:
        if o["category"] not in names:
            err("heldout bad category")
        if not o["created_at"].startswith("2026-10-18"):
            err("heldout date")
    hok = sum(classify(rules, o["text"]) == o["category"] for o in ho)
    print(f"keyword baseline accuracy (heldout): {100 * hok / len(ho):.1f}%")
    # ---- hostile
    hs = load_jsonl(os.path.join(TDIR, "hostile.jsonl"), [])
    print("hostile lines:", len(hs), "max text len:", max(len(o["text"]) for o in hs))
    print("OK" if not errors else f"{len(errors)} ERRORS")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
