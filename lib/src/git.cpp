#include "parplan/git.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "encoding.hpp"
#include "parplan/error.hpp"
#include "plan_files.hpp"
#include "util/process.hpp"

namespace parplan::git {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_git_output = std::size_t{1} << 30;

// Nothing git runs on its own may run: fsmonitor (which index reads start), hooks, a pager.
// External diffs and textconv are off with --no-ext-diff --no-textconv where a diff is made.
std::vector<std::string> hardened(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"--no-pager",
                                  "-c",
                                  "core.fsmonitor=false",
                                  "-c",
                                  "core.hooksPath=/dev/null",
                                  "-c",
                                  "core.attributesFile=/dev/null"};
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

util::ProcessOptions process_options(const std::string& directory, const Options& options) {
  util::ProcessOptions process;
  process.directory = directory;
  process.timeout = options.timeout;
  process.max_output = max_git_output;
  // GIT_ALLOW_PROTOCOL with no usable name allows no transport at all, so a partial clone cannot
  // fetch a missing object (git 2.39 has no GIT_NO_LAZY_FETCH): no network, no ssh command, no
  // credential prompt.
  process.environment = {"GIT_ALLOW_PROTOCOL=parplan-reads-no-remote", "GIT_TERMINAL_PROMPT=0",
                         "GIT_OPTIONAL_LOCKS=0", "GIT_PAGER=cat"};
  process.unset = {"GIT_EXTERNAL_DIFF"};
  return process;
}

std::string seconds(std::chrono::milliseconds timeout) {
  return fmt::format("{:g} s", static_cast<double>(timeout.count()) / 1000.0);
}

void check_program(const Options& options) {
  if (options.program.empty())
    throw Error(
        "cannot run git: there is no git on PATH; install git, or compare two plan "
        "directories");
}

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.starts_with("fatal: ")) line.erase(0, 7);
  return escape_text(line);
}

std::string trim_newline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// `<revision>:<path>/name` is how git itself names a file at a revision.
std::string side_label(const std::string& revision, const std::string& path) {
  return escape_text(revision) + ":" + (path.empty() ? "." : path);
}

// `git ls-tree -z` lines: "<mode> <type> <object>\t<name>\0". Without -l: sizes would make git
// read every blob, which a partial clone would try to fetch.
std::vector<TreeEntry> parse_tree(const std::string& listing) {
  std::vector<TreeEntry> entries;
  std::size_t pos = 0;
  while (pos < listing.size()) {
    std::size_t end = listing.find('\0', pos);
    if (end == std::string::npos) end = listing.size();
    std::string_view line(listing.data() + pos, end - pos);
    pos = end + 1;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    TreeEntry entry;
    entry.name = std::string(line.substr(tab + 1));
    std::string_view meta = line.substr(0, tab);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < meta.size();) {
      std::size_t j = meta.find(' ', i);
      if (j == std::string_view::npos) j = meta.size();
      if (j > i) words.emplace_back(meta.substr(i, j - i));
      i = j + 1;
    }
    if (words.size() != 3) continue;
    entry.mode = words[0];
    entry.type = words[1];
    entry.object = words[2];
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::vector<std::string> warnings_of(const std::string& err) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < err.size();) {
    std::size_t end = std::min(err.find('\n', pos), err.size());
    std::string_view line(err.data() + pos, end - pos);
    if (line.starts_with("warning: ")) out.push_back(escape_text(line.substr(9)));
    pos = end + 1;
  }
  return out;
}

std::string find_git(std::string_view path_variable) {
  return util::find_executable("git", path_variable).value_or("");
}

Output run(const std::vector<std::string>& args, const std::string& directory,
           const Options& options) {
  check_program(options);
  // posix_spawn would report a directory it cannot enter as if git itself could not run.
  if (::access(directory.c_str(), X_OK) != 0)
    throw Error(fmt::format("cannot enter {}: {}", escape_text(directory), std::strerror(errno)));
  util::ProcessResult result =
      util::run_process(options.program, hardened(args), process_options(directory, options));
  if (result.ending == util::Ending::timed_out)
    throw Error(
        fmt::format("git {} did not finish within {}; stopped it (raise the limit with "
                    "--git-timeout SECONDS)",
                    args.front(), seconds(options.timeout)));
  if (result.ending == util::Ending::too_much_output)
    throw Error(fmt::format("git {} wrote more than {} MiB; stopped it", args.front(),
                            max_git_output >> 20));
  return {result.status, std::move(result.out), std::move(result.err)};
}

