// libxlsxwriter's functions that the xlsx export uses, loaded on first use (see
// util/lazy_library.hpp).

#include <xlsxwriter.h>

#include "util/lazy_library.hpp"

#define FORWARD(RET, NAME, PARAMS, ARGS)                                                         \
  PARPLAN_LAZY_FORWARD(PARPLAN_XLSXWRITER_SONAME, PARPLAN_XLSXWRITER_PACKAGE, RET, NAME, PARAMS, \
                       ARGS)

FORWARD(void, format_set_align, (lxw_format * a, uint8_t b), (a, b))
FORWARD(void, format_set_bg_color, (lxw_format * a, lxw_color_t b), (a, b))
FORWARD(void, format_set_bold, (lxw_format * a), (a))
FORWARD(void, format_set_border, (lxw_format * a, uint8_t b), (a, b))
FORWARD(void, format_set_text_wrap, (lxw_format * a), (a))
FORWARD(char*, lxw_strerror, (lxw_error a), (a))
FORWARD(lxw_format*, workbook_add_format, (lxw_workbook * a), (a))
FORWARD(lxw_worksheet*, workbook_add_worksheet, (lxw_workbook * a, const char* b), (a, b))
FORWARD(lxw_error, workbook_close, (lxw_workbook * a), (a))
FORWARD(lxw_workbook*, workbook_new, (const char* a), (a))
FORWARD(lxw_error, workbook_set_properties, (lxw_workbook * a, lxw_doc_properties* b), (a, b))
FORWARD(lxw_error, worksheet_autofilter,
        (lxw_worksheet * a, lxw_row_t b, lxw_col_t c, lxw_row_t d, lxw_col_t e), (a, b, c, d, e))
FORWARD(void, worksheet_freeze_panes, (lxw_worksheet * a, lxw_row_t b, lxw_col_t c), (a, b, c))
FORWARD(lxw_error, worksheet_set_column,
        (lxw_worksheet * a, lxw_col_t b, lxw_col_t c, double d, lxw_format* e), (a, b, c, d, e))
FORWARD(lxw_error, worksheet_write_number,
        (lxw_worksheet * a, lxw_row_t b, lxw_col_t c, double d, lxw_format* e), (a, b, c, d, e))
FORWARD(lxw_error, worksheet_write_string,
        (lxw_worksheet * a, lxw_row_t b, lxw_col_t c, const char* d, lxw_format* e),
        (a, b, c, d, e))
