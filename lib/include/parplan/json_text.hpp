#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace parplan {

// The one way parplan prints JSON: indented by 2, invalid UTF-8 replaced by U+FFFD (file names and
// git revisions need not be UTF-8), so that printing never throws. No trailing line feed.
std::string json_text(const nlohmann::json& value);

}  // namespace parplan
