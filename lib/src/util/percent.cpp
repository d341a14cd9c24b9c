#include "util/percent.hpp"

#include <algorithm>
#include <numeric>

namespace parplan::util {

std::vector<int> percentages(std::span<const std::size_t> parts) {
  const std::size_t whole = std::accumulate(parts.begin(), parts.end(), std::size_t{0});
  std::vector<int> out(parts.size(), 0);
  if (whole == 0) return out;
  std::vector<std::size_t> remainders(parts.size());
  std::size_t given = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out[i] = static_cast<int>(100 * parts[i] / whole);
    remainders[i] = 100 * parts[i] % whole;
    given += static_cast<std::size_t>(out[i]);
  }
  std::vector<std::size_t> order(parts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; given < 100; ++k, ++given) ++out[order[k]];
  return out;
}

}  // namespace parplan::util
