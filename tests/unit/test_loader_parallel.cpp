#include <doctest/doctest.h>
#include <fmt/format.h>

#include "parplan/loader.hpp"

namespace {

// A field file of `activities` activities with long notes, so that four of them pass the size
// above which files are parsed on worker threads.
std::string big_field(int field, int activities, const std::string& extra) {
  std::string text = fmt::format(
      "field: F{0}\ntitle: Field {0}\ntasks:\n  - id: F{0}.1\n"
      "    title: Task\n    activities:\n",
      field);
  const std::string note(400, 'x');
  for (int i = 1; i <= activities; ++i)
    text += fmt::format(
        "      - id: F{}.1.{}\n        title: Hoạt động {}\n        lead: [snv]\n"
        "        start: 1\n        end: 12\n        note: {}\n",
        field, i, i, note);
  return text + extra;
}

}  // namespace

TEST_CASE("loader: a plan parsed on worker threads reports in file order, as a sequential one") {
  std::vector<parplan::SourceFile> files = {
      {"plan.yaml", "plan:\n  id: big\n  title: Big\n  year: 2024\nowners:\n  snv: Sở Nội vụ\n"}};
  // Files 1, 2 and 4 end with an activity whose owner is unknown; file 3 ends with a task that
  // repeats file 1's task id.
  for (int f = 1; f <= 4; ++f) {
    std::string extra = f == 3
                            ? "  - id: F1.1\n    title: Nhiệm vụ trùng\n    activities: []\n"
                            : fmt::format(
                                  "      - id: F{}.1.999\n        title: Lạc\n        lead: [snx]\n"
                                  "        schedule: ongoing\n",
                                  f);
    files.push_back({fmt::format("0{}-f.yaml", f), big_field(f, 700, extra)});
  }
  std::size_t total = 0;
  for (const auto& f : files) total += f.content.size();
  REQUIRE(total > 1024 * 1024);

  parplan::LoadResult result = parplan::load_plan_from_sources("p", files);
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics) lines.push_back(parplan::format_text(d));
  const std::string unknown = "error: unknown owner 'snx'; did you mean 'snv' (Sở Nội vụ)?";
  CHECK(lines == std::vector<std::string>{
                     "p/01-f.yaml:4209:16: " + unknown,
                     "p/02-f.yaml:4209:16: " + unknown,
                     "p/03-f.yaml:4207:9: error: task id 'F1.1' does not start with its field id "
                     "'F3' (expected 'F3.<n>')",
                     "p/03-f.yaml:4207:9: error: duplicate task id 'F1.1' (first defined at "
                     "p/01-f.yaml:4:9)",
                     "p/04-f.yaml:4209:16: " + unknown,
                 });
  CHECK(result.plan.activities().size() == 4 * 700 + 3);
}

TEST_CASE("loader: many files on a few worker threads come back whole and in order") {
  // More files than the workers may run ahead, each with its own unknown owner at its end.
  std::vector<parplan::SourceFile> files = {
      {"plan.yaml", "plan:\n  id: big\n  title: Big\n  year: 2024\nowners:\n  snv: Sở Nội vụ\n"}};
  for (int f = 10; f < 50; ++f)
    files.push_back(
        {fmt::format("{}-f.yaml", f),
         big_field(f, 70,
                   fmt::format("      - id: F{}.1.999\n        title: Lạc\n        lead: "
                               "[x{}]\n        schedule: ongoing\n",
                               f, f))});
  std::size_t total = 0;
  for (const auto& f : files) total += f.content.size();
  REQUIRE(total > 1024 * 1024);

  parplan::LoadResult result = parplan::load_plan_from_sources("p", files);
  std::vector<std::string> expected;
  for (int f = 10; f < 50; ++f)
    expected.push_back(fmt::format(
        "p/{}-f.yaml:429:16: error: unknown owner 'x{}'; declare it under 'owners' in plan.yaml", f,
        f));
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics) lines.push_back(parplan::format_text(d));
  CHECK(lines == expected);
  CHECK(result.plan.activities().size() == 40 * 71);
}
