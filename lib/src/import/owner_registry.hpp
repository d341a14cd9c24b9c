#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parplan/model.hpp"

namespace parplan::import {

// Turns owner names from lead/support cells into owner ids. A name matches an owner of --owners
// by its folded name or one of its aliases (case, accents, đ/d and spacing ignored) and takes that
// id; any other name becomes a new owner whose id is its folded name in ASCII ("Sở Nội vụ" ->
// "so-noi-vu"), with "-2", "-3" added when that id is taken. Ids depend only on the names and the
// order they first appear in, so the same input always gives the same ids.
class OwnerRegistry {
 public:
  explicit OwnerRegistry(const Plan* known);
  std::string id_for(const std::string& name);
  // Every owner named so far, in the order first named.
  [[nodiscard]] const std::vector<Owner>& used() const { return used_; }

 private:
  std::unordered_map<std::string, const Owner*> known_;  // folded name or alias -> owner
  std::unordered_set<std::string> taken_;                // every id of --owners and new ones
  std::unordered_map<std::string, std::size_t> by_key_;  // folded name -> index in used_
  std::vector<Owner> used_;
};

// Lower-case ASCII words joined by '-', at most `max_length` bytes cut at a word boundary:
// "Cải cách thủ tục hành chính" -> "cai-cach-thu-tuc-hanh-chinh". Empty when nothing is left.
std::string ascii_slug(std::string_view text, std::size_t max_length);

// Folded text with runs of spaces collapsed: the key names are matched by.
std::string match_key(std::string_view text);

}  // namespace parplan::import
