#pragma once

// HTML for the Markdown that parplan itself writes (the diff of `report --since`), so the HTML
// report carries the same changes section without a second diff renderer.

#include <string>
#include <string_view>

namespace parplan {

// Reads exactly what markdown::escape, markdown::table and ATX headings produce: headings
// (levels shifted so `###` stays h3), GFM pipe tables with their alignment row, and paragraphs;
// backslash escapes are undone and everything is HTML-escaped.
std::string markdown_to_html(std::string_view markdown);

}  // namespace parplan
