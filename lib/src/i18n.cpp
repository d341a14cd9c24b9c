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
    {"selection.owner.lead", "lead owner {names}"},
    {"selection.owner.support", "supporting owner {names}"},
    {"selection.owner.any", "owner {names} (lead or supporting)"},
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
    {"status.planned", "Planned"},
    {"status.in_progress", "In progress"},
    {"status.done", "Done"},
    {"status.cancelled", "Cancelled"},

    {"by_field.heading", "Progress by field"},
    {"by_owner.heading", "Progress by lead owner"},
    {"col.field", "Field"},
    {"col.owner", "Lead owner"},
    {"col.activities", "Activities"},
    {"col.done", "Done"},
    {"col.overdue", "Overdue"},
    {"col.due", "Due this month"},
    {"col.progress", "Progress"},
    {"row.total", "Total"},
    {"owner.none", "(no lead owner)"},
    {"progress.note",
     "Progress is the mean, over the activities with months that are not cancelled, of 100% for "
     "a done activity and of its recorded progress (0% if none) for the others."},
    {"by_owner.note",
     "Most overdue first. An activity with several lead owners counts for each of them."},

    {"overdue.heading", "Overdue"},
    {"overdue.note", "Most months late first."},
    {"due.heading", "Due this month ({month})"},
    {"upcoming.heading", "Upcoming: ending by {month}"},
    {"in_progress.heading", "In progress"},
    {"finished.heading", "Finished this month ({month})"},
    {"waiting.heading", "Waiting for an event"},
    {"unscheduled.heading", "Without a schedule"},
    {"unscheduled.note",
     "Nobody can tell whether these activities are late: the plan gives them no schedule. Fill it "
     "in: `start` and `end` months, or `schedule: ongoing`, `after:` or `per:`."},
    {"none", "None."},
    {"col.id", "ID"},
    {"col.activity", "Activity"},
    {"col.lead", "Lead"},
    {"col.start", "Start"},
    {"col.end", "End"},
    {"col.months_late", "Months late"},
    {"col.status", "Status"},
    {"col.after", "Waiting for"},

    {"gantt.heading", "Timeline"},
    {"gantt.as_of", "Report month"},
    {"gantt.cancelled", "cancelled"},
    {"gantt.legend",
     "Overdue activities are highlighted and finished ones greyed out; the diamond marks {month}."},
    {"gantt.undated", "Activities without months ({count}) are not in the chart."},
    {"gantt.empty", "No activity has months yet."},

    {"changes.heading", "Changes since {since}"},

    {"timeline.caption", "Timeline of {count} dated activities, as of {month}"},
    {"timeline.overdue", "overdue, {months} mo. late"},
    {"timeline.progress", "in progress, {progress}%"},
    {"timeline.month", "month {month}"},
    {"timeline.months", "months {start}–{end}"},
    {"timeline.lead", "Lead: {lead}"},
    {"timeline.beside", "Not on the timeline"},

    {"ics.lead", "Lead: {value}"},
    {"ics.support", "Support: {value}"},
    {"ics.result", "Result: {value}"},
    {"ics.output", "Output: {value}"},

    // parplan log (history.*) and period reports (period.*).
    {"history.added", "added"},
    {"history.removed", "removed"},
    {"history.renumbered", "renumbered from {id}"},
    {"history.completed", "(completed {month})"},
    {"history.nothing", "No activity changed in this range."},
    {"history.no_deadline_changes", "No start or end month changed in this range."},
    {"history.heading", "History of {plan}"},
    {"history.deadlines_heading", "Deadline changes in {plan}"},
    {"history.col.commit", "Commit"},
    {"history.col.date", "Date"},
    {"history.col.author", "Author"},
    {"history.col.subject", "Message"},
    {"history.col.change", "Change"},
    {"history.col.id", "ID"},
    {"history.col.shift", "Shift"},
    {"period.name.quarter", "Q{quarter} {year}"},
    {"period.quarter.1", "1"},
    {"period.quarter.2", "2"},
    {"period.quarter.3", "3"},
    {"period.quarter.4", "4"},
    {"period.name.h1", "first half of {year}"},
    {"period.name.h2", "second half of {year}"},
    {"period.name.9m", "first nine months of {year}"},
    {"period.name.year", "{year}"},
    {"period.title", "Report: {period}"},
    {"period.document_title", "{plan} — {title}"},
    {"period.window", "{first} – {last}"},
    {"period.on_time.heading", "On-time completion, {window}"},
    {"period.col.due", "Due in the period"},
    {"period.col.on_time", "Done on time"},
    {"period.col.late", "Done late"},
    {"period.col.undated", "Done, no month"},
    {"period.col.overdue", "Overdue"},
    {"period.col.rate", "On-time rate"},
    {"period.col.not_yet_due", "Not yet due"},
    {"period.on_time.note",
     "Done on time: done, with `completed` no later than `end`. Done late: `completed` after "
     "`end`. Done, no month: done without `completed`, so whether it was on time is unknown. "
     "Overdue: not done by the end of {last}. The on-time rate is done on time ÷ the activities "
     "whose `end` falls in {window}, cancelled ones left out. Not yet due: `end` after {last}."},
    {"period.on_time.apart",
     "Not in the rate: {ongoing} ongoing, {waiting} waiting for an event, {external} on an "
     "external timetable, {unscheduled} without a schedule, {cancelled} cancelled, {earlier} "
     "ended before it."},
    {"period.due.heading", "Due in {period}"},
    {"period.finished.heading", "Finished in {period}"},
    {"period.overdue.heading", "Overdue at the end of {period}"},
    {"period.overdue.note", "Not done by the end of {month}; most months late first."},
    {"period.changes.heading", "Added, removed and slipped in {period}"},
    {"period.changes.no_git", "The plan is not in a git repository, so its changes are unknown."},
    {"period.col.completed", "Completed"},
    {"period.col.timeliness", "On time?"},
    {"period.on_time", "on time"},
    {"period.late", "late"},
    {"period.undated", "no end month"},
};

