#!/usr/bin/env python3
"""Turn run.sh's manifest + hyperfine JSON into the Markdown results table.

    summarize.py MANIFEST.tsv TABLE.md

Prints the table and the target checks, writes the same text to TABLE.md.
Exit 0 when every check passes (or is skipped because its plan was not
measured), 3 when any check fails. Standard library only.
"""

import csv
import datetime
import json
import os
import platform
import subprocess
import sys

PARPLAN_CMDS = ("validate", "due", "report", "diff")
ALL_CMDS = ("floor", "pyyaml") + PARPLAN_CMDS
SCALING_MAX = 2.2


def load(manifest):
    rows = {}
    plans = []
    with open(manifest, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            if r["plan"] not in plans:
                plans.append(r["plan"])
            r["median"] = None
            if r["status"] == "ok" and r["json"]:
                with open(r["json"], encoding="utf-8") as jf:
                    res = json.load(jf)["results"][0]
                r["median"] = res["median"]
                r["runs"] = str(len(res.get("times", []))) or r["runs"]
            elif r["status"] == "ok-single" and r["probe_s"]:
                r["median"] = float(r["probe_s"])
            r["rss"] = int(r["rss_kb"]) * 1024 if r["rss_kb"] else None
            r["ybytes"] = int(r["yaml_bytes"] or 0)
            rows[(r["plan"], r["cmd"])] = r
    return plans, rows


def fmt_ms(s):
    ms = s * 1000
    if ms < 10:
        return "%.2f" % ms
    if ms < 100:
        return "%.1f" % ms
    return "%.0f" % ms


def status_text(r):
    st = r["status"]
    if st == "missing":
        return "not built"
    if st == "failed":
        return "FAILED (exit %s)" % r["rc"]
    if st == "hyperfine-failed":
        return "hyperfine failed"
    return None


def table(plans, rows):
    out = []
    out.append("| Plan | Activities | YAML MB | Command | Median ms | × floor "
               "| × faster than pyyaml | Peak RSS MB | RSS ÷ YAML | Runs |")
    out.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for p in plans:
        floor = rows.get((p, "floor"), {}).get("median")
        py = rows.get((p, "pyyaml"), {}).get("median")
        first = True
        for c in ALL_CMDS:
            r = rows.get((p, c))
            if r is None:
                continue
            yb = r["ybytes"]
            lead = ("| %s | %s | %.2f " % (p, r["activities"] or "?",
                                            rows[(p, "floor")]["ybytes"] / 1e6)
                    if first else "| | | ")
            first = False
            name = c + (" (old+new)" if c == "diff" else "")
            bad = status_text(r)
            med = r["median"]
            if bad or med is None:
                cells = [bad or "no data", "–", "–"]
            else:
                cells = [fmt_ms(med),
                         "%.2f" % (med / floor) if floor else "–",
                         "%.1f" % (py / med) if py else "–"]
            rss = r["rss"]
            cells.append("%.1f" % (rss / 1e6) if rss else "–")
            cells.append("%.2f" % (rss / yb) if rss and yb else "–")
            cells.append(r["runs"] if med is not None else "–")
            out.append(lead + "| %s | %s |" % (name, " | ".join(cells)))
    return out


class Checks:
    def __init__(self):
        self.lines = []
        self.failed = 0

    def add(self, ok, text):
        if ok is None:
            self.lines.append("- SKIP %s" % text)
            return
        if not ok:
            self.failed += 1
        self.lines.append("- %s %s" % ("PASS" if ok else "**FAIL**", text))


def run_checks(plans, rows):
    ck = Checks()

    def med(p, c):
        r = rows.get((p, c))
        return r["median"] if r else None

    def have(p):
        return (p, "floor") in rows

    def nodata(p, *cmds):
        bad = [c for c in cmds if med(p, c) is None]
        return "no data for %s at %s (%s)" % (
            ", ".join(bad), p,
            ", ".join(status_text(rows[(p, c)]) or rows[(p, c)]["status"]
                      for c in bad if (p, c) in rows) or "not measured")

    def vs_floor(p, c, limit):
        desc = "%s %s ≤ %g× floor" % (p, c, limit)
        if not have(p):
            ck.add(None, desc + ": plan not measured")
        elif med(p, c) is None or med(p, "floor") is None:
            ck.add(False, desc + ": " + nodata(p, c, "floor"))
        else:
            x = med(p, c) / med(p, "floor")
            ck.add(x <= limit, "%s: %s ms / %s ms = %.2f×"
                   % (desc, fmt_ms(med(p, c)), fmt_ms(med(p, "floor")), x))

    def vs_py(p, c, limit):
        desc = "%s %s ≥ %g× faster than pyyaml" % (p, c, limit)
        if not have(p):
            ck.add(None, desc + ": plan not measured")
        elif med(p, c) is None or med(p, "pyyaml") is None:
            ck.add(False, desc + ": " + nodata(p, c, "pyyaml"))
        else:
            x = med(p, "pyyaml") / med(p, c)
            ck.add(x >= limit, "%s: %s ms vs %s ms = %.1f×"
                   % (desc, fmt_ms(med(p, c)), fmt_ms(med(p, "pyyaml")), x))

    def rss(p, c, limit):
        desc = "%s %s peak RSS ≤ %g× YAML size" % (p, c, limit)
        r = rows.get((p, c))
        if not have(p):
            ck.add(None, desc + ": plan not measured")
        elif not r or not r["rss"] or r["status"] not in ("ok", "ok-single"):
            ck.add(False, desc + ": " + nodata(p, c))
        else:
            x = r["rss"] / r["ybytes"]
            ck.add(x <= limit, "%s: %.1f MB / %.1f MB = %.2f×"
                   % (desc, r["rss"] / 1e6, r["ybytes"] / 1e6, x))

    def vs_due(p, c, limit):
        desc = "%s %s ≤ %g× due" % (p, c, limit)
        if not have(p):
            ck.add(None, desc + ": plan not measured")
        elif med(p, c) is None or med(p, "due") is None:
            ck.add(False, desc + ": " + nodata(p, c, "due"))
        else:
            x = med(p, c) / med(p, "due")
            ck.add(x <= limit, "%s: %s ms / %s ms = %.2f×"
                   % (desc, fmt_ms(med(p, c)), fmt_ms(med(p, "due")), x))

    vs_floor("shipped", "due", 1.1)
    vs_py("shipped", "due", 15)
    for c in ("validate", "due"):
        vs_floor("50k", c, 1.25)
    for c in ("validate", "due"):
        vs_py("50k", c, 3)
    for c in ("validate", "due"):
        rss("50k", c, 4)

    # Scaling: consecutive generated sizes that double.
    gen = sorted((int(rows[(p, "floor")]["activities"]), p) for p in plans
                 if p != "shipped" and rows[(p, "floor")]["activities"])
    pairs = [(a, b) for a, b in zip(gen, gen[1:]) if b[0] == 2 * a[0]]
    if not pairs:
        ck.add(None, "scaling: needs generated sizes that double "
               "(e.g. 12.5k, 25k, 50k)")
    for c in PARPLAN_CMDS:
        for metric in ("time", "RSS"):
            parts, ok = [], True
            for (_, a), (_, b) in pairs:
                ra, rb = rows.get((a, c)), rows.get((b, c))
                if metric == "time":
                    va = ra and ra["median"]
                    vb = rb and rb["median"]
                else:
                    va = ra and ra["status"] in ("ok", "ok-single") and ra["rss"]
                    vb = rb and rb["status"] in ("ok", "ok-single") and rb["rss"]
                if not va or not vb:
                    parts.append("%s→%s no data" % (a, b))
                    ok = False
                    continue
                x = vb / va
                ok = ok and x <= SCALING_MAX
                parts.append("%s→%s %.2f×" % (a, b, x))
            if pairs:
                ck.add(ok, "%s %s scaling ≤ %.1f× per doubling: %s"
                       % (c, metric, SCALING_MAX, ", ".join(parts)))

    for p in plans:
        for c in ("report", "diff"):
            vs_due(p, c, 1.5)
    return ck


def first_line(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.strip():
                    return line.strip()[:200]
    except OSError:
        pass
    return ""


def failures(plans, rows):
    out = []
    for p in plans:
        for c in ALL_CMDS:
            r = rows.get((p, c))
            if not r or r["status"] in ("ok", "ok-single"):
                continue
            if r["status"] == "failed":
                why = "exit %s: %s" % (r["rc"], first_line(r["base"] + ".err"))
            elif r["status"] == "hyperfine-failed":
                why = "hyperfine: %s" % first_line(r["base"] + ".hyperfine")
            else:
                why = "not found"
            out.append("- %s %s: `%s` — %s" % (p, c, r["command"], why))
    return ["", "## Commands that did not run cleanly", ""] + out if out else []


def environment():
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        hf = subprocess.run(["hyperfine", "--version"], capture_output=True,
                            text=True).stdout.strip()
    except OSError:
        hf = "hyperfine ?"
    try:
        load = "load average %.2f (1 min) at the end" % os.getloadavg()[0]
    except OSError:
        load = "load average ?"
    return "%s, %d cores, %s; %s; %s" % (cpu, os.cpu_count() or 0, load, hf,
                                     datetime.datetime.now().strftime(
                                         "%Y-%m-%d %H:%M"))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    plans, rows = load(sys.argv[1])
    lines = ["# parplan benchmark", "", environment(), ""]
    if not plans:
        lines.append("No plans were measured.")
    else:
        lines += table(plans, rows)
        lines += ["",
                  "Median wall time from hyperfine; peak RSS from one "
                  "`/usr/bin/time -v` run. × floor = time ÷ floor (yaml-cpp "
                  "event parse of the same plan); × faster than pyyaml = "
                  "pyyaml_due.py time ÷ time. diff loads two plans (old and "
                  "changed; the shipped plan is diffed against itself), its "
                  "RSS ÷ YAML uses both plans' sizes.",
                  "", "## Target checks", ""]
        ck = run_checks(plans, rows)
        lines += ck.lines
        lines += ["", "%d check(s) failed." % ck.failed if ck.failed
                  else "All checks passed."]
        lines += failures(plans, rows)
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        fh.write(text)
    if plans and ck.failed:
        sys.exit(3)


if __name__ == "__main__":
    main()
