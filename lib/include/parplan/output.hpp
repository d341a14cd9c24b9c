#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parplan {

// Writes everything to stdout and flushes; a closed pipe, a full disk or /dev/full throws
// parplan::Error, so a command never reports success for output that was lost.
void write_stdout(std::string_view data);

// True once write_stdout failed because the reader of a pipe went away (EPIPE, with SIGPIPE
// ignored): `parplan validate | head -1` then exits 2 without a message, as the reader asked for
// no more.
bool stdout_closed_by_reader();

// Replaces `path` with `data` so that readers see the old content or the new, never a part:
// a temporary file in the same directory, write, fsync, chown and chmod to the old file's owner,
// group and mode, rename, fsync of the directory. A file of another user is refused (root keeps
// its owner). On any failure, and when
// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrives meanwhile, the temporary file is removed; the old
// content survives and parplan::Error is thrown (or the signal ends the process as usual).
void write_file_atomically(const std::string& path, std::string_view data);

// Makes a rename or a file created in `directory` durable; failures are ignored (some file
// systems cannot fsync a directory, and the data itself is already safe).
void fsync_directory(const std::string& directory);

// Writes the file a user named with -o, never destroying what it should write into or leave
// alone: "-" is stdout; a symbolic link is followed and its final target replaced atomically (the
// link stays); a terminal, /dev/null, a FIFO or a socket is written directly, never renamed over;
// a directory, or a link to one, is refused, and so is any of `plan_files` (the files the plan
// was read from). Trouble throws parplan::Error.
void write_output(const std::string& path, std::string_view data,
                  const std::vector<std::string>& plan_files);

}  // namespace parplan