Location locate(const std::string& directory, const Options& options,
                std::string_view without_git) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw Error(escape_text(directory) + " is not a directory");
  Output top = run({"rev-parse", "--is-bare-repository", "--show-toplevel"}, directory, options);
  if (trim_newline(top.out) == "true" ||
      top.err.find("must be run in a work tree") != std::string::npos)
    throw Error(
        fmt::format("{} is in a git repository without a work tree (a bare repository, "
                    "or GIT_DIR set without GIT_WORK_TREE); run parplan in a checkout",
                    escape_text(directory)));
  std::string out = trim_newline(top.out);
  if (top.status != 0 || !out.starts_with("false\n")) {
    // git's own words only when they say more than "not a git repository" (safe.directory...).
    std::string reason = first_line(top.err);
    if (reason.starts_with("not a git repository")) reason.clear();
    throw Error(fmt::format("{} is not in a git repository{}{}{}", escape_text(directory),
                            reason.empty() ? "" : " (" + reason + ")",
                            without_git.empty() ? "" : "; ", without_git));
  }
  Location location;
  location.top = out.substr(6);
  fs::path real_top = fs::canonical(location.top, ec);
  fs::path real_dir = ec ? fs::path() : fs::canonical(directory, ec);
  if (ec) throw Error(fmt::format("cannot resolve {}: {}", escape_text(directory), ec.message()));
  fs::path relative = real_dir.lexically_relative(real_top);
  if (relative.empty() || *relative.begin() == "..")
    throw Error(fmt::format("{} is not inside the work tree of {}", escape_text(directory),
                            escape_text(location.top)));
  location.path = relative == "." ? std::string() : relative.generic_string();
  return location;
}

Commit resolve_commit(const std::string& top, const std::string& revision, const Options& options) {
  const std::string shown = quote_text(revision);
  if (revision.empty()) throw Error("an empty revision names nothing; give e.g. HEAD~1");
  if (revision.front() == '-')
    throw Error(fmt::format("{} is not a revision: revisions cannot start with '-'", shown));
  // `:/text` finds the newest commit whose message matches; any other leading ':' is a path in
  // the index, which is not a version of the plan.
  const bool search = revision.starts_with(":/");
  if (revision.front() == ':' && !search)
    throw Error(
        fmt::format("{} names a file in git's index, not a commit; give a commit such as "
                    "HEAD, a branch or a tag",
                    shown));
  if (!search && revision.find("..") != std::string::npos)
    throw Error(
        fmt::format("{} is a range; parplan diff compares two versions: give them as "
                    "two arguments, e.g. parplan diff A B",
                    shown));
  // ^{commit} would become part of a :/ search text; a search finds only commits anyway.
  Output resolved =
      run({"rev-parse", "--verify", "--end-of-options", search ? revision : revision + "^{commit}"},
          top, options);
  std::string commit = trim_newline(resolved.out);
  if (resolved.status != 0 || commit.empty() || commit.find('\n') != std::string::npos)
    throw Error(
        fmt::format("unknown revision {}: no such directory, and no such commit in the "
                    "git repository at {}",
                    shown, escape_text(top)));
  return {commit, warnings_of(resolved.err)};
}

std::optional<std::vector<TreeEntry>> list_tree(const std::string& top, const std::string& tree,
                                                const Options& options) {
  Output listing = run({"ls-tree", "-z", "--end-of-options", tree}, top, options);
  if (listing.status != 0) return std::nullopt;
  return parse_tree(listing.out);
}

ObjectReader::ObjectReader(const std::string& top, const Options& options)
    : timeout_(options.timeout) {
  check_program(options);
  child_ = std::make_unique<util::Child>(options.program, hardened({"cat-file", "--batch-command"}),
                                         process_options(top, options));
}

ObjectReader::~ObjectReader() { child_->finish(); }

