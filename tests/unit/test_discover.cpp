#include <doctest/doctest.h>

#include "parplan/discover.hpp"
#include "parplan/error.hpp"
#include "test_support.hpp"

using parplan::discover_plan_directory;
using parplan::test::TempDir;

TEST_CASE("discover: nearest plan.yaml or data/plan.yaml upward, relative to cwd") {
  TempDir dir;
  dir.write("repo/data/plan.yaml", "plan: {}\n");
  dir.write("repo/sub/deeper/.keep", "");
  CHECK(discover_plan_directory({}, {}, dir.str() + "/repo") == "data");
  CHECK(discover_plan_directory({}, {}, dir.str() + "/repo/sub/deeper") == "../../data");
  CHECK(discover_plan_directory({}, {}, dir.str() + "/repo/data") == ".");
}

TEST_CASE("discover: explicit directory wins, then the environment") {
  TempDir dir;
  dir.write("a/plan.yaml", "");
  dir.write("b/plan.yaml", "");
  auto a = dir.str() + "/a", b = dir.str() + "/b";
  CHECK(discover_plan_directory(a, b, "/") == a);
  CHECK(discover_plan_directory({}, b, "/") == b);
  CHECK_THROWS_WITH_AS(discover_plan_directory({}, dir.str(), "/"),
                       ("no plan.yaml in " + dir.str() + " (from PARPLAN_PLAN)").c_str(),
                       parplan::Error);
}
