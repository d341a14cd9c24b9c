// The text rendering of a PlanDiff, for people at a terminal: a summary line, then one block per
// activity. English; ANSI colour when asked.

#include "diff_render.hpp"
#include "util/colour.hpp"

namespace parplan {

namespace {

using namespace diff_render;

// The text rendering speaks English (see diff.hpp).
const Catalog& english() {
  static const Catalog catalog(i18n::Language::en);
  return catalog;
}

class TextWriter {
 public:
  TextWriter(const PlanDiff& diff, bool color)
      : diff_(diff),
        color_(color),
        old_{*diff.old_plan, english(), "(none)", true},
        new_{*diff.new_plan, english(), "(none)", true} {}

  std::string render() {
    out_ = summary_text(english(), diff_) + "\n";
    if (!diff_.plan_changes.empty()) plan_block();
    for (const ActivityDiff& d : diff_.activities) activity_block(d);
    return out_;
  }

 private:
  std::string bold(std::string_view t) const { return util::paint(t, util::sgr::bold, color_); }
  std::string red(std::string_view t) const { return util::paint(t, util::sgr::red, color_); }
  std::string green(std::string_view t) const { return util::paint(t, util::sgr::green, color_); }
  std::string yellow(std::string_view t) const { return util::paint(t, util::sgr::yellow, color_); }

  static std::string or_none(const std::optional<std::string>& v) {
    return v && !v->empty() ? *v : "(none)";
  }

  void plan_block() {
    out_ += "\n" + bold("plan") + "\n";
    for (const PlanChange& c : diff_.plan_changes) {
      std::string what = c.item == PlanItem::plan
                             ? c.attribute
                             : fmt::format("{} {} {}", to_string(c.item), c.id, c.attribute);
      if (c.item == PlanItem::field && c.attribute == "file") what += " renamed";
      if (!c.old_value) {
        out_ +=
            fmt::format("  {} {} {}: {}\n", to_string(c.item), c.id, green("added"), *c.new_value);
      } else if (!c.new_value) {
        out_ +=
            fmt::format("  {} {} {}: {}\n", to_string(c.item), c.id, red("removed"), *c.old_value);
      } else {
        out_ += fmt::format("  {}: {} → {}\n", what, or_none(c.old_value), or_none(c.new_value));
      }
    }
  }

  void activity_block(const ActivityDiff& d) {
    out_ += "\n";
    if (d.added() || d.removed()) {
      const Plan& plan = d.added() ? new_.plan : old_.plan;
      const Activity& a = d.added() ? *d.new_activity : *d.old_activity;
      std::string word = d.added() ? green("added") : red("removed");
      out_ += fmt::format("{} {}: {}\n", bold(a.id), word, a.title);
      out_ += fmt::format("  lead: {}\n", plan.owner_names(a.lead, "; ", "(none)"));
      out_ += fmt::format("  schedule: {}\n", schedule_text(english(), a, plan.info.year));
      return;
    }
    const Activity& a = *d.old_activity;
    const Activity& b = *d.new_activity;
    out_ += fmt::format("{} {}\n", bold(b.id), b.title);
    if (d.renumbered()) out_ += fmt::format("  renumbered from {}\n", a.id);
    for (const Change& c : d.changes) change_line(d, c);
  }

  void change_line(const ActivityDiff& d, const Change& c) {
    const AttributeInfo& info = attribute_info(c.attribute);
    const Activity& a = *d.old_activity;
    const Activity& b = *d.new_activity;
    if (c.attribute == Attribute::completed && completed_folded(d)) return;
    auto [before, after] = show_change(info, old_, a, new_, b);
    if (info.block) {
      out_ += fmt::format("  {}:\n", info.name);
      if (!before.empty()) out_ += "    " + red("- " + before) + "\n";
      if (!after.empty()) out_ += "    " + green("+ " + after) + "\n";
      return;
    }
    std::string extra;
    if (info.shift == Shift::months) {
      extra = fmt::format(" ({})", shift_text(english(), c.attribute, c.delta));
      if (c.attribute == Attribute::end && c.delta > 0) extra = " " + yellow(extra.substr(1));
    } else if (info.shift == Shift::percent && before != old_.none && after != new_.none) {
      extra = fmt::format(" ({:+})", c.delta);
    } else if (c.attribute == Attribute::status && completed_folded(d)) {
      extra = " (completed " + plan_month_label(*b.completed, new_.plan.info.year) + ")";
    }
    out_ += fmt::format("  {}: {} → {}{}\n", info.name, before, after, extra);
  }

  const PlanDiff& diff_;
  bool color_;
  SideView old_;
  SideView new_;
  std::string out_;
};

}  // namespace

std::string diff_to_text(const PlanDiff& diff, bool color) {
  return TextWriter(diff, color).render();
}

}  // namespace parplan
