#pragma once

#include <vector>

#include "owner_registry.hpp"
#include "parplan/model.hpp"
#include "recognise.hpp"

namespace parplan::import {

// The fields, tasks and activities of the appendix's rows. Each row is a field, a task or an
// activity by its label and by whether it holds more than a title; ids come from the labels
// ("Hoạt động 2.1" under field I is I.2.1), rows without one are numbered in order, a label seen
// twice in a task is renumbered with a warning and a note. Cells follow cell_rules.hpp; owners get
// their ids from `owners`.
struct BuiltPlan {
  std::vector<Field> fields;
  std::vector<Warning> warnings;
};
BuiltPlan build_plan(const Appendix& appendix, int year, OwnerRegistry& owners);

}  // namespace parplan::import
