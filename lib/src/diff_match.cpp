// Following an activity whose id changed: removed and added activities paired by content.

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "parplan/diff.hpp"

namespace parplan {

namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The title as code points with whitespace runs folded to one space and the ends trimmed; text is
// NFC since the load. Invalid UTF-8 cannot reach here (the loader refuses it).
std::u32string folded_title(std::string_view text) {
  std::u32string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? c : static_cast<char32_t>(c & (0x3F >> extra));
    for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    if (is_space(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out += U' ';
    space = false;
    out += cp;
  }
  return out;
}

// Levenshtein distance when it is at most `limit`, or limit + 1: only a band of 2 * limit + 1
// diagonals can hold such a path, which keeps long titles cheap.
std::size_t bounded_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  const std::size_t over = limit + 1;
  std::vector<std::size_t> prev(m + 1, over), cur(m + 1, over);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t from = i > limit ? i - limit : 1, to = std::min(m, i + limit);
    std::fill(cur.begin(), cur.end(), over);
    if (i <= limit) cur[0] = i;
    std::size_t best = cur[0];
    for (std::size_t j = from; j <= to; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost, over});
      best = std::min(best, cur[j]);
    }
    if (best > limit) return over;
    std::swap(prev, cur);
  }
  return std::min(prev[m], over);
}

// What must stay the same for a title edit to count as the same activity: schedule kind, months
// and the lead owners as a set.
std::string lead_and_months(const Activity& a) {
  std::vector<std::string> lead = a.lead;
  std::sort(lead.begin(), lead.end());
  lead.erase(std::unique(lead.begin(), lead.end()), lead.end());
  std::string key = fmt::format("{}|{}|{}", to_string(a.schedule), a.start ? a.start->serial() : 0,
                                a.end ? a.end->serial() : 0);
  for (const std::string& id : lead) key += "|" + id;
  return key;
}

// Fuzzy comparisons of one diff; past this a hostile pair of plans (thousands of removed and added
// activities with one lead and the same months) stops matching fuzzily instead of taking minutes.
// Every candidate looked at counts.
constexpr std::size_t fuzzy_budget = 200'000;
// Real titles are a few hundred characters; a distance over longer ones would cost seconds.
constexpr std::size_t max_fuzzy_title = 2'000;

}  // namespace

std::vector<Renumbering> match_renumbered(const std::vector<const Activity*>& removed,
                                          const std::vector<const Activity*>& added) {
  std::vector<std::u32string> old_titles, new_titles;
  for (const Activity* a : removed) old_titles.push_back(folded_title(a->title));
  for (const Activity* b : added) new_titles.push_back(folded_title(b->title));
  std::vector<bool> old_used(removed.size()), new_used(added.size());
  std::vector<Renumbering> pairs;

  // The same title: the first unused removed activity in the order given.
  std::unordered_multimap<std::u32string, std::size_t> by_title;
  for (std::size_t i = removed.size(); i-- > 0;) by_title.emplace(old_titles[i], i);
  for (std::size_t j = 0; j < added.size(); ++j) {
    auto [first, last] = by_title.equal_range(new_titles[j]);
    std::optional<std::size_t> pick;
    for (auto it = first; it != last; ++it)
      if (!old_used[it->second] && (!pick || it->second < *pick)) pick = it->second;
    if (!pick) continue;
    old_used[*pick] = new_used[j] = true;
    pairs.push_back({removed[*pick], added[j]});
  }

  // A small title edit, with the same lead and months: the closest, then the first.
  std::unordered_map<std::string, std::vector<std::size_t>> by_lead_and_months;
  for (std::size_t i = 0; i < removed.size(); ++i)
    if (!old_used[i]) by_lead_and_months[lead_and_months(*removed[i])].push_back(i);
  std::size_t budget = fuzzy_budget;
  for (std::size_t j = 0; j < added.size(); ++j) {
    if (new_used[j]) continue;
    auto group = by_lead_and_months.find(lead_and_months(*added[j]));
    if (group == by_lead_and_months.end()) continue;
    std::optional<std::size_t> pick;
    std::size_t pick_distance = 0;
    for (std::size_t i : group->second) {
      if (budget == 0) break;
      --budget;
      std::size_t length = std::max(old_titles[i].size(), new_titles[j].size());
      if (old_used[i] || length > max_fuzzy_title) continue;
      std::size_t limit = length / 10;
      std::size_t d = bounded_distance(old_titles[i], new_titles[j], limit);
      if (d <= limit && (!pick || d < pick_distance)) {
        pick = i;
        pick_distance = d;
      }
    }
    if (!pick) continue;
    old_used[*pick] = new_used[j] = true;
    pairs.push_back({removed[*pick], added[j]});
  }
  return pairs;
}

}  // namespace parplan
