"""`list --format csv` and `due --format csv` read by python3's csv module as a spreadsheet user's
script would: with --bom and --delimiter ';', formulas written as text, one row per activity."""
import csv
import io
import json

from parplan_run import check, finish, run


def rows(*args):
    data = run(*args).stdout.decode("utf-8-sig")  # utf-8-sig drops the BOM, as Excel does
    return list(csv.reader(io.StringIO(data, newline=""), delimiter=";"))


def listed(*args):
    return json.loads(run("list", *args, "--format", "json").stdout)


hostile = "tests/fixtures/outputs-hostile"
records = rows("list", "--plan", hostile, "--format", "csv", "--bom", "--delimiter", ";")
header, body = records[0], records[1:]
activities = listed("--plan", hostile)
check(header[:4] == ["id", "field", "task", "title"], f"the header starts id;field;task;title ({header[:4]})")
check([r[0] for r in body] == [a["id"] for a in activities], "one row per activity, in plan order")
check(all(len(r) == len(header) for r in body), "every row has every column")
titles = {r[0]: r[3] for r in body}
for a in activities:
    title = a["title"]
    expected = "'" + title if title[:1] in ("=", "+", "-", "@", "\t", "\r") else title
    check(titles[a["id"]] == expected, f"{a['id']}: the title reads back as {expected!r} ({titles[a['id']]!r})")
check(titles["H.1.1"].startswith("'=HYPERLINK("), "a formula is text: '=HYPERLINK(...")
check(titles["H.1.4"].startswith("'+1 -2 @sum"), "'+' at the start is text too")

due = rows("due", "--plan", "data", "--month", "6", "--format", "csv", "--delimiter", ";")
ids = [r[3] for r in due[1:]]
check(due[0][:4] == ["section", "also_in", "months_late", "id"], f"due's header ({due[0][:4]})")
check(len(ids) == len(set(ids)), f"due lists each activity once ({len(ids)} rows)")
agenda = json.loads(run("due", "--plan", "data", "--month", "6", "--format", "json").stdout)
sections = {}
for section in ("overdue", "due", "upcoming", "starting", "waiting"):
    for a in agenda[section]:
        sections.setdefault(a["id"], []).append(section)
check(sorted(ids) == sorted(sections), "due's rows are the agenda's activities")
for r in due[1:]:
    first, *also = sections[r[3]]
    check(r[0] == first and r[1] == "; ".join(also), f"{r[3]}: section {r[0]!r}, also_in {r[1]!r}")
finish()