std::vector<ObjectReader::Object> ObjectReader::read(const std::vector<std::string>& names,
                                                     std::uint64_t cap) {
  std::vector<Object> objects(names.size());
  // Sends the commands and waits for the answers to the last of them, reading `answer` from the
  // front of the output as each comes in.
  auto exchange = [&](const std::string& commands, std::size_t count, auto&& answer, auto&& lost) {
    std::size_t pos = 0, done = 0;
    auto enough = [&](const std::string& out) {
      while (done < count) {
        std::size_t used = answer(done, std::string_view(out).substr(pos));
        if (used == 0) return false;
        pos += used;
        ++done;
      }
      return true;
    };
    util::Ending ending = child_->exchange(commands, enough);
    if (ending == util::Ending::timed_out)
      throw Error(
          fmt::format("git cat-file did not finish within {}; stopped it (raise the "
                      "limit with --git-timeout SECONDS)",
                      seconds(timeout_)));
    if (done < count) {
      // git 2.39's cat-file dies when it cannot fetch a missing object of a partial clone (no
      // protocol is allowed): the objects not answered are missing.
      const std::string& err = child_->err();
      if (err.find("not allowed") == std::string::npos && err.find("promisor") == std::string::npos)
        throw Error(
            fmt::format("git cat-file stopped: {}", err.empty() ? "no answer" : first_line(err)));
      for (std::size_t i = done; i < count; ++i) lost(i);
    }
    child_->out().erase(0, pos);
  };

  // First the type and size of each, then the contents of those within the cap. A name with a
  // line break would end its command early and desynchronise every later answer: it is missing.
  std::string commands;
  std::vector<std::size_t> asked;
  for (std::size_t i = 0; i < names.size(); ++i) {
    objects[i].name = names[i];
    objects[i].missing = names[i].empty() || names[i].find('\n') != std::string::npos;
    if (objects[i].missing) continue;
    asked.push_back(i);
    commands += "info " + names[i] + "\n";
  }
  std::vector<std::string> ids(names.size());
  exchange(
      commands, asked.size(),
      [&](std::size_t k, std::string_view out) -> std::size_t {
        Object& object = objects[asked[k]];
        std::size_t end = out.find('\n');
        if (end == std::string_view::npos) return 0;
        std::string_view line = out.substr(0, end);
        std::size_t a = line.find(' '), b = line.rfind(' ');
        if (line.ends_with(" missing") || line.ends_with(" ambiguous") || a == b) {
          object.missing = true;
        } else {
          ids[asked[k]] = std::string(line.substr(0, a));
          object.type = std::string(line.substr(a + 1, b - a - 1));
          object.size = std::strtoull(std::string(line.substr(b + 1)).c_str(), nullptr, 10);
        }
        return end + 1;
      },
      [&](std::size_t k) { objects[asked[k]].missing = true; });

  std::vector<std::size_t> wanted;
  commands.clear();
  for (std::size_t i = 0; i < objects.size(); ++i)
    if (!objects[i].missing && objects[i].size <= cap) {
      wanted.push_back(i);
      commands += "contents " + ids[i] + "\n";
    }
  exchange(
      commands, wanted.size(),
      [&](std::size_t k, std::string_view out) -> std::size_t {
        Object& object = objects[wanted[k]];
        std::size_t end = out.find('\n');
        if (end == std::string_view::npos || out.size() < end + 1 + object.size + 1) return 0;
        object.content = std::string(out.substr(end + 1, object.size));
        return end + 1 + object.size + 1;
      },
      [&](std::size_t k) { objects[wanted[k]].missing = true; });
  return objects;
}

namespace {

// A checked-out submodule is a directory too: the same words as the working tree's.
bool is_directory(const TreeEntry& entry) { return entry.type == "tree" || entry.type == "commit"; }
constexpr const char* directory_problem =
    "is a directory, not a YAML file; rename it so it does not end in .yaml";

// A symbolic link at a revision, followed the way the checkout's file system follows it, as long
// as it stays inside the repository (git stores the link, not what it points to outside).
struct Followed {
  std::optional<TreeEntry> entry;
  std::string problem;
};
Followed follow_link(ObjectReader& reader, const std::string& top, const std::string& commit,
                     std::string directory, TreeEntry entry, const Options& options) {
  for (int hops = 0; hops < 40; ++hops) {
    if (entry.mode != "120000") return {std::move(entry), {}};
    auto link = reader.read({entry.object}, 4096);
    if (link[0].missing || !link[0].content) return {std::nullopt, "cannot read: broken link"};
    fs::path target(*link[0].content);
    fs::path resolved = (fs::path(directory) / target).lexically_normal();
    if (target.is_absolute() || resolved.empty() || *resolved.begin() == "..")
      return {std::nullopt, link_out_of_repository_message};
    std::string path = resolved.generic_string();
    Output listing = run({"ls-tree", "-z", "--end-of-options", commit, "--", path}, top, options);
    std::vector<TreeEntry> entries = parse_tree(listing.out);
    if (entries.empty() || entries[0].name != path)
      return {std::nullopt, "cannot read: No such file or directory"};
    entry = std::move(entries[0]);
    directory = resolved.parent_path().generic_string();
  }
  return {std::nullopt, "is a symbolic link that loops back on itself; point it at a file"};
}

}  // namespace

