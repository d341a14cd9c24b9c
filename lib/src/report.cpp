#include "parplan/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <stdexcept>

#include "parplan/agenda.hpp"
#include "parplan/agenda_render.hpp"
#include "parplan/markdown.hpp"
#include "parplan/mermaid.hpp"
#include "parplan/on_time.hpp"
#include "parplan/unicode.hpp"
#include "util/percent.hpp"

namespace parplan {

namespace {

using fmt::arg;

constexpr std::array<std::string_view, 17> section_names = {
    "summary",     "by-field",   "by-owner",        "overdue",        "due",           "upcoming",
    "in-progress", "finished",   "waiting",         "unscheduled",    "on-time",       "gantt",
    "changes",     "period-due", "period-finished", "period-overdue", "period-changes"};
// A period report's default: the period's own lists replace the month's.
constexpr std::array<std::string_view, 13> period_section_names = {
    "summary",        "on-time",  "period-due", "period-finished", "period-overdue",
    "period-changes", "by-field", "by-owner",   "in-progress",     "waiting",
    "unscheduled",    "gantt",    "changes"};

constexpr std::string_view no_value = "—";
constexpr std::size_t bar_cells = 10;

// Rounded half up, in integers so every platform prints the same digits.
int rounded_share(std::size_t part, std::size_t whole) {
  return static_cast<int>((200 * part + whole) / (2 * whole));
}

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return std::string(no_value);
  return fmt::format("{}%", rounded_share(part, whole));
}

// Counts for one row of the by-field and by-owner tables.
struct Tally {
  std::size_t activities = 0;
  std::size_t done = 0;
  std::size_t overdue = 0;
  std::size_t due = 0;
  std::size_t progress_sum = 0;  // percent points over the measured activities
  std::size_t measured = 0;      // activities with months, not cancelled

  [[nodiscard]] std::string bar() const {
    if (measured == 0) return std::string(no_value);
    const int pct = rounded_share(progress_sum, measured * 100);
    const auto filled = static_cast<std::size_t>((pct * static_cast<int>(bar_cells) + 50) / 100);
    std::string out;
    for (std::size_t i = 0; i < bar_cells; ++i) out += i < filled ? "█" : "░";
    return fmt::format("{} {}%", out, pct);
  }
};

class ReportWriter {
 public:
  ReportWriter(const Plan& plan, const ReportOptions& options)
      : plan_(plan),
        options_(options),
        tr_(options.language),
        agenda_(build_agenda(plan, options.filter, options.as_of, options.within)) {
    if (options.period) period_name_ = period_name(*options.period, tr_);
    for (const Activity* a : plan.activities())
      if (options.filter.matches(*a)) selected_.push_back(a);
    for (const AgendaItem& item : agenda_.overdue) overdue_.insert(item.activity);
    for (const AgendaItem& item : agenda_.due) due_.insert(item.activity);
  }

  report::Document write() {
    doc_.language = options_.language;
    title();
    using Writer = void (ReportWriter::*)();
    constexpr std::array<Writer, section_names.size()> writers = {&ReportWriter::summary,
                                                                  &ReportWriter::by_field,
                                                                  &ReportWriter::by_owner,
                                                                  &ReportWriter::overdue,
                                                                  &ReportWriter::due,
                                                                  &ReportWriter::upcoming,
                                                                  &ReportWriter::in_progress,
                                                                  &ReportWriter::finished,
                                                                  &ReportWriter::waiting,
                                                                  &ReportWriter::unscheduled,
                                                                  &ReportWriter::on_time_section,
                                                                  &ReportWriter::gantt,
                                                                  &ReportWriter::changes,
                                                                  &ReportWriter::period_due,
                                                                  &ReportWriter::period_finished,
                                                                  &ReportWriter::period_overdue,
                                                                  &ReportWriter::period_changes};
    auto defaults = default_report_sections(options_.period.has_value());
    std::vector<std::string_view> wanted(defaults.begin(), defaults.end());
    if (!options_.sections.empty())
      wanted.assign(options_.sections.begin(), options_.sections.end());
    for (std::string_view name : wanted) {
      auto it = std::find(section_names.begin(), section_names.end(), name);
      if (it == section_names.end())
        throw std::logic_error("unknown report section '" + std::string(name) + "'");
      doc_.sections.push_back({std::string(name), {}, {}});
      (this->*writers[static_cast<std::size_t>(it - section_names.begin())])();
      // A section with nothing to say (upcoming with --within 0, changes without --since).
      if (doc_.sections.back().heading.empty()) doc_.sections.pop_back();
    }
    return std::move(doc_);
  }

