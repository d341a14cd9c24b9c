#!/usr/bin/python3
"""Builds reference.docx, the Word styles for `pandoc --reference-doc`, from pandoc's own default
reference document: Times New Roman 13 pt body, A4 portrait, and the margins of Vietnamese
administrative documents (Decree 30/2020/ND-CP: top and bottom 20-25 mm, left 30-35 mm, right
15-20 mm; here 20, 20, 30 and 15 mm). Run from anywhere:

    examples/word/make-reference.py            # writes examples/word/reference.docx

Needs pandoc and python3-docx (scripts/install-deps installs both).
"""
import io
import os
import subprocess
import sys

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

FONT = "Times New Roman"
SIZES = {"Normal": 13, "Body Text": 13, "First Paragraph": 13, "Compact": 12, "Title": 15,
         "Subtitle": 13, "Heading 1": 14, "Heading 2": 13, "Heading 3": 13, "Heading 4": 13}


def set_fonts(rpr_parent):
    """Times New Roman for every script, so Vietnamese never falls back to another font."""
    rpr = rpr_parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_parent.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def grid_borders(style):
    """A full single-line grid on pandoc's "Table" style, as official tables have."""
    tbl_pr = style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        style.element.append(tbl_pr)
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    tbl_pr.append(borders)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.docx")
    default = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                             check=True, capture_output=True).stdout
    document = docx.Document(io.BytesIO(default))

    defaults = document.styles.element.find(qn("w:docDefaults"))
    set_fonts(defaults.find(qn("w:rPrDefault")))
    for style in document.styles:
        if style.type == 1 or style.type == 2:  # paragraph and character styles
            if style.element.find(qn("w:rPr")) is not None or style.name in SIZES:
                set_fonts(style.element)
            if style.name in SIZES:
                style.font.size = Pt(SIZES[style.name])
            if style.name.startswith("Heading") or style.name == "Title":
                style.font.bold = True
                style.font.color.rgb = RGBColor(0, 0, 0)
        if style.name == "Table":
            grid_borders(style)

    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
    document.save(out)


if __name__ == "__main__":
    main()
