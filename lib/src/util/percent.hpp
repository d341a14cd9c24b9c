#pragma once

// Shares of a whole as whole percentages.

#include <cstddef>
#include <span>
#include <vector>

namespace parplan::util {

// Each part as a percentage of the sum of `parts`, rounded so that the percentages add up to
// exactly 100 (largest-remainder method: round everything down, then give the points left to
// the largest remainders, the earlier part first on a tie). All zeros when the parts sum to 0.
std::vector<int> percentages(std::span<const std::size_t> parts);

}  // namespace parplan::util
