#pragma once

#include <string_view>

namespace parplan::cli {

// A file of the source tree compiled into the binary (cmake/embed.cmake), by its path relative
// to the source root ("schema/plan.schema.json"); empty when it was not embedded.
std::string_view embedded(std::string_view name);

}  // namespace parplan::cli
