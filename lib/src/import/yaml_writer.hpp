#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parplan/model.hpp"

namespace parplan::import {

// The plan files in the house style of data/: two-space indents, keys in the order of
// docs/format.md, owner lists in flow style, text plain unless YAML needs quotes (then double
// quotes). Same plan in, same bytes out. `header` is a comment (without '#') put on top.
std::string plan_yaml(const PlanInfo& info, const std::vector<Owner>& owners,
                      std::string_view header);
std::string field_yaml(const Field& field, int year, std::string_view header);

// A scalar as written after "key: ": plain when that reads back as the same text, else quoted.
std::string yaml_scalar(std::string_view text);

}  // namespace parplan::import
