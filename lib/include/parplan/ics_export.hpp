#pragma once

// Activities as an iCalendar file (RFC 5545) of to-dos, for Outlook, Thunderbird, Google or
// Apple Calendar (`list --format ics`, `due --format ics`).

#include <string>
#include <string_view>
#include <vector>

#include "parplan/calendar.hpp"
#include "parplan/i18n.hpp"
#include "parplan/model.hpp"

namespace parplan {

// One VTODO per dated activity (undated ones are left out): DTSTART the first day of the start
// month, DUE the last day of the end month (both DATE values, in any year), SUMMARY "ID title",
// DESCRIPTION lead/support/result/output, CATEGORIES the field, STATUS from the plan's status
// (COMPLETED with a COMPLETED time for done), PERCENT-COMPLETE when recorded, and UID
// "<id>@<plan id>" so a re-import updates entries instead of duplicating them. DTSTAMP is the
// first day of `stamp` (the caller passes the as-of month, or January of the plan year), never
// the clock, so the same plan gives the same bytes. Lines end in CRLF and are folded at 75
// octets between UTF-8 characters.
std::string ics_calendar(const Plan& plan, const std::vector<const Activity*>& activities,
                         YearMonth stamp, const i18n::Catalog& tr);

namespace ics {
// RFC 5545 TEXT escaping: backslash, ';', ',' and newlines (CR dropped).
std::string escape(std::string_view text);
// A content line folded to lines of at most 75 octets, never inside a UTF-8 sequence, CRLF after
// each.
std::string fold(std::string_view line);
}  // namespace ics

}  // namespace parplan
