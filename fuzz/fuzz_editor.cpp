// libFuzzer harness: the editor behind `parplan set`. The input's first line is `KEY=VALUE`, the
// rest a field file next to a valid plan.yaml. Every activity the file holds is edited; the edit
// may be refused (parplan::Error, or errors it would add) but must never crash, and whenever it
// is accepted the edited file must load and, where it loads without errors, hold the new value.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parplan/edit.hpp"
#include "parplan/error.hpp"
#include "parplan/loader.hpp"
#include "parplan/unicode.hpp"

namespace {

constexpr std::string_view plan_yaml =
    "plan:\n  id: fuzz\n  title: Fuzz\n  year: 2024\nowners:\n  snv:\n    name: Sở Nội vụ\n"
    "    aliases: [SNV]\n  stp: Sở Tư pháp\n";

void require(bool condition) {
  if (!condition) std::abort();
}

std::string trimmed(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == s.npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

// The value the loader reads for `key`, as text.
std::string loaded_value(const parplan::Activity& a, const std::string& key, int year) {
  auto month = [&](const std::optional<parplan::YearMonth>& m) {
    return m ? parplan::plan_month_label(*m, year) : std::string();
  };
  if (key == "title") return a.title;
  if (key == "result") return a.result;
  if (key == "output") return a.output;
  if (key == "note") return a.note;
  if (key == "after") return a.after;
  if (key == "per") return a.per;
  if (key == "status") return parplan::to_string(a.status);
  if (key == "progress") return a.progress ? std::to_string(*a.progress) : std::string();
  if (key == "start") return month(a.start);
  if (key == "end") return month(a.end);
  if (key == "completed") return month(a.completed);
  return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t feed = input.find('\n');
  if (feed == input.npos) return 0;
  std::string_view pair = input.substr(0, feed);
  std::size_t eq = pair.find('=');
  if (eq == pair.npos) return 0;
  parplan::Assignment assignment{std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1))};
  std::vector<parplan::SourceFile> files = {{"plan.yaml", std::string(plan_yaml)},
                                            {"01-field.yaml", std::string(input.substr(feed + 1))}};
  parplan::LoadResult original = parplan::load_plan_from_sources("plan", files);
  original.sources = files;
  std::size_t tried = 0;
  for (const parplan::Activity* a : original.plan.activities()) {
    if (++tried > 4) break;
    parplan::EditOutcome outcome;
    try {
      outcome = parplan::prepare_edit(original, {{a->id, {assignment}}}, {});
    } catch (const parplan::Error&) {
      continue;  // unknown key or owner, a construct the editor leaves to people
    }
    if (outcome.refused() || outcome.files.empty()) continue;
    require(outcome.files.size() == 1 && outcome.files[0].before == files[1].content);
    std::vector<parplan::SourceFile> edited = {files[0], {"01-field.yaml", outcome.files[0].after}};
    parplan::LoadResult reloaded = parplan::load_plan_from_sources("plan", edited);
    const parplan::Activity* now = nullptr;
    for (const parplan::Activity* b : reloaded.plan.activities())
      if (b->id == a->id && !now) now = b;
    require(now != nullptr);
    // An activity with errors may be edited (the edit adds none) but the loader drops values it
    // cannot trust (an `end` without `start`): the value is checked where the plan is valid.
    if (!reloaded.ok()) continue;
    std::string want = parplan::unicode::nfc(trimmed(assignment.value));
    if (assignment.key == "lead" || assignment.key == "support") {
      const auto& ids = assignment.key == "lead" ? now->lead : now->support;
      require(want.empty() == ids.empty());
    } else if (!want.empty() && (assignment.key == "start" || assignment.key == "end" ||
                                 assignment.key == "completed")) {
      require(loaded_value(*now, assignment.key, reloaded.plan.info.year) ==
              parplan::plan_month_label(
                  parplan::parse_plan_month(want, reloaded.plan.info.year).value(),
                  reloaded.plan.info.year));
    } else if (assignment.key != "schedule") {
      require(loaded_value(*now, assignment.key, reloaded.plan.info.year) ==
              (want.empty() && assignment.key == "status" ? "planned" : want));
    }
  }
  return 0;
}