 private:
  report::Section& section() { return doc_.sections.back(); }
  void heading(const std::string& text) { section().heading = text; }
  void paragraph(const std::string& text) {
    section().blocks.emplace_back(report::Paragraph{{text}});
  }
  // A catalog text whose backticks mark plan keys.
  void note(std::string_view key) { note_text(tr_.text(key)); }
  void note_text(std::string_view text) {
    report::Paragraph spans;
    bool code = false;
    for (std::size_t pos = 0; pos <= text.size(); code = !code) {
      std::size_t tick = std::min(text.find('`', pos), text.size());
      if (tick > pos) spans.push_back({std::string(text.substr(pos, tick - pos)), code});
      pos = tick + 1;
    }
    section().blocks.emplace_back(std::move(spans));
  }
  void table(const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows,
             const std::vector<bool>& right = {}) {
    if (rows.empty()) {
      paragraph(std::string(tr_.text("none")));
      return;
    }
    section().blocks.emplace_back(report::Table{header, rows, right});
  }

  [[nodiscard]] std::string leads(const Activity& a) const {
    // Owner names contain commas ("Các cơ quan, đơn vị có liên quan").
    return plan_.owner_names(a.lead, "; ", no_value);
  }

  // The report shows the plan as it stood in the report month (see status_as_of).
  [[nodiscard]] Status status_then(const Activity& a) const {
    return status_as_of(a, options_.as_of);
  }
  // A progress recorded with a later completion says nothing about the report month.
  [[nodiscard]] std::optional<int> progress_then(const Activity& a) const {
    return a.status == status_then(a) ? a.progress : std::nullopt;
  }
  [[nodiscard]] std::string status(const Activity& a) const {
    return status_cell(a, options_.as_of, tr_);
  }

  void title() {
    doc_.title =
        options_.period
            ? tr_.format("period.document_title", arg("plan", plan_.info.title),
                         arg("title", tr_.format("period.title", arg("period", period_name_))))
            : tr_.format("title", arg("plan", plan_.info.title),
                         arg("month", tr_.month(options_.as_of)));
    std::string source = plan_.info.issued_by;
    while (!source.empty() && (source.back() == '.' || source.back() == ' ')) source.pop_back();
    std::string origin =
        source.empty() ? tr_.format("origin.no_source", arg("year", plan_.info.year))
                       : tr_.format("origin", arg("year", plan_.info.year), arg("source", source));
    std::vector<std::string> lines = {origin};
    if (agenda_.period != Period::in_plan_year)
      lines.push_back(tr_.format("out_of_year", arg("year", plan_.info.year)));
    if (auto items = selection(); !items.empty())
      lines.push_back(
          tr_.format("selection", arg("items", fmt::format("{}", fmt::join(items, "; ")))));
    if (options_.generated) lines.push_back(tr_.format("stamp", arg("time", *options_.generated)));
    for (const std::string& line : lines) doc_.intro.push_back({{line}});
  }

  [[nodiscard]] std::vector<std::string> selection() const {
    const Filter& filter = options_.filter;
    std::vector<std::string> items;
    if (filter.owners) {
      std::vector<std::string> names;
      for (const Owner& owner : plan_.owners())
        if (filter.owners->contains(owner.id)) names.push_back(owner.name);
      const char* key = filter.role == Role::lead      ? "selection.owner.lead"
                        : filter.role == Role::support ? "selection.owner.support"
                                                       : "selection.owner.any";
      items.push_back(tr_.format(key, arg("names", fmt::format("{}", fmt::join(names, ", ")))));
    }
    if (filter.fields) {
      std::vector<std::string> names;
      for (const Field& field : plan_.fields) {
        if (filter.fields->contains(field.id)) names.push_back(field.id + ". " + field.title);
        for (const Task& task : field.tasks)
          if (filter.fields->contains(task.id)) names.push_back(task.id + ". " + task.title);
      }
      items.push_back(tr_.count("selection.field", static_cast<long>(names.size()),
                                arg("names", fmt::format("{}", fmt::join(names, ", ")))));
    }
    if (filter.status)
      items.push_back(tr_.format("selection.status", arg("status", tr_.status(*filter.status))));
    return items;
  }

