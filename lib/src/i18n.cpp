#include "parplan/i18n.hpp"

#include <algorithm>
#include <stdexcept>

namespace parplan::i18n {

namespace {

// Texts are Markdown written by us (backticks mark plan keys); arguments are named in braces.
constexpr Entry english[] = {
    {"month.1", "January"},
    {"month.2", "February"},
    {"month.3", "March"},
    {"month.4", "April"},
    {"month.5", "May"},
    {"month.6", "June"},
    {"month.7", "July"},
    {"month.8", "August"},
    {"month.9", "September"},
    {"month.10", "October"},
    {"month.11", "November"},
    {"month.12", "December"},
    {"month.year", "{month} {year}"},

    {"title", "{plan} — progress report, {month}"},
    {"origin", "Plan year {year}, issued by {source}."},
    {"origin.no_source", "Plan year {year}."},
    {"out_of_year", "The report month lies outside the plan year {year}."},
    {"selection", "Selection: {items}."},
    {"selection.owner.lead", "lead {names}"},
    {"selection.owner.support", "support {names}"},
    {"selection.owner.any", "lead or support {names}"},
    {"selection.field", "field {names}"},
    {"selection.status", "status {status}"},
    {"stamp", "Generated {time}."},

    {"summary.heading", "Summary"},
    {"summary.sentence",
     "As of {month}: {done} of {total} activities done, {overdue} overdue, {due} due this month."},
    {"col.measure", "Activities"},
    {"col.count", "Number"},
    {"col.share", "Share"},
    {"count.total", "Total"},
    {"count.overdue", "Overdue"},
    {"count.due", "Due this month"},
    {"count.ongoing", "Ongoing (no end date)"},
    {"count.waiting", "Waiting for an event"},
    {"count.external", "On an external timetable"},
    {"count.unscheduled", "Without a schedule"},
    {"status.planned", "planned"},
    {"status.in_progress", "in progress"},
    {"status.in_progress.percent", "in progress, {progress}%"},
    {"status.done", "done"},
    {"status.cancelled", "cancelled"},

    {"by_field.heading", "Progress by field"},
    {"by_owner.heading", "Progress by lead owner"},
    {"col.field", "Field"},
    {"col.activities", "Activities"},
    {"col.done", "Done"},
    {"col.overdue", "Overdue"},
    {"col.due", "Due this month"},
    {"col.progress", "Progress"},
    {"row.total", "Total"},
    {"owner.none", "(no lead owner)"},
    {"progress.note",
     "Progress is the average over the activities with months, cancelled ones left out: a done "
     "activity counts as 100%, one with no progress recorded as 0%."},
    {"by_owner.note",
     "Most overdue first. An activity with several lead owners counts for each of them."},

    {"overdue.heading", "Overdue"},
    {"overdue.note", "Most months late first."},
    {"due.heading", "Due in {month}"},
    {"starting.heading", "Starting in {month}"},
    {"upcoming.heading", "Upcoming: ending by {month}"},
    {"in_progress.heading", "In progress"},
    {"finished.heading", "Finished this month ({month})"},
    {"waiting.heading", "Waiting for an event"},
    {"unscheduled.heading", "Without a schedule"},
    {"unscheduled.note",
     "Nobody can tell whether these activities are late: the plan gives them no schedule. Fill it "
     "in: `start` and `end` months, or `schedule: ongoing`, `after:` or `per:`."},
    {"none", "None."},
    {"agenda.as_of", "as of {month}"},
    {"agenda.year_ended", "(the plan year {year} has ended)"},
    {"agenda.year_not_started", "(the plan year {year} has not started)"},
    {"agenda.counts",
     "{overdue} overdue, {due} due, {upcoming} upcoming, {starting} starting, {waiting} waiting"},
    {"agenda.footer",
     "Not on the calendar: {ongoing} ongoing, {external} on an external timetable (per), "
     "{unknown} with no schedule."},
    {"list.headline.one", "{plan}{scope}: {n} activity"},
    {"list.headline.other", "{plan}{scope}: {n} activities"},
    {"list.notes", "Notes on the fields and tasks"},
    {"col.id", "ID"},
    {"col.activity", "Activity"},
    {"col.lead", "Lead"},
    {"col.start", "Start"},
    {"col.end", "End"},
    {"col.months_late", "Months late"},
    {"col.status", "Status"},
    {"col.after", "Waiting for"},
    {"col.schedule", "Schedule"},
    {"cell.none", "—"},

    {"gantt.heading", "Timeline"},
    {"gantt.as_of", "Report month"},
    {"gantt.legend",
     "Overdue activities are highlighted and finished ones greyed out; the diamond marks {month}."},
    {"gantt.undated", "Activities without months ({count}) are not in the chart."},
    {"gantt.empty", "No activity has months yet."},

    {"changes.heading", "Changes since {since}"},

    // The diff (`parplan diff`, `report --since`). Plurals are .one/.other pairs even where
    // Vietnamese does not need them, so that the keys stay the same.
    {"diff.title", "Plan changes: {old} → {new}"},
    {"diff.no_changes", "No changes"},
    {"diff.summary.changed", "{n} changed"},
    {"diff.summary.added", "{n} added"},
    {"diff.summary.removed", "{n} removed"},
    {"diff.summary.renumbered", "{n} renumbered"},
    {"diff.summary.plan.one", "{n} plan-level change"},
    {"diff.summary.plan.other", "{n} plan-level changes"},
    {"diff.summary.slipped.one", "{n} deadline slipped ({months})"},
    {"diff.summary.slipped.other", "{n} deadlines slipped ({months} in total)"},
    {"diff.months_signed.one", "+{n} month"},
    {"diff.months_signed.other", "+{n} months"},
    {"diff.slipped.one", "slipped {n} month"},
    {"diff.slipped.other", "slipped {n} months"},
    {"diff.later.one", "{n} month later"},
    {"diff.later.other", "{n} months later"},
    {"diff.earlier.one", "{n} month earlier"},
    {"diff.earlier.other", "{n} months earlier"},
    {"diff.section.slipped", "Slipped deadlines"},
    {"diff.section.added", "Added activities"},
    {"diff.section.removed", "Removed activities"},
    {"diff.section.other", "Other changes"},
    {"diff.section.plan", "Plan-level changes"},
    {"diff.col.slip", "Slip (months)"},
    {"diff.col.item", "Item"},
    {"diff.col.change", "Change"},
    {"diff.col.before", "Before"},
    {"diff.col.after", "After"},
    {"diff.change_with_shift", "{change} ({shift})"},
    {"diff.attribute.title", "Title"},
    {"diff.attribute.result", "Expected result"},
    {"diff.attribute.output", "Output"},
    {"diff.attribute.note", "Note"},
    {"diff.attribute.lead", "Lead"},
    {"diff.attribute.support", "Support"},
    {"diff.attribute.schedule", "Schedule"},
    {"diff.attribute.start", "Start"},
    {"diff.attribute.end", "End"},
    {"diff.attribute.after", "After event"},
    {"diff.attribute.per", "Per timetable"},
    {"diff.attribute.status", "Status"},
    {"diff.attribute.completed", "Completed"},
    {"diff.attribute.progress", "Progress"},
    {"diff.attribute.renumbered", "Renumbered"},
    {"diff.item.plan", "Plan"},
    {"diff.item.owner", "Owner {id}"},
    {"diff.item.field", "Field {id}"},
    {"diff.item.task", "Task {id}"},
    {"diff.item.added", "Added"},
    {"diff.item.removed", "Removed"},
    {"diff.plan.id", "Id"},
    {"diff.plan.title", "Title"},
    {"diff.plan.year", "Year"},
    {"diff.plan.issued_by", "Issued by"},
    {"diff.plan.language", "Language"},
    {"diff.owner.name", "Name"},
    {"diff.field.title", "Title"},
    {"diff.field.file", "File renamed"},
    {"diff.field.note", "Note"},
    {"diff.task.title", "Title"},
    {"diff.task.note", "Note"},

    {"schedule.month", "month {start}"},
    {"schedule.months", "months {start}–{end}"},
    {"schedule.ongoing", "ongoing"},
    {"schedule.after-event", "after: {after}"},
    {"schedule.external", "per: {per}"},
    {"schedule.unknown", "no schedule"},
    {"schedule.kind.after-event", "after an event"},
    {"schedule.kind.external", "per a timetable"},

    {"timeline.caption", "Timeline of {count} dated activities, as of {month}"},
    {"timeline.overdue", "overdue, {months} mo. late"},
    {"timeline.lead", "Lead: {lead}"},
    {"timeline.beside", "Not on the timeline"},

    {"ics.lead", "Lead: {value}"},
    {"ics.support", "Support: {value}"},
    {"ics.result", "Result: {value}"},
    {"ics.output", "Output: {value}"},
};

constexpr Entry vietnamese[] = {
    {"month.1", "tháng 1"},
    {"month.2", "tháng 2"},
    {"month.3", "tháng 3"},
    {"month.4", "tháng 4"},
    {"month.5", "tháng 5"},
    {"month.6", "tháng 6"},
    {"month.7", "tháng 7"},
    {"month.8", "tháng 8"},
    {"month.9", "tháng 9"},
    {"month.10", "tháng 10"},
    {"month.11", "tháng 11"},
    {"month.12", "tháng 12"},
    {"month.year", "{month}/{year}"},

    {"title", "{plan} — báo cáo tiến độ {month}"},
    {"origin", "Kế hoạch năm {year}, ban hành theo {source}."},
    {"origin.no_source", "Kế hoạch năm {year}."},
    {"out_of_year", "Tháng báo cáo nằm ngoài năm kế hoạch {year}."},
    {"selection", "Phạm vi báo cáo: {items}."},
    {"selection.owner.lead", "cơ quan chủ trì {names}"},
    {"selection.owner.support", "cơ quan phối hợp {names}"},
    {"selection.owner.any", "cơ quan {names} (chủ trì hoặc phối hợp)"},
    {"selection.field", "lĩnh vực {names}"},
    {"selection.status", "tình trạng {status}"},
    {"stamp", "Lập lúc {time}."},

    {"summary.heading", "Tổng quan"},
    {"summary.sentence",
     "Tính đến {month}: {done}/{total} hoạt động đã hoàn thành, {overdue} quá hạn, {due} đến hạn "
     "trong tháng."},
    {"col.measure", "Hoạt động"},
    {"col.count", "Số lượng"},
    {"col.share", "Tỷ lệ"},
    {"count.total", "Tổng số"},
    {"count.overdue", "Quá hạn"},
    {"count.due", "Đến hạn trong tháng"},
    {"count.ongoing", "Thường xuyên"},
    {"count.waiting", "Chờ sự kiện"},
    {"count.external", "Theo lịch của cơ quan khác"},
    {"count.unscheduled", "Chưa có thời gian thực hiện"},
    {"status.planned", "chưa thực hiện"},
    {"status.in_progress", "đang thực hiện"},
    {"status.in_progress.percent", "đang thực hiện, {progress}%"},
    {"status.done", "hoàn thành"},
    {"status.cancelled", "đã hủy"},

    {"by_field.heading", "Tiến độ theo lĩnh vực"},
    {"by_owner.heading", "Tiến độ theo cơ quan chủ trì"},
    {"col.field", "Lĩnh vực"},
    {"col.activities", "Số hoạt động"},
    {"col.done", "Hoàn thành"},
    {"col.overdue", "Quá hạn"},
    {"col.due", "Đến hạn trong tháng"},
    {"col.progress", "Tiến độ"},
    {"row.total", "Tổng cộng"},
    {"owner.none", "(chưa xác định cơ quan chủ trì)"},
    {"progress.note",
     "Tiến độ là trung bình cộng tiến độ của các hoạt động có thời gian thực hiện, không tính các "
     "hoạt động đã hủy; hoạt động đã hoàn thành được tính 100%, hoạt động chưa báo cáo tiến độ "
     "được tính 0%."},
    {"by_owner.note",
     "Xếp theo số hoạt động quá hạn, nhiều nhất trước. Hoạt động có nhiều cơ quan chủ trì được "
     "tính cho từng cơ quan."},

    {"overdue.heading", "Quá hạn"},
    {"overdue.note", "Xếp theo số tháng chậm, nhiều nhất trước."},
    {"due.heading", "Đến hạn trong {month}"},
    {"starting.heading", "Bắt đầu trong {month}"},
    {"upcoming.heading", "Sắp đến hạn: kết thúc đến hết {month}"},
    {"in_progress.heading", "Đang thực hiện"},
    {"finished.heading", "Hoàn thành trong tháng ({month})"},
    {"waiting.heading", "Chờ sự kiện"},
    {"unscheduled.heading", "Chưa có thời gian thực hiện"},
    {"unscheduled.note",
     "Không thể biết các hoạt động này có chậm hay không vì kế hoạch chưa ghi thời gian thực hiện. "
     "Cần bổ sung: tháng bắt đầu và kết thúc (`start`, `end`), hoặc `schedule: ongoing`, `after:` "
     "hay `per:`."},
    {"none", "Không có."},
    {"agenda.as_of", "tính đến {month}"},
    {"agenda.year_ended", "(năm kế hoạch {year} đã kết thúc)"},
    {"agenda.year_not_started", "(năm kế hoạch {year} chưa bắt đầu)"},
    {"agenda.counts",
     "{overdue} quá hạn, {due} đến hạn, {upcoming} sắp đến hạn, {starting} bắt đầu, {waiting} chờ "
     "sự kiện"},
    {"agenda.footer",
     "Chưa xếp lịch theo tháng: {ongoing} hoạt động thường xuyên, {external} hoạt động theo lịch "
     "của cơ quan khác, {unknown} hoạt động chưa có thời gian thực hiện."},
    {"list.headline.one", "{plan}{scope}: {n} hoạt động"},
    {"list.headline.other", "{plan}{scope}: {n} hoạt động"},
    {"list.notes", "Ghi chú về lĩnh vực, nhiệm vụ"},
    {"col.id", "Mã"},
    {"col.activity", "Hoạt động"},
    {"col.lead", "Cơ quan chủ trì"},
    {"col.start", "Bắt đầu"},
    {"col.end", "Thời hạn"},
    {"col.months_late", "Số tháng chậm"},
    {"col.status", "Tình trạng"},
    {"col.after", "Chờ"},
    {"col.schedule", "Thời gian thực hiện"},
    {"cell.none", "—"},

    {"gantt.heading", "Biểu đồ tiến độ"},
    {"gantt.as_of", "Tháng báo cáo"},
    {"gantt.legend",
     "Hoạt động quá hạn được tô nổi bật, hoạt động đã xong được tô xám; hình thoi đánh dấu "
     "{month}."},
    {"gantt.undated", "Không có trong biểu đồ: {count} hoạt động chưa có tháng thực hiện."},
    {"gantt.empty", "Chưa có hoạt động nào có tháng thực hiện."},

    {"changes.heading", "Thay đổi kể từ {since}"},

    {"diff.title", "Thay đổi kế hoạch: {old} → {new}"},
    {"diff.no_changes", "Không có thay đổi"},
    {"diff.summary.changed", "{n} hoạt động thay đổi"},
    {"diff.summary.added", "{n} thêm mới"},
    {"diff.summary.removed", "{n} bị bỏ"},
    {"diff.summary.renumbered", "{n} đánh số lại"},
    {"diff.summary.plan.one", "{n} thay đổi chung của kế hoạch"},
    {"diff.summary.plan.other", "{n} thay đổi chung của kế hoạch"},
    {"diff.summary.slipped.one", "{n} thời hạn bị lùi ({months})"},
    {"diff.summary.slipped.other", "{n} thời hạn bị lùi (tổng cộng {months})"},
    {"diff.months_signed.one", "+{n} tháng"},
    {"diff.months_signed.other", "+{n} tháng"},
    {"diff.slipped.one", "lùi {n} tháng"},
    {"diff.slipped.other", "lùi {n} tháng"},
    {"diff.later.one", "muộn hơn {n} tháng"},
    {"diff.later.other", "muộn hơn {n} tháng"},
    {"diff.earlier.one", "sớm hơn {n} tháng"},
    {"diff.earlier.other", "sớm hơn {n} tháng"},
    {"diff.section.slipped", "Thời hạn bị lùi"},
    {"diff.section.added", "Hoạt động thêm mới"},
    {"diff.section.removed", "Hoạt động bị bỏ"},
    {"diff.section.other", "Thay đổi khác"},
    {"diff.section.plan", "Thay đổi chung của kế hoạch"},
    {"diff.col.slip", "Số tháng lùi"},
    {"diff.col.item", "Mục"},
    {"diff.col.change", "Nội dung thay đổi"},
    {"diff.col.before", "Trước"},
    {"diff.col.after", "Sau"},
    {"diff.change_with_shift", "{change} ({shift})"},
    {"diff.attribute.title", "Tên hoạt động"},
    {"diff.attribute.result", "Kết quả dự kiến"},
    {"diff.attribute.output", "Hình thức đầu ra"},
    {"diff.attribute.note", "Ghi chú"},
    {"diff.attribute.lead", "Cơ quan chủ trì"},
    {"diff.attribute.support", "Cơ quan phối hợp"},
    {"diff.attribute.schedule", "Thời gian thực hiện"},
    {"diff.attribute.start", "Tháng bắt đầu"},
    {"diff.attribute.end", "Tháng kết thúc"},
    {"diff.attribute.after", "Sau sự kiện"},
    {"diff.attribute.per", "Theo quy định"},
    {"diff.attribute.status", "Tình trạng"},
    {"diff.attribute.completed", "Tháng hoàn thành"},
    {"diff.attribute.progress", "Tiến độ"},
    {"diff.attribute.renumbered", "Đánh số lại"},
    {"diff.item.plan", "Kế hoạch"},
    {"diff.item.owner", "Cơ quan {id}"},
    {"diff.item.field", "Lĩnh vực {id}"},
    {"diff.item.task", "Nhiệm vụ {id}"},
    {"diff.item.added", "Thêm mới"},
    {"diff.item.removed", "Bị bỏ"},
    {"diff.plan.id", "Mã"},
    {"diff.plan.title", "Tên"},
    {"diff.plan.year", "Năm"},
    {"diff.plan.issued_by", "Ban hành theo"},
    {"diff.plan.language", "Ngôn ngữ"},
    {"diff.owner.name", "Tên"},
    {"diff.field.title", "Tên"},
    {"diff.field.file", "Đổi tên tệp"},
    {"diff.field.note", "Ghi chú"},
    {"diff.task.title", "Tên"},
    {"diff.task.note", "Ghi chú"},

    {"schedule.month", "tháng {start}"},
    {"schedule.months", "tháng {start}–{end}"},
    {"schedule.ongoing", "thường xuyên"},
    {"schedule.after-event", "sau khi: {after}"},
    {"schedule.external", "theo: {per}"},
    {"schedule.unknown", "chưa xác định"},
    {"schedule.kind.after-event", "sau sự kiện"},
    {"schedule.kind.external", "theo lịch khác"},

    {"timeline.caption", "Biểu đồ tiến độ {count} hoạt động có thời gian, tính đến {month}"},
    {"timeline.overdue", "quá hạn {months} tháng"},
    {"timeline.lead", "Chủ trì: {lead}"},
    {"timeline.beside", "Không có trong biểu đồ"},

    {"ics.lead", "Chủ trì: {value}"},
    {"ics.support", "Phối hợp: {value}"},
    {"ics.result", "Kết quả: {value}"},
    {"ics.output", "Sản phẩm: {value}"},
};

}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::en;
  if (code == "vi") return Language::vi;
  return std::nullopt;
}

Language choose_language(const std::optional<std::string>& flag, std::string_view plan_language) {
  return parse_language(flag ? std::string_view(*flag) : plan_language).value_or(Language::en);
}

const char* code(Language language) { return language == Language::vi ? "vi" : "en"; }

std::span<const Entry> entries(Language language) {
  if (language == Language::vi) return vietnamese;
  return english;
}

std::string_view Catalog::text(std::string_view key) const {
  auto table = entries(language_);
  auto it = std::find_if(table.begin(), table.end(), [&](const Entry& e) { return e.key == key; });
  if (it == table.end())
    throw std::logic_error("no text for '" + std::string(key) + "' in language " + code(language_));
  return it->text;
}

std::string Catalog::month(YearMonth ym) const {
  return format("month.year", fmt::arg("month", text("month." + std::to_string(ym.month))),
                fmt::arg("year", ym.year));
}

std::string Catalog::status(Status s) const {
  switch (s) {
    case Status::planned:
      return std::string(text("status.planned"));
    case Status::in_progress:
      return std::string(text("status.in_progress"));
    case Status::done:
      return std::string(text("status.done"));
    case Status::cancelled:
      return std::string(text("status.cancelled"));
  }
  return {};
}

}  // namespace parplan::i18n
