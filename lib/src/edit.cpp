#include "parplan/edit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "edit_text.hpp"
#include "encoding.hpp"
#include "parplan/error.hpp"
#include "parplan/keys.hpp"
#include "parplan/query.hpp"
#include "parplan/suggest.hpp"
#include "parplan/unicode.hpp"

namespace parplan {

const std::vector<std::string>& settable_keys() {
  static const std::vector<std::string> settable = [] {
    std::vector<std::string> out;
    for (const keys::KeyInfo& key : keys::keys_of(keys::Section::activity))
      if (key.kind != keys::ValueKind::id) out.emplace_back(key.name);
    return out;
  }();
  return settable;
}

namespace {

enum class KeyKind { text, owners, month, word };

KeyKind kind_of(std::string_view name) {
  for (const keys::KeyInfo& key : keys::keys_of(keys::Section::activity)) {
    if (key.name != name) continue;
    switch (key.kind) {
      case keys::ValueKind::owner_list:
        return KeyKind::owners;
      case keys::ValueKind::month:
        return KeyKind::month;
      case keys::ValueKind::text:
        return KeyKind::text;
      default:
        return KeyKind::word;
    }
  }
  return KeyKind::text;
}

// Every activity key, id first: the order new keys are inserted in.
const std::vector<std::string>& key_order() {
  static const std::vector<std::string> order = [] {
    std::vector<std::string> out;
    for (const keys::KeyInfo& key : keys::keys_of(keys::Section::activity))
      out.emplace_back(key.name);
    return out;
  }();
  return order;
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == s.npos) return {};
  std::size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::string owner_list(const Plan& plan, const std::vector<const Owner*>& owners) {
  std::string out;
  for (const Owner* o : owners)
    out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", o->id, o->name);
  (void)plan;
  return out;
}

// One owner query, matched as --owner matches, except that an exact id, name or alias wins over
// owners that merely contain the query.
std::string resolve_owner(const Plan& plan, const std::string& query) {
  std::string folded = unicode::fold(query);
  std::vector<const Owner*> exact;
  for (const Owner& owner : plan.owners()) {
    bool hit = unicode::fold(owner.id) == folded || unicode::fold(owner.name) == folded;
    for (const std::string& alias : owner.aliases) hit = hit || unicode::fold(alias) == folded;
    if (hit) exact.push_back(&owner);
  }
  std::vector<const Owner*> found = exact.empty() ? match_owners(plan, query) : exact;
  if (found.size() == 1) return found.front()->id;
  if (found.empty())
    throw Error(fmt::format("no owner matches '{}'; closest: {}", query,
                            owner_list(plan, closest_owners(plan, query, 3))));
  throw Error(fmt::format("'{}' matches {} owners: {}; give one of their ids", query, found.size(),
                          owner_list(plan, found)));
}

std::vector<std::string> resolve_owners(const Plan& plan, std::string_view text) {
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = std::min(text.find(',', start), text.size());
    std::string part = trim(text.substr(start, comma - start));
    if (!part.empty()) {
      std::string id = resolve_owner(plan, part);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    start = comma + 1;
  }
  return ids;
}

const Activity* find_activity(const Plan& plan, const std::string& id) {
  std::vector<std::string> ids;
  for (const Activity* a : plan.activities()) {
    if (a->id == id) return a;
    ids.push_back(a->id);
  }
  auto guess = id.size() <= 32 ? did_you_mean(id, ids) : std::nullopt;
  throw Error(fmt::format("no activity {}{}", quote_text(id),
                          guess ? fmt::format("; did you mean '{}'?", *guess)
                                : std::string("; parplan list shows every id")));
}

void check_key(const std::string& key) {
  const auto& settable = settable_keys();
  if (std::find(settable.begin(), settable.end(), key) != settable.end()) return;
  auto guess = key.size() <= 32 ? did_you_mean(key, settable) : std::nullopt;
  throw Error(fmt::format("unknown key {}{} (keys: {})", quote_text(key),
                          guess ? fmt::format("; did you mean '{}'?", *guess) : std::string(),
                          fmt::join(settable, ", ")));
}

// How a key's current value prints in a change line.
std::string shown_value(const Plan& plan, const Activity& a, const std::string& key) {
  int year = plan.info.year;
  auto month = [&](const std::optional<YearMonth>& m) {
    return m ? plan_month_label(*m, year) : std::string("(none)");
  };
  auto text = [](const std::string& s) { return s.empty() ? "(none)" : quote_text(s); };
  auto owners = [](const std::vector<std::string>& ids) {
    return ids.empty() ? std::string("(none)") : fmt::format("{}", fmt::join(ids, ", "));
  };
  if (key == "title") return text(a.title);
  if (key == "result") return text(a.result);
  if (key == "output") return text(a.output);
  if (key == "note") return text(a.note);
  if (key == "after") return text(a.after);
  if (key == "per") return text(a.per);
  if (key == "lead") return owners(a.lead);
  if (key == "support") return owners(a.support);
  if (key == "start") return month(a.start);
  if (key == "end") return month(a.end);
  if (key == "completed") return month(a.completed);
  if (key == "schedule") return a.schedule == ScheduleKind::ongoing ? "ongoing" : "(none)";
  if (key == "status") return to_string(a.status);
  if (key == "progress") return a.progress ? std::to_string(*a.progress) : "(none)";
  return "(none)";
}

std::string months_phrase(int n) { return fmt::format("{} month{}", n, n == 1 ? "" : "s"); }

// Errors and warnings of `after` that `before` lacks, compared by file and message: an edit moves
// lines, so positions would make every later problem look new.
std::vector<Diagnostic> added(const std::vector<Diagnostic>& before,
                              const std::vector<Diagnostic>& after, Severity severity) {
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const Diagnostic& d : before)
    if (d.severity == severity) ++seen[{d.file, d.message}];
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : after)
    if (d.severity == severity && --seen[{d.file, d.message}] < 0) out.push_back(d);
  return out;
}

