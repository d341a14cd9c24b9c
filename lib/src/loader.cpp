// Loading a plan from its files' contents: parsing each file (in parallel for big plans), then
// the schema walk over them in order. Reading the files from disk is plan_files.cpp's part.

#include "parplan/loader.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
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

namespace {

// Below this many bytes in all, a plan is parsed on the calling thread (the shipped plan is 34 KB).
constexpr std::size_t parallel_threshold = 1024 * 1024;

// What reading one file yields before the schema walk: its encoding and syntax problems and its
// tree. Files are independent up to here, so this part runs on several cores.
struct ParsedFile {
  std::vector<Diagnostic> diagnostics;
  yaml::Node root;
};

ParsedFile parse_source(const std::string& path, std::string content, std::uint64_t max_size) {
  ParsedFile parsed;
  FileReport report(path, parsed.diagnostics);
  if (content.size() > max_size)
    report.error(0, 0, too_large_message(content.size(), max_size, false));
  else if (auto text = check_encoding(std::move(content), report))
    parsed.root = yaml::parse(*text, report);
  return parsed;
}

// Parses files on a few worker threads, in order and at most `window` files ahead of the one the
// caller takes, so that only a few trees are alive at once. A thread per file would cost a thread
// start per file: 4,000 of them were a third of a 4,000-file load's time.
class ParseAhead {
 public:
  ParseAhead(const std::string& directory, std::vector<SourceFile>& files, std::uint64_t max_size,
             std::size_t workers)
      : directory_(directory),
        files_(files),
        max_size_(max_size),
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
  ParsedFile take(std::size_t i) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return slots_[i].done; });
    taken_ = i + 1;
    space_.notify_all();
    if (slots_[i].error) std::rethrow_exception(slots_[i].error);
    return std::move(slots_[i].parsed);
  }

 private:
  struct Slot {
    ParsedFile parsed;
    std::exception_ptr error;
    bool done = false;
  };

  void work() {
    std::unique_lock lock(mutex_);
    while (true) {
      space_.wait(lock, [&] { return next_ >= files_.size() || next_ < taken_ + window_; });
      if (next_ >= files_.size()) return;
      std::size_t i = next_++;
      lock.unlock();
      Slot slot;
      try {
        slot.parsed = parse_source(join_path(directory_, files_[i].name),
                                   std::move(files_[i].content), max_size_);
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
  std::uint64_t max_size_;
  std::vector<Slot> slots_;
  std::size_t window_;
  std::size_t next_ = 0;   // the next file to start
  std::size_t taken_ = 0;  // files the caller has taken
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::vector<std::jthread> threads_;  // last: joined before the rest is destroyed
};

// The schema walk shares the id and owner tables, so files go through it one at a time, in order.
void walk_file(PlanBuilder& builder, FileReport& report, ParsedFile parsed, bool is_plan) {
  for (Diagnostic& d : parsed.diagnostics)
    report.add(d.severity, d.line, d.column, std::move(d.message));
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
  if (workers > 0) ahead.emplace(directory, files, options.max_file_size, workers);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string path = join_path(directory, files[i].name);
    ParsedFile parsed =
        ahead ? ahead->take(i)
              : parse_source(path, std::move(files[i].content), options.max_file_size);
    FileReport report(path, result.diagnostics);
    walk_file(builder, report, std::move(parsed), !context && files[i].name == "plan.yaml");
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
