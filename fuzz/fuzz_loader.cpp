// libFuzzer harness: the plan loader and its checks on one file, once as a field file next to a
// valid plan.yaml and once as plan.yaml itself, then every way `validate` prints the result and
// the JSON/CSV export of whatever loaded. Nothing is caught: with plan.yaml among the sources,
// load_plan_from_sources has no reason to throw, so any exception is a finding.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "parplan/diagnostic.hpp"
#include "parplan/export.hpp"
#include "parplan/loader.hpp"
#include "parplan/unicode.hpp"

namespace {

constexpr std::string_view plan_yaml =
    "plan:\n  id: fuzz\n  title: Fuzz\n  year: 2024\nowners:\n  snv:\n    name: Sở Nội vụ\n"
    "    aliases: [SNV]\n  stp: Sở Tư pháp\n";
constexpr std::string_view field_yaml =
    "field: I\ntitle: Field\ntasks:\n  - id: I.1\n    title: Task\n    activities:\n"
    "      - id: I.1.1\n        title: Activity\n        lead: [snv]\n        start: 1\n"
    "        end: 12\n";

void require(bool condition) {
  if (!condition) std::abort();
}

// A diagnostic must be one printable line that points into the input.
void check(const parplan::Diagnostic& d, std::size_t lines, std::size_t size) {
  require(!d.file.empty() && !d.message.empty());
  require(d.line >= 0 && d.column >= 0 && (d.line == 0) == (d.column == 0));
  require(static_cast<std::size_t>(d.line) <= lines);
  require(static_cast<std::size_t>(d.column) <= size + 1);
  require(!parplan::unicode::find_invalid_utf8(d.message));
  for (char c : d.message) require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
}

void run(const std::string& input, bool as_plan) {
  std::vector<parplan::SourceFile> files = {
      {"plan.yaml", std::string(as_plan ? std::string_view(input) : plan_yaml)},
      {"01-field.yaml", std::string(as_plan ? field_yaml : std::string_view(input))}};
  parplan::LoadResult result = parplan::load_plan_from_sources("plan", std::move(files));

  std::size_t lines = 1;
  for (char c : input) lines += c == '\n' || c == '\r';
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const parplan::Diagnostic& d : result.diagnostics) {
    check(d, std::max<std::size_t>(lines, 20), std::max(input.size(), plan_yaml.size()));
    require(!parplan::format_text(d).empty() && !parplan::format_github(d).empty());
    diagnostics.push_back({{"file", d.file}, {"line", d.line}, {"message", d.message}});
  }
  require(!diagnostics.dump(2).empty());
  require(result.ok() == !parplan::has_errors(result.diagnostics));

  // Whatever loaded must export: JSON dump throws on text that is not UTF-8.
  for (const parplan::Activity* activity : result.plan.activities()) {
    require(!parplan::activity_json(result.plan, *activity).dump().empty());
    require(!parplan::csv_record(parplan::activity_csv_row(result.plan, *activity)).empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  run(input, false);
  run(input, true);
  return 0;
}