ChangeLine change_line(const Plan& plan, const Activity& a, const edit_text::KeyEdit& edit,
                       const std::string& path, int line, bool existed) {
  ChangeLine c{path,     line, a.id, edit.key, existed ? shown_value(plan, a, edit.key) : "(none)",
               "(none)", ""};
  if (!edit.value) return c;
  const edit_text::Value& v = *edit.value;
  if (v.list) {
    c.after = fmt::format("{}", fmt::join(*v.list, ", "));
  } else if (kind_of(edit.key) == KeyKind::month) {
    auto m = parse_plan_month(v.text, plan.info.year);
    c.after = m ? plan_month_label(*m, plan.info.year) : v.text;
    if (edit.key == "end" && m && a.end && *m != *a.end) {
      int shift = m->serial() - a.end->serial();
      c.note = shift > 0 ? "slipped " + months_phrase(shift) : months_phrase(-shift) + " earlier";
    }
  } else {
    c.after = kind_of(edit.key) == KeyKind::text ? quote_text(v.text) : v.text;
  }
  return c;
}

struct Pending {
  std::size_t order;  // position of the activity among the edits, for the output order
  const Activity* activity;
  const ActivityEdit* edit;
};

}  // namespace

ActivityEdit done_edit(const Activity& activity, YearMonth month, int plan_year) {
  ActivityEdit edit{activity.id,
                    {{"status", "done"}, {"completed", plan_month_label(month, plan_year)}}};
  if (activity.progress) edit.assignments.push_back({"progress", "100"});
  return edit;
}

std::string format_change(const ChangeLine& c) {
  return fmt::format("{}:{}: {} {} {} → {}{}", c.file, c.line, c.id, c.key, c.before, c.after,
                     c.note.empty() ? "" : " (" + c.note + ")");
}

