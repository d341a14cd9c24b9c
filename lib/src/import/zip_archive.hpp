#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace parplan::import {

// A .docx or .xlsx opened in memory with libzip. Entries are looked up by exact name and read
// into memory only, never extracted, so names like "../x" mean nothing. Sizes are checked from
// the central directory before anything is inflated, and counted again while reading in case the
// directory lies. Every refusal throws parplan::Error naming `label`.
class ZipArchive {
 public:
  // Uncompressed bytes one entry, and all entries read together, may reach.
  static constexpr std::uint64_t max_entry_size = 32u << 20;
  static constexpr std::uint64_t max_total_size = 64u << 20;
  // Largest uncompressed/compressed ratio for entries over 1 MiB; Office XML deflates 5-30x,
  // a zip bomb about 1000x.
  static constexpr std::uint64_t max_ratio = 200;

  ZipArchive(std::string_view bytes, std::string label);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  [[nodiscard]] bool contains(const std::string& name) const;
  // The entry's bytes, or nullopt when there is no such entry.
  std::optional<std::string> read(const std::string& name);

 private:
  zip* zip_ = nullptr;
  std::string label_;
  std::uint64_t total_read_ = 0;
};

}  // namespace parplan::import