  void summary() {
    heading(std::string(tr_.text("summary.heading")));
    paragraph(tr_.format("summary.sentence", arg("month", tr_.month(options_.as_of)),
                         arg("done", agenda_.done), arg("total", agenda_.total),
                         arg("overdue", agenda_.overdue.size()), arg("due", agenda_.due.size())));
    const std::pair<std::string_view, std::size_t> counts[] = {
        {"count.total", agenda_.total},
        {"status.done", agenda_.done},
        {"status.in_progress", agenda_.in_progress},
        {"status.planned", agenda_.planned},
        {"status.cancelled", agenda_.cancelled},
        {"count.overdue", agenda_.overdue.size()},
        {"count.due", agenda_.due.size()},
        {"count.ongoing", agenda_.ongoing},
        {"count.waiting", agenda_.waiting.size()},
        {"count.external", agenda_.external},
        {"count.unscheduled", agenda_.unknown},
    };
    // The four statuses split the total: their shares add up to 100%.
    const std::size_t statuses[] = {agenda_.done, agenda_.in_progress, agenda_.planned,
                                    agenda_.cancelled};
    const std::vector<int> status_shares = util::percentages(statuses);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < std::size(counts); ++i) {
      const auto& [key, n] = counts[i];
      std::string share = percent(n, agenda_.total);
      if (i >= 1 && i <= 4 && agenda_.total > 0) share = fmt::format("{}%", status_shares[i - 1]);
      rows.push_back({unicode::capitalize(tr_.text(key)), std::to_string(n), share});
    }
    table({std::string(tr_.text("col.measure")), std::string(tr_.text("col.count")),
           std::string(tr_.text("col.share"))},
          rows, {false, true, true});
  }

  void count(Tally& tally, const Activity& a) const {
    ++tally.activities;
    const Status then = status_then(a);
    if (then == Status::done) ++tally.done;
    if (overdue_.contains(&a)) ++tally.overdue;
    if (due_.contains(&a)) ++tally.due;
    if (a.dated() && then != Status::cancelled) {
      ++tally.measured;
      tally.progress_sum +=
          then == Status::done ? 100 : static_cast<std::size_t>(progress_then(a).value_or(0));
    }
  }

  [[nodiscard]] std::vector<std::string> tally_header(std::string_view first) const {
    std::vector<std::string> header = {std::string(tr_.text(first))};
    for (auto key : {"col.activities", "col.done", "col.overdue", "col.due", "col.progress"})
      header.emplace_back(tr_.text(key));
    return header;
  }

  static std::vector<std::string> tally_row(std::string name, const Tally& t) {
    return {std::move(name),           std::to_string(t.activities), std::to_string(t.done),
            std::to_string(t.overdue), std::to_string(t.due),        t.bar()};
  }

  static std::vector<bool> tally_right() { return {false, true, true, true, true, false}; }

  void by_field() {
    heading(std::string(tr_.text("by_field.heading")));
    std::vector<std::vector<std::string>> rows;
    Tally total;
    for (const Field& field : plan_.fields) {
      Tally t;
      for (const Activity* a : selected_)
        if (a->field == field.id) {
          count(t, *a);
          count(total, *a);
        }
      if (t.activities > 0) rows.push_back(tally_row(field.id + ". " + field.title, t));
    }
    if (!rows.empty()) rows.push_back(tally_row(std::string(tr_.text("row.total")), total));
    table(tally_header("col.field"), rows, tally_right());
    if (!rows.empty()) paragraph(std::string(tr_.text("progress.note")));
    // Where a field's title was written by hand, and why.
    for (const Field& field : plan_.fields)
      if (!field.note.empty() && std::any_of(selected_.begin(), selected_.end(),
                                             [&](auto* a) { return a->field == field.id; }))
        paragraph(field.id + ". " + field.title + ": " + field.note);
  }

