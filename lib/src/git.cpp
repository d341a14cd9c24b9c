#include "parplan/git.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "parplan/error.hpp"

extern char** environ;

namespace parplan::git {

namespace fs = std::filesystem;

namespace {

class Pipe {
 public:
  Pipe() {
    if (::pipe2(fds_, O_CLOEXEC) != 0) throw Error(std::string("pipe: ") + std::strerror(errno));
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  [[nodiscard]] int read_end() const { return fds_[0]; }
  [[nodiscard]] int write_end() const { return fds_[1]; }
  void close_read() { close_fd(fds_[0]); }
  void close_write() { close_fd(fds_[1]); }

 private:
  static void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  int fds_[2] = {-1, -1};
};

class SpawnActions {
 public:
  SpawnActions() { posix_spawn_file_actions_init(&actions_); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.starts_with("fatal: ")) line.erase(0, 7);
  return line;
}

std::string trim_newline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

bool is_yaml_name(std::string_view name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

// `<revision>:<path>/name` is how git itself names a file at a revision.
std::string side_label(const std::string& revision, const std::string& path) {
  return revision + ":" + (path.empty() ? "." : path);
}

struct TreeEntry {
  std::string mode;
  std::string type;
  std::string object;
  std::uint64_t size = 0;
  std::string name;
};

// `git ls-tree -z -l` lines: "<mode> <type> <object> <size padded>\t<name>\0".
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
    if (words.size() != 4) continue;
    entry.mode = words[0];
    entry.type = words[1];
    entry.object = words[2];
    if (words[3].find_first_not_of("0123456789") == std::string::npos)
      entry.size = std::stoull(words[3]);
    entries.push_back(std::move(entry));
  }
  return entries;
}

// The plan.yaml a field file is read with: JSON is YAML, and nlohmann quotes every string safely.
std::string context_plan_yaml(const Plan& context, const std::vector<std::string>& extra_owners) {
  nlohmann::json owners = nlohmann::json::object();
  for (const Owner& owner : context.owners()) owners[owner.id] = {{"name", owner.name}};
  for (const std::string& id : extra_owners) owners[id] = {{"name", id}};
  auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  nlohmann::json plan = {{"plan",
                          {{"id", or_dash(context.info.id)},
                           {"title", or_dash(context.info.title)},
                           {"year", context.info.year == 0 ? std::string("0000")
                                                           : std::to_string(context.info.year)}}},
                         {"owners", owners}};
  return plan.dump() + "\n";
}

}  // namespace

Output run(const std::vector<std::string>& args, const std::string& directory) {
  Pipe out, err;
  SpawnActions actions;
  posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(actions.get(), out.write_end(), 1);
  posix_spawn_file_actions_adddup2(actions.get(), err.write_end(), 2);
  posix_spawn_file_actions_addchdir_np(actions.get(), directory.c_str());

  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_argv;
  for (std::string& a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);

  // Reading must never take a lock another git process (an editor, a prompt) could trip on.
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e)
    if (!std::string_view(*e).starts_with("GIT_OPTIONAL_LOCKS=")) env.emplace_back(*e);
  env.emplace_back("GIT_OPTIONAL_LOCKS=0");
  std::vector<char*> c_env;
  for (std::string& e : env) c_env.push_back(e.data());
  c_env.push_back(nullptr);

  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "git", actions.get(), nullptr, c_argv.data(), c_env.data());
  out.close_write();
  err.close_write();
  if (rc != 0)
    throw Error(fmt::format("cannot run git: {}; install git, or compare two plan directories",
                            std::strerror(rc)));

  Output result;
  pollfd fds[2] = {{out.read_end(), POLLIN, 0}, {err.read_end(), POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  char buffer[65536];
  int open_fds = 2;
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

Location locate(const std::string& directory) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw Error(directory + " is not a directory");
  Output top = run({"rev-parse", "--show-toplevel"}, directory);
  if (top.status != 0 || top.out.empty()) {
    // git's own words only when they say more than "not a git repository" (safe.directory...).
    std::string reason = first_line(top.err);
    if (reason.starts_with("not a git repository")) reason.clear();
    throw Error(
        fmt::format("{} is not in a git repository{}; to compare without git, give two "
                    "plan directories",
                    directory, reason.empty() ? "" : " (" + reason + ")"));
  }
  Location location;
  location.top = trim_newline(top.out);
  fs::path real_top = fs::canonical(location.top, ec);
  fs::path real_dir = fs::canonical(directory, ec);
  if (ec) throw Error(fmt::format("cannot resolve {}: {}", directory, ec.message()));
  fs::path relative = real_dir.lexically_relative(real_top);
  if (relative.empty() || *relative.begin() == "..")
    throw Error(fmt::format("{} is not inside the work tree of {}", directory, location.top));
  location.path = relative == "." ? std::string() : relative.generic_string();
  return location;
}

std::string resolve_commit(const std::string& top, const std::string& revision) {
  if (revision.empty()) throw Error("an empty revision names nothing; give e.g. HEAD~1");
  if (revision.front() == '-')
    throw Error(fmt::format("'{}' is not a revision: revisions cannot start with '-'", revision));
  if (revision.find("..") != std::string::npos)
    throw Error(
        fmt::format("'{}' is a range; parplan diff compares two versions: give them as "
                    "two arguments, e.g. parplan diff A B",
                    revision));
  Output resolved =
      run({"rev-parse", "--verify", "-q", "--end-of-options", revision + "^{commit}"}, top);
  std::string commit = trim_newline(resolved.out);
  if (resolved.status != 0 || commit.empty() || commit.find('\n') != std::string::npos)
    throw Error(
        fmt::format("unknown revision '{}': no such directory, and no such commit in the "
                    "git repository at {}",
                    revision, top));
  return commit;
}

LoadResult load_plan_at(const std::string& revision, const std::string& plan_directory,
                        const LoadOptions& options) {
  Location where = locate(plan_directory);
  std::string commit = resolve_commit(where.top, revision);
  const std::string label = side_label(revision, where.path);
  const std::string shown_path = where.path.empty() ? "the top directory" : where.path;

  std::string tree = commit + ":" + where.path;
  Output type = run({"cat-file", "-t", tree}, where.top);
  if (type.status != 0 || trim_newline(type.out) != "tree")
    throw Error(
        fmt::format("no plan at {}: {} does not exist in that revision", revision, shown_path));
  Output listing = run({"ls-tree", "-z", "-l", tree}, where.top);
  if (listing.status != 0)
    throw Error(
        fmt::format("cannot list {} at {}: {}", shown_path, revision, first_line(listing.err)));

  std::vector<Diagnostic> unreadable;
  std::vector<SourceFile> files;
  for (const TreeEntry& entry : parse_tree(listing.out)) {
    if (!is_yaml_name(entry.name)) continue;
    std::string path = label + "/" + entry.name;
    auto fail = [&](std::string message) {
      unreadable.push_back({Severity::error, path, 0, 0, std::move(message)});
    };
    if (entry.type == "tree") {
      fail("is a directory, not a YAML file; rename it so it does not end in .yaml");
    } else if (entry.type != "blob") {
      fail("is a submodule, not a YAML file");
    } else if (entry.mode == "120000") {
      fail("is a symbolic link; at a revision plan files must be plain files");
    } else if (entry.size > options.max_file_size) {
      fail(
          fmt::format("file is too large ({} bytes; the limit is {} bytes, raise it with "
                      "--max-file-size)",
                      entry.size, options.max_file_size));
    } else {
      Output blob = run({"cat-file", "blob", entry.object}, where.top);
      if (blob.status != 0)
        throw Error(fmt::format("cannot read {}: {}", path, first_line(blob.err)));
      files.push_back({entry.name, std::move(blob.out)});
    }
  }
  bool has_plan = std::any_of(files.begin(), files.end(),
                              [](const SourceFile& f) { return f.name == "plan.yaml"; });
  if (!has_plan) {
    if (std::any_of(unreadable.begin(), unreadable.end(),
                    [&](const Diagnostic& d) { return d.file == label + "/plan.yaml"; })) {
      LoadResult result;
      result.plan.directory = label;
      result.diagnostics = std::move(unreadable);
      return result;
    }
    throw Error(fmt::format("no plan at {}: {}/plan.yaml does not exist in that revision", revision,
                            where.path.empty() ? "." : where.path));
  }
  LoadResult result = load_plan_from_sources(label, std::move(files), options);
  result.diagnostics.insert(result.diagnostics.begin(), unreadable.begin(), unreadable.end());
  return result;
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
    std::vector<SourceFile> files = {{"plan.yaml", context_plan_yaml(context, extra_owners)}};
    if (v.content) files.push_back({v.name, *v.content});
    return load_plan_from_sources(v.label, std::move(files), options);
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
