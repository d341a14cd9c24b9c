// libzip's functions that import uses, loaded on first use (see util/lazy_library.hpp).

#include <zip.h>

#include "util/lazy_library.hpp"

#define FORWARD(RET, NAME, PARAMS, ARGS) \
  PARPLAN_LAZY_FORWARD(PARPLAN_LIBZIP_SONAME, PARPLAN_LIBZIP_PACKAGE, RET, NAME, PARAMS, ARGS)

FORWARD(void, zip_discard, (zip_t * a), (a))
FORWARD(void, zip_error_fini, (zip_error_t * a), (a))
FORWARD(void, zip_error_init, (zip_error_t * a), (a))
FORWARD(int, zip_fclose, (zip_file_t * a), (a))
FORWARD(const char*, zip_error_strerror, (zip_error_t * a), (a))
FORWARD(const char*, zip_file_strerror, (zip_file_t * a), (a))
FORWARD(zip_file_t*, zip_fopen_index, (zip_t * a, zip_uint64_t b, zip_flags_t c), (a, b, c))
FORWARD(zip_int64_t, zip_fread, (zip_file_t * a, void* b, zip_uint64_t c), (a, b, c))
FORWARD(zip_int64_t, zip_name_locate, (zip_t * a, const char* b, zip_flags_t c), (a, b, c))
FORWARD(zip_t*, zip_open_from_source, (zip_source_t * a, int b, zip_error_t* c), (a, b, c))
FORWARD(zip_source_t*, zip_source_buffer_create,
        (const void* a, zip_uint64_t b, int c, zip_error_t* d), (a, b, c, d))
FORWARD(void, zip_source_free, (zip_source_t * a), (a))
FORWARD(int, zip_stat_index, (zip_t * a, zip_uint64_t b, zip_flags_t c, zip_stat_t* d),
        (a, b, c, d))
FORWARD(void, zip_stat_init, (zip_stat_t * a), (a))
FORWARD(const char*, zip_strerror, (zip_t * a), (a))
