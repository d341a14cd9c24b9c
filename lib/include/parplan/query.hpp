#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/i18n.hpp"
#include "parplan/model.hpp"

namespace parplan {

enum class Role { lead, support, any };
std::optional<Role> parse_role(std::string_view text);

// Owners whose id, name or an alias contains `query`, ignoring case and Vietnamese accents:
// "noi vu", "snv" and "Sở Nội vụ" all find Sở Nội vụ. In declaration order.
std::vector<const Owner*> match_owners(const Plan& plan, std::string_view query);
// Up to `n` owners closest to `query`, for "did you mean" when nothing matched.
std::vector<const Owner*> closest_owners(const Plan& plan, std::string_view query, std::size_t n);

// Fields whose id equals `query` (ignoring case), whose number it is ("3" is field III), or else
// whose title contains it (folded).
std::vector<const Field*> match_fields(const Plan& plan, std::string_view query);
// The task whose id `query` is, ignoring case, with the field by number or numeral ("3.1" and
// "iii.1" are task III.1); null when there is none.
const Task* match_task(const Plan& plan, std::string_view query);

// Which activities a command looks at. Empty optionals mean "no restriction".
struct Filter {
  std::optional<std::set<std::string>> owners;  // owner ids
  Role role = Role::lead;
  // Field ids (III) and task ids (III.1): an activity matches when its field or its task is one.
  std::optional<std::set<std::string>> fields;
  std::optional<Status> status;

  [[nodiscard]] bool matches(const Activity& activity) const;
};

// The filter in words for a headline, e.g. "lead Sở Nội vụ; field III; status done"; empty when
// nothing is filtered. Owners are named in declaration order.
std::string describe_filter(const Plan& plan, const Filter& filter, const i18n::Catalog& tr);

// Orders ids like "II.3.10" naturally: numbers as numbers, roman numerals by value.
bool id_less(std::string_view a, std::string_view b);

}  // namespace parplan