  void by_owner() {
    heading(std::string(tr_.text("by_owner.heading")));
    // Keyed by declaration order, so rows with equal counts keep the order of plan.yaml;
    // "no lead owner" comes last.
    using Key = std::pair<std::size_t, std::string>;
    std::map<Key, Tally> tallies;
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < plan_.owners().size(); ++i) position[plan_.owners()[i].id] = i;
    const std::size_t unknown = plan_.owners().size();
    // With --owner, the rows are the owners asked for, each with the activities it has in the
    // role asked for; co-leads of those activities are not what was asked about.
    const Filter& filter = options_.filter;
    for (const Activity* a : selected_) {
      if (filter.owners) {
        for (const Owner& owner : plan_.owners()) {
          bool lead = std::ranges::find(a->lead, owner.id) != a->lead.end();
          bool support = std::ranges::find(a->support, owner.id) != a->support.end();
          bool role = filter.role == Role::lead      ? lead
                      : filter.role == Role::support ? support
                                                     : lead || support;
          if (role && filter.owners->contains(owner.id))
            count(tallies[Key{position[owner.id], owner.name}], *a);
        }
        continue;
      }
      if (a->lead.empty())
        count(tallies[Key{unknown + 1, std::string(tr_.text("owner.none"))}], *a);
      for (const std::string& id : a->lead) {
        auto it = position.find(id);
        count(tallies[Key{it == position.end() ? unknown : it->second, plan_.owner_name(id)}], *a);
      }
    }
    std::vector<std::pair<Key, Tally>> ordered(tallies.begin(), tallies.end());
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) {
      return x.second.overdue > y.second.overdue;
    });
    std::vector<std::vector<std::string>> rows;
    for (const auto& [key, t] : ordered) rows.push_back(tally_row(key.second, t));
    table(tally_header("col.lead"), rows, tally_right());
    if (!rows.empty()) paragraph(std::string(tr_.text("by_owner.note")));
  }

  [[nodiscard]] std::vector<std::string> header(std::initializer_list<const char*> keys) const {
    std::vector<std::string> out;
    for (const char* key : keys) out.emplace_back(tr_.text(key));
    return out;
  }

  // The sections `due` shows too, as the same tables (agenda_render.cpp).
  void agenda_section(AgendaPart part) {
    AgendaTable t = agenda_table(plan_, agenda_, part, tr_);
    heading(t.heading);
    table(t.header(), t.cells(), t.right());
  }

  void overdue() {
    agenda_section(AgendaPart::overdue);
    if (!agenda_.overdue.empty()) paragraph(std::string(tr_.text("overdue.note")));
  }

  void due() { agenda_section(AgendaPart::due); }

  void upcoming() {
    // --within 0 asks for no look-ahead at all.
    if (options_.within > 0) agenda_section(AgendaPart::upcoming);
  }

  void waiting() { agenda_section(AgendaPart::waiting); }

  [[nodiscard]] std::string month(const std::optional<YearMonth>& ym) const {
    return ym ? month_cell(ym, plan_.info.year) : std::string(no_value);
  }

  void in_progress() {
    heading(std::string(tr_.text("in_progress.heading")));
    std::vector<std::vector<std::string>> rows;
    for (const Activity* a : sorted_selection())
      if (status_then(*a) == Status::in_progress)
        rows.push_back(
            {a->id, month(a->start), month(a->end), leads(*a),
             progress_then(*a) ? fmt::format("{}%", *a->progress) : std::string(no_value),
             a->title});
    table(header({"col.id", "col.start", "col.end", "col.lead", "col.progress", "col.activity"}),
          rows, {false, true, true, false, true, false});
  }

  void finished() {
    heading(tr_.format("finished.heading", arg("month", tr_.month(options_.as_of))));
    std::vector<std::vector<std::string>> rows;
    for (const Activity* a : sorted_selection())
      if (a->status == Status::done && a->completed == options_.as_of)
        rows.push_back({a->id, month(a->end), leads(*a), a->title});
    table(header({"col.id", "col.end", "col.lead", "col.activity"}), rows,
          {false, true, false, false});
  }

  [[nodiscard]] std::vector<const Activity*> sorted_selection() const {
    std::vector<const Activity*> items = selected_;
    std::sort(items.begin(), items.end(),
              [](const Activity* x, const Activity* y) { return id_less(x->id, y->id); });
    return items;
  }

  void unscheduled() {
    heading(std::string(tr_.text("unscheduled.heading")));
    std::vector<std::vector<std::string>> rows;
    for (const Activity* a : sorted_selection())
      if (a->schedule == ScheduleKind::unknown)
        rows.push_back({a->id, leads(*a), status(*a), a->title});
    if (!rows.empty()) note("unscheduled.note");
    table(header({"col.id", "col.lead", "col.status", "col.activity"}), rows);
  }

  // The window of the on-time table: the period, else the plan year up to the report month.
  [[nodiscard]] std::pair<YearMonth, YearMonth> window() const { return on_time_window(options_); }

  [[nodiscard]] std::string window_name() const {
    if (options_.period) return period_name_;
    auto [first, last] = window();
    return tr_.format("period.window", arg("first", tr_.month(first)),
                      arg("last", tr_.month(last)));
  }

  static std::string rate_text(const OnTimeCounts& c) {
    auto rate = c.rate();
    return rate ? fmt::format("{}%", *rate) : std::string(no_value);
  }

  [[nodiscard]] std::vector<std::string> on_time_row(std::string name,
                                                     const OnTimeCounts& c) const {
    return {std::move(name),        std::to_string(c.due()),      std::to_string(c.on_time),
            std::to_string(c.late), std::to_string(c.undated),    std::to_string(c.overdue),
            rate_text(c),           std::to_string(c.not_yet_due)};
  }

  [[nodiscard]] std::vector<std::string> on_time_header(const char* first) const {
    return header({first, "period.col.due", "period.col.on_time", "period.col.late",
                   "period.col.undated", "period.col.overdue", "period.col.rate",
                   "period.col.not_yet_due"});
  }

  void on_time_section() {
    auto [first, last] = window();
    OnTime result = on_time(plan_, options_.filter, first, last);
    heading(tr_.format("period.on_time.heading", arg("window", window_name())));
    const std::vector<bool> right = {false, true, true, true, true, true, true, true};
    std::vector<std::vector<std::string>> rows;
    for (const OnTimeRow& row : result.by_field)
      rows.push_back(on_time_row(row.id + ". " + row.name, row.counts));
    if (!rows.empty())
      rows.push_back(on_time_row(std::string(tr_.text("row.total")), result.overall));
    table(on_time_header("col.field"), rows, right);
    rows.clear();
    for (const OnTimeRow& row : result.by_owner)
      rows.push_back(
          on_time_row(row.id.empty() ? std::string(tr_.text("owner.none")) : row.name, row.counts));
    if (!rows.empty()) table(on_time_header("col.lead"), rows, right);
    note_text(tr_.format("period.on_time.note", arg("last", tr_.month(last)),
                         arg("window", window_name())));
    paragraph(tr_.format("period.on_time.apart", arg("ongoing", result.ongoing),
                         arg("waiting", result.waiting), arg("external", result.external),
                         arg("unscheduled", result.unscheduled), arg("cancelled", result.cancelled),
                         arg("earlier", result.earlier)));
  }

  // Activities with an end in the period, by end then id.
  [[nodiscard]] std::vector<const Activity*> ending_in_period() const {
    std::vector<const Activity*> items;
    for (const Activity* a : sorted_selection())
      if (a->end && options_.period->contains(*a->end)) items.push_back(a);
    std::stable_sort(items.begin(), items.end(),
                     [](const Activity* x, const Activity* y) { return *x->end < *y->end; });
    return items;
  }

  void period_due() {
    if (!options_.period) return;
    heading(tr_.format("period.due.heading", arg("period", period_name_)));
    std::vector<std::vector<std::string>> rows;
    for (const Activity* a : ending_in_period())
      rows.push_back({a->id, a->title, leads(*a), month(a->end), status(*a)});
    table(header({"col.id", "col.activity", "col.lead", "col.end", "col.status"}), rows);
  }

  void period_finished() {
    if (!options_.period) return;
    heading(tr_.format("period.finished.heading", arg("period", period_name_)));
    std::vector<std::vector<std::string>> rows;
    for (const Activity* a : sorted_selection())
      if (a->status == Status::done && a->completed && options_.period->contains(*a->completed)) {
        const char* when = !a->end                    ? "period.undated"
                           : *a->completed <= *a->end ? "period.on_time"
                                                      : "period.late";
        rows.push_back({a->id, a->title, leads(*a), month(a->end), month(a->completed),
                        std::string(tr_.text(when))});
      }
    table(header({"col.id", "col.activity", "col.lead", "col.end", "period.col.completed",
                  "period.col.timeliness"}),
          rows);
  }

  void period_overdue() {
    if (!options_.period) return;
    const YearMonth last = options_.period->last;
    heading(tr_.format("period.overdue.heading", arg("period", period_name_)));
    std::vector<std::pair<int, const Activity*>> items;
    for (const Activity* a : sorted_selection())
      if (a->end && *a->end <= last && !finished_as_of(*a, last))
        items.emplace_back(last.serial() + 1 - a->end->serial(), a);
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    std::vector<std::vector<std::string>> rows;
    for (const auto& [late, a] : items)
      rows.push_back({a->id, a->title, leads(*a), month(a->end), std::to_string(late), status(*a)});
    table(
        header({"col.id", "col.activity", "col.lead", "col.end", "col.months_late", "col.status"}),
        rows, {false, false, false, false, true, false});
    if (!rows.empty()) paragraph(tr_.format("period.overdue.note", arg("month", tr_.month(last))));
  }

  void period_changes() {
    if (!options_.period) return;
    heading(tr_.format("period.changes.heading", arg("period", period_name_)));
    if (!options_.period_changes) {
      paragraph(std::string(tr_.text("period.changes.no_git")));
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const PeriodChange& c : *options_.period_changes)
      rows.push_back({c.date, c.commit, c.author, c.id, c.title, c.change});
    table(header({"history.col.date", "history.col.commit", "history.col.author", "col.id",
                  "col.activity", "history.col.change"}),
          rows);
  }

  [[nodiscard]] report::BarState bar_state(const Activity& a) const {
    const Status then = status_then(a);
    if (then == Status::cancelled) return report::BarState::cancelled;
    if (overdue_.contains(&a)) return report::BarState::overdue;
    if (then == Status::done) return report::BarState::done;
    if (then == Status::in_progress) return report::BarState::in_progress;
    return report::BarState::planned;
  }

  void gantt() {
    heading(std::string(tr_.text("gantt.heading")));
    report::Timeline timeline{{}, options_.as_of, plan_.info.year, {}};
    std::size_t undated = 0;
    report::Aside ongoing{std::string(tr_.text("count.ongoing")), {}};
    report::Aside waiting{std::string(tr_.text("count.waiting")), {}};
    report::Aside external{std::string(tr_.text("count.external")), {}};
    for (const Field& field : plan_.fields) {
      report::BarGroup group{field.id + ". " + field.title, {}};
      for (const Activity* a : selected_) {
        if (a->field != field.id) continue;
        if (!a->start || !a->end) {
          ++undated;
          if (a->schedule == ScheduleKind::ongoing) ongoing.items.push_back({a->id, a->title, {}});
          if (a->schedule == ScheduleKind::after_event)
            waiting.items.push_back({a->id, a->title, a->after});
          if (a->schedule == ScheduleKind::external)
            external.items.push_back({a->id, a->title, a->per});
          continue;
        }
        report::Bar bar{a->id, a->title, leads(*a), *a->start, *a->end, bar_state(*a), {}, 0};
        if (!finished_as_of(*a, options_.as_of)) bar.progress = progress_then(*a);
        for (const AgendaItem& item : agenda_.overdue)
          if (item.activity == a) bar.months_late = item.months_late;
        group.bars.push_back(std::move(bar));
      }
      if (!group.bars.empty()) timeline.groups.push_back(std::move(group));
    }
    if (timeline.groups.empty()) {
      paragraph(std::string(tr_.text("gantt.empty")));
      return;
    }
    for (report::Aside* aside : {&ongoing, &waiting, &external})
      if (!aside->items.empty()) timeline.beside.push_back(std::move(*aside));
    section().blocks.emplace_back(std::move(timeline));
    std::string text = tr_.format("gantt.legend", arg("month", tr_.month(options_.as_of)));
    if (undated > 0) text += " " + tr_.format("gantt.undated", arg("count", undated));
    paragraph(text);
  }

  void changes() {
    if (!options_.changes) return;
    heading(tr_.format("changes.heading", arg("since", options_.changes->since)));
    std::string body = options_.changes->markdown;
    while (!body.empty() && body.back() == '\n') body.pop_back();
    section().blocks.emplace_back(report::Markdown{body});
  }

  const Plan& plan_;
  const ReportOptions& options_;
  i18n::Catalog tr_;
  std::string period_name_;  // with a period only
  Agenda agenda_;
  std::vector<const Activity*> selected_;  // plan order
  std::set<const Activity*> overdue_;      // lookups only, never iterated
  std::set<const Activity*> due_;
  report::Document doc_;
};

}  // namespace

std::span<const std::string_view> report_sections() { return section_names; }

std::span<const std::string_view> default_report_sections(bool period) {
  if (period) return period_section_names;
  return std::span(section_names).first(13);
}

std::pair<YearMonth, YearMonth> on_time_window(const ReportOptions& options) {
  if (options.period) return {options.period->first, options.period->last};
  return {YearMonth{options.as_of.year, 1}, options.as_of};
}

report::Document build_report(const Plan& plan, const ReportOptions& options) {
  return ReportWriter(plan, options).write();
}

std::string render_report(const Plan& plan, const ReportOptions& options) {
  return render_markdown(build_report(plan, options));
}

}  // namespace parplan
