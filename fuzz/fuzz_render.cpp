// libFuzzer harness: the Markdown renderers fed with a loaded plan. The input becomes a field file
// next to a valid plan.yaml; when it loads without errors (as the CLI requires before rendering),
// the report (both languages, every as-of month), the agenda Markdown and the diff Markdown
// against a fixed plan must come out as valid UTF-8 whose tables keep their shape: every row of a
// table has as many cell separators as its header, whatever the titles hold.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parplan/agenda.hpp"
#include "parplan/agenda_render.hpp"
#include "parplan/diff.hpp"
#include "parplan/loader.hpp"
#include "parplan/report.hpp"
#include "parplan/unicode.hpp"

namespace {

constexpr std::string_view plan_yaml =
    "plan:\n  id: fuzz\n  title: Fuzz | *plan*\n  year: 2024\n  issued_by: 'QĐ #1: `x`'\n"
    "owners:\n  snv:\n    name: Sở Nội vụ\n    aliases: [SNV]\n  stp: Sở Tư pháp <b>\n";
constexpr std::string_view base_field =
    "field: I\ntitle: Field\ntasks:\n  - id: I.1\n    title: Task\n    activities:\n"
    "      - id: I.1.1\n        title: Activity\n        lead: [snv]\n        start: 1\n"
    "        end: 12\n";

void require(bool condition) {
  if (!condition) std::abort();
}

// Cell separators: pipes not escaped by a backslash.
std::size_t separators(std::string_view line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      ++n;
    }
  }
  return n;
}

void check_markdown(const std::string& md) {
  require(!parplan::unicode::find_invalid_utf8(md));
  std::size_t table_columns = 0;  // separators of the current table's header, 0 outside tables
  std::size_t start = 0;
  while (start < md.size()) {
    std::size_t end = md.find('\n', start);
    if (end == std::string::npos) end = md.size();
    std::string_view line(md.data() + start, end - start);
    for (char c : line) require(static_cast<unsigned char>(c) >= 0x20 || c == '\t');
    if (line.starts_with("|")) {
      if (table_columns == 0) table_columns = separators(line);
      require(separators(line) == table_columns);
    } else {
      table_columns = 0;
    }
    start = end + 1;
  }
}

parplan::LoadResult load(std::string field) {
  return parplan::load_plan_from_sources(
      "plan", {{"plan.yaml", std::string(plan_yaml)}, {"01-field.yaml", std::move(field)}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  parplan::LoadResult fuzzed = load(std::string(reinterpret_cast<const char*>(data), size));
  if (!fuzzed.ok()) return 0;
  static const parplan::LoadResult base = load(std::string(base_field));
  require(base.ok());

  const parplan::Plan& plan = fuzzed.plan;
  for (int month = 1; month <= 13; ++month) {
    // Month 13 is January of the next year: the plan year has ended.
    parplan::YearMonth as_of =
        parplan::YearMonth::from_serial(parplan::YearMonth{2024, 1}.serial() + month - 1);
    for (auto language : {parplan::i18n::Language::vi, parplan::i18n::Language::en}) {
      parplan::ReportOptions options;
      options.language = language;
      options.as_of = as_of;
      options.within = month % 3;
      check_markdown(parplan::render_report(plan, options));
    }
    parplan::Agenda agenda = parplan::build_agenda(plan, {}, as_of, 1);
    for (auto language : {parplan::i18n::Language::vi, parplan::i18n::Language::en})
      check_markdown(parplan::agenda_markdown(plan, agenda, "", parplan::i18n::Catalog(language)));
  }
  parplan::PlanDiff diff = parplan::diff_plans(base.plan, plan);
  for (auto language : {parplan::i18n::Language::vi, parplan::i18n::Language::en}) {
    parplan::DiffMarkdownOptions options;
    options.language = language;
    check_markdown(parplan::diff_to_markdown(diff, options));
  }
  return 0;
}