EditOutcome prepare_edit(const LoadResult& original, const std::vector<ActivityEdit>& edits,
                         const LoadOptions& options) {
  const Plan& plan = original.plan;
  if (original.sources.empty()) throw Error("the plan was loaded without its file contents");

  // Activities by file, bottom first: an edit never moves the lines above it.
  std::map<std::string, std::vector<Pending>> by_file;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    const Activity* a = find_activity(plan, edits[i].id);
    std::vector<std::string> keys;
    for (const Assignment& as : edits[i].assignments) {
      check_key(as.key);
      if (std::find(keys.begin(), keys.end(), as.key) != keys.end())
        throw Error(fmt::format("'{}' is given twice for {}", as.key, a->id));
      keys.push_back(as.key);
      if (trim(as.value).empty() && (as.key == "title" || as.key == "lead"))
        throw Error(fmt::format("'{}' is required and cannot be removed", as.key));
      if (as.value.find("\xEF\xBB\xBF") != std::string::npos)
        throw Error(fmt::format("the value of '{}' holds a byte order mark (U+FEFF)", as.key));
      if (auto problem = find_forbidden_text(as.value))
        throw Error(fmt::format("the value of '{}' is not text a plan may hold: {}", as.key,
                                problem->message));
    }
    by_file[a->location.file].push_back({i, a, &edits[i]});
  }

  std::vector<SourceFile> sources = original.sources;
  auto source_of = [&](const std::string& path) -> SourceFile& {
    std::string name = std::filesystem::path(path).filename().string();
    for (SourceFile& s : sources)
      if (s.name == name) return s;
    throw Error(fmt::format("{}: not among the files read", path));
  };

  EditOutcome outcome;
  std::vector<std::pair<std::size_t, ChangeLine>> changes;
  for (auto& [path, pending] : by_file) {
    std::stable_sort(pending.begin(), pending.end(), [](const Pending& x, const Pending& y) {
      return std::tie(y.activity->location.line, y.activity->location.column) <
             std::tie(x.activity->location.line, x.activity->location.column);
    });
    SourceFile& source = source_of(path);
    const std::string before = source.content;
    // Edits of activities above (made later) move the lines reported for the ones below.
    std::vector<std::pair<std::size_t, int>> moved;  // (first change line of an edit, lines added)
    for (const Pending& p : pending) {
      const Activity& a = *p.activity;
      std::vector<edit_text::KeyEdit> key_edits;
      for (const Assignment& as : p.edit->assignments) {
        std::string value = unicode::nfc(trim(as.value));
        edit_text::KeyEdit ke{as.key, std::nullopt};
        if (!value.empty()) {
          edit_text::Value v;
          v.is_text = kind_of(as.key) == KeyKind::text;
          if (kind_of(as.key) == KeyKind::owners)
            v.list = resolve_owners(plan, value);
          else
            v.text = value;
          ke.value = std::move(v);
        }
        key_edits.push_back(std::move(ke));
      }
      auto result = edit_text::edit_activity(source.content, a.location.line, a.location.column,
                                             key_edits, key_order(), path);
      auto lines_in = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
      moved.emplace_back(changes.size(),
                         static_cast<int>(lines_in(result.content) - lines_in(source.content)));
      for (std::size_t k = 0; k < key_edits.size(); ++k) {
        if (!result.changed[k]) continue;
        changes.emplace_back(
            p.order, change_line(plan, a, key_edits[k], path, result.lines[k], result.existed[k]));
      }
      source.content = std::move(result.content);
    }
    for (std::size_t j = 0; j < moved.size(); ++j) {
      int shift = 0;
      for (std::size_t k = j + 1; k < moved.size(); ++k) shift += moved[k].second;
      std::size_t end = j + 1 < moved.size() ? moved[j + 1].first : changes.size();
      for (std::size_t i = moved[j].first; i < end; ++i) changes[i].second.line += shift;
    }
    if (source.content != before) outcome.files.push_back({path, before, source.content});
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [order, c] : changes) outcome.changes.push_back(std::move(c));

  LoadResult edited = load_plan_from_sources(plan.directory, std::move(sources), options);
  outcome.errors_before = count(original.diagnostics, Severity::error);
  outcome.added_errors = added(original.diagnostics, edited.diagnostics, Severity::error);
  outcome.added_warnings = added(original.diagnostics, edited.diagnostics, Severity::warning);
  return outcome;
}

}  // namespace parplan
