// Loading a plan from its files' contents: parsing each file (in parallel for big plans), then
// the schema walk over them in order. Reading the files from disk is plan_files.cpp's part.

#include "parplan/loader.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "encoding.hpp"
#include "file_report.hpp"
#include "parplan/error.hpp"
#include "plan_checks.hpp"
#include "plan_files.hpp"
#include "schema_walk.hpp"
#include "yaml_tree.hpp"

namespace parplan {

// What reading one file yields before the schema walk: its encoding and syntax problems and its
// tree. Files are independent up to here, so this part runs on several cores.
struct ParsedFile {
  std::vector<Diagnostic> diagnostics;
  yaml::Node root;
};
using Parsed = std::shared_ptr<const ParsedFile>;

// The parses two loads share (LoadOptions::sharing). Each side claims its files in walk order
// (plan.yaml, then by name), once each: the first to claim a name parses it and leaves the
// result; the other side takes it if its bytes are the same, and parses its own otherwise. A left
// parse the other side has walked past is dropped, so only the files between the two sides'
// places are held, and never more than max_held bytes of them.
class ParseSharing {
 public:
  // A file to parse (`mine`: then keep the promise) or the other side's parse of the same bytes.
  struct Claim {
    std::shared_future<Parsed> theirs;
    std::optional<std::promise<Parsed>> mine;
  };

  Claim claim(int side, const std::string& name, const std::string& content) {
    if (side != 0 && side != 1) throw Error("LoadOptions::side must be 0 or 1");
    Key key{name != "plan.yaml", name};
    std::lock_guard lock(mutex_);
    forget_passed(side, key);
    last_[side] = key;
    const std::optional<Key>& other = last_[1 - side];
    Claim claim;
    if (auto it = entries_.find(key); it != entries_.end()) {
      if (it->second.content == content) {
        claim.theirs = it->second.parsed;
        ++shared_;
      }
      held_ -= it->second.content.size();
      entries_.erase(it);
    } else if ((!other || *other < key) && held_ + content.size() <= max_held) {
      claim.mine.emplace();
      held_ += content.size();
      entries_.emplace(key, Entry{side, content, claim.mine->get_future().share()});
    }
    return claim;
  }

 private:
  // A tree takes a few times its file's bytes.
  static constexpr std::size_t max_held = 16 * 1024 * 1024;

  struct Key {
    bool field_file;  // plan.yaml comes first
    std::string name;
    auto operator<=>(const Key&) const = default;
  };
  struct Entry {
    int side;
    std::string content;
    std::shared_future<Parsed> parsed;
  };

  // `side` claims `key` now, so it will never claim what the other side left before it.
  void forget_passed(int side, const Key& key) {
    for (auto it = entries_.begin(); it != entries_.end() && it->first < key;) {
      if (it->second.side == side) {
        ++it;
        continue;
      }
      held_ -= it->second.content.size();
      it = entries_.erase(it);
    }
  }

  std::mutex mutex_;
  std::map<Key, Entry> entries_;
  std::size_t held_ = 0;        // bytes of content in entries_
  std::optional<Key> last_[2];  // what each side claimed last
  std::size_t shared_ = 0;

  friend std::size_t shared_parses(ParseSharing& sharing);
};

std::size_t shared_parses(ParseSharing& sharing) {
  std::lock_guard lock(sharing.mutex_);
  return sharing.shared_;
}

std::shared_ptr<ParseSharing> make_parse_sharing() { return std::make_shared<ParseSharing>(); }

namespace {

// Below this many bytes in all, a plan is parsed on the calling thread (the shipped plan is 34 KB).
constexpr std::size_t parallel_threshold = 1024 * 1024;

ParsedFile parse_source(const std::string& path, std::string content, std::uint64_t max_size) {
  ParsedFile parsed;
  FileReport report(path, parsed.diagnostics);
  if (content.size() > max_size)
    report.error(0, 0, too_large_message(content.size(), max_size, false));
  else if (auto text = check_encoding(std::move(content), report))
    parsed.root = yaml::parse(*text, report);
  return parsed;
}

// Claims must be made in walk order; the parsing that follows may run on any thread.
ParseSharing::Claim claim(const SourceFile& file, const LoadOptions& options) {
  return options.sharing ? options.sharing->claim(options.side, file.name, file.content)
                         : ParseSharing::Claim{};
}

Parsed parse_file(const std::string& directory, SourceFile& file, ParseSharing::Claim claim,
                  std::uint64_t max_size) {
  if (claim.theirs.valid()) return claim.theirs.get();
  try {
    auto parsed = std::make_shared<const ParsedFile>(
        parse_source(join_path(directory, file.name), std::move(file.content), max_size));
    if (claim.mine) claim.mine->set_value(parsed);
    return parsed;
  } catch (...) {
    if (claim.mine) claim.mine->set_exception(std::current_exception());
    throw;
  }
}

// Parses files on a few worker threads, in order and at most `window` files ahead of the one the
// caller takes, so that only a few trees are alive at once. A thread per file would cost a thread
// start per file: 4,000 of them were a third of a 4,000-file load's time.
class ParseAhead {
 public:
  ParseAhead(const std::string& directory, std::vector<SourceFile>& files,
             const LoadOptions& options, std::size_t workers)
      : directory_(directory),
        files_(files),
        options_(options),
        slots_(files.size()),
        window_(2 * workers) {
    for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
  }
  ParseAhead(const ParseAhead&) = delete;
  ParseAhead& operator=(const ParseAhead&) = delete;
  ~ParseAhead() {
    {
      std::lock_guard lock(mutex_);
      next_ = files_.size();  // nothing more to start
    }
    space_.notify_all();
  }  // the jthreads join here

