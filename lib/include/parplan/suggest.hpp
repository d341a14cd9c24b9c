#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parplan {

// Optimal string alignment distance (Levenshtein plus adjacent transpositions), so "ened" is one
// edit from "end" and "stauts" one from "status".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a distance that still reads as a typo, if any.
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace parplan
