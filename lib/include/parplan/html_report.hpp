#pragma once

// The report as one self-contained HTML page (`parplan report --format html`).

#include <string>

#include "parplan/report.hpp"

namespace parplan {

// The same sections as the Markdown report, with the timeline drawn as inline SVG: inline CSS
// (screen, and print on A4 landscape with rows kept whole and table headers repeated), no
// script, no reference to any other file or network address, a system font stack. Everything
// from the plan is escaped. Byte-identical for the same document.
std::string render_html(const report::Document& document);

}  // namespace parplan
