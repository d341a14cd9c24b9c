#!/usr/bin/env python3
"""Peer baseline: what an analyst would write instead of `parplan due`.

    pyyaml_due.py PLAN_DIR [--month 6]

Loads plan.yaml and every other *.yaml in PLAN_DIR with PyYAML's libyaml
loader (yaml.CSafeLoader) and prints the activities with end < MONTH whose
status is not done/cancelled, as "id<TAB>title".
"""

import argparse
import glob
import os
import sys

import yaml


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plan_dir")
    ap.add_argument("--month", type=int, default=6)
    args = ap.parse_args()

    with open(os.path.join(args.plan_dir, "plan.yaml"), encoding="utf-8") as f:
        plan = yaml.load(f, Loader=yaml.CSafeLoader)
    if not isinstance(plan, dict) or "owners" not in plan:
        sys.exit("pyyaml_due: %s/plan.yaml has no owners" % args.plan_dir)

    out = []
    for path in sorted(glob.glob(os.path.join(args.plan_dir, "*.yaml"))):
        if os.path.basename(path) == "plan.yaml":
            continue
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
        for task in doc.get("tasks") or []:
            for a in task.get("activities") or []:
                end = a.get("end")
                if isinstance(end, str):            # "YYYY-MM" form
                    end = int(end.rsplit("-", 1)[-1])
                if end is None or end >= args.month:
                    continue
                if a.get("status", "planned") in ("done", "cancelled"):
                    continue
                out.append("%s\t%s" % (a["id"], a["title"]))
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


if __name__ == "__main__":
    main()
