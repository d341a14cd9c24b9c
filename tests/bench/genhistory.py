#!/usr/bin/env python3
"""A git repository of N commits over the shipped plan, for `parplan log` benchmarks.

    genhistory.py --plan data --out DIR [--commits 2000]

The first commit adds the plan as it is; each later commit edits one activity, moving the end
month of the dated activities in turn one month later and back again, under one of five authors,
four hours after the previous commit. Built with `git fast-import` in one stream (seconds for
thousands of commits); the plan directory is `data/` in DIR.
"""
import argparse
import os
import re
import subprocess
import sys

AUTHORS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plan", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--commits", type=int, default=2000)
    args = ap.parse_args()

    files = {}
    for name in sorted(os.listdir(args.plan)):
        if name.endswith(".yaml"):
            with open(os.path.join(args.plan, name), encoding="utf-8") as f:
                files[name] = f.read()

    # (file, id, original end) of every activity with a plain numeric end month.
    dated = []
    for name, text in files.items():
        for m in re.finditer(r"^      - id: (\S+)\n(?:        .*\n)*?        end: (\d+)\n", text, re.M):
            dated.append((name, m.group(1), int(m.group(2))))
    if not dated:
        sys.exit("genhistory.py: no dated activities in " + args.plan)

    os.makedirs(args.out, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.out], check=True)
    out = []

    def data(payload):
        raw = payload.encode("utf-8")
        out.append(b"data %d\n" % len(raw))
        out.append(raw)
        out.append(b"\n")

    when = 1704067200  # 2024-01-01T00:00:00Z
    for k in range(args.commits):
        author = AUTHORS[k % len(AUTHORS)]
        changed = []
        if k == 0:
            message = "Kế hoạch CCHC năm 2024"
            changed = list(files)
        else:
            name, aid, original = dated[(k - 1) % len(dated)]
            later = ((k - 1) // len(dated)) % 2 == 0
            new_end = (original + 1 if original < 12 else original - 1) if later else original
            text = files[name]
            at = text.index("      - id: %s\n" % aid)
            end_at = text.index("        end: ", at)
            line_end = text.index("\n", end_at)
            files[name] = text[:end_at] + "        end: %d" % new_end + text[line_end:]
            message = "%s: thời hạn tháng %d" % (aid, new_end)
            changed = [name]
        ident = "%s <bench@parplan.invalid> %d +0700" % (author, when)
        out.append(b"commit refs/heads/main\n")
        out.append(("author %s\ncommitter %s\n" % (ident, ident)).encode("utf-8"))
        data(message)
        for name in changed:
            out.append(("M 100644 inline data/%s\n" % name).encode("utf-8"))
            data(files[name])
        out.append(b"\n")
        when += 4 * 3600
    subprocess.run(["git", "-C", args.out, "fast-import", "--quiet"], input=b"".join(out),
                   check=True)
    subprocess.run(["git", "-C", args.out, "checkout", "-q", "main"], check=True)


if __name__ == "__main__":
    main()
