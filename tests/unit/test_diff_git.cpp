#include <doctest/doctest.h>

#include "parplan/diff.hpp"
#include "parplan/error.hpp"
#include "parplan/git.hpp"
#include "test_support.hpp"

using namespace parplan;

namespace {

std::string error_of(const std::string& revision) {
  try {
    // The directory does not exist: refusals must come before git is ever run.
    git::resolve_commit("/nonexistent/parplan", revision, {});
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

Plan context_plan() {
  LoadResult context = load_plan_from_sources("data", {{"plan.yaml", R"(plan:
  id: p
  title: Kế hoạch
  year: 2024
owners:
  snv: Sở Nội vụ
)"}});
  REQUIRE(context.ok());
  return std::move(context.plan);
}

const std::string field_file = R"(field: I
title: Chỉ đạo
tasks:
  - id: I.1
    title: Nhiệm vụ
    activities:
      - id: I.1.1
        title: Hội nghị
        lead: [snv, ban-da-giai-the]
        start: 6
        end: 6
)";

}  // namespace

TEST_CASE("git: options and ranges are refused before git sees them") {
  CHECK(error_of("-n") == "'-n' is not a revision: revisions cannot start with '-'");
  CHECK(error_of("--output=x.txt") ==
        "'--output=x.txt' is not a revision: revisions cannot start with '-'");
  CHECK(error_of("HEAD~2..HEAD") ==
        "'HEAD~2..HEAD' is a range; parplan diff compares two versions: give them as two "
        "arguments, e.g. parplan diff A B");
  CHECK(error_of("main...topic").find("is a range") != std::string::npos);
  CHECK(error_of("") == "an empty revision names nothing; give e.g. HEAD~1");
}

namespace {

git::FileVersions field_versions(const std::optional<std::string>& before,
                                 const std::optional<std::string>& after) {
  return git::load_file_versions({"a/data", "01-chi-dao.yaml", before},
                                 {"b/data", "01-chi-dao.yaml", after}, context_plan());
}

}  // namespace

TEST_CASE("git: a field file loads with the context's year and owners") {
  git::FileVersions versions = field_versions(field_file, field_file);
  for (const Diagnostic& d : versions.new_side.diagnostics) INFO(format_text(d));
  REQUIRE(versions.new_side.ok());
  const Plan& plan = versions.new_side.plan;
  CHECK(plan.directory == "b/data");
  CHECK(plan.info.year == 2024);
  REQUIRE(plan.fields.size() == 1);
  CHECK(plan.fields[0].file == "b/data/01-chi-dao.yaml");
  const Activity& a = *plan.activities().front();
  CHECK(a.end == YearMonth{2024, 6});
  // An owner the work tree no longer declares is kept under its id rather than failing.
  CHECK(plan.owner_name("snv") == "Sở Nội vụ");
  CHECK(plan.owner_name("ban-da-giai-the") == "ban-da-giai-the");
  CHECK(diff_plans(versions.old_side.plan, versions.new_side.plan).empty());
}

TEST_CASE("git: owners only one version names do not read as plan-level changes") {
  std::string without = field_file;
  without.replace(without.find(", ban-da-giai-the"), 17, "");
  git::FileVersions versions = field_versions(field_file, without);
  REQUIRE(versions.old_side.ok());
  REQUIRE(versions.new_side.ok());
  CHECK(diff_to_text(diff_plans(versions.old_side.plan, versions.new_side.plan), false) ==
        "1 changed, 0 added, 0 removed\n\nI.1.1 Hội nghị\n"
        "  lead: Sở Nội vụ; ban-da-giai-the → Sở Nội vụ\n");
}

TEST_CASE("git: a broken field file keeps its diagnostics, named by side") {
  git::FileVersions versions = field_versions(field_file, "field: I\ntitle: [\n");
  CHECK(versions.old_side.ok());
  CHECK_FALSE(versions.new_side.ok());
  REQUIRE_FALSE(versions.new_side.diagnostics.empty());
  CHECK(versions.new_side.diagnostics.front().file == "b/data/01-chi-dao.yaml");
}

TEST_CASE("git: a missing side is a plan without the file, so everything reads as added") {
  git::FileVersions versions = field_versions(std::nullopt, field_file);
  REQUIRE(versions.old_side.ok());
  PlanDiff diff = diff_plans(versions.old_side.plan, versions.new_side.plan);
  CHECK(diff_to_text(diff, false) ==
        "0 changed, 1 added, 0 removed, 2 plan-level changes\n\nplan\n"
        "  field I added: Chỉ đạo\n  task I.1 added: Nhiệm vụ\n\n"
        "I.1.1 added: Hội nghị\n  lead: Sở Nội vụ; ban-da-giai-the\n  schedule: month 6\n");
}

TEST_CASE("git: plan.yaml loads on its own for plan-level changes") {
  git::FileVersions versions = git::load_file_versions(
      {"a/data", "plan.yaml",
       "plan:\n  id: p\n  title: A\n  year: 2024\nowners:\n  snv: Sở Nội vụ\n"},
      {"b/data", "plan.yaml",
       "plan:\n  id: p\n  title: B\n  year: 2024\nowners:\n  snv: Sở Nội vụ tỉnh\n"},
      context_plan());
  REQUIRE(versions.old_side.ok());
  REQUIRE(versions.new_side.ok());
  CHECK(diff_to_text(diff_plans(versions.old_side.plan, versions.new_side.plan), false) ==
        "0 changed, 0 added, 0 removed, 2 plan-level changes\n\nplan\n  title: A → B\n"
        "  owner snv name: Sở Nội vụ → Sở Nội vụ tỉnh\n");
}
