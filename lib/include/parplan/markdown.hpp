#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parplan::markdown {

// Text placed in GitHub-flavoured Markdown so that it renders exactly as written, in GFM and in
// pandoc's Markdown alike: Markdown punctuation is backslash-escaped and line breaks become
// spaces. Safe in table cells.
std::string escape(std::string_view text);

// A GFM table. Cells are escaped here; `right` marks right-aligned (numeric) columns.
std::string table(const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows,
                  const std::vector<bool>& right = {});

}  // namespace parplan::markdown
