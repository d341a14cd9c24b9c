"""The README's Word recipe, `parplan report --format html | pandoc -f html -o report.docx
--reference-doc examples/word/reference.docx`, read back with python3-docx."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from parplan_run import SKIP, SOURCE, check, finish, require_module, run

docx = require_module("docx", "python3-docx")
if shutil.which("pandoc") is None:
    print("skipped: pandoc not installed (scripts/install-deps installs it)")
    sys.exit(SKIP)

html = run("report", "--plan", "data", "--month", "6", "--format", "html").stdout
reference = os.path.join(SOURCE, "examples/word/reference.docx")
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "report.docx")
    converted = subprocess.run(["pandoc", "-f", "html", "-o", out, "--reference-doc", reference],
                               input=html, capture_output=True, check=False)
    check(converted.returncode == 0, f"pandoc converts the HTML report: {converted.stderr.decode()[:300]}")
    document = docx.Document(out)

text = html.decode()
tables = len(re.findall(r"<table>", text))
check(len(document.tables) == tables, f"every table is a Word table ({len(document.tables)} of {tables})")
wanted = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h2>(.*?)</h2>", text)]
headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
check(headings == wanted, f"the sections are Heading 2: {headings}")
check(any(p.style.name == "Heading 1" and "báo cáo tiến độ" in p.text for p in document.paragraphs),
      "the title is Heading 1")

agenda = json.loads(run("due", "--plan", "data", "--month", "6", "--format", "json").stdout)
overdue_ids = [a["id"] for a in agenda["overdue"]]
overdue_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Mã" and "Số tháng chậm" in [c.text for c in t.rows[0].cells])
check(sorted(r.cells[0].text for r in overdue_table.rows[1:]) == sorted(overdue_ids), f"the overdue table lists {overdue_ids}")

section = document.sections[0]
check(round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297, "A4 pages")
check([round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)] == [20, 20, 30, 15],
      "administrative margins: top 20, bottom 20, left 30, right 15 mm")
normal = document.styles["Normal"].font
check(normal.name == "Times New Roman" and normal.size.pt == 13, f"body text in Times New Roman 13 pt ({normal.name}, {normal.size.pt})")
finish()
