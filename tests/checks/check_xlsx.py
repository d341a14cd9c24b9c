"""`list --format xlsx` and `due --format xlsx` read back with openpyxl."""
import json
import os
import tempfile

from parplan_run import check, dated_ids, finish, listed, require_module, run

openpyxl = require_module("openpyxl", "python3-openpyxl")

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "plan.xlsx")
    run("list", "--plan", "data", "--format", "xlsx", "-o", path)
    book = openpyxl.load_workbook(path)
    check(book.sheetnames == ["activities"], f"list: one sheet {book.sheetnames}")
    sheet = book["activities"]
    header = [c.value for c in sheet[1]]
    check(header[:4] == ["id", "field", "task", "title"] and header[-6:-3] == ["status", "completed", "progress"],
          f"list: header {header}")
    activities = listed("data")
    check(sheet.max_row == len(activities) + 1, f"list: {sheet.max_row - 1} rows for {len(activities)} activities")
    check([sheet.cell(row=i + 2, column=1).value for i in range(len(activities))] == [a["id"] for a in activities],
          "list: rows in plan order")
    check(sheet.freeze_panes == "A2", f"list: header frozen ({sheet.freeze_panes})")
    check(sheet.auto_filter.ref == f"A1:S{len(activities) + 1}", f"list: autofilter {sheet.auto_filter.ref}")
    check(sheet.column_dimensions["D"].width >= 40, "list: the title column is wide")
    check(sheet["D2"].alignment.wrap_text, "list: text wraps")
    row = {h: sheet.cell(row=2, column=i + 1) for i, h in enumerate(header)}
    check(row["title"].value == activities[0]["title"] and row["title"].data_type == "s", "list: title is a string")
    check(row["end"].data_type == "n" and row["end"].value == activities[0]["end"], "list: months are numbers")

    # Text that Excel would take for a formula stays text.
    hostile = os.path.join(tmp, "hostile.xlsx")
    run("list", "--plan", "tests/fixtures/outputs-hostile", "--format", "xlsx", "-o", hostile)
    sheet = openpyxl.load_workbook(hostile)["activities"]
    titles = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=4) for r in range(2, sheet.max_row + 1)}
    check(titles["H.1.1"].data_type == "s" and titles["H.1.1"].value.startswith('=HYPERLINK('),
          f"an '='-leading title is a string cell: {titles['H.1.1'].value!r} ({titles['H.1.1'].data_type})")
    check(titles["H.1.4"].data_type == "s" and titles["H.1.4"].value.startswith("+1 -2 @sum"), "'+', '-', '@' stay text")
    end = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=11).value for r in range(2, sheet.max_row + 1)}
    check(end["H.1.4"] == "2025-03", f"a month beyond the plan year is 'YYYY-MM' text ({end['H.1.4']!r})")

    again = os.path.join(tmp, "again.xlsx")
    run("list", "--plan", "tests/fixtures/outputs-hostile", "--format", "xlsx", "-o", again)
    check(open(hostile, "rb").read() == open(again, "rb").read(), "the same plan gives the same bytes")

    # due: a summary sheet and a sheet per section, rows as `due --format json` lists them.
    due_path = os.path.join(tmp, "due.xlsx")
    run("due", "--plan", "data", "--month", "6", "--format", "xlsx", "-o", due_path)
    book = openpyxl.load_workbook(due_path)
    sections = ["overdue", "due", "upcoming", "starting", "waiting"]
    check(book.sheetnames == ["summary", *sections], f"due: sheets {book.sheetnames}")
    agenda = json.loads(run("due", "--plan", "data", "--month", "6", "--format", "json").stdout)
    summary = book["summary"]
    values = {summary.cell(row=1, column=c).value: summary.cell(row=2, column=c).value for c in range(1, summary.max_column + 1)}
    check(values["plan"] == agenda["plan"] and values["as_of"] == "2024-06", f"due: summary names plan and month {values}")
    for name in sections:
        sheet = book[name]
        ids = [sheet.cell(row=r, column=2 if name == "overdue" else 1).value for r in range(2, sheet.max_row + 1)]
        check(ids == [a["id"] for a in agenda[name]] and values[name] == len(agenda[name]),
              f"due: sheet {name} has the {len(agenda[name])} activities of the section")
        check(sheet.freeze_panes == "A2" and sheet.auto_filter.ref is not None, f"due: sheet {name} frozen and filtered")
    late = book["overdue"]
    check(late.cell(row=1, column=1).value == "months_late" and
          [late.cell(row=r, column=1).value for r in range(2, late.max_row + 1)] == [a["months_late"] for a in agenda["overdue"]],
          "due: overdue rows say how many months late")

    # Binary data never goes to a terminal; a pipe is fine.
    piped = run("list", "--plan", "data", "--format", "xlsx")
    check(piped.stdout[:2] == b"PK", "xlsx to a pipe is the workbook")
finish()
