// The Markdown rendering of a PlanDiff, for pull-request comments and `report --since`: a summary,
// then tables of slipped deadlines, added, removed and other changes, in the plan's language.

#include <algorithm>

#include "diff_render.hpp"
#include "parplan/markdown.hpp"

namespace parplan {

namespace {

using namespace diff_render;

class MarkdownWriter {
 public:
  MarkdownWriter(const PlanDiff& diff, const DiffMarkdownOptions& options)
      : diff_(diff),
        options_(options),
        p_(options.language),
        none_(p_.text("cell.none")),
        old_{*diff.old_plan, p_, none_},
        new_{*diff.new_plan, p_, none_} {}

  std::string render() {
    int level = std::clamp(options_.section_level, 1, 6);
    if (options_.title)
      out_ += heading(std::max(level - 1, 1),
                      p_.format("diff.title", fmt::arg("old", old_.plan.directory),
                                fmt::arg("new", new_.plan.directory)));
    out_ += markdown::escape(summary_text(p_, diff_)) + ".\n";

    std::vector<std::vector<std::string>> slipped, added, removed, other;
    for (const ActivityDiff& d : diff_.activities) {
      if (d.added()) {
        added.push_back(listing_row(new_.plan, *d.new_activity));
      } else if (d.removed()) {
        removed.push_back(listing_row(old_.plan, *d.old_activity));
      } else {
        if (d.renumbered())
          other.push_back({d.id, d.new_activity->title,
                           std::string(p_.text("diff.attribute.renumbered")), d.old_activity->id,
                           d.new_activity->id});
        for (const Change& c : d.changes) {
          if (c.attribute == Attribute::end && c.delta > 0)
            slipped.push_back(slipped_row(d, c));
          else
            other.push_back(change_row(d, c));
        }
      }
    }
    // One activity's rows read as a group: its title only on the first.
    for (std::size_t i = 1; i < other.size(); ++i)
      if (other[i][0] == other[i - 1][0]) other[i][1].clear();
    section(level, "diff.section.slipped",
            {"col.id", "col.activity", "col.lead", "col.end", "diff.col.slip"}, slipped,
            {false, false, false, false, true});
    section(level, "diff.section.added", {"col.id", "col.activity", "col.lead", "col.schedule"},
            added);
    section(level, "diff.section.removed", {"col.id", "col.activity", "col.lead", "col.schedule"},
            removed);
    section(level, "diff.section.other",
            {"col.id", "col.activity", "diff.col.change", "diff.col.before", "diff.col.after"},
            other);
    std::vector<std::vector<std::string>> plan;
    for (const PlanChange& c : diff_.plan_changes) plan.push_back(plan_row(c));
    section(level, "diff.section.plan",
            {"diff.col.item", "diff.col.change", "diff.col.before", "diff.col.after"}, plan);
    return out_;
  }

 private:
  static std::string heading(int level, const std::string& text) {
    return std::string(static_cast<std::size_t>(level), '#') + " " + markdown::escape(text) +
           "\n\n";
  }

  void section(int level, std::string_view title, const std::vector<std::string_view>& columns,
               const std::vector<std::vector<std::string>>& rows,
               const std::vector<bool>& right = {}) {
    if (rows.empty()) return;
    std::vector<std::string> header;
    for (std::string_view key : columns) header.emplace_back(p_.text(key));
    out_ +=
        "\n" + heading(level, std::string(p_.text(title))) + markdown::table(header, rows, right);
  }

  std::vector<std::string> listing_row(const Plan& plan, const Activity& a) const {
    return {a.id, a.title, plan.owner_names(a.lead, "; ", none_),
            schedule_text(p_, a, plan.info.year)};
  }

  std::vector<std::string> slipped_row(const ActivityDiff& d, const Change& c) const {
    const Activity& a = *d.old_activity;
    const Activity& b = *d.new_activity;
    return {d.id, b.title, new_.plan.owner_names(b.lead, "; ", none_),
            fmt::format("{} → {}", plan_month_label(*a.end, old_.plan.info.year),
                        plan_month_label(*b.end, new_.plan.info.year)),
            fmt::format("{:+}", c.delta)};
  }

  std::vector<std::string> change_row(const ActivityDiff& d, const Change& c) const {
    const AttributeInfo& info = attribute_info(c.attribute);
    std::string what(p_.text(info.phrase));
    if (info.shift == Shift::months)
      what = p_.format("diff.change_with_shift", fmt::arg("change", what),
                       fmt::arg("shift", shift_text(p_, c.attribute, c.delta)));
    auto [before, after] = show_change(info, old_, *d.old_activity, new_, *d.new_activity);
    return {d.id, d.new_activity->title, what, before.empty() ? none_ : before,
            after.empty() ? none_ : after};
  }

  std::vector<std::string> plan_row(const PlanChange& c) const {
    std::string item =
        c.item == PlanItem::plan
            ? std::string(p_.text("diff.item.plan"))
            : p_.format(std::string("diff.item.") + to_string(c.item), fmt::arg("id", c.id));
    std::string key = std::string("diff.") + to_string(c.item) + "." + c.attribute;
    auto value = [&](const std::optional<std::string>& v) { return v && !v->empty() ? *v : none_; };
    std::string what(!c.old_value   ? p_.text("diff.item.added")
                     : !c.new_value ? p_.text("diff.item.removed")
                                    : p_.text(key));
    return {item, what, value(c.old_value), value(c.new_value)};
  }

  const PlanDiff& diff_;
  const DiffMarkdownOptions& options_;
  const Catalog p_;
  std::string none_;
  SideView old_;
  SideView new_;
  std::string out_;
};

}  // namespace

std::string diff_to_markdown(const PlanDiff& diff, const DiffMarkdownOptions& options) {
  return MarkdownWriter(diff, options).render();
}

}  // namespace parplan
