#!/usr/bin/env python3
"""Sanity check for plans written by genplan.py (needs PyYAML).

    checkplan.py DIR [CHANGED_DIR]

Parses every *.yaml with PyYAML's safe loader (libyaml's when available) and checks the plan rules the
generator must honour: unique ids, ids prefixed by their task/field, owners
referenced exist, lead non-empty, start <= end in 1..12, status values,
completed/progress ranges, NFC text. Prints counts of schedule kinds and
statuses; with CHANGED_DIR also counts what changed. Exit 1 on any error.
"""

import collections
import glob
import os
import sys
import unicodedata

import yaml

# Same safe schema as yaml.safe_load; libyaml-backed when available (fast).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STATUSES = {"planned", "in-progress", "done", "cancelled"}
SCHED_KEYS = ("start", "schedule", "after", "per")


def load(d):
    errors = []
    with open(os.path.join(d, "plan.yaml"), encoding="utf-8") as fh:
        raw = fh.read()
    if unicodedata.normalize("NFC", raw) != raw:
        errors.append("plan.yaml: not NFC")
    plan = yaml.load(raw, Loader=LOADER)
    owners = plan["owners"]
    for k in ("id", "title", "year", "issued_by", "language"):
        if k not in plan["plan"]:
            errors.append("plan.yaml: plan.%s missing" % k)
    acts = collections.OrderedDict()
    ids = set()
    for path in sorted(glob.glob(os.path.join(d, "*.yaml"))):
        name = os.path.basename(path)
        if name == "plan.yaml":
            continue
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
        if unicodedata.normalize("NFC", raw) != raw:
            errors.append("%s: not NFC" % name)
        doc = yaml.load(raw, Loader=LOADER)
        fid = str(doc["field"])
        if "." in fid or fid in ids:
            errors.append("%s: bad or duplicate field id %r" % (name, fid))
        ids.add(fid)
        if not doc.get("title"):
            errors.append("%s: field title missing" % name)
        for t in doc["tasks"]:
            tid = t["id"]
            if not tid.startswith(fid + ".") or tid in ids:
                errors.append("%s: bad or duplicate task id %s" % (name, tid))
            ids.add(tid)
            if not t.get("title"):
                errors.append("%s: task title missing" % tid)
            for a in t["activities"]:
                aid = a["id"]
                e = check_activity(a, tid, owners)
                if aid in ids:
                    e.append("duplicate id")
                ids.add(aid)
                errors.extend("%s %s: %s" % (name, aid, m) for m in e)
                acts[aid] = a
    return plan, acts, errors


def check_activity(a, tid, owners):
    e = []
    aid = a["id"]
    rest = aid[len(tid) + 1:] if aid.startswith(tid + ".") else ""
    if not rest.isdigit():
        e.append("id not <task>.<n>")
    for k in ("title", "result", "output", "note", "after", "per"):
        if k in a and not isinstance(a[k], str):
            e.append("%s is not a string" % k)
    if not a.get("title"):
        e.append("title missing")
    lead = a.get("lead")
    if not isinstance(lead, list) or not lead:
        e.append("lead missing or empty")
        lead = []
    for o in lead + list(a.get("support", [])):
        if o not in owners:
            e.append("unknown owner %r" % o)
    kinds = [k for k in SCHED_KEYS if k in a]
    if kinds == ["start", "after"]:        # after: with months once it happened
        kinds = ["after"]
    if len(kinds) > 1:
        e.append("several schedule kinds %s" % kinds)
    if "start" in a:
        s, en = a["start"], a.get("end")
        if not (isinstance(s, int) and isinstance(en, int)
                and 1 <= s <= en <= 12):
            e.append("bad start/end %r/%r" % (s, en))
    elif "end" in a:
        e.append("end without start")
    if "schedule" in a and a["schedule"] != "ongoing":
        e.append("bad schedule %r" % a["schedule"])
    st = a.get("status", "planned")
    if st not in STATUSES:
        e.append("bad status %r" % st)
    if "completed" in a:
        if st != "done" or not (isinstance(a["completed"], int)
                                and 1 <= a["completed"] <= 12):
            e.append("bad completed %r" % a["completed"])
    elif st == "done":
        e.append("done without completed")
    if "progress" in a and not (isinstance(a["progress"], int)
                                and 0 <= a["progress"] <= 100):
        e.append("bad progress %r" % a["progress"])
    return e


def kind(a):
    if "after" in a:
        return "after+start/end" if "start" in a else "after"
    for k in SCHED_KEYS:
        if k in a:
            return k if k != "start" else "start/end"
    return "unknown"


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    plan, acts, errors = load(sys.argv[1])
    owners = plan["owners"]
    print("%s: %d owners (%d with aliases), %d activities"
          % (sys.argv[1], len(owners),
             sum(1 for o in owners.values() if o.get("aliases")), len(acts)))
    print("  schedule:", dict(collections.Counter(kind(a)
                                                   for a in acts.values())))
    print("  status:  ", dict(collections.Counter(a.get("status", "-")
                                                   for a in acts.values())))
    if len(sys.argv) == 3:
        _, new, errs2 = load(sys.argv[2])
        errors += ["changed: " + m for m in errs2]
        added = [k for k in new if k not in acts]
        removed = [k for k in acts if k not in new]
        c = collections.Counter()
        for k, a in acts.items():
            b = new.get(k)
            if b is None or a == b:
                continue
            for f in ("end", "lead", "status"):
                if a.get(f) != b.get(f):
                    c[f] += 1
            c["activities"] += 1
        print("  changed: %d added, %d removed, %d modified %s"
              % (len(added), len(removed), c["activities"],
                 {k: v for k, v in c.items() if k != "activities"}))
        for k, a in acts.items():
            b = new.get(k)
            if b and "end" in a and b.get("end", 0) < a["end"]:
                errors.append("changed %s: end moved earlier" % k)
    for m in errors[:50]:
        print("ERROR", m)
    if errors:
        print("%d errors" % len(errors))
        sys.exit(1)
    print("  OK")


if __name__ == "__main__":
    main()
