#include "parplan/history_render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "diff_render.hpp"
#include "parplan/markdown.hpp"
#include "parplan/text_table.hpp"
#include "util/colour.hpp"

namespace parplan::history {

namespace {

using namespace diff_render;

// English speaks the plan's keys ("end", "in-progress") as the text diff does; Vietnamese the
// words of the Markdown diff.
struct Voice {
  i18n::Catalog tr;
  bool plain;
  std::string_view none;

  explicit Voice(i18n::Language language)
      : tr(language),
        plain(language == i18n::Language::en),
        none(language == i18n::Language::en ? "(none)" : "—") {}

  [[nodiscard]] std::string name(const AttributeInfo& info) const {
    return plain ? std::string(info.name) : std::string(tr.text(info.phrase));
  }
};

std::string change_phrase(const Voice& voice, const Entry& e, const Change& c) {
  const ActivityDiff& d = e.diff;
  const AttributeInfo& info = attribute_info(c.attribute);
  const SideView old_side{*e.old_plan, voice.tr, voice.none, voice.plain};
  const SideView new_side{*e.new_plan, voice.tr, voice.none, voice.plain};
  auto [before, after] = show_change(info, old_side, *d.old_activity, new_side, *d.new_activity);
  if (before.empty()) before = voice.none;
  if (after.empty()) after = voice.none;
  std::string text = fmt::format("{} {} → {}", voice.name(info), before, after);
  if (info.shift == Shift::months)
    text += ", " + shift_text(voice.tr, c.attribute, c.delta);
  else if (info.shift == Shift::percent && d.old_activity->progress && d.new_activity->progress)
    text += fmt::format(" ({:+})", c.delta);
  else if (c.attribute == Attribute::status && completed_folded(d))
    text += " " + voice.tr.format("history.completed",
                                  fmt::arg("month", plan_month_label(*d.new_activity->completed,
                                                                     new_side.plan.info.year)));
  return text;
}

const Activity& shown(const Entry& e) {
  return e.diff.new_activity ? *e.diff.new_activity : *e.diff.old_activity;
}

nlohmann::json range_json(const RenderOptions& options) {
  return {{"from", options.from ? nlohmann::json(*options.from) : nlohmann::json(nullptr)},
          {"to", options.to}};
}

bool is_deadline(const Change& c) {
  return c.attribute == Attribute::start || c.attribute == Attribute::end;
}

struct DeadlineRow {
  const Entry* entry;
  const Change* change;
};

std::vector<DeadlineRow> deadline_rows(const std::vector<const Entry*>& entries) {
  std::vector<DeadlineRow> rows;
  for (const Entry* e : entries)
    for (const Change& c : e->diff.changes)
      if (is_deadline(c)) rows.push_back({e, &c});
  return rows;
}

}  // namespace

std::vector<std::string> change_phrases(const Entry& entry, i18n::Language language) {
  const Voice voice(language);
  const ActivityDiff& d = entry.diff;
  if (d.added()) return {std::string(voice.tr.text("history.added"))};
  if (d.removed()) return {std::string(voice.tr.text("history.removed"))};
  std::vector<std::string> out;
  if (d.renumbered())
    out.push_back(voice.tr.format("history.renumbered", fmt::arg("id", d.old_activity->id)));
  for (const Change& c : d.changes) {
    if (c.attribute == Attribute::completed && completed_folded(d)) continue;
    out.push_back(change_phrase(voice, entry, c));
  }
  return out;
}

std::string log_text(const History& history, const std::vector<std::string>& lineages,
                     const std::vector<const Entry*>& entries, const RenderOptions& options) {
  const i18n::Catalog tr(options.language);
  if (entries.empty()) return std::string(tr.text("history.nothing")) + "\n";
  std::string out;
  for (const std::string& lineage : lineages) {
    const Entry* newest = nullptr;
    for (const Entry* e : entries)
      if (e->lineage == lineage) newest = e;
    if (!newest) continue;
    if (!out.empty()) out += "\n";
    out += fmt::format("{} {}\n", util::paint(shown(*newest).id, util::sgr::bold, options.color),
                       text::one_line(shown(*newest).title));
    for (const Entry* e : entries) {
      if (e->lineage != lineage) continue;
      const Commit& c = history.commits[e->commit];
      out +=
          fmt::format("  {} {} {}: {}\n", util::paint(c.short_id, util::sgr::yellow, options.color),
                      c.date, text::one_line(c.author), text::one_line(c.subject));
      for (const std::string& phrase : change_phrases(*e, options.language))
        out += "      " + text::one_line(phrase) + "\n";
    }
  }
  return out;
}

std::string log_markdown(const History& history, const std::vector<std::string>& lineages,
                         const std::vector<const Entry*>& entries, const RenderOptions& options) {
  const i18n::Catalog tr(options.language);
  std::string out =
      "## " + markdown::escape(tr.format("history.heading", fmt::arg("plan", options.plan_id))) +
      "\n\n";
  if (entries.empty()) return out + std::string(tr.text("history.nothing")) + "\n";
  const std::vector<std::string> header = {
      std::string(tr.text("history.col.commit")), std::string(tr.text("history.col.date")),
      std::string(tr.text("history.col.author")), std::string(tr.text("history.col.subject")),
      std::string(tr.text("history.col.change"))};
  for (const std::string& lineage : lineages) {
    std::vector<std::vector<std::string>> rows;
    const Entry* newest = nullptr;
    for (const Entry* e : entries) {
      if (e->lineage != lineage) continue;
      newest = e;
      const Commit& c = history.commits[e->commit];
      std::string changes;
      for (const std::string& phrase : change_phrases(*e, options.language))
        changes += (changes.empty() ? "" : "; ") + phrase;
      rows.push_back({c.short_id, c.date, c.author, c.subject, changes});
    }
    if (!newest) continue;
    out += fmt::format("### {} {}\n\n", shown(*newest).id, markdown::escape(shown(*newest).title));
    out += markdown::table(header, rows) + "\n";
  }
  return out;
}

nlohmann::json log_json(const History& history, const std::vector<const Entry*>& entries,
                        const RenderOptions& options) {
  nlohmann::json list = nlohmann::json::array();
  for (const Entry* e : entries) {
    const Commit& c = history.commits[e->commit];
    const ActivityDiff& d = e->diff;
    nlohmann::json changes = nlohmann::json::array();
    for (const Change& change : d.changes)
      changes.push_back(change_json(*e->old_plan, *e->new_plan, d, change));
    nlohmann::json j = {{"id", d.id},
                        {"commit", c.id},
                        {"date", c.date},
                        {"author", c.author},
                        {"subject", c.subject},
                        {"kind", d.added()        ? "added"
                                 : d.removed()    ? "removed"
                                 : d.renumbered() ? "renumbered"
                                                  : "changed"}};
    if (d.renumbered()) j["from"] = d.old_activity->id;
    j["changes"] = std::move(changes);
    list.push_back(std::move(j));
  }
  return {{"plan", options.plan_id}, {"range", range_json(options)}, {"entries", std::move(list)}};
}

std::string deadlines_text(const History& history, const std::vector<const Entry*>& entries,
                           const RenderOptions& options) {
  const Voice voice(options.language);
  std::vector<DeadlineRow> rows = deadline_rows(entries);
  if (rows.empty()) return std::string(voice.tr.text("history.no_deadline_changes")) + "\n";
  std::vector<text::Column> columns;
  for (const char* key : {"history.col.date", "history.col.commit", "history.col.author",
                          "history.col.id", "history.col.change", "history.col.shift"})
    columns.push_back({std::string(voice.tr.text(key)), false, text::Cut::never});
  std::vector<std::vector<text::Cell>> cells;
  for (const DeadlineRow& row : rows) {
    const Commit& c = history.commits[row.entry->commit];
    std::string change = change_phrase(voice, *row.entry, *row.change);
    std::string shift = shift_text(voice.tr, row.change->attribute, row.change->delta);
    change = change.substr(0, change.rfind(", "));
    cells.push_back({{c.date, {}},
                     {c.short_id, util::sgr::yellow},
                     {text::one_line(c.author), {}},
                     {row.entry->diff.id, util::sgr::bold},
                     {change, {}},
                     {shift, row.change->attribute == Attribute::end && row.change->delta > 0
                                 ? util::sgr::yellow
                                 : util::sgr::none}});
  }
  return text::table(columns, cells, {.color = options.color, .width = {}, .indent = 0});
}

std::string deadlines_markdown(const History& history, const std::vector<const Entry*>& entries,
                               const RenderOptions& options) {
  const Voice voice(options.language);
  std::string out = "## " +
                    markdown::escape(voice.tr.format("history.deadlines_heading",
                                                     fmt::arg("plan", options.plan_id))) +
                    "\n\n";
  std::vector<DeadlineRow> rows = deadline_rows(entries);
  if (rows.empty()) return out + std::string(voice.tr.text("history.no_deadline_changes")) + "\n";
  std::vector<std::string> header;
  for (const char* key : {"history.col.date", "history.col.commit", "history.col.author",
                          "history.col.id", "history.col.change", "history.col.shift"})
    header.emplace_back(voice.tr.text(key));
  std::vector<std::vector<std::string>> cells;
  for (const DeadlineRow& row : rows) {
    const Commit& c = history.commits[row.entry->commit];
    std::string change = change_phrase(voice, *row.entry, *row.change);
    cells.push_back({c.date, c.short_id, c.author, row.entry->diff.id,
                     change.substr(0, change.rfind(", ")),
                     shift_text(voice.tr, row.change->attribute, row.change->delta)});
  }
  return out + markdown::table(header, cells);
}

nlohmann::json deadlines_json(const History& history, const std::vector<const Entry*>& entries,
                              const RenderOptions& options) {
  nlohmann::json list = nlohmann::json::array();
  for (const DeadlineRow& row : deadline_rows(entries)) {
    const Commit& c = history.commits[row.entry->commit];
    nlohmann::json change =
        change_json(*row.entry->old_plan, *row.entry->new_plan, row.entry->diff, *row.change);
    list.push_back({{"id", row.entry->diff.id},
                    {"commit", c.id},
                    {"date", c.date},
                    {"author", c.author},
                    {"subject", c.subject},
                    {"attribute", change["attribute"]},
                    {"old", change["old"]},
                    {"new", change["new"]},
                    {"months", change["months"]}});
  }
  return {{"plan", options.plan_id},
          {"range", range_json(options)},
          {"deadline_changes", std::move(list)}};
}

std::vector<PeriodChange> period_changes(const History& history, const ReportPeriod& period,
                                         const Filter& filter, i18n::Language language) {
  const Voice voice(language);
  std::vector<PeriodChange> out;
  for (const Entry& e : history.entries) {
    const Commit& c = history.commits[e.commit];
    std::optional<YearMonth> month = parse_as_of(c.date);
    if (!month || !period.contains(*month)) continue;
    const ActivityDiff& d = e.diff;
    if (!((d.old_activity && filter.matches(*d.old_activity)) ||
          (d.new_activity && filter.matches(*d.new_activity))))
      continue;
    std::string change;
    if (d.added() || d.removed()) {
      change = change_phrases(e, language).front();
    } else if (const Change* end = d.find(Attribute::end); end && end->delta > 0) {
      change = change_phrase(voice, e, *end);
    } else {
      continue;
    }
    out.push_back({c.date, c.short_id, c.author, d.id, shown(e).title, std::move(change)});
  }
  return out;
}

}  // namespace parplan::history