  // File i, parsed; files are taken in order.
  Parsed take(std::size_t i) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return slots_[i].done; });
    taken_ = i + 1;
    space_.notify_all();
    if (slots_[i].error) std::rethrow_exception(slots_[i].error);
    return std::move(slots_[i].parsed);
  }

 private:
  struct Slot {
    Parsed parsed;
    std::exception_ptr error;
    bool done = false;
  };

  void work() {
    std::unique_lock lock(mutex_);
    while (true) {
      space_.wait(lock, [&] { return next_ >= files_.size() || next_ < taken_ + window_; });
      if (next_ >= files_.size()) return;
      std::size_t i = next_++;
      ParseSharing::Claim claimed = claim(files_[i], options_);  // in order, under the lock
      lock.unlock();
      Slot slot;
      try {
        slot.parsed = parse_file(directory_, files_[i], std::move(claimed), options_.max_file_size);
      } catch (...) {
        slot.error = std::current_exception();
      }
      slot.done = true;
      lock.lock();
      slots_[i] = std::move(slot);
      ready_.notify_all();
    }
  }

  const std::string& directory_;
  std::vector<SourceFile>& files_;
  const LoadOptions& options_;
  std::vector<Slot> slots_;
  std::size_t window_;
  std::size_t next_ = 0;   // the next file to start
  std::size_t taken_ = 0;  // files the caller has taken
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::vector<std::jthread> threads_;  // last: joined before the rest is destroyed
};

// The schema walk shares the id and owner tables, so files go through it one at a time, in order.
void walk_file(PlanBuilder& builder, FileReport& report, const ParsedFile& parsed, bool is_plan) {
  for (const Diagnostic& d : parsed.diagnostics)
    report.add(d.severity, d.line, d.column, d.message);
  if (!parsed.root.is_null()) {
    if (is_plan)
      builder.read_plan_file(report, parsed.root);
    else
      builder.read_field_file(report, parsed.root);
  } else if (report.count() == 0) {
    report.error(1, 1,
                 is_plan ? "plan.yaml is empty; it needs 'plan' and 'owners'"
                         : "field file is empty; it needs 'field', 'title' and 'tasks'");
  }
  report.finish();
}

// `context`: field files alone, with the year and owners of an already-loaded plan.
LoadResult load_sources(const std::string& directory, std::vector<SourceFile> files,
                        const LoadOptions& options, const Plan* context) {
  LoadResult result;
  PlanBuilder builder(directory);
  if (context) {
    builder.use_context(*context);
  } else {
    auto plan_it = std::find_if(files.begin(), files.end(),
                                [](const SourceFile& f) { return f.name == "plan.yaml"; });
    if (plan_it == files.end()) throw Error("no plan.yaml in " + directory);
    std::stable_partition(files.begin(), files.end(),
                          [](const SourceFile& f) { return f.name == "plan.yaml"; });
  }
  std::sort(files.begin() + (context ? 0 : 1), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  // Parsing runs ahead on one worker thread per core while this thread walks the files in order;
  // only a few trees are alive at once, so memory stays that of a sequential load. Small plans
  // are parsed inline: threads would cost more than they save.
  std::size_t total = 0;
  for (const SourceFile& file : files) total += file.content.size();
  const std::size_t workers =
      total < parallel_threshold ? 0 : std::max(1u, std::thread::hardware_concurrency());
  std::optional<ParseAhead> ahead;
  if (workers > 0) ahead.emplace(directory, files, options, workers);
  for (std::size_t i = 0; i < files.size(); ++i) {
    Parsed parsed =
        ahead ? ahead->take(i)
              : parse_file(directory, files[i], claim(files[i], options), options.max_file_size);
    FileReport report(join_path(directory, files[i].name), result.diagnostics);
    walk_file(builder, report, *parsed, !context && files[i].name == "plan.yaml");
  }
  result.plan = builder.finish();
  check_plan(result.plan, result.diagnostics);
  return result;
}

}  // namespace

LoadResult load_plan_from_sources(const std::string& directory, std::vector<SourceFile> files,
                                  const LoadOptions& options) {
  return load_sources(directory, std::move(files), options, nullptr);
}

LoadResult load_fields_from_sources(const std::string& directory, const Plan& context,
                                    std::vector<SourceFile> files, const LoadOptions& options) {
  return load_sources(directory, std::move(files), options, &context);
}

}  // namespace parplan
