#include "zip_archive.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <memory>

#include "parplan/error.hpp"

namespace parplan::import {

namespace {

constexpr const char* save_again = "open it in Word or Excel (or LibreOffice) and save it again";

std::string mib(std::uint64_t bytes) {
  return fmt::format("{:.1f} MiB", double(bytes) / (1 << 20));
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, std::string label) : label_(std::move(label)) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source) zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip_) {
    if (source) zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(fmt::format("{}: the file is damaged (its zip structure cannot be read: {}); {}",
                            label_, why, save_again));
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (zip_) zip_discard(zip_);
}

bool ZipArchive::contains(const std::string& name) const {
  return zip_name_locate(zip_, name.c_str(), 0) >= 0;
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
  zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
  if (index < 0) return std::nullopt;
  auto damaged = [&](const std::string& why) {
    return Error(
        fmt::format("{}: the file is damaged ({} in {}); {}", label_, why, name, save_again));
  };
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
    throw damaged("no size recorded");
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    throw Error(fmt::format(
        "{}: the file is password-protected ({} is encrypted); remove the password and save it "
        "again",
        label_, name));
  if (st.size > max_entry_size || total_read_ + st.size > max_total_size)
    throw Error(fmt::format(
        "{}: {} would unpack to {}, more than the {} import reads from one file ({} in all); a "
        "plan appendix is far smaller, so the file is probably a zip bomb",
        label_, name, mib(st.size), mib(max_entry_size), mib(max_total_size)));
  if (st.size > (1u << 20) && st.size / std::max<zip_uint64_t>(st.comp_size, 1) > max_ratio)
    throw Error(fmt::format(
        "{}: {} would unpack {} times larger than it is stored (the limit is {}); a plan "
        "appendix does not compress like that, so the file is probably a zip bomb",
        label_, name, st.size / std::max<zip_uint64_t>(st.comp_size, 1), max_ratio));

  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
      zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0), &zip_fclose);
  if (!file) throw damaged(zip_strerror(zip_));
  std::string content(static_cast<std::size_t>(st.size), '\0');
  std::size_t used = 0;
  char extra = 0;
  while (true) {
    // One byte past the declared size is read into `extra`, so a lying header is caught.
    char* into = used < content.size() ? content.data() + used : &extra;
    zip_uint64_t want = used < content.size() ? content.size() - used : 1;
    zip_int64_t n = zip_fread(file.get(), into, want);
    if (n < 0) throw damaged(zip_file_strerror(file.get()));
    if (n == 0) break;
    if (used >= content.size()) throw damaged("more data than its header says");
    used += static_cast<std::size_t>(n);
  }
  if (used != content.size()) throw damaged("less data than its header says");
  total_read_ += used;
  return content;
}

}  // namespace parplan::import
