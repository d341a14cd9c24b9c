// Plan's owner index: it follows every owner added, and names outlive their arguments.

#include <doctest/doctest.h>

#include <string>

#include "parplan/model.hpp"

using parplan::Owner;
using parplan::Plan;

TEST_CASE("model: owners come in through add_owner, which keeps the index in step") {
  Plan plan;
  CHECK(plan.find_owner("snv") == nullptr);
  plan.add_owner({"snv", "Sở Nội vụ", {}, {}});
  plan.add_owner({"stp", "Sở Tư pháp", {}, {}});
  plan.add_owner({"snv", "Sở Nội vụ (lần hai)", {}, {}});  // the loader reports it; first wins
  REQUIRE(plan.owners().size() == 3);
  // Many more owners: the vector reallocates, lookups still land on the right entry.
  for (int i = 0; i < 1000; ++i) plan.add_owner({"o" + std::to_string(i), "Owner", {}, {}});
  REQUIRE(plan.find_owner("snv") != nullptr);
  CHECK(plan.find_owner("snv")->name == "Sở Nội vụ");
  CHECK(plan.find_owner("stp") == &plan.owners()[1]);
  CHECK(plan.find_owner("o999") == &plan.owners()[1002]);

  Plan copy = plan;
  CHECK(copy.find_owner("stp") == &copy.owners()[1]);
}

TEST_CASE("model: owner_name returns a value, safe on a temporary argument") {
  Plan plan;
  plan.add_owner({"snv", "Sở Nội vụ", {}, {}});
  const std::string known = plan.owner_name(std::string("snv"));
  const std::string unknown = plan.owner_name(std::string("không-có"));
  CHECK(known == "Sở Nội vụ");
  CHECK(unknown == "không-có");
  CHECK(plan.owner_names({"snv", "x"}, "; ") == "Sở Nội vụ; x");
}
