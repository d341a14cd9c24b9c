#pragma once

#include <string>
#include <string_view>

namespace parplan {

// Writes everything to stdout and flushes; a closed pipe, a full disk or /dev/full throws
// parplan::Error, so a command never reports success for output that was lost.
void write_stdout(std::string_view data);

// True once write_stdout failed because the reader of a pipe went away (EPIPE, with SIGPIPE
// ignored): `parplan validate | head -1` then exits 2 without a message, as the reader asked for
// no more.
bool stdout_closed_by_reader();

// Replaces `path` with `data` so that readers see the old content or the new, never a part:
// a temporary file in the same directory, write, fsync, chmod, rename. On any failure the
// temporary file is removed, the old content survives and parplan::Error is thrown.
void write_file_atomically(const std::string& path, std::string_view data);

}  // namespace parplan