PlanAtRevision load_plan_at(const std::string& revision, const std::string& plan_directory,
                            const LoadOptions& load_options, const Options& options) {
  Location where = locate(plan_directory, options,
                          "to compare without git, give plan directories instead of revisions");
  Commit commit = resolve_commit(where.top, revision, options);
  const std::string label = side_label(revision, where.path);
  const std::string shown_path = where.path.empty() ? "the top directory" : where.path;

  auto entries = list_tree(where.top, commit.id + ":" + where.path, options);
  if (!entries)
    throw Error(fmt::format("no plan at {}: {} does not exist in that revision",
                            escape_text(revision), shown_path));

  ObjectReader reader(where.top, options);
  std::vector<Diagnostic> unreadable;
  std::vector<std::string> names, objects;
  for (TreeEntry& entry : *entries) {
    if (!is_plan_file_name(entry.name)) continue;
    if (auto problem = file_name_problem(entry.name)) {
      unreadable.push_back({Severity::error, label, 0, 0, std::move(*problem)});
      continue;
    }
    std::string path = label + "/" + entry.name;
    Followed followed = follow_link(reader, where.top, commit.id, where.path, entry, options);
    if (!followed.entry || is_directory(*followed.entry)) {
      unreadable.push_back(
          {Severity::error, path, 0, 0, followed.entry ? directory_problem : followed.problem});
      continue;
    }
    names.push_back(entry.name);
    objects.push_back(followed.entry->object);
  }

  std::vector<SourceFile> files;
  std::vector<ObjectReader::Object> blobs = reader.read(objects, load_options.max_file_size);
  for (std::size_t i = 0; i < blobs.size(); ++i) {
    if (blobs[i].missing)
      throw Error(
          fmt::format("this clone lacks the file contents of {} (partial clone); fetch "
                      "it first, e.g. git fetch origin",
                      escape_text(revision)));
    if (blobs[i].content)
      files.push_back({names[i], std::move(*blobs[i].content)});
    else
      unreadable.push_back({Severity::error, label + "/" + names[i], 0, 0,
                            too_large_message(blobs[i].size, load_options.max_file_size, false)});
  }
  std::string no_plan = fmt::format("no plan at {}: {}/plan.yaml does not exist in that revision",
                                    escape_text(revision), where.path.empty() ? "." : where.path);
  return {load_read_files(label, std::move(files), std::move(unreadable), no_plan, load_options),
          std::move(commit.warnings)};
}

FileVersions load_file_versions(const FileVersion& old_version, const FileVersion& new_version,
                                const Plan& context, const LoadOptions& options) {
  auto load = [&](const FileVersion& v, const std::vector<std::string>& extra_owners) {
    if (v.name == "plan.yaml") {
      if (v.content) return load_plan_from_sources(v.label, {{v.name, *v.content}}, options);
      LoadResult empty;
      empty.plan.directory = v.label;
      return empty;
    }
    Plan borrowed = context;
    for (const std::string& id : extra_owners) borrowed.add_owner({id, id, {}, {}});
    std::vector<SourceFile> files;
    if (v.content) files.push_back({v.name, *v.content});
    return load_fields_from_sources(v.label, borrowed, std::move(files), options);
  };
  FileVersions result{load(old_version, {}), load(new_version, {})};
  std::vector<std::string> unknown;
  for (const LoadResult* side : {&result.old_side, &result.new_side})
    for (const Activity* a : side->plan.activities())
      for (const auto* ids : {&a->lead, &a->support})
        for (const std::string& id : *ids)
          if (!context.find_owner(id) &&
              std::find(unknown.begin(), unknown.end(), id) == unknown.end())
            unknown.push_back(id);
  if (!unknown.empty()) result = {load(old_version, unknown), load(new_version, unknown)};
  return result;
}

}  // namespace parplan::git
