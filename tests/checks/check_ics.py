"""`list --format ics` and `due --format ics` parsed with python3-icalendar."""
import datetime
import os

from parplan_run import check, dated_ids, finish, require_module, run

icalendar = require_module("icalendar", "python3-icalendar")


def todos(data):
    calendar = icalendar.Calendar.from_ical(data)
    return {str(c["UID"]): c for c in calendar.walk("VTODO")}


first = run("list", "--plan", "data", "--format", "ics").stdout
second = run("list", "--plan", "data", "--format", "ics").stdout
check(first == second, "two runs give the same bytes (DTSTAMP from the plan, not the clock)")
items = todos(first)
dated = dated_ids("data")
check(len(items) == len(dated), f"one VTODO per dated activity ({len(items)} of {len(dated)})")
check(set(items) == {f"{i}@dak-nong-cchc-2024" for i in dated}, "UIDs are <id>@<plan id>")
todo = items["III.1.4@dak-nong-cchc-2024"]
check(todo["DUE"].dt == datetime.date(2024, 6, 30), f"DUE of III.1.4 is 2024-06-30 ({todo['DUE'].dt})")
check(todo["DTSTART"].dt == datetime.date(2024, 5, 1), f"DTSTART of III.1.4 is 2024-05-01 ({todo['DTSTART'].dt})")
check(str(todo["SUMMARY"]).startswith("III.1.4 "), "SUMMARY is 'ID title'")
check(str(todo["STATUS"]) == "NEEDS-ACTION", "planned is NEEDS-ACTION")
check(str(todo["CATEGORIES"].cats[0]).startswith("III. "), f"CATEGORIES is the field ({todo['CATEGORIES'].cats})")
lines = first.split(b"\r\n")
check(lines[-1] == b"" and all(b"\n" not in line and b"\r" not in line for line in lines), "every line ends in CRLF")
check(max(len(line) for line in lines) <= 75, f"lines are at most 75 octets (longest {max(len(line) for line in lines)})")
for line in lines:
    line.decode("utf-8")  # raises if a fold split a character
check(any(line.startswith(b" ") for line in lines), "long lines are folded")

hostile = run("list", "--plan", "tests/fixtures/outputs-hostile", "--format", "ics").stdout
for line in hostile.split(b"\r\n"):
    line.decode("utf-8")
items = todos(hostile)
check(str(items["H.1.2@outputs-hostile"]["SUMMARY"]) == "H.1.2 Mermaid: # ; %% --> ``` end", "SUMMARY keeps ; , : as text")
h11 = items["H.1.1@outputs-hostile"]
description = str(h11["DESCRIPTION"])
check(description == 'Chủ trì: Sở <Nội vụ> & "Tư pháp"\nPhối hợp: Văn phòng UBND tỉnh, Ban; Tổ\nKết quả: Kết quả: a, b; c\\d\nSản phẩm: Báo cáo',
      f"DESCRIPTION gives lead, support, result, output: {description!r}")
check(items["H.1.4@outputs-hostile"]["DUE"].dt == datetime.date(2025, 3, 31), "an end beyond the plan year is honoured")
done = items["H.1.5@outputs-hostile"]
check(str(done["STATUS"]) == "COMPLETED" and done["COMPLETED"].dt == datetime.datetime(2024, 2, 29, 12, tzinfo=datetime.timezone.utc),
      f"done is COMPLETED with a COMPLETED time ({done.get('COMPLETED')})")
check(str(items["H.1.3@outputs-hostile"]["STATUS"]) == "IN-PROCESS" and int(items["H.1.3@outputs-hostile"]["PERCENT-COMPLETE"]) == 40,
      "in progress is IN-PROCESS with PERCENT-COMPLETE")
check(len(items) == len(dated_ids("tests/fixtures/outputs-hostile")), "undated activities have no VTODO")

due = todos(run("due", "--plan", "data", "--month", "6", "--format", "ics").stdout)
import json  # noqa: E402
agenda = json.loads(run("due", "--plan", "data", "--month", "6", "--format", "json").stdout)
listed = {a["id"] for s in ("overdue", "due", "upcoming", "starting", "waiting") for a in agenda[s] if a["end"] is not None}
check({uid.split("@")[0] for uid in due} == listed, f"due: a VTODO per dated activity it lists ({len(due)})")
check(all(str(t["DTSTAMP"].dt.date()) == "2024-06-01" for t in due.values()), "due: DTSTAMP is the as-of month")
finish()
