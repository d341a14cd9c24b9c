#include "parplan/ics_export.hpp"

#include <fmt/format.h>

namespace parplan {

namespace ics {

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fold(std::string_view line) {
  constexpr std::size_t limit = 75;  // octets per physical line, CRLF excluded
  std::string out;
  std::size_t room = limit;
  while (line.size() > room) {
    std::size_t cut = room;
    // Back up to the start of a UTF-8 sequence (a byte that is not 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    // Not UTF-8 at all (the loader lets none through): cut where the octets run out.
    if (cut == 0) cut = room;
    out += line.substr(0, cut);
    out += "\r\n ";
    line.remove_prefix(cut);
    room = limit - 1;  // the leading space of a continuation line counts
  }
  out += line;
  out += "\r\n";
  return out;
}

}  // namespace ics

namespace {

using fmt::arg;

std::string date(YearMonth ym, int day) {
  return fmt::format("{:04}{:02}{:02}", ym.year, ym.month, day);
}

const char* status(Status s) {
  switch (s) {
    case Status::planned:
      return "NEEDS-ACTION";
    case Status::in_progress:
      return "IN-PROCESS";
    case Status::done:
      return "COMPLETED";
    case Status::cancelled:
      return "CANCELLED";
  }
  return "NEEDS-ACTION";
}

std::string description(const Plan& plan, const Activity& a, const i18n::Catalog& tr) {
  std::vector<std::string> lines;
  auto add = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) lines.push_back(tr.format(key, arg("value", value)));
  };
  add("ics.lead", plan.owner_names(a.lead, "; "));
  add("ics.support", plan.owner_names(a.support, "; "));
  add("ics.result", a.result);
  add("ics.output", a.output);
  return fmt::format("{}", fmt::join(lines, "\n"));
}

}  // namespace

std::string ics_calendar(const Plan& plan, const std::vector<const Activity*>& activities,
                         YearMonth stamp, const i18n::Catalog& tr) {
  auto line = [](std::string_view name, std::string_view value) {
    return ics::fold(std::string(name) + ":" + std::string(value));
  };
  std::string out = line("BEGIN", "VCALENDAR") + line("VERSION", "2.0") +
                    line("PRODID", "-//parplan//parplan//EN") + line("CALSCALE", "GREGORIAN") +
                    line("X-WR-CALNAME", ics::escape(plan.info.title));
  const std::string dtstamp = date(stamp, 1) + "T000000Z";
  for (const Activity* a : activities) {
    if (!a->start || !a->end) continue;
    std::string field_name = a->field;
    for (const Field& field : plan.fields)
      if (field.id == a->field) field_name += ". " + field.title;
    out += line("BEGIN", "VTODO");
    out += line("UID", ics::escape(a->id + "@" + plan.info.id));
    out += line("DTSTAMP", dtstamp);
    out += line("DTSTART;VALUE=DATE", date(*a->start, 1));
    out += line("DUE;VALUE=DATE", date(*a->end, days_in_month(*a->end)));
    out += line("SUMMARY", ics::escape(a->id + " " + a->title));
    if (std::string text = description(plan, *a, tr); !text.empty())
      out += line("DESCRIPTION", ics::escape(text));
    out += line("CATEGORIES", ics::escape(field_name));
    out += line("STATUS", status(a->status));
    // Noon UTC on the last day of the month keeps that date in every time zone from -11 to +11.
    if (a->status == Status::done && a->completed)
      out += line("COMPLETED", date(*a->completed, days_in_month(*a->completed)) + "T120000Z");
    if (a->progress && !a->finished())
      out += line("PERCENT-COMPLETE", std::to_string(*a->progress));
    out += line("END", "VTODO");
  }
  return out + line("END", "VCALENDAR");
}

}  // namespace parplan
