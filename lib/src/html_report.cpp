#include "parplan/html_report.hpp"

#include <fmt/format.h>

#include "parplan/html.hpp"
#include "parplan/html_markdown.hpp"
#include "parplan/svg_timeline.hpp"

namespace parplan {

namespace {

// System fonts that carry Vietnamese on Windows, macOS, Android and Linux; nothing to download.
constexpr std::string_view style = R"css(
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
  Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #1f2328; background: #fff;
  font-size: 15px; line-height: 1.45; margin: 0 auto; max-width: 1240px; padding: 20px 28px; }
h1 { font-size: 1.55rem; margin: 0 0 .4em; padding-bottom: .35em; border-bottom: 3px solid #1f5a96; }
h2 { font-size: 1.2rem; color: #1f5a96; margin: 1.7em 0 .5em; padding-bottom: .2em;
  border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.2em 0 .4em; }
header p { margin: .2em 0; color: #424a53; }
p { margin: .4em 0 .8em; }
.note { color: #57606a; font-size: .9em; }
code { font-family: ui-monospace, "SFMono-Regular", Consolas, "DejaVu Sans Mono", monospace;
  font-size: .9em; background: #f0f2f4; padding: 0 .25em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .9em; font-size: .92em; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
thead th { background: #e8eff7; font-weight: 600; }
tbody tr:nth-child(even) { background: #f7f9fb; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.id { font-weight: 600; }
#overdue tbody td.id { color: #b3261e; }
#overdue table { border-left: 4px solid #b3261e; }
.timeline-wrap { display: grid; grid-template-columns: minmax(0, 1fr) 15rem; gap: 16px;
  align-items: start; }
@media (max-width: 900px) { .timeline-wrap { grid-template-columns: minmax(0, 1fr); } }
figure { margin: 0; }
aside { font-size: .88em; border-left: 3px solid #d0d7de; padding-left: 12px; }
aside h3 { margin-top: 0; }
aside h4 { margin: .8em 0 .2em; font-size: 1em; }
aside ul { margin: 0; padding-left: 1.1em; }
aside li { margin: .15em 0; }
aside .detail { color: #57606a; }
svg.timeline { display: block; width: 100%; height: auto; font-size: 12px; }
svg.timeline text { fill: #1f2328; }
svg.timeline .month { fill: #fff; }
svg.timeline .month.even { fill: #f2f5f8; }
svg.timeline .tick { text-anchor: middle; fill: #57606a; }
svg.timeline .year { font-weight: 600; fill: #57606a; }
svg.timeline .as-of { fill: #f4c430; fill-opacity: .35; }
svg.timeline .as-of-label { font-weight: 700; fill: #7a5a00; }
svg.timeline .group { font-weight: 700; fill: #1f5a96; }
svg.timeline .rule { stroke: #c9d1d9; stroke-width: 1; }
svg.timeline .id { font-weight: 600; }
svg.timeline .span { stroke-width: 1; }
svg.timeline .planned .span { fill: #eaf1fa; stroke: #1f5a96; }
svg.timeline .in-progress .span { fill: url(#pp-active); stroke: #1f5a96; }
svg.timeline .in-progress .filled { fill: #1f5a96; }
svg.timeline .overdue .span { fill: url(#pp-overdue); stroke: #7f1d1d; }
svg.timeline .overdue .state { fill: #b3261e; font-weight: 700; }
svg.timeline .done .span { fill: #8c959f; stroke: #57606a; }
svg.timeline .cancelled .span { fill: #fff; stroke: #8c959f; stroke-dasharray: 3 2; }
svg.timeline .strike { stroke: #8c959f; }
svg.timeline .state { fill: #424a53; }
svg.timeline .inside { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) { background: none; }
  .timeline-wrap { grid-template-columns: minmax(0, 1fr) 13rem; }
}
)css";

std::string paragraph(const report::Paragraph& spans, std::string_view attributes = {}) {
  std::string out = fmt::format("<p{}>", attributes);
  for (const report::Span& span : spans)
    out += span.code ? html::element("code", span.text) : html::escape(span.text);
  return out + "</p>\n";
}

std::string table(const report::Table& t) {
  auto cell_attributes = [&](std::size_t i) -> std::string_view {
    if (i < t.right.size() && t.right[i]) return " class=\"num\"";
    return i == 0 ? " class=\"id\"" : "";
  };
  std::string out = "<table>\n<thead><tr>";
  for (std::size_t i = 0; i < t.header.size(); ++i)
    out += html::element("th", t.header[i],
                         i < t.right.size() && t.right[i] ? " class=\"num\"" : " scope=\"col\"");
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i)
      out += html::element("td", row[i], cell_attributes(i));
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string beside(const std::vector<report::Aside>& asides, const i18n::Catalog& tr) {
  std::string out = "<aside>\n" + html::element("h3", tr.text("timeline.beside")) + "\n";
  for (const report::Aside& aside : asides) {
    out +=
        html::element("h4", fmt::format("{} ({})", aside.heading, aside.items.size())) + "\n<ul>\n";
    for (const report::AsideItem& item : aside.items) {
      out += "<li>" + html::element("b", item.id) + " " + html::escape(item.title);
      if (!item.detail.empty())
        out += " " + html::element("span", "— " + item.detail, " class=\"detail\"");
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  return out + "</aside>\n";
}

std::string timeline(const report::Timeline& t, const i18n::Catalog& tr) {
  std::string out = "<div class=\"timeline-wrap\">\n<figure>" + svg_timeline(t, tr) + "</figure>\n";
  if (!t.beside.empty()) out += beside(t.beside, tr);
  return out + "</div>\n";
}

}  // namespace

std::string render_html(const report::Document& document) {
  const i18n::Catalog tr(document.language);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header>\n",
      i18n::code(document.language), html::escape(document.title), style);
  out += html::element("h1", document.title) + "\n";
  for (const report::Paragraph& p : document.intro) out += paragraph(p);
  out += "</header>\n";
  for (const report::Section& section : document.sections) {
    out += fmt::format("<section id=\"{}\">\n", section.name) +
           html::element("h2", section.heading) + "\n";
    for (const report::Block& block : section.blocks) {
      if (const auto* p = std::get_if<report::Paragraph>(&block))
        // A paragraph after a table or chart explains it.
        out += paragraph(*p, &block == &section.blocks.front() ? "" : " class=\"note\"");
      if (const auto* t = std::get_if<report::Table>(&block)) out += table(*t);
      if (const auto* t = std::get_if<report::Timeline>(&block)) out += timeline(*t, tr);
      if (const auto* md = std::get_if<report::Markdown>(&block)) out += markdown_to_html(md->text);
    }
    out += "</section>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace parplan
