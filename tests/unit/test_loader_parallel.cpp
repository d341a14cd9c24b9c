#include <doctest/doctest.h>
#include <fmt/format.h>

#include <future>

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

// Two versions loaded at once and sharing parses, as `diff` loads them.
struct LoadedPair {
  parplan::LoadResult old_side, new_side;
  std::size_t shared;  // parses the second side to ask took from the first
};

LoadedPair load_sharing(const std::string& old_directory,
                        const std::vector<parplan::SourceFile>& old_files,
                        const std::string& new_directory,
                        const std::vector<parplan::SourceFile>& new_files) {
  parplan::LoadOptions old_options, new_options;
  old_options.sharing = new_options.sharing = parplan::make_parse_sharing();
  new_options.side = 1;
  auto old_side = std::async(std::launch::async, [&] {
    return parplan::load_plan_from_sources(old_directory, old_files, old_options);
  });
  parplan::LoadResult new_side =
      parplan::load_plan_from_sources(new_directory, new_files, new_options);
  return {old_side.get(), std::move(new_side), parplan::shared_parses(*old_options.sharing)};
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

TEST_CASE("loader: two loads sharing parses read each side as a load of its own would") {
  const std::string plan = "plan:\n  id: t\n  title: T\n  year: 2024\nowners:\n  snv: Sở Nội vụ\n";
  // 01 is the same on both sides and has a problem; 02 differs; 03 is only on the new side.
  const std::string same =
      "field: F1\ntitle: A\ntasks:\n  - id: F1.1\n    title: T\n"
      "    activities:\n      - id: F1.1.1\n        title: X\n"
      "        title: Z\n        lead: [snx]\n        schedule: ongoing\n";
  auto field = [](int f, const std::string& lead) {
    return fmt::format(
        "field: F{0}\ntitle: B\ntasks:\n  - id: F{0}.1\n    title: T\n"
        "    activities:\n      - id: F{0}.1.1\n        title: Y\n"
        "        lead: [{1}]\n        schedule: ongoing\n",
        f, lead);
  };
  std::vector<parplan::SourceFile> old_files = {
      {"plan.yaml", plan}, {"01-a.yaml", same}, {"02-b.yaml", field(2, "snv")}};
  std::vector<parplan::SourceFile> new_files = {{"plan.yaml", plan},
                                                {"03-c.yaml", field(3, "sny")},
                                                {"01-a.yaml", same},
                                                {"02-b.yaml", field(2, "snz")}};
  auto text = [](const parplan::LoadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += parplan::format_text(d) + "\n";
    return out + fmt::format("{} activities\n", r.plan.activities().size());
  };
  const std::string old_alone = text(parplan::load_plan_from_sources("old", old_files));
  const std::string new_alone = text(parplan::load_plan_from_sources("new", new_files));
  auto unknown = [](const char* id) {
    return fmt::format(": error: unknown owner '{}'; did you mean 'snv' (Sở Nội vụ)?\n", id);
  };
  const std::string duplicate =
      "/01-a.yaml:9:9: error: duplicate key 'title' (first given at line 8, column 9); remove one "
      "of them\n";
  CHECK(old_alone == "old" + duplicate + "old/01-a.yaml:10:16" + unknown("snx") + "2 activities\n");
  CHECK(new_alone == "new" + duplicate + "new/01-a.yaml:10:16" + unknown("snx") +
                         "new/02-b.yaml:9:16" + unknown("snz") + "new/03-c.yaml:9:16" +
                         unknown("sny") + "3 activities\n");
  for (int round = 0; round < 20; ++round) {
    LoadedPair loaded = load_sharing("old", old_files, "new", new_files);
    CHECK(text(loaded.old_side) == old_alone);
    CHECK(text(loaded.new_side) == new_alone);
    CHECK(loaded.shared == 2);  // plan.yaml and 01-a.yaml
  }
}

TEST_CASE("loader: two large loads sharing parses on worker threads agree with loads alone") {
  std::vector<parplan::SourceFile> old_files = {
      {"plan.yaml", "plan:\n  id: big\n  title: Big\n  year: 2024\nowners:\n  snv: Sở Nội vụ\n"}};
  for (int f = 10; f < 40; ++f)
    old_files.push_back({fmt::format("{}-f.yaml", f), big_field(f, 70, "")});
  std::vector<parplan::SourceFile> new_files = old_files;
  // Every third file differs; one file is only on the old side.
  for (std::size_t i = 1; i < new_files.size(); i += 3)
    new_files[i].content += "      - id: F" + new_files[i].name.substr(0, 2) +
                            ".1.999\n        title: Mới\n        lead: [snv]\n        start: 2\n"
                            "        end: 3\n";
  new_files.erase(new_files.begin() + 5);
  LoadedPair loaded = load_sharing("p", old_files, "p", new_files);
  CHECK(loaded.old_side.diagnostics.empty());
  CHECK(loaded.new_side.diagnostics.empty());
  CHECK(loaded.old_side.plan.activities().size() == 30 * 70);
  CHECK(loaded.new_side.plan.activities().size() == 29 * 70 + 10);
  // plan.yaml and the 19 field files that are the same on both sides.
  CHECK(loaded.shared == 20);
}
