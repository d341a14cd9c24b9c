#include "parplan/svg_timeline.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "parplan/html.hpp"
#include "parplan/unicode.hpp"

namespace parplan {

namespace {

using fmt::arg;

// Geometry in SVG user units; the picture scales to the page width (viewBox), so these are
// proportions, chosen so a year of months leaves the labels a third of the width.
constexpr int label_width = 390;
constexpr int month_width = 56;
constexpr int right_pad = 8;
constexpr int header_height = 44;
constexpr int group_height = 26;
constexpr int row_height = 22;
constexpr int bar_height = 14;
constexpr int legend_height = 34;
constexpr int label_room = 118;  // width a state label needs beside its bar
constexpr std::size_t title_columns = 44;
constexpr std::size_t group_columns = 120;
constexpr int max_stretch = 12;  // months the axis may grow to reach the as-of month

struct Axis {
  int first = 0;  // serial month of the first column
  int count = 0;
  [[nodiscard]] int x(int serial) const { return label_width + (serial - first) * month_width; }
  [[nodiscard]] int right() const { return x(first + count); }
  [[nodiscard]] bool contains(int serial) const {
    return serial >= first && serial < first + count;
  }
};

Axis axis_for(const report::Timeline& timeline) {
  int first = YearMonth{timeline.plan_year, 1}.serial();
  int last = YearMonth{timeline.plan_year, 12}.serial();
  for (const report::BarGroup& group : timeline.groups)
    for (const report::Bar& bar : group.bars) {
      first = std::min(first, bar.start.serial());
      last = std::max(last, bar.end.serial());
    }
  const int as_of = timeline.as_of.serial();
  if (as_of < first && first - as_of <= max_stretch) first = as_of;
  if (as_of > last && as_of - last <= max_stretch) last = as_of;
  return {first, last - first + 1};
}

const char* state_class(report::BarState state) {
  switch (state) {
    case report::BarState::overdue:
      return "overdue";
    case report::BarState::done:
      return "done";
    case report::BarState::in_progress:
      return "in-progress";
    case report::BarState::cancelled:
      return "cancelled";
    case report::BarState::planned:
      return "planned";
  }
  return "planned";
}

// The words beside a bar; empty for a planned one (the outline says enough).
std::string state_label(const report::Bar& bar, const i18n::Catalog& tr) {
  switch (bar.state) {
    case report::BarState::overdue:
      return tr.format("timeline.overdue", arg("months", bar.months_late));
    case report::BarState::done:
      return "✓ " + std::string(tr.text("status.done"));
    case report::BarState::in_progress:
      return bar.progress ? tr.format("status.in_progress.percent", arg("progress", *bar.progress))
                          : std::string(tr.text("status.in_progress"));
    case report::BarState::cancelled:
      return "✗ " + std::string(tr.text("status.cancelled"));
    case report::BarState::planned:
      return {};
  }
  return {};
}

std::string months(const report::Bar& bar, int plan_year, const i18n::Catalog& tr) {
  std::string start = plan_month_label(bar.start, plan_year);
  std::string end = plan_month_label(bar.end, plan_year);
  return start == end ? tr.format("schedule.month", arg("start", start))
                      : tr.format("schedule.months", arg("start", start), arg("end", end));
}

std::string tooltip(const report::Bar& bar, int plan_year, const i18n::Catalog& tr) {
  std::string text = bar.id + " " + bar.title + "\n" +
                     tr.format("timeline.lead", arg("lead", bar.lead)) + "\n" +
                     months(bar, plan_year, tr);
  if (std::string state = state_label(bar, tr); !state.empty()) text += "\n" + state;
  return text;
}

std::string defs() {
  // Patterns make the states differ without colour: hatching for overdue, dots for work under
  // way; fills reference only these fragments (no external url()).
  return "<defs>"
         "<pattern id=\"pp-overdue\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#b3261e\"/>"
         "<rect width=\"2.5\" height=\"6\" fill=\"#f2b8b5\"/></pattern>"
         "<pattern id=\"pp-active\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
         "<rect width=\"5\" height=\"5\" fill=\"#d6e4f5\"/>"
         "<circle cx=\"2.5\" cy=\"2.5\" r=\"1\" fill=\"#1f5a96\"/></pattern>"
         "</defs>";
}

void draw_bar(std::string& out, const report::Bar& bar, const Axis& axis, int y, int plan_year,
              const i18n::Catalog& tr) {
  const int x = axis.x(bar.start.serial());
  const int width = axis.x(bar.end.serial() + 1) - x;
  const int top = y + (row_height - bar_height) / 2;
  const char* state = state_class(bar.state);
  out += fmt::format(
      "<g class=\"bar {}\" data-id=\"{}\" data-start=\"{}\" data-end=\"{}\" data-state=\"{}\">"
      "<title>{}</title>",
      state, html::escape(bar.id), to_string(bar.start), to_string(bar.end), state,
      html::escape(tooltip(bar, plan_year, tr)));
  out += fmt::format(
      "<text class=\"id\" x=\"6\" y=\"{}\">{}</text><text class=\"name\" x=\"74\" "
      "y=\"{}\">{}</text>",
      y + 15, html::escape(bar.id), y + 15,
      html::escape(unicode::truncate_to_width(bar.title, title_columns)));
  out += fmt::format("<rect class=\"span\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>",
                     x, top, width, bar_height);
  if (bar.state == report::BarState::in_progress && bar.progress && *bar.progress > 0)
    out += fmt::format("<rect class=\"filled\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", x,
                       top, width * std::min(*bar.progress, 100) / 100, bar_height);
  if (bar.state == report::BarState::cancelled)
    out += fmt::format("<line class=\"strike\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", x,
                       top + bar_height / 2, x + width, top + bar_height / 2);
  if (std::string label = state_label(bar, tr); !label.empty()) {
    // Beside the bar where there is room, else inside it with a halo.
    if (axis.right() - (x + width) >= label_room)
      out += fmt::format("<text class=\"state\" x=\"{}\" y=\"{}\">{}</text>", x + width + 5, y + 15,
                         html::escape(label));
    else if (x - label_width >= label_room)
      out += fmt::format("<text class=\"state\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                         x - 5, y + 15, html::escape(label));
    else
      out += fmt::format("<text class=\"state inside\" x=\"{}\" y=\"{}\">{}</text>", x + 5, y + 15,
                         html::escape(label));
  }
  out += "</g>";
}

void draw_legend(std::string& out, int y, const i18n::Catalog& tr) {
  struct Key {
    const char* state;
    std::string label;
  };
  using unicode::capitalize;
  const Key keys[] = {{"planned", capitalize(tr.text("status.planned"))},
                      {"in-progress", capitalize(tr.text("status.in_progress"))},
                      {"overdue", std::string(tr.text("count.overdue"))},
                      {"done", "✓ " + capitalize(tr.text("status.done"))},
                      {"cancelled", "✗ " + capitalize(tr.text("status.cancelled"))}};
  out += fmt::format("<g class=\"legend\" transform=\"translate(6,{})\">", y + 10);
  int x = 0;
  for (const Key& key : keys) {
    out += fmt::format(
        "<g class=\"bar {}\"><rect class=\"span\" x=\"{}\" y=\"0\" width=\"28\" height=\"{}\" "
        "rx=\"2\"/></g><text x=\"{}\" y=\"12\">{}</text>",
        key.state, x, bar_height, x + 34, html::escape(key.label));
    x += 34 + static_cast<int>(unicode::display_width(key.label)) * 7 + 22;
  }
  out += fmt::format(
      "<rect class=\"as-of\" x=\"{}\" y=\"0\" width=\"14\" height=\"{}\"/><text x=\"{}\" "
      "y=\"12\">{}</text>",
      x, bar_height, x + 20, html::escape(tr.text("gantt.as_of")));
  out += "</g>";
}

}  // namespace

std::string svg_timeline(const report::Timeline& timeline, const i18n::Catalog& tr) {
  const Axis axis = axis_for(timeline);
  const int width = axis.right() + right_pad;
  std::size_t bars = 0;
  for (const report::BarGroup& group : timeline.groups) bars += group.bars.size();
  const int body =
      static_cast<int>(timeline.groups.size()) * group_height + static_cast<int>(bars) * row_height;
  const int height = header_height + body + legend_height;

  std::string out = fmt::format(
      "<svg class=\"timeline\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-labelledby=\"timeline-title\"><title id=\"timeline-title\">{}</title>",
      width, height,
      html::escape(tr.format("timeline.caption", arg("count", bars),
                             arg("month", tr.month(timeline.as_of)))));
  out += defs();

  // Month columns, alternately shaded, with the month number and the year above its January.
  for (int serial = axis.first; serial < axis.first + axis.count; ++serial) {
    const YearMonth ym = YearMonth::from_serial(serial);
    const int x = axis.x(serial);
    out += fmt::format(
        "<rect class=\"month{}\" data-month=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        ym.month % 2 == 0 ? " even" : "", to_string(ym), x, header_height - 18, month_width,
        body + 18);
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\">{}</text>", x + month_width / 2,
                       header_height - 5, ym.month);
    if (ym.month == 1 || serial == axis.first)
      out += fmt::format("<text class=\"year\" x=\"{}\" y=\"14\">{}</text>", x + 3, ym.year);
  }
  if (axis.contains(timeline.as_of.serial())) {
    const int x = axis.x(timeline.as_of.serial());
    out += fmt::format(
        "<rect class=\"as-of\" data-month=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>"
        "<text class=\"as-of-label\" x=\"{}\" y=\"14\" text-anchor=\"middle\">◆ {}</text>",
        to_string(timeline.as_of), x, header_height - 18, month_width, body + 18,
        x + month_width / 2, html::escape(tr.text("gantt.as_of")));
  }

  int y = header_height;
  for (const report::BarGroup& group : timeline.groups) {
    out += fmt::format(
        "<text class=\"group\" x=\"6\" y=\"{}\">{}</text><line class=\"rule\" x1=\"0\" "
        "y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        y + 18, html::escape(unicode::truncate_to_width(group.name, group_columns)), y + 0.5, width,
        y + 0.5);
    y += group_height;
    for (const report::Bar& bar : group.bars) {
      draw_bar(out, bar, axis, y, timeline.plan_year, tr);
      y += row_height;
    }
  }
  draw_legend(out, y, tr);
  return out + "</svg>";
}

}  // namespace parplan
