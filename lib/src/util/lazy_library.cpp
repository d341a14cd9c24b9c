#include "util/lazy_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <map>
#include <mutex>
#include <string>

#include "parplan/error.hpp"

namespace parplan::util {

void* lazy_symbol(const char* soname, const char* package, const char* symbol) {
  static std::mutex mutex;
  static std::map<std::string, void*, std::less<>> handles;
  std::lock_guard lock(mutex);
  void*& handle = handles[soname];
  if (!handle) handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    throw Error(fmt::format("cannot load {} ({}); install the Debian package {}", soname,
                            ::dlerror(), package));
  void* address = ::dlsym(handle, symbol);
  if (!address)
    throw Error(
        fmt::format("{} has no {}; install the Debian package {}", soname, symbol, package));
  return address;
}

}  // namespace parplan::util