constexpr Entry vietnamese[] = {
    {"month.1", "Tháng 1"},
    {"month.2", "Tháng 2"},
    {"month.3", "Tháng 3"},
    {"month.4", "Tháng 4"},
    {"month.5", "Tháng 5"},
    {"month.6", "Tháng 6"},
    {"month.7", "Tháng 7"},
    {"month.8", "Tháng 8"},
    {"month.9", "Tháng 9"},
    {"month.10", "Tháng 10"},
    {"month.11", "Tháng 11"},
    {"month.12", "Tháng 12"},
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
    {"status.planned", "Chưa thực hiện"},
    {"status.in_progress", "Đang thực hiện"},
    {"status.done", "Hoàn thành"},
    {"status.cancelled", "Đã hủy"},

    {"by_field.heading", "Tiến độ theo lĩnh vực"},
    {"by_owner.heading", "Tiến độ theo cơ quan chủ trì"},
    {"col.field", "Lĩnh vực"},
    {"col.owner", "Cơ quan chủ trì"},
    {"col.activities", "Số hoạt động"},
    {"col.done", "Hoàn thành"},
    {"col.overdue", "Quá hạn"},
    {"col.due", "Đến hạn trong tháng"},
    {"col.progress", "Tiến độ"},
    {"row.total", "Tổng cộng"},
    {"owner.none", "(chưa xác định cơ quan chủ trì)"},
    {"progress.note",
     "Tiến độ là trung bình, trên các hoạt động có thời gian thực hiện và không bị hủy, của 100% "
     "với hoạt động đã hoàn thành và của tiến độ đã ghi nhận (0% nếu chưa có) với các hoạt động "
     "khác."},
    {"by_owner.note",
     "Xếp theo số hoạt động quá hạn, nhiều nhất trước. Hoạt động có nhiều cơ quan chủ trì được "
     "tính cho từng cơ quan."},

    {"overdue.heading", "Quá hạn"},
    {"overdue.note", "Xếp theo số tháng chậm, nhiều nhất trước."},
    {"due.heading", "Đến hạn trong tháng ({month})"},
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
    {"col.id", "Mã"},
    {"col.activity", "Hoạt động"},
    {"col.lead", "Chủ trì"},
    {"col.start", "Bắt đầu"},
    {"col.end", "Kết thúc"},
    {"col.months_late", "Số tháng chậm"},
    {"col.status", "Tình trạng"},
    {"col.after", "Chờ"},

    {"gantt.heading", "Biểu đồ tiến độ"},
    {"gantt.as_of", "Tháng báo cáo"},
    {"gantt.cancelled", "đã hủy"},
    {"gantt.legend",
     "Hoạt động quá hạn được tô nổi bật, hoạt động đã xong được tô xám; hình thoi đánh dấu "
     "{month}."},
    {"gantt.undated", "Không có trong biểu đồ: {count} hoạt động chưa có tháng thực hiện."},
    {"gantt.empty", "Chưa có hoạt động nào có tháng thực hiện."},

    {"changes.heading", "Thay đổi kể từ {since}"},

    {"timeline.caption", "Biểu đồ tiến độ {count} hoạt động có thời gian, tính đến {month}"},
    {"timeline.overdue", "quá hạn {months} tháng"},
    {"timeline.progress", "đang làm, {progress}%"},
    {"timeline.month", "tháng {month}"},
    {"timeline.months", "tháng {start}–{end}"},
    {"timeline.lead", "Chủ trì: {lead}"},
    {"timeline.beside", "Không có trong biểu đồ"},

    {"ics.lead", "Chủ trì: {value}"},
    {"ics.support", "Phối hợp: {value}"},
    {"ics.result", "Kết quả: {value}"},
    {"ics.output", "Sản phẩm: {value}"},

    // parplan log (history.*) and period reports (period.*).
    {"history.added", "thêm mới"},
    {"history.removed", "bị bỏ"},
    {"history.renumbered", "đánh số lại từ {id}"},
    {"history.completed", "(hoàn thành tháng {month})"},
    {"history.nothing", "Không có hoạt động nào thay đổi trong khoảng này."},
    {"history.no_deadline_changes", "Không có thời hạn nào thay đổi trong khoảng này."},
    {"history.heading", "Lịch sử thay đổi của {plan}"},
    {"history.deadlines_heading", "Thay đổi thời hạn của {plan}"},
    {"history.col.commit", "Commit"},
    {"history.col.date", "Ngày"},
    {"history.col.author", "Người sửa"},
    {"history.col.subject", "Nội dung commit"},
    {"history.col.change", "Thay đổi"},
    {"history.col.id", "Mã"},
    {"history.col.shift", "Dịch chuyển"},
    {"period.name.quarter", "quý {quarter} năm {year}"},
    {"period.quarter.1", "I"},
    {"period.quarter.2", "II"},
    {"period.quarter.3", "III"},
    {"period.quarter.4", "IV"},
    {"period.name.h1", "6 tháng đầu năm {year}"},
    {"period.name.h2", "6 tháng cuối năm {year}"},
    {"period.name.9m", "9 tháng năm {year}"},
    {"period.name.year", "năm {year}"},
    {"period.title", "Báo cáo {period}"},
    {"period.document_title", "{plan} — {title}"},
    {"period.window", "{first} – {last}"},
    {"period.on_time.heading", "Tỷ lệ hoàn thành đúng hạn, {window}"},
    {"period.col.due", "Đến hạn trong kỳ"},
    {"period.col.on_time", "Hoàn thành đúng hạn"},
    {"period.col.late", "Hoàn thành chậm"},
    {"period.col.undated", "Hoàn thành, không rõ tháng"},
    {"period.col.overdue", "Quá hạn"},
    {"period.col.rate", "Tỷ lệ đúng hạn"},
    {"period.col.not_yet_due", "Chưa đến hạn"},
    {"period.on_time.note",
     "Hoàn thành đúng hạn: đã hoàn thành, tháng hoàn thành (`completed`) không muộn hơn tháng kết "
     "thúc (`end`). Hoàn thành chậm: `completed` sau `end`. Hoàn thành, không rõ tháng: đã hoàn "
     "thành nhưng không ghi `completed`, nên không biết có đúng hạn hay không. Quá hạn: chưa hoàn "
     "thành đến hết {last}. Tỷ lệ đúng hạn là số hoạt động hoàn thành đúng hạn ÷ số hoạt động có "
     "`end` trong {window}, không tính hoạt động đã hủy. Chưa đến hạn: `end` sau {last}."},
    {"period.on_time.apart",
     "Không tính vào tỷ lệ: {ongoing} thường xuyên, {waiting} chờ sự kiện, {external} theo lịch "
     "của cơ quan khác, {unscheduled} chưa có thời gian thực hiện, {cancelled} đã hủy, {earlier} "
     "kết thúc trước kỳ."},
    {"period.due.heading", "Đến hạn trong {period}"},
    {"period.finished.heading", "Hoàn thành trong {period}"},
    {"period.overdue.heading", "Quá hạn đến hết {period}"},
    {"period.overdue.note",
     "Chưa hoàn thành đến hết {month}; xếp theo số tháng chậm, nhiều nhất trước."},
    {"period.changes.heading", "Thêm mới, bị bỏ và lùi hạn trong {period}"},
    {"period.changes.no_git",
     "Kế hoạch không nằm trong kho git nên không xác định được các thay đổi."},
    {"period.col.completed", "Tháng hoàn thành"},
    {"period.col.timeliness", "Đúng hạn?"},
    {"period.on_time", "đúng hạn"},
    {"period.late", "chậm"},
    {"period.undated", "không có tháng kết thúc"},
};

}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::en;
  if (code == "vi") return Language::vi;
  return std::nullopt;
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

}  // namespace parplan::i18n
