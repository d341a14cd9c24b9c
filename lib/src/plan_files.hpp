#pragma once

// Helpers the file reading and the parsing of a plan's files share.

#include <cstdint>
#include <string>

namespace parplan {

// `directory/name`, or `name` alone for "" and ".".
std::string join_path(const std::string& directory, const std::string& name);

// "file is too large (3 MiB; the limit is 2 MiB, raise it with --max-file-size)".
std::string too_large_message(std::uint64_t size, std::uint64_t limit, bool at_least);

}  // namespace parplan
