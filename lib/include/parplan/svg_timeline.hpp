#pragma once

// The report's timeline drawn as inline SVG, for the HTML report: no script, no external
// reference, the same picture in every browser and on paper.

#include <string>

#include "parplan/i18n.hpp"
#include "parplan/report.hpp"

namespace parplan {

// One row per dated activity, grouped by field, on an axis of whole months covering the plan
// year (widened to the earliest start and latest end, and to the as-of month when that is
// within a year of them); the as-of month is shaded and labelled. States differ in pattern and
// label as well as colour: overdue bars are hatched and say how late, done bars are solid with
// a check mark, in-progress bars fill to their progress, cancelled bars are dashed outlines.
// Each bar's <title> gives id, title, lead and months. Bars carry data-id/data-start/data-end and
// month columns data-month, so tests can check positions.
std::string svg_timeline(const report::Timeline& timeline, const i18n::Catalog& tr);

}  // namespace parplan
