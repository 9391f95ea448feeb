#!/usr/bin/env python3
"""Score a cronaca binary on the development suites in ../shared/dev and print a Markdown table.

    python3 scripts/dev_scores.py --bin target/release/cronaca            # print the table
    python3 scripts/dev_scores.py --bin target/release/cronaca --check    # also fail below targets

The targets are the acceptance figures of the issues (strict F1 per set). Suites that are not
present are skipped, so the script is safe to run on a machine without ../shared.
Python 3 standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# (suite, --only prefixes, {set name: minimum strict F1})
CHECKS = [
    ("numtime", ["mrt-number-", "duckling-numeral"], {
        "mrt-number-it": 0.90, "mrt-number-en": 0.90, "mrt-number-es": 0.90,
        "mrt-number-fr": 0.90, "mrt-number-de": 0.90, "duckling-numeral-it": 0.90,
    }),
    ("numtime", ["mrt-ordinal", "mrt-percent", "mrt-numberrange"], {}),
    ("numtime", ["mrt-datetime", "duckling-time"], {
        "mrt-datetime-it": 0.85, "mrt-datetime-en": 0.85, "mrt-datetime-es": 0.85,
        "mrt-datetime-fr": 0.85, "mrt-datetime-de": 0.85, "duckling-time-it": 0.85,
    }),
]

# Suites whose scorer prints its figure as the last line, `NAME=0.xxxx`:
# (suite, extra score.py arguments, minimum or None when the target is not met yet).
FINAL_LINE = [
    ("figures", [], 0.85),
    ("quotes", [], None),
    ("events", ["--suite", "plover-en"], 0.60),
    ("ner-it", [], None),
    ("ner-en", [], 0.86),
    ("html", [], 0.90),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True, help="path to the cronaca binary")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"),
                    help="the shared folder holding dev/ (default: ../shared next to the checkout)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a set is below its target")
    args = ap.parse_args()

    failures = []
    print("| suite | set | gold | strict P | strict R | strict F1 | target |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for suite, only, targets in CHECKS:
        score_py = os.path.join(args.shared, "dev", suite, "score.py")
        if not os.path.exists(score_py):
            print(f"| {suite} | (not present: skipped) | | | | | |")
            continue
        with tempfile.TemporaryDirectory() as out:
            cmd = [sys.executable, score_py, "--bin", args.bin, "--out", out]
            for o in only:
                cmd += ["--only", o]
            run = subprocess.run(cmd, capture_output=True, text=True)
            if run.returncode != 0:
                print(run.stdout[-2000:], run.stderr[-2000:], file=sys.stderr)
                failures.append(f"{suite}: score.py exited {run.returncode}")
                continue
            with open(os.path.join(out, "metrics.json")) as f:
                metrics = json.load(f)
        for name, m in sorted(metrics["sets"].items()):
            target = targets.get(name)
            f1 = m["strict_f1"]
            print(f"| {suite} | {name} | {m['n_gold']} | {m['strict_precision']:.3f} | "
                  f"{m['strict_recall']:.3f} | {f1:.3f} | {'' if target is None else f'≥ {target:.2f}'} |")
            if target is not None and f1 < target:
                failures.append(f"{name}: strict F1 {f1:.3f} < {target:.2f}")
    for suite, extra, target in FINAL_LINE:
        score_py = os.path.join(args.shared, "dev", suite, "score.py")
        if not os.path.exists(score_py):
            print(f"| {suite} | (not present: skipped) | | | | | |")
            continue
        # Every scorer writes its outputs to --out (by default a folder in the working
        # directory): a temporary one keeps the checkout clean.
        with tempfile.TemporaryDirectory() as out:
            run = subprocess.run([sys.executable, score_py, "--bin", args.bin, "--out", out, *extra],
                                 capture_output=True, text=True)
        last = (run.stdout.strip().splitlines() or [""])[-1]
        name, _, value = last.partition("=")
        try:
            f1 = float(value)
        except ValueError:
            print(run.stdout[-2000:], run.stderr[-2000:], file=sys.stderr)
            failures.append(f"{suite}: score.py exited {run.returncode} without a final figure")
            continue
        print(f"| {suite} | {name} | | | | {f1:.3f} | {'' if target is None else f'≥ {target:.2f}'} |")
        if target is not None and f1 < target:
            failures.append(f"{suite}: {name} {f1:.3f} < {target:.2f}")
        # The figures target holds for each language: its scorer prints one line per language.
        for lang, value in re.findall(r"^\s*language (\w+):.*strict F1=([0-9.]+)", run.stdout, re.M):
            print(f"| {suite} | {name} {lang} | | | | {float(value):.3f} | "
                  f"{'' if target is None else f'≥ {target:.2f}'} |")
            if target is not None and float(value) < target:
                failures.append(f"{suite}: {name} {lang} {float(value):.3f} < {target:.2f}")
    if failures:
        print("\nbelow target:\n  " + "\n  ".join(failures), file=sys.stderr)
        if args.check:
            sys.exit(1)


if __name__ == "__main__":
    main()
