#pragma once

// The forms of an activity list (what `parplan list` prints): text for the terminal, JSON and
// CSV, all in the order given (plan order for `list`).

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/i18n.hpp"
#include "parplan/model.hpp"
#include "parplan/text_table.hpp"

namespace parplan {

// A headline ("dak-nong-cchc-2024 (lead Sở Nội vụ): 35 activities") and a table of id, status,
// schedule (months "3–6", "6", "2023-11 – 2024-02", or the schedule kind), lead owners and title,
// in the words of `tr`. Titles are cut only when style.width is set.
std::string list_text(const Plan& plan, const std::vector<const Activity*>& activities,
                      std::string_view scope, const i18n::Catalog& tr,
                      const text::TableStyle& style);

// An array of activity_json objects.
nlohmann::json list_json(const Plan& plan, const std::vector<const Activity*>& activities);

// RFC 4180 (see csv_record): activity_csv_header, then one row per activity. No BOM.
std::string list_csv(const Plan& plan, const std::vector<const Activity*>& activities,
                     char delimiter = ',');

}  // namespace parplan
