#pragma once

// A shared library loaded on first use instead of at every start. libzip (import) and
// libxlsxwriter (xlsx export) pull in libcrypto, whose thousands of symbols the dynamic loader
// would bind at the start of every command, though most runs never touch a spreadsheet. Their
// functions are defined by forwarding stubs (lib/src/lazy_libzip.cpp, lazy_xlsxwriter.cpp) that
// look the real function up here on their first call.

namespace parplan::util {

// The address of `symbol` in the library `soname` (loaded once, kept for the process). A library
// or symbol that cannot be found throws parplan::Error naming the Debian package to install.
void* lazy_symbol(const char* soname, const char* package, const char* symbol);

}  // namespace parplan::util

// Defines the C function NAME, declared by the library's own header with PARAMS, as a call of the
// real one. ARGS names the parameters of PARAMS in order.
#define PARPLAN_LAZY_FORWARD(SONAME, PACKAGE, RET, NAME, PARAMS, ARGS)                       \
  extern "C" RET NAME PARAMS {                                                               \
    static const auto real =                                                                 \
        reinterpret_cast<RET(*) PARAMS>(parplan::util::lazy_symbol(SONAME, PACKAGE, #NAME)); \
    return real ARGS;                                                                        \
  }
