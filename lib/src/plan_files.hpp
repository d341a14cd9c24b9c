#pragma once

// Helpers the file reading and the parsing of a plan's files share.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/loader.hpp"

namespace parplan {

// `directory/name`, or `name` alone for "" and ".".
std::string join_path(const std::string& directory, const std::string& name);

// "file is too large (3 MiB; the limit is 2 MiB, raise it with --max-file-size)".
std::string too_large_message(std::uint64_t size, std::uint64_t limit, bool at_least);

// *.yaml and *.yml, except hidden files: editors' lock and backup files (Emacs leaves a dangling
// `.#name.yaml` link) and backups kept beside the plan (`.03-backup.yaml`). The working tree and
// a git revision pick the same files.
bool is_plan_file_name(std::string_view name);

// Why a file name cannot be used (it goes into every diagnostic and JSON document about the
// file, so it must print), or nullopt.
std::optional<std::string> file_name_problem(std::string_view name);

// A plan file that is a symbolic link out of its git repository, on either side of a diff.
inline constexpr const char* link_out_of_repository_message =
    "is a symbolic link out of the repository; git keeps only the link, so the file cannot be "
    "read at a revision: make it a plain file";

// Loads the files read from `directory`, with the diagnostics of those that could not be read
// first (sorted by file). Without a readable plan.yaml, returns those diagnostics alone, or throws
// parplan::Error(`no_plan_message`) when there are none.
LoadResult load_read_files(const std::string& directory, std::vector<SourceFile> files,
                           std::vector<Diagnostic> unreadable, const std::string& no_plan_message,
                           const LoadOptions& options);

}  // namespace parplan
