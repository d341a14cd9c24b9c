// A unified diff of one file for `set --dry-run`, so the preview needs no diff program and reads
// the same everywhere: Myers' O(ND) line diff, hunks with three lines of context.

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "parplan/edit.hpp"

namespace parplan {

namespace {

constexpr std::size_t context = 3;

// Lines with their line feeds (a CRLF file's lines end in "\r\n"; the last may have none).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    end = end == text.npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op : char { keep = ' ', remove = '-', add = '+' };

// The shortest edit script from a to b (Myers 1986), as one Op per line of the output.
std::vector<Op> diff_lines(const std::vector<std::string_view>& a,
                           const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  const auto m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t max = n + m;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * max + 2), 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;  // v before each round d
  auto at = [&](std::ptrdiff_t k) -> std::ptrdiff_t& {
    return v[static_cast<std::size_t>(k + max + 1)];
  };
  std::ptrdiff_t d = 0;
  for (;; ++d) {
    trace.emplace_back(v.begin() + (max + 1 - d), v.begin() + (max + 2 + d));
    bool done = false;
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  // Walk back through the rounds.
  std::vector<Op> ops;
  std::ptrdiff_t x = n, y = m;
  for (; d > 0; --d) {
    const auto& prev = trace[static_cast<std::size_t>(d)];  // v as round d found it
    auto pv = [&](std::ptrdiff_t k) { return prev[static_cast<std::size_t>(k + d)]; };
    std::ptrdiff_t k = x - y;
    bool down = k == -d || (k != d && pv(k - 1) < pv(k + 1));
    std::ptrdiff_t prev_k = down ? k + 1 : k - 1;
    std::ptrdiff_t prev_x = pv(prev_k);
    std::ptrdiff_t prev_y = prev_x - prev_k;
    while (x > prev_x + (down ? 0 : 1) && y > prev_y + (down ? 1 : 0)) {
      ops.push_back(Op::keep);
      --x;
      --y;
    }
    ops.push_back(down ? Op::add : Op::remove);
    x = prev_x;
    y = prev_y;
  }
  for (; x > 0 && y > 0; --x, --y) ops.push_back(Op::keep);
  std::reverse(ops.begin(), ops.end());
  return ops;
}

std::string range(std::size_t start, std::size_t count) {
  // An empty side names the line before it, as diff -u does.
  if (count == 0) return fmt::format("{},0", start);
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", start + 1, count);
}

}  // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  auto a = split_lines(before);
  auto b = split_lines(after);
  std::vector<Op> ops = diff_lines(a, b);

  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  // Positions in a and b at each op.
  std::vector<std::size_t> ia(ops.size() + 1), ib(ops.size() + 1);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    ia[i + 1] = ia[i] + (ops[i] != Op::add);
    ib[i + 1] = ib[i] + (ops[i] != Op::remove);
  }
  std::size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i] == Op::keep) ++i;
    if (i == ops.size()) break;
    // A hunk: from `context` lines before the change to `context` after the last change that is
    // within 2 * context lines of the one before it.
    std::size_t first = i >= context ? i - context : 0;
    std::size_t last = i;  // one past the last change
    for (std::size_t j = i; j < ops.size(); ++j) {
      if (ops[j] != Op::keep) {
        last = j + 1;
      } else if (j - last > 2 * context) {
        break;
      }
    }
    std::size_t end = std::min(ops.size(), last + context);
    out += fmt::format("@@ -{} +{} @@\n", range(ia[first], ia[end] - ia[first]),
                       range(ib[first], ib[end] - ib[first]));
    for (std::size_t j = first; j < end; ++j) {
      std::string_view line = ops[j] == Op::add ? b[ib[j]] : a[ia[j]];
      out += static_cast<char>(ops[j]);
      out += line;
      if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
    }
    i = end;
  }
  return out;
}

}  // namespace parplan
