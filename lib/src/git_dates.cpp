#include "parplan/git_dates.hpp"

#include <fmt/format.h>

#include "encoding.hpp"
#include "parplan/calendar.hpp"
#include "parplan/error.hpp"

namespace parplan::git {

bool is_date(std::string_view text) { return text.size() == 10 && parse_as_of(text); }

DatedCommit commit_before(const std::string& top, const std::string& date, const Options& options) {
  if (!is_date(date))
    throw Error(fmt::format("{} is not a date; give YYYY-MM-DD", quote_text(date)));
  // A date alone would be read by git as that day at the current time of day: midnight is meant.
  Output found = run({"log", "-1", "--first-parent", "--before=" + date + " 00:00:00",
                      "--format=%H%x00%h%x00%cs%x00%s", "--end-of-options", "HEAD"},
                     top, options);
  if (found.status != 0)
    throw Error(fmt::format("cannot read the history of {}: {}", escape_text(top),
                            escape_text(found.err.substr(0, found.err.find('\n')))));
  std::vector<std::string> parts;
  std::string_view out(found.out);
  while (!out.empty() && (out.back() == '\n')) out.remove_suffix(1);
  for (std::size_t pos = 0; pos <= out.size();) {
    std::size_t end = std::min(out.find('\0', pos), out.size());
    parts.emplace_back(out.substr(pos, end - pos));
    pos = end + 1;
  }
  if (parts.size() != 4)
    throw Error(fmt::format(
        "no commit on the current branch is older than {}: its history starts later", date));
  return {parts[0], parts[1], parts[2], escape_text(parts[3]), warnings_of(found.err)};
}

std::string describe(const DatedCommit& commit) {
  return fmt::format("using commit {} ({}, {})", commit.short_id, commit.date, commit.subject);
}

}  // namespace parplan::git
