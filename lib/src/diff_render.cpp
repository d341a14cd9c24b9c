#include "diff_render.hpp"

#include "parplan/export.hpp"

namespace parplan::diff_render {

std::string month_label(const std::optional<YearMonth>& month, int year, std::string_view none) {
  return month ? plan_month_label(*month, year) : std::string(none);
}

std::string schedule_text(const Catalog& tr, const Activity& a, int year) {
  switch (a.schedule) {
    case ScheduleKind::months: {
      std::string start = plan_month_label(*a.start, year), end = plan_month_label(*a.end, year);
      if (start == end) return tr.format("schedule.month", fmt::arg("start", start));
      return tr.format("schedule.months", fmt::arg("start", start), fmt::arg("end", end));
    }
    case ScheduleKind::after_event:
      return tr.format("schedule.after-event", fmt::arg("after", a.after));
    case ScheduleKind::external:
      return tr.format("schedule.external", fmt::arg("per", a.per));
    case ScheduleKind::ongoing:
    case ScheduleKind::unknown:
      break;
  }
  return std::string(tr.text(std::string("schedule.") + to_string(a.schedule)));
}

std::string shift_text(const Catalog& tr, Attribute attribute, int delta) {
  if (delta > 0)
    return tr.count(attribute == Attribute::end ? "diff.slipped" : "diff.later", delta);
  return tr.count("diff.earlier", -delta);
}

std::string summary_text(const Catalog& tr, const PlanDiff& diff) {
  if (diff.empty()) return std::string(tr.text("diff.no_changes"));
  DiffSummary s = diff.summary();
  auto n = [](std::size_t v) { return static_cast<long>(v); };
  std::string out = tr.format("diff.summary.changed", fmt::arg("n", n(s.changed))) + ", " +
                    tr.format("diff.summary.added", fmt::arg("n", n(s.added))) + ", " +
                    tr.format("diff.summary.removed", fmt::arg("n", n(s.removed)));
  if (s.renumbered)
    out += ", " + tr.format("diff.summary.renumbered", fmt::arg("n", n(s.renumbered)));
  if (s.plan) out += ", " + tr.count("diff.summary.plan", n(s.plan));
  if (s.slipped)
    out += "; " + tr.count("diff.summary.slipped", n(s.slipped),
                           fmt::arg("months", tr.count("diff.months_signed", s.slipped_months)));
  return out;
}

nlohmann::json owners_json(const Plan& plan, const std::vector<std::string>& ids) {
  nlohmann::json list = nlohmann::json::array();
  for (const std::string& id : ids) list.push_back({{"id", id}, {"name", plan.owner_name(id)}});
  return list;
}

bool completed_folded(const ActivityDiff& d) {
  return d.find(Attribute::status) && d.find(Attribute::completed) && d.new_activity->completed;
}

namespace {

nlohmann::json text_json(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

std::string owners_text(const SideView& side, const std::vector<std::string>& ids) {
  return side.plan.owner_names(ids, "; ", side.none);
}

std::string month_text(const SideView& side, const std::optional<YearMonth>& month) {
  return month_label(month, side.plan.info.year, side.none);
}

int year(const Plan& plan) { return plan.info.year; }

// In Attribute order, so that the table can be indexed by it.
constexpr AttributeInfo attributes[] = {
    {Attribute::title, "title", "diff.attribute.title", true, Shift::none, false,
     [](const SideView&, const Activity& a) { return a.title; },
     [](const Plan&, const Activity& a) { return text_json(a.title); }},
    {Attribute::result, "result", "diff.attribute.result", true, Shift::none, false,
     [](const SideView&, const Activity& a) { return a.result; },
     [](const Plan&, const Activity& a) { return text_json(a.result); }},
    {Attribute::output, "output", "diff.attribute.output", true, Shift::none, false,
     [](const SideView&, const Activity& a) { return a.output; },
     [](const Plan&, const Activity& a) { return text_json(a.output); }},
    {Attribute::note, "note", "diff.attribute.note", true, Shift::none, false,
     [](const SideView&, const Activity& a) { return a.note; },
     [](const Plan&, const Activity& a) { return text_json(a.note); }},
    {Attribute::lead, "lead", "diff.attribute.lead", false, Shift::none, true,
     [](const SideView& side, const Activity& a) { return owners_text(side, a.lead); },
     [](const Plan& plan, const Activity& a) { return owners_json(plan, a.lead); }},
    {Attribute::support, "support", "diff.attribute.support", false, Shift::none, true,
     [](const SideView& side, const Activity& a) { return owners_text(side, a.support); },
     [](const Plan& plan, const Activity& a) { return owners_json(plan, a.support); }},
    {Attribute::schedule, "schedule", "diff.attribute.schedule", false, Shift::none, false,
     [](const SideView& side, const Activity& a) {
       return schedule_text(side.tr, a, year(side.plan));
     },
     [](const Plan& plan, const Activity& a) {
       return nlohmann::json{{"schedule", to_string(a.schedule)},
                             {"start", month_json(a.start, year(plan))},
                             {"end", month_json(a.end, year(plan))},
                             {"after", text_json(a.after)},
                             {"per", text_json(a.per)}};
     }},
    {Attribute::start, "start", "diff.attribute.start", false, Shift::months, false,
     [](const SideView& side, const Activity& a) { return month_text(side, a.start); },
     [](const Plan& plan, const Activity& a) { return month_json(a.start, year(plan)); }},
    {Attribute::end, "end", "diff.attribute.end", false, Shift::months, false,
     [](const SideView& side, const Activity& a) { return month_text(side, a.end); },
     [](const Plan& plan, const Activity& a) { return month_json(a.end, year(plan)); }},
    {Attribute::after, "after", "diff.attribute.after", true, Shift::none, false,
     [](const SideView&, const Activity& a) { return a.after; },
     [](const Plan&, const Activity& a) { return text_json(a.after); }},
    {Attribute::per, "per", "diff.attribute.per", true, Shift::none, false,
     [](const SideView&, const Activity& a) { return a.per; },
     [](const Plan&, const Activity& a) { return text_json(a.per); }},
    {Attribute::status, "status", "diff.attribute.status", false, Shift::none, false,
     [](const SideView& side, const Activity& a) {
       if (side.plain) return std::string(to_string(a.status));
       return side.tr.status(a.status);
     },
     [](const Plan&, const Activity& a) { return nlohmann::json(to_string(a.status)); }},
    {Attribute::completed, "completed", "diff.attribute.completed", false, Shift::none, false,
     [](const SideView& side, const Activity& a) { return month_text(side, a.completed); },
     [](const Plan& plan, const Activity& a) { return month_json(a.completed, year(plan)); }},
    {Attribute::progress, "progress", "diff.attribute.progress", false, Shift::percent, false,
     [](const SideView& side, const Activity& a) {
       return a.progress ? fmt::format("{}%", *a.progress) : std::string(side.none);
     },
     [](const Plan&, const Activity& a) {
       return a.progress ? nlohmann::json(*a.progress) : nlohmann::json(nullptr);
     }},
};

constexpr bool in_attribute_order() {
  for (std::size_t i = 0; i < std::size(attributes); ++i)
    if (static_cast<std::size_t>(attributes[i].attribute) != i) return false;
  return std::size(attributes) == static_cast<std::size_t>(Attribute::progress) + 1;
}
static_assert(in_attribute_order(), "one entry per Attribute, in its order");

}  // namespace

const AttributeInfo& attribute_info(Attribute attribute) {
  return attributes[static_cast<std::size_t>(attribute)];
}

std::pair<std::string, std::string> show_change(const AttributeInfo& info, const SideView& old_side,
                                                const Activity& old_activity,
                                                const SideView& new_side,
                                                const Activity& new_activity) {
  std::pair<std::string, std::string> shown{info.show(old_side, old_activity),
                                            info.show(new_side, new_activity)};
  if (!info.owners || shown.first != shown.second) return shown;
  auto with_ids = [&info](const SideView& side, const Activity& a) {
    const auto& ids = info.attribute == Attribute::lead ? a.lead : a.support;
    std::string out;
    for (const std::string& id : ids)
      out += (out.empty() ? "" : "; ") + fmt::format("{} ({})", side.plan.owner_name(id), id);
    return out.empty() ? std::string(side.none) : out;
  };
  return {with_ids(old_side, old_activity), with_ids(new_side, new_activity)};
}

}  // namespace parplan::diff_render

namespace parplan {

const char* to_string(Attribute attribute) {
  return diff_render::attribute_info(attribute).name.data();
}

}  // namespace parplan
