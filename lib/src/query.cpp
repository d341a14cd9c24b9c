#include "parplan/query.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "import/row_label.hpp"
#include "parplan/suggest.hpp"
#include "parplan/unicode.hpp"

namespace parplan {

std::optional<Role> parse_role(std::string_view text) {
  if (text == "lead") return Role::lead;
  if (text == "support") return Role::support;
  if (text == "any") return Role::any;
  return std::nullopt;
}

namespace {

std::vector<std::string> owner_keys(const Owner& owner) {
  std::vector<std::string> keys = {unicode::fold(owner.id), unicode::fold(owner.name)};
  for (const std::string& alias : owner.aliases) keys.push_back(unicode::fold(alias));
  return keys;
}

}  // namespace

std::vector<const Owner*> match_owners(const Plan& plan, std::string_view query) {
  std::string needle = unicode::fold(query);
  std::vector<const Owner*> found;
  if (needle.empty()) return found;
  for (const Owner& owner : plan.owners()) {
    auto keys = owner_keys(owner);
    if (std::any_of(keys.begin(), keys.end(),
                    [&](const std::string& k) { return k.find(needle) != std::string::npos; }))
      found.push_back(&owner);
  }
  return found;
}

std::vector<const Owner*> closest_owners(const Plan& plan, std::string_view query, std::size_t n) {
  std::string needle = unicode::fold(query);
  std::vector<std::pair<std::size_t, const Owner*>> scored;
  for (const Owner& owner : plan.owners()) {
    std::size_t best = std::string::npos;
    for (const std::string& key : owner_keys(owner)) {
      // Compare against every window of the key as long as the query, so a short query is
      // measured against the closest part of a long name.
      std::size_t width = std::min(needle.size(), key.size());
      for (std::size_t i = 0; i + width <= key.size(); ++i)
        best = std::min(best, edit_distance(needle, std::string_view(key).substr(i, width)));
      best = std::min(best, edit_distance(needle, key));
    }
    scored.emplace_back(best, &owner);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const Owner*> out;
  for (std::size_t i = 0; i < scored.size() && i < n; ++i) out.push_back(scored[i].second);
  return out;
}

namespace {

// A field number as its numeral ("3" -> "iii", "3.1" -> "iii.1"), folded like ids; anything else
// folded unchanged.
std::string numeral_id(std::string_view query) {
  std::string folded = unicode::fold(query);
  std::string_view head = std::string_view(folded).substr(0, folded.find('.'));
  if (head.empty() || head.size() > 3 || head.find_first_not_of("0123456789") != head.npos)
    return folded;
  std::string id = unicode::fold(import::to_roman(std::stoi(std::string(head))));
  return id + folded.substr(head.size());
}

}  // namespace

std::vector<const Field*> match_fields(const Plan& plan, std::string_view query) {
  std::string needle = unicode::fold(query);
  std::vector<const Field*> found;
  if (needle.empty()) return found;
  const std::string id = numeral_id(query);
  for (const Field& field : plan.fields)
    if (unicode::fold(field.id) == id) return {&field};
  for (const Field& field : plan.fields)
    if (unicode::fold(field.title).find(needle) != std::string::npos) found.push_back(&field);
  return found;
}

const Task* match_task(const Plan& plan, std::string_view query) {
  const std::string id = numeral_id(query);
  for (const Field& field : plan.fields)
    for (const Task& task : field.tasks)
      if (unicode::fold(task.id) == id) return &task;
  return nullptr;
}

bool Filter::matches(const Activity& activity) const {
  if (status && activity.status != *status) return false;
  if (fields && !fields->contains(activity.field) && !fields->contains(activity.task)) return false;
  if (!owners) return true;
  auto any_in = [&](const std::vector<std::string>& ids) {
    return std::any_of(ids.begin(), ids.end(),
                       [&](const std::string& id) { return owners->contains(id); });
  };
  switch (role) {
    case Role::lead:
      return any_in(activity.lead);
    case Role::support:
      return any_in(activity.support);
    case Role::any:
      return any_in(activity.lead) || any_in(activity.support);
  }
  return false;
}

namespace {

std::optional<long> roman_value(std::string_view s) {
  if (s.empty()) return std::nullopt;
  auto digit = [](char c) {
    switch (c) {
      case 'I':
        return 1;
      case 'V':
        return 5;
      case 'X':
        return 10;
      case 'L':
        return 50;
      case 'C':
        return 100;
      default:
        return 0;
    }
  };
  long total = 0;  // long: a hostile id of millions of C's must not overflow
  for (std::size_t i = 0; i < s.size(); ++i) {
    int v = digit(s[i]);
    if (v == 0) return std::nullopt;
    int next = i + 1 < s.size() ? digit(s[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  return total;
}

// A component's place in the order: numbers by value, then roman numerals by value, then any
// other text by its bytes. Comparing the kind first keeps id_less a strict weak ordering (which
// std::sort needs) even for ids mixing kinds: "V" < "IX" by value but "IX" < "J" by bytes would
// otherwise close a cycle with "J" < "V".
struct Part {
  int kind;
  long value;            // a roman numeral's value; a number's count of significant digits
  std::string_view key;  // a number's significant digits: any length compares by value
  std::string_view text;

  friend auto operator<=>(const Part&, const Part&) = default;
};

Part part(std::string_view s) {
  if (!s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos) {
    std::string_view digits = s.substr(std::min(s.find_first_not_of('0'), s.size()));
    return {0, static_cast<long>(digits.size()), digits, s};
  }
  if (auto r = roman_value(s)) return {1, *r, {}, s};
  return {2, 0, s, s};
}

}  // namespace

bool id_less(std::string_view a, std::string_view b) {
  while (true) {
    std::size_t da = a.find('.'), db = b.find('.');
    std::string_view sa = a.substr(0, da), sb = b.substr(0, db);
    if (sa != sb) return part(sa) < part(sb);
    if (da == std::string_view::npos || db == std::string_view::npos)
      return da == std::string_view::npos && db != std::string_view::npos;
    a.remove_prefix(da + 1);
    b.remove_prefix(db + 1);
  }
}

std::string describe_filter(const Plan& plan, const Filter& filter, const i18n::Catalog& tr) {
  std::vector<std::string> parts;
  if (filter.owners) {
    std::string names;
    for (const Owner& owner : plan.owners())
      if (filter.owners->contains(owner.id)) names += (names.empty() ? "" : ", ") + owner.name;
    const char* key = filter.role == Role::lead      ? "selection.owner.lead"
                      : filter.role == Role::support ? "selection.owner.support"
                                                     : "selection.owner.any";
    parts.push_back(tr.format(key, fmt::arg("names", names)));
  }
  if (filter.fields) {
    // Fields and tasks in plan order.
    std::string ids;
    long n = 0;
    for (const Field& field : plan.fields) {
      if (filter.fields->contains(field.id)) ids += (n++ ? ", " : "") + field.id;
      for (const Task& task : field.tasks)
        if (filter.fields->contains(task.id)) ids += (n++ ? ", " : "") + task.id;
    }
    parts.push_back(tr.count("selection.field", n, fmt::arg("names", ids)));
  }
  if (filter.status)
    parts.push_back(tr.format("selection.status", fmt::arg("status", tr.status(*filter.status))));
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

}  // namespace parplan
