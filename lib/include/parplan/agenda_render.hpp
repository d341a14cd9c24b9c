#pragma once

#include <functional>

// The forms of an agenda (what `parplan due` prints): text for the terminal, Markdown, JSON and
// CSV. In the library so every command that shows an agenda (due, report) shows the same thing.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "parplan/agenda.hpp"
#include "parplan/model.hpp"
#include "parplan/text_table.hpp"

namespace parplan {

// The first line: plan id, the scope (describe_filter; may be empty), the as-of month, whether
// the plan year has not started or has ended, and the count of each section.
// "dak-nong-cchc-2024, as of 2024-06: 3 overdue, 2 due, 3 upcoming, 3 starting, 4 waiting"
std::string agenda_headline(const Plan& plan, const Agenda& agenda, std::string_view scope);

// Headline, the sections overdue, due, upcoming, starting, waiting (each with its count), and a
// footer counting the activities no month applies to. Titles are cut only when style.width is set.
std::string agenda_text(const Plan& plan, const Agenda& agenda, std::string_view scope,
                        const text::TableStyle& style);

// The same content as GitHub-flavoured Markdown; nothing is cut.
std::string agenda_markdown(const Plan& plan, const Agenda& agenda, std::string_view scope);

// {"plan", "plan_year", "as_of", "period", "within", "overdue", "due", "upcoming", "starting",
//  "waiting", "counts"}: section elements are activity_json objects, overdue ones with
// "months_late". Pretty-printed with two-space indents and a final line feed, handed to `write`
// in pieces so that a large agenda is never held whole in memory.
void agenda_json(const Plan& plan, const Agenda& agenda,
                 const std::function<void(std::string_view)>& write);

// RFC 4180 (see csv_record): a header, then one row per listed activity, in the order of its first
// section, with the columns section, also_in (its second section, such as starting for an activity
// also due, or empty), months_late and those of activity_csv_header. No BOM.
std::string agenda_csv(const Plan& plan, const Agenda& agenda, char delimiter = ',');

}  // namespace parplan
