// Period reports (`report --period`), `due --period`, `list --period` and the on-time rate on the
// shipped plan with statuses set. The expected counts are worked out by hand below.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace parplan::test;
using json = nlohmann::json;

namespace {

// Adds `lines` after the `end:` line of activity `id` in `file`.
void set_status(const TempDir& dir, const std::string& file, const std::string& id,
                const std::string& lines) {
  std::string path = dir.str() + "/data/" + file;
  std::string text = read_file(path);
  auto at = text.find("      - id: " + id + "\n");
  REQUIRE(at != std::string::npos);
  at = text.find("        end: ", at);
  at = text.find('\n', at) + 1;
  text.insert(at, lines);
  dir.write("data/" + file, text);
}

// The shipped plan (43 activities with months, 2 ongoing, 4 waiting for an event, 1 on an
// external timetable, 11 without a schedule) with:
//   III.2.1 end 2  done, completed 2   on time
//   V.3.2   end 3  done, completed 5   late
//   III.2.2 end 5  done, completed 4   on time
//   II.1.3  end 6  done, completed 7   late
//   III.1.4 end 6  done, no completed  done, no month
//   II.2.4  end 7  done, completed 7   on time
//   III.2.3 end 7  cancelled           never in the rate
//   IV.1.2  end 7  in progress
//   I.2.4   end 9  done, completed 10  late
//   I.3.1   end 10 done, completed 9   on time
struct PlanDir {
  TempDir dir;
  PlanDir() {
    copy_tree(source_path("data"), dir.str() + "/data");
    const std::string i = "01-chi-dao-dieu-hanh.yaml", ii = "02-the-che.yaml",
                      iii = "03-thu-tuc-hanh-chinh.yaml", iv = "04-to-chuc-bo-may.yaml",
                      v = "05-che-do-cong-vu.yaml";
    auto done = [](int month) {
      return "        status: done\n        completed: " + std::to_string(month) + "\n";
    };
    set_status(dir, iii, "III.2.1", done(2));
    set_status(dir, v, "V.3.2", done(5));
    set_status(dir, iii, "III.2.2", done(4));
    set_status(dir, ii, "II.1.3", done(7));
    set_status(dir, iii, "III.1.4", "        status: done\n");
    set_status(dir, ii, "II.2.4", done(7));
    set_status(dir, iii, "III.2.3", "        status: cancelled\n");
    set_status(dir, iv, "IV.1.2", "        status: in-progress\n        progress: 50\n");
    set_status(dir, i, "I.2.4", done(10));
    set_status(dir, i, "I.3.1", done(9));
  }
  RunResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--plan", dir.str() + "/data"});
    return run_parplan(args, {dir.str(), {}, ""});
  }
  json on_time(const std::string& period) const {
    RunResult r = run({"report", "--period", period, "--format", "json"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
};

// due, on time, late, done without a month, overdue, not yet due, rate.
std::vector<json> counts(const json& c) {
  return {c.at("due"),     c.at("on_time"),     c.at("late"), c.at("done_no_date"),
          c.at("overdue"), c.at("not_yet_due"), c.at("rate")};
}
std::vector<json> expect(int due, int on_time, int late, int undated, int overdue, int not_yet_due,
                         json rate) {
  return {due, on_time, late, undated, overdue, not_yet_due, std::move(rate)};
}

}  // namespace

TEST_CASE("period: on-time counts for a quarter, a half-year, nine months and a year") {
  PlanDir plan;
  // Q1 ends: III.2.1 on time; V.3.2 was done in May, so overdue at the end of March.
  // Not yet due: 43 dated - 2 - 1 cancelled.
  json q1 = plan.on_time("2024-Q1");
  CHECK(q1.at("period") == "2024-Q1");
  CHECK(q1.at("as_of") == "2024-03");
  CHECK(counts(q1.at("on_time").at("overall")) == expect(2, 1, 0, 0, 1, 40, 50));
  CHECK(q1.at("on_time").at("apart") == json{{"ongoing", 2},
                                             {"waiting", 4},
                                             {"external", 1},
                                             {"unscheduled", 11},
                                             {"cancelled", 1},
                                             {"ended_before", 0}});
  // Q2 ends: III.2.2 on time, II.1.3 overdue (done in July), III.1.4 done without a month.
  // III.2.1 and V.3.2 ended before April.
  json q2 = plan.on_time("2024-Q2");
  CHECK(counts(q2.at("on_time").at("overall")) == expect(3, 1, 0, 1, 1, 37, 33));
  CHECK(q2.at("on_time").at("apart").at("ended_before") == 2);
  const json& fields = q2.at("on_time").at("by_field");
  CHECK(fields[1].at("id") == "II");
  CHECK(counts(fields[1]) == expect(1, 0, 0, 0, 1, 6, 0));
  CHECK(counts(fields[2]) == expect(2, 1, 0, 1, 0, 4, 50));
  // H1: III.2.1 and III.2.2 on time, V.3.2 late (done in May, by the end of June), II.1.3
  // overdue, III.1.4 without a month.
  CHECK(counts(plan.on_time("2024-H1").at("on_time").at("overall")) ==
        expect(5, 2, 1, 1, 1, 37, 40));
  // 9M adds II.2.4 on time, IV.1.2, I.2.4 (done in October) and III.2.4 overdue; II.1.3 is now
  // late; III.2.3 is cancelled.
  CHECK(counts(plan.on_time("2024-9M").at("on_time").at("overall")) ==
        expect(9, 3, 2, 1, 3, 33, 33));
  // The year: 42 dated and not cancelled; on time III.2.1, III.2.2, II.2.4, I.3.1; late V.3.2,
  // II.1.3, I.2.4; III.1.4 without a month; 34 overdue. 4/42 = 9.5%, rounded half up.
  CHECK(counts(plan.on_time("2024").at("on_time").at("overall")) == expect(42, 4, 3, 1, 34, 0, 10));
}

TEST_CASE("period: the report's headings and period tables") {
  PlanDir plan;
  struct Heading {
    const char* period;
    const char* vi;
    const char* en;
  };
  for (const Heading& h :
       {Heading{"2024-Q2", "Báo cáo quý II năm 2024", "Report: Q2 2024"},
        Heading{"2024-H1", "Báo cáo 6 tháng đầu năm 2024", "Report: first half of 2024"},
        Heading{"2024-9M", "Báo cáo 9 tháng năm 2024", "Report: first nine months of 2024"},
        Heading{"2024", "Báo cáo năm 2024", "Report: 2024"}}) {
    RunResult vi =
        plan.run({"report", "--period", h.period, "--lang", "vi", "--sections", "summary"});
    CHECK(vi.out.starts_with("# Kế hoạch cải cách hành chính tỉnh Đắk Nông năm 2024 — " +
                             std::string(h.vi) + "\n"));
    RunResult en =
        plan.run({"report", "--period", h.period, "--lang", "en", "--sections", "summary"});
    CHECK(en.out.find(" — " + std::string(h.en) + "\n") != std::string::npos);
  }

  RunResult r = plan.run({"report", "--period", "2024-Q2", "--lang", "en", "--sections",
                          "period-due,period-finished,period-overdue,period-changes"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("## Due in Q2 2024\n\n| ID | Activity | Lead | End | Status |\n"
                   "| --- | --- | --- | --- | --- |\n| III.2.2 |") != std::string::npos);
  CHECK(r.out.find("| II.1.3 | Xây dựng, in ấn phát Tờ rơi, tờ gấp hướng dẫn nghiệp vụ công tác "
                   "theo dõi thi hành pháp luật | Sở Tư pháp | 6 | in progress |") !=
        std::string::npos);
  CHECK(r.out.find("## Finished in Q2 2024\n\n| ID | Activity | Lead | End | Completed | On time? "
                   "|\n| --- | --- | --- | --- | --- | --- |\n| III.2.2 |") != std::string::npos);
  CHECK(r.out.find("| Văn phòng UBND tỉnh | 5 | 4 | on time |") != std::string::npos);
  CHECK(r.out.find("| Sở Nội vụ | 3 | 5 | late |") != std::string::npos);
  CHECK(r.out.find("## Overdue at the end of Q2 2024\n\n| ID | Activity | Lead | End | Months "
                   "late | Status |\n| --- | --- | --- | --- | ---: | --- |\n| II.1.3 |") !=
        std::string::npos);
  CHECK(r.out.find("## Added, removed and slipped in Q2 2024\n\nThe plan is not in a git "
                   "repository, so its changes are unknown.\n") != std::string::npos);

  r = plan.run({"report", "--sections", "period-due"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with("parplan: error: --sections period-due needs --period (which period?)"));
  r = plan.run({"report", "--period", "2024-Q5"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("'2024-Q5' is not a period: quarters are Q1 to Q4") != std::string::npos);
  r = plan.run({"report", "--period", "2024-Q2", "--month", "3"});
  CHECK(r.exit_code == 2);
}

TEST_CASE("period: due and list take a period") {
  PlanDir plan;
  RunResult r = plan.run({"due", "--period", "2024-Q2", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  // As of June; due covers April to June: only II.1.3 was not done then (done in July).
  CHECK(j.at("as_of") == "2024-06");
  CHECK(j.at("due_from") == "2024-04");
  CHECK(ids_of(j.at("due")) == std::vector<std::string>{"II.1.3"});
  CHECK(ids_of(j.at("overdue")).empty());
  r = plan.run({"due", "--period", "2024-Q2", "--lang", "en"});
  CHECK(r.out.find("\nDue from April 2024 to June 2024 (1)\n") != std::string::npos);

  // Months overlapping April-June: 43 dated, less III.2.1 and V.3.2 (ended before) and the nine
  // starting after June (I.3.1-I.3.4, I.6.1-I.6.3, III.2.4, V.3.5).
  r = plan.run({"list", "--period", "2024-Q2", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out).size() == 32);
}
