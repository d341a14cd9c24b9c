#include <doctest/doctest.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "parplan/diff.hpp"
#include "parplan/loader.hpp"
#include "parplan/markdown.hpp"
#include "test_support.hpp"

using namespace parplan;

namespace {

LoadResult load_fixture(const std::string& name) {
  LoadResult result = load_plan(test::source_path("tests/fixtures/" + name));
  REQUIRE(result.ok());
  return result;
}

LoadResult load_text(const std::string& plan_yaml, const std::string& field_yaml) {
  LoadResult result =
      load_plan_from_sources("p", {{"plan.yaml", plan_yaml}, {"01-a.yaml", field_yaml}});
  for (const Diagnostic& d : result.diagnostics) INFO(format_text(d));
  REQUIRE(result.ok());
  return result;
}

const std::string small_plan = R"(plan:
  id: t
  title: Kế hoạch
  year: 2024
owners:
  snv:
    name: Sở Nội vụ
  stp: Sở Tư pháp
)";

std::string one_activity(const std::string& keys) {
  return "field: I\ntitle: Chỉ đạo\ntasks:\n  - id: I.1\n    title: Nhiệm vụ\n    activities:\n"
         "      - id: I.1.1\n        title: Hội nghị\n" +
         keys;
}

const ActivityDiff& only_activity(const PlanDiff& diff) {
  REQUIRE(diff.activities.size() == 1);
  return diff.activities.front();
}

std::vector<std::string> ids(const PlanDiff& diff) {
  std::vector<std::string> out;
  for (const ActivityDiff& d : diff.activities) out.push_back(d.id);
  return out;
}

}  // namespace

TEST_CASE("diff: the fixture pair reports every kind of change") {
  LoadResult old_side = load_fixture("diff-old");
  LoadResult new_side = load_fixture("diff-new");
  PlanDiff diff = diff_plans(old_side.plan, new_side.plan);

  CHECK(ids(diff) == std::vector<std::string>{"I.1.1", "I.1.2", "I.1.3", "I.1.4", "I.1.5", "I.1.6",
                                              "I.1.7", "I.1.8", "I.1.9", "I.1.10", "I.1.11",
                                              "I.2.1", "II.1.1", "III.1.1", "IV.1.1"});
  DiffSummary s = diff.summary();
  CHECK(s.changed == 11);
  CHECK(s.added == 2);
  CHECK(s.removed == 2);
  CHECK(s.renumbered == 0);
  CHECK(s.plan == 11);
  CHECK(s.slipped == 2);
  CHECK(s.slipped_months == 5);

  auto attributes = [&](const std::string& id) {
    std::vector<std::string> out;
    for (const ActivityDiff& d : diff.activities)
      if (d.id == id)
        for (const Change& c : d.changes) out.push_back(to_string(c.attribute));
    return out;
  };
  CHECK(attributes("I.1.1") == std::vector<std::string>{"title"});
  CHECK(attributes("I.1.4") == std::vector<std::string>{"lead", "support"});
  CHECK(attributes("I.1.5") == std::vector<std::string>{"schedule"});
  CHECK(attributes("I.1.6") == std::vector<std::string>{"schedule"});
  CHECK(attributes("I.1.7") == std::vector<std::string>{"status", "completed"});
  CHECK(attributes("I.1.9") == std::vector<std::string>{"result", "output", "note"});
  CHECK(attributes("I.2.1") == std::vector<std::string>{"per"});
  CHECK(attributes("II.1.1") == std::vector<std::string>{"end"});

  const ActivityDiff& lead = diff.activities[3];
  CHECK(lead.find(Attribute::lead)->removed == std::vector<std::string>{"stp"});
  CHECK(lead.find(Attribute::lead)->added == std::vector<std::string>{"snv"});
  CHECK(lead.find(Attribute::support)->removed.empty());
  CHECK(lead.find(Attribute::support)->added == std::vector<std::string>{"stc"});
  CHECK(diff.activities[1].find(Attribute::end)->delta == 2);
  CHECK(diff.activities[2].find(Attribute::start)->delta == -1);
  CHECK(diff.activities[7].find(Attribute::progress)->delta == 40);
  CHECK_FALSE(diff.activities[12].renumbered());  // its field file was renamed: one plan change
  CHECK(diff.activities[9].removed());
  CHECK(diff.activities[10].added());

  std::vector<std::string> plan;
  for (const PlanChange& c : diff.plan_changes)
    plan.push_back(fmt::format("{} {} {}: {} -> {}", to_string(c.item), c.id, c.attribute,
                               c.old_value.value_or("<none>"), c.new_value.value_or("<none>")));
  CHECK(plan == std::vector<std::string>{
                    "plan  title: Kế hoạch thử nghiệm 2024 -> Kế hoạch thử nghiệm 2024 (sửa đổi)",
                    "owner stc name: Sở Tài chính -> Sở Tài chính tỉnh",
                    "owner sxd name: <none> -> Sở Xây dựng",
                    "owner ban-cu name: Ban cũ -> <none>",
                    "task I.2 title: Kiểm tra -> Kiểm tra, giám sát",
                    "field II title: Thể chế -> Thể chế và pháp luật",
                    "field II file: 02-the-che.yaml -> 02-the-che-va-phap-luat.yaml",
                    "field III title: Bộ máy -> <none>",
                    "task III.1 title: Sắp xếp bộ máy -> <none>",
                    "field IV title: <none> -> Chuyển đổi số",
                    "task IV.1 title: <none> -> Hạ tầng số",
                });
}

TEST_CASE("diff: text rendering names each change in plain words") {
  LoadResult old_side = load_fixture("diff-old");
  LoadResult new_side = load_fixture("diff-new");
  PlanDiff diff = diff_plans(old_side.plan, new_side.plan);
  CHECK(
      diff_to_text(diff, false) ==
      R"(11 changed, 2 added, 2 removed, 11 plan-level changes; 2 deadlines slipped (+5 months in total)

plan
  title: Kế hoạch thử nghiệm 2024 → Kế hoạch thử nghiệm 2024 (sửa đổi)
  owner stc name: Sở Tài chính → Sở Tài chính tỉnh
  owner sxd added: Sở Xây dựng
  owner ban-cu removed: Ban cũ
  task I.2 title: Kiểm tra → Kiểm tra, giám sát
  field II title: Thể chế → Thể chế và pháp luật
  field II file renamed: 02-the-che.yaml → 02-the-che-va-phap-luat.yaml
  field III removed: Bộ máy
  task III.1 removed: Sắp xếp bộ máy
  field IV added: Chuyển đổi số
  task IV.1 added: Hạ tầng số

I.1.1 Ban hành kế hoạch năm 2024
  title:
    - Ban hành kế hoạch
    + Ban hành kế hoạch năm 2024

I.1.2 Tập huấn
  end: 6 → 8 (slipped 2 months)

I.1.3 Khảo sát
  start: 3 → 2 (1 month earlier)

I.1.4 Rà soát văn bản
  lead: Sở Tư pháp → Sở Nội vụ
  support: Sở Nội vụ → Sở Nội vụ; Sở Tài chính tỉnh

I.1.5 Tuyên truyền
  schedule: ongoing → months 3–9

I.1.6 Triển khai Thông tư
  schedule: after: Thông tư được ban hành → months 4–5

I.1.7 Báo cáo quý
  status: planned → done (completed 5)

I.1.8 Số hóa hồ sơ
  progress: 20% → 60% (+40)

I.1.9 Kiểm tra công vụ
  result:
    - Báo cáo kiểm tra
    + Báo cáo kiểm tra công vụ
  output:
    - Kế hoạch của Sở
    + Kế hoạch của UBND tỉnh
  note:
    - Ghi chú cũ

I.1.10 removed: Hội nghị sơ kết
  lead: Sở Nội vụ
  schedule: month 6

I.1.11 added: Đánh giá chỉ số cải cách hành chính
  lead: Sở Nội vụ; Sở Xây dựng
  schedule: months 10–11

I.2.1 Thực hiện theo quy định
  per:
    - Theo quy định của Bộ
    + Theo quy định của Bộ Tài chính

II.1.1 Xây dựng nghị quyết
  end: 9 → 12 (slipped 3 months)

III.1.1 removed: Sắp xếp đơn vị
  lead: Ban cũ
  schedule: months 2–4

IV.1.1 added: Nâng cấp hạ tầng
  lead: Sở Xây dựng
  schedule: ongoing
)");
}

TEST_CASE("diff: identical plans report no changes") {
  LoadResult a = load_fixture("diff-old");
  LoadResult b = load_fixture("diff-old");
  PlanDiff diff = diff_plans(a.plan, b.plan);
  CHECK(diff.empty());
  CHECK(diff_to_text(diff, false) == "No changes\n");
  CHECK(diff_to_markdown(diff, {parplan::i18n::Language::en, 3, false}) == "No changes.\n");
  CHECK(diff_to_markdown(diff, {parplan::i18n::Language::vi, 3, false}) == "Không có thay đổi.\n");
}

TEST_CASE("diff: formatting-only differences are not changes") {
  LoadResult a = load_text(small_plan, one_activity(R"(        result: Kết quả
        lead: [snv, stp]
        support: stp
        start: 6
        end: 6
        status: done
        completed: 6
)"));
  // Comments, key order, quoting, flow/block, NFD, CRLF, month forms, a re-wrapped block scalar.
  std::string plan_yaml =
      "# the plan\r\nowners: {stp: {name: \"S\xE1\xBB\x9F T\xC6\xB0 ph\xC3\xA1p\"}, snv: "
      "'So\xCC\x9B\xCC\x89 N\xE1\xBB\x99i v\xE1\xBB\xA5'}\r\nplan:\r\n  year: '2024'\r\n  title: "
      "\"K\xE1\xBA\xBF ho\xE1\xBA\xA1"
      "ch\"\r\n  id: t\r\n";
  std::string field_yaml = R"(tasks:
  - activities:
      - end: 2024-06   # the same month
        start: "06"
        title: >
          Hội
          nghị
        lead:
          - stp
          - snv
        support: [stp]
        completed: 2024-06
        status: "done"
        result: "Kết quả"
        id: I.1.1
    title: Nhiệm vụ
    id: I.1
title: Chỉ đạo
field: I
)";
  LoadResult b = load_text(plan_yaml, field_yaml);
  PlanDiff diff = diff_plans(a.plan, b.plan);
  CHECK(ids(diff).empty());
  CHECK(diff.plan_changes.empty());
}

TEST_CASE("diff: text that differs only in spacing is the same, other spelling is not") {
  LoadResult a = load_text(small_plan, one_activity("        lead: snv\n        note: a  b\n"));
  LoadResult b = load_text(small_plan, one_activity("        lead: snv\n        note: ' a b '\n"));
  CHECK(diff_plans(a.plan, b.plan).empty());
  LoadResult c = load_text(small_plan, one_activity("        lead: snv\n        note: ab\n"));
  CHECK(only_activity(diff_plans(a.plan, c.plan)).changes.front().attribute == Attribute::note);
}

TEST_CASE("diff: months count across the year boundary") {
  LoadResult a = load_text(small_plan, one_activity("        lead: snv\n        start: 11\n"
                                                    "        end: 12\n"));
  LoadResult b = load_text(small_plan, one_activity("        lead: snv\n        start: 10\n"
                                                    "        end: 2025-02\n"));
  PlanDiff diff = diff_plans(a.plan, b.plan);
  const ActivityDiff& d = only_activity(diff);
  CHECK(d.find(Attribute::start)->delta == -1);
  CHECK(d.find(Attribute::end)->delta == 2);
  CHECK(diff_to_text(diff, false) ==
        "1 changed, 0 added, 0 removed; 1 deadline slipped (+2 months)\n\n"
        "I.1.1 Hội nghị\n"
        "  start: 11 → 10 (1 month earlier)\n"
        "  end: 12 → 2025-02 (slipped 2 months)\n");
  nlohmann::json j = diff_to_json(diff);
  CHECK(j["changed"][0]["changes"][1] ==
        nlohmann::json{{"attribute", "end"}, {"old", 12}, {"new", "2025-02"}, {"months", 2}});
}

TEST_CASE("diff: status, completion and progress read as one story") {
  LoadResult a = load_text(small_plan, one_activity("        lead: snv\n        schedule: ongoing\n"
                                                    "        status: done\n"
                                                    "        completed: 4\n"));
  LoadResult b = load_text(small_plan, one_activity("        lead: snv\n        schedule: ongoing\n"
                                                    "        status: in-progress\n"
                                                    "        progress: 80\n"));
  PlanDiff diff = diff_plans(a.plan, b.plan);
  CHECK(diff_to_text(diff, false) ==
        "1 changed, 0 added, 0 removed\n\n"
        "I.1.1 Hội nghị\n"
        "  status: done → in-progress\n"
        "  completed: 4 → (none)\n"
        "  progress: (none) → 80%\n");
  CHECK(diff_to_json(diff)["changed"][0]["changes"] ==
        nlohmann::json::parse(R"([{"attribute":"status","old":"done","new":"in-progress"},
          {"attribute":"completed","old":4,"new":null},
          {"attribute":"progress","old":null,"new":80}])"));
}

TEST_CASE("diff: after-event text changes while the schedule kind stays") {
  LoadResult a = load_text(small_plan, one_activity("        lead: snv\n        after: Luật A\n"));
  LoadResult b = load_text(small_plan, one_activity("        lead: snv\n        after: Luật B\n"));
  PlanDiff diff = diff_plans(a.plan, b.plan);
  CHECK(diff_to_text(diff, false) ==
        "1 changed, 0 added, 0 removed\n\nI.1.1 Hội nghị\n  after:\n    - Luật A\n    + Luật B\n");
}

TEST_CASE("diff: owner lists are sets of owners") {
  LoadResult a = load_text(small_plan, one_activity("        lead: [snv, stp]\n"));
  LoadResult b = load_text(small_plan, one_activity("        lead: [stp, snv]\n"));
  CHECK(diff_plans(a.plan, b.plan).empty());
  LoadResult c = load_text(small_plan, one_activity("        lead: [stp]\n"));
  PlanDiff diff = diff_plans(a.plan, c.plan);
  const Change& change = only_activity(diff).changes.front();
  CHECK(change.attribute == Attribute::lead);
  CHECK(change.removed == std::vector<std::string>{"snv"});
  CHECK(change.added.empty());
}

TEST_CASE("diff: owners whose names read the same are told apart by their ids") {
  // The id of Sở Nội vụ renamed from snv to sonv: the names alone would read "Sở Nội vụ → Sở Nội
  // vụ".
  std::string renamed = small_plan;
  renamed.replace(renamed.find("  snv:"), 6, "  sonv:");
  LoadResult a = load_text(small_plan, one_activity("        lead: [snv, stp]\n"));
  LoadResult b = load_text(renamed, one_activity("        lead: [sonv, stp]\n"));
  PlanDiff diff = diff_plans(a.plan, b.plan);
  CHECK(diff_to_text(diff, false)
            .ends_with("I.1.1 Hội nghị\n  lead: Sở Nội vụ (snv); Sở Tư pháp (stp) → Sở Nội vụ "
                       "(sonv); Sở Tư pháp "
                       "(stp)\n"));
  std::string md = diff_to_markdown(diff, {parplan::i18n::Language::vi, 3, false});
  CHECK(md.find("| Sở Nội vụ (snv); Sở Tư pháp (stp) | Sở Nội vụ (sonv); Sở Tư pháp (stp) |") !=
        std::string::npos);
  // Names that differ stay names.
  LoadResult c = load_text(small_plan, one_activity("        lead: [stp]\n"));
  CHECK(diff_to_text(diff_plans(a.plan, c.plan), false)
            .ends_with("  lead: Sở Nội vụ; Sở Tư pháp → Sở Tư pháp\n"));
}

TEST_CASE("diff: a filter keeps activities that match on either side") {
  LoadResult old_side = load_fixture("diff-old");
  LoadResult new_side = load_fixture("diff-new");
  Filter by_stp;
  by_stp.owners = std::set<std::string>{"stp"};
  // I.1.4 was led by stp before; II.1.1 is led by stp on both sides.
  PlanDiff diff = diff_plans(old_side.plan, new_side.plan, {by_stp});
  CHECK(ids(diff) == std::vector<std::string>{"I.1.4", "II.1.1"});
  // Owner changes only for the owners asked about (stp has none); field and task changes only
  // where stp leads something: field II (title and file) holds II.1.1, while task I.2 (stc),
  // field III (ban-cu) and field IV (sxd) hold nothing of stp's.
  std::vector<std::string> items;
  for (const PlanChange& c : diff.plan_changes) items.push_back(c.id);
  CHECK(items == std::vector<std::string>{"", "II", "II"});

  Filter by_field;
  by_field.fields = std::set<std::string>{"III"};
  diff = diff_plans(old_side.plan, new_side.plan, {by_field});
  CHECK(ids(diff) == std::vector<std::string>{"III.1.1"});
  items.clear();
  for (const PlanChange& c : diff.plan_changes) items.push_back(c.id);
  CHECK(items == std::vector<std::string>{"", "stc", "sxd", "ban-cu", "III", "III.1"});
}

TEST_CASE("diff: the combined catalog knows owners and fields of both sides") {
  LoadResult old_side = load_fixture("diff-old");
  LoadResult new_side = load_fixture("diff-new");
  Plan catalog = combined_catalog(old_side.plan, new_side.plan);
  std::vector<std::string> owners, fields;
  for (const Owner& o : catalog.owners()) owners.push_back(o.id);
  for (const Field& f : catalog.fields) fields.push_back(f.id);
  CHECK(owners == std::vector<std::string>{"snv", "stp", "stc", "sxd", "ban-cu"});
  CHECK(fields == std::vector<std::string>{"I", "II", "IV", "III"});
  // The old name still finds a renamed owner.
  auto found = match_owners(catalog, "Sở Tài chính");
  REQUIRE(found.size() == 1);
  CHECK(found.front()->id == "stc");
  CHECK(match_owners(catalog, "ban cu").front()->id == "ban-cu");
}

TEST_CASE("diff: JSON has the documented shape") {
  LoadResult old_side = load_fixture("diff-old");
  LoadResult new_side = load_fixture("diff-new");
  nlohmann::json j = diff_to_json(diff_plans(old_side.plan, new_side.plan));
  CHECK(j["old"] == old_side.plan.directory);
  CHECK(j["new"] == new_side.plan.directory);
  CHECK(j["summary"] == nlohmann::json::parse(R"({"changed":11,"added":2,"removed":2,"renumbered":0,
      "plan":11,"slipped":2,"slipped_months":5})"));
  REQUIRE(j["added"].size() == 2);
  CHECK(j["added"][0]["id"] == "I.1.11");
  CHECK(j["added"][0]["lead"] == nlohmann::json::parse(
                                     R"([{"id":"snv","name":"Sở Nội vụ"},
                                         {"id":"sxd","name":"Sở Xây dựng"}])"));
  CHECK(j["added"][0]["start"] == 10);
  CHECK(j["removed"][1]["id"] == "III.1.1");
  CHECK(j["removed"][1]["lead"][0]["name"] == "Ban cũ");
  CHECK(j["renumbered"] == nlohmann::json::array());
  CHECK_FALSE(j.contains("moved"));
  REQUIRE(j["changed"].size() == 11);
  CHECK(j["changed"][1] == nlohmann::json::parse(R"({"id":"I.1.2","changes":[
      {"attribute":"end","old":6,"new":8,"months":2}]})"));
  CHECK(j["changed"][3]["changes"][0] == nlohmann::json::parse(R"({"attribute":"lead",
      "old":[{"id":"stp","name":"Sở Tư pháp"}],"new":[{"id":"snv","name":"Sở Nội vụ"}],
      "removed":[{"id":"stp","name":"Sở Tư pháp"}],"added":[{"id":"snv","name":"Sở Nội vụ"}]})"));
  CHECK(j["changed"][4]["changes"][0] == nlohmann::json::parse(R"({"attribute":"schedule",
      "old":{"schedule":"ongoing","start":null,"end":null,"after":null,"per":null},
      "new":{"schedule":"months","start":3,"end":9,"after":null,"per":null}})"));
  CHECK(j["changed"][8]["changes"][2] ==
        nlohmann::json::parse(R"({"attribute":"note","old":"Ghi chú cũ","new":null})"));
  CHECK(j["plan"][0] == nlohmann::json::parse(R"j({"item":"plan","attribute":"title",
      "old":"Kế hoạch thử nghiệm 2024","new":"Kế hoạch thử nghiệm 2024 (sửa đổi)"})j"));
  CHECK(j["plan"][2] == nlohmann::json::parse(R"({"item":"owner","id":"sxd","attribute":"name",
      "old":null,"new":"Sở Xây dựng"})"));
}

TEST_CASE("diff: the year is a number in JSON") {
  LoadResult a = load_text(small_plan, one_activity("        lead: snv\n"));
  std::string next_year = small_plan;
  next_year.replace(next_year.find("2024"), 4, "2025");
  LoadResult b = load_text(next_year, one_activity("        lead: snv\n"));
  nlohmann::json j = diff_to_json(diff_plans(a.plan, b.plan));
  CHECK(j["plan"] ==
        nlohmann::json::parse(R"([{"item":"plan","attribute":"year","old":2024,"new":2025}])"));
}

TEST_CASE("diff: Markdown in English, sections at the level asked") {
  LoadResult old_side = load_fixture("diff-old");
  LoadResult new_side = load_fixture("diff-new");
  PlanDiff diff = diff_plans(old_side.plan, new_side.plan);
  std::string md = diff_to_markdown(diff, {parplan::i18n::Language::en, 4, false});
  CHECK(
      md.starts_with("11 changed, 2 added, 2 removed, 11 plan-level changes; "
                     "2 deadlines slipped (+5 months in total).\n\n#### Slipped deadlines\n\n"
                     "| ID | Activity | Lead | End | Slip (months) |\n"
                     "| --- | --- | --- | --- | ---: |\n"
                     "| I.1.2 | Tập huấn | Sở Nội vụ | 6 → 8 | +2 |\n"
                     "| II.1.1 | Xây dựng nghị quyết | Sở Tư pháp | 9 → 12 | +3 |\n\n"
                     "#### Added activities\n\n"));
  CHECK(md.find("| I.1.4 | Rà soát văn bản | Lead | Sở Tư pháp | Sở Nội vụ |\n"
                "| I.1.4 |  | Support | Sở Nội vụ | Sở Nội vụ; Sở Tài chính tỉnh |\n") !=
        std::string::npos);
  CHECK(md.find("| I.1.3 | Khảo sát | Start (1 month earlier) | 3 | 2 |\n") != std::string::npos);
  CHECK(md.find("| Owner sxd | Added | — | Sở Xây dựng |\n") != std::string::npos);
  CHECK(md.find("\n### ") == std::string::npos);
}

TEST_CASE("diff: Markdown in Vietnamese with a title") {
  LoadResult old_side = load_fixture("diff-old");
  LoadResult new_side = load_fixture("diff-new");
  PlanDiff diff = diff_plans(old_side.plan, new_side.plan);
  std::string md = diff_to_markdown(diff, {parplan::i18n::Language::vi, 3, true});
  CHECK(md.starts_with("## Thay đổi kế hoạch: " + markdown::escape(old_side.plan.directory) +
                       " → " + markdown::escape(new_side.plan.directory) +
                       "\n\n11 hoạt động thay đổi, 2 thêm mới, 2 bị bỏ, 11 thay đổi "
                       "chung của kế hoạch; 2 thời hạn bị lùi (tổng cộng +5 tháng).\n\n"
                       "### Thời hạn bị lùi\n\n"
                       "| Mã | Hoạt động | Cơ quan chủ trì | Thời hạn | Số tháng lùi |\n"));
  CHECK(md.find("| I.1.5 | Tuyên truyền | Thời gian thực hiện | thường xuyên | tháng 3–9 |\n") !=
        std::string::npos);
  CHECK(md.find("| I.1.7 | Báo cáo quý | Tình trạng | chưa thực hiện | hoàn thành |\n") !=
        std::string::npos);
  CHECK(md.find("| Lĩnh vực III | Bị bỏ | Bộ máy | — |\n") != std::string::npos);
  CHECK(
      md.find("| Lĩnh vực II | Đổi tên tệp | 02-the-che.yaml | 02-the-che-va-phap-luat.yaml |\n") !=
      std::string::npos);
}

TEST_CASE("diff: Markdown escapes text exactly as markdown::escape does") {
  const std::string hostile = "Sửa *Luật* | <b>mới</b> [x](y) #1 `z`";
  LoadResult a = load_text(small_plan, one_activity("        lead: snv\n"));
  LoadResult b = load_text(
      small_plan, one_activity("        lead: snv\n        note: \"" + hostile + "\\nline 2\"\n"));
  std::string md =
      diff_to_markdown(diff_plans(a.plan, b.plan), {parplan::i18n::Language::en, 3, false});
  CHECK(md.find("| I.1.1 | Hội nghị | Note | — | " + markdown::escape(hostile + "\nline 2") +
                " |\n") != std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
}

TEST_CASE("diff: colour only when asked") {
  LoadResult old_side = load_fixture("diff-old");
  LoadResult new_side = load_fixture("diff-new");
  PlanDiff diff = diff_plans(old_side.plan, new_side.plan);
  CHECK(diff_to_text(diff, false).find('\033') == std::string::npos);
  std::string colored = diff_to_text(diff, true);
  CHECK(colored.find("\033[1mI.1.2\033[0m Tập huấn\n  end: 6 → 8 \033[33m(slipped 2 months)"
                     "\033[0m\n") != std::string::npos);
  CHECK(colored.find("\033[1mI.1.10\033[0m \033[31mremoved\033[0m: Hội nghị sơ kết\n") !=
        std::string::npos);
}

namespace {

// A plan with fields I and II, each one task holding the given activities (YAML list items).
LoadResult two_fields(const std::string& first, const std::string& second) {
  auto field = [](const char* id, const std::string& activities) {
    return fmt::format(
        "field: {0}\ntitle: Lĩnh vực {0}\ntasks:\n  - id: {0}.1\n    title: Nhiệm "
        "vụ\n    activities:{1}",
        id, activities.empty() ? " []\n" : "\n" + activities);
  };
  LoadResult result = load_plan_from_sources("p", {{"plan.yaml", small_plan},
                                                   {"01-a.yaml", field("I", first)},
                                                   {"02-b.yaml", field("II", second)}});
  for (const Diagnostic& d : result.diagnostics) INFO(format_text(d));
  REQUIRE(result.ok());
  return result;
}

std::string activity(const std::string& id, const std::string& title,
                     const std::string& rest =
                         "        lead: snv\n        start: 3\n"
                         "        end: 5\n") {
  return "      - id: " + id + "\n        title: " + title + "\n" + rest;
}

const std::string filler = activity("II.1.1", "Giữ nguyên",
                                    "        lead: stp\n        end: 9\n"
                                    "        start: 9\n");

}  // namespace

TEST_CASE("diff: an activity moved to another field is renumbered, not removed and added") {
  // Same title with its whitespace re-wrapped: a renumbering without changes.
  LoadResult a = two_fields(
      activity("I.1.1", "Hội nghị  tổng kết") + activity("I.1.2", "Ở lại",
                                                         "        lead: snv\n        end: 1\n"
                                                         "        start: 1\n"),
      filler);
  LoadResult b = two_fields(
      activity("I.1.2", "Ở lại", "        lead: snv\n        end: 1\n        start: 1\n"),
      filler + activity("II.1.2", "Hội nghị tổng kết",
                        "        lead: stp\n        start: "
                        "3\n        end: 6\n"));
  PlanDiff diff = diff_plans(a.plan, b.plan);
  REQUIRE(diff.activities.size() == 1);
  const ActivityDiff& d = diff.activities[0];
  CHECK(d.renumbered());
  CHECK(d.id == "II.1.2");
  CHECK(d.old_activity->id == "I.1.1");
  CHECK(d.new_activity->id == "II.1.2");
  DiffSummary s = diff.summary();
  CHECK(s.renumbered == 1);
  CHECK(s.changed == 0);
  CHECK(s.added == 0);
  CHECK(s.removed == 0);
  CHECK(s.slipped == 1);  // the end still counts as slipped

  CHECK(diff_to_text(diff, false) ==
        "0 changed, 0 added, 0 removed, 1 renumbered; 1 deadline slipped (+1 month)\n\n"
        "II.1.2 Hội nghị tổng kết\n"
        "  renumbered from I.1.1\n"
        "  lead: Sở Nội vụ → Sở Tư pháp\n"
        "  end: 5 → 6 (slipped 1 month)\n");
  CHECK(diff_to_json(diff)["renumbered"] == nlohmann::json::parse(R"([{"from":"I.1.1",
      "to":"II.1.2","changes":[
        {"attribute":"lead","old":[{"id":"snv","name":"Sở Nội vụ"}],
         "new":[{"id":"stp","name":"Sở Tư pháp"}],"removed":[{"id":"snv","name":"Sở Nội vụ"}],
         "added":[{"id":"stp","name":"Sở Tư pháp"}]},
        {"attribute":"end","old":5,"new":6,"months":1}]}])"));
  CHECK(diff_to_json(diff)["changed"] == nlohmann::json::array());
  CHECK(diff_to_markdown(diff, {parplan::i18n::Language::vi, 3, false}) ==
        "0 hoạt động thay đổi, 0 thêm mới, 0 bị bỏ, 1 đánh số lại; 1 thời hạn bị lùi "
        "(+1 tháng).\n\n"
        "### Thời hạn bị lùi\n\n"
        "| Mã | Hoạt động | Cơ quan chủ trì | Thời hạn | Số tháng lùi |\n"
        "| --- | --- | --- | --- | ---: |\n"
        "| II.1.2 | Hội nghị tổng kết | Sở Tư pháp | 5 → 6 | +1 |\n\n"
        "### Thay đổi khác\n\n"
        "| Mã | Hoạt động | Nội dung thay đổi | Trước | Sau |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| II.1.2 | Hội nghị tổng kết | Đánh số lại | I.1.1 | II.1.2 |\n"
        "| II.1.2 |  | Cơ quan chủ trì | Sở Nội vụ | Sở Tư pháp |\n");
  CHECK(diff_to_markdown(diff, {parplan::i18n::Language::en, 3, false})
            .find("| II.1.2 | Hội nghị tổng kết | Renumbered | I.1.1 | II.1.2 |\n") !=
        std::string::npos);
}

TEST_CASE("diff: a small title edit is followed only with the same lead and months") {
  const std::string title = "Tổ chức đánh giá, xếp loại CBCCVC làm cơ sở cho công tác thi đua";
  const std::string edited = "Tổ chức đánh giá, xếp loại CBCCVC làm căn cứ cho công tác thi đua";
  LoadResult a = two_fields(activity("I.1.1", title), filler);

  SUBCASE("same lead and months, 4 edits in 64 characters: renumbered with a title change") {
    LoadResult b = two_fields("", filler + activity("II.1.2", edited));
    PlanDiff diff = diff_plans(a.plan, b.plan);
    REQUIRE(diff.activities.size() == 1);
    CHECK(diff.activities[0].renumbered());
    CHECK(diff_to_text(diff, false) ==
          "0 changed, 0 added, 0 removed, 1 renumbered\n\n"
          "II.1.2 " +
              edited +
              "\n"
              "  renumbered from I.1.1\n"
              "  title:\n    - " +
              title + "\n    + " + edited + "\n");
  }
  SUBCASE("another lead: removed and added") {
    LoadResult b = two_fields("", filler + activity("II.1.2", edited,
                                                    "        lead: stp\n        start: 3\n"
                                                    "        end: 5\n"));
    PlanDiff diff = diff_plans(a.plan, b.plan);
    CHECK(ids(diff) == std::vector<std::string>{"I.1.1", "II.1.2"});
    CHECK(diff.summary().renumbered == 0);
  }
  SUBCASE("other months: removed and added") {
    LoadResult b = two_fields("", filler + activity("II.1.2", edited,
                                                    "        lead: snv\n        start: 3\n"
                                                    "        end: 6\n"));
    CHECK(diff_plans(a.plan, b.plan).summary().renumbered == 0);
  }
  SUBCASE("more than 10% of the title edited: removed and added") {
    LoadResult b = two_fields(
        "",
        filler + activity("II.1.2", "Tổ chức đánh giá, phân loại cán bộ làm căn cứ cho thi đua"));
    CHECK(diff_plans(a.plan, b.plan).summary().renumbered == 0);
  }
}

TEST_CASE("diff: match_renumbered pairs each activity once, exact titles first") {
  auto make = [](std::string id, std::string title, std::vector<std::string> lead) {
    Activity a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.lead = std::move(lead);
    return a;
  };
  std::vector<Activity> old_side = {make("I.1.1", "Báo cáo quý", {"snv"}),
                                    make("I.1.2", "Báo cáo quý", {"snv"}),
                                    make("I.1.3", "Báo cáo năm 2024", {"stp", "snv"})};
  std::vector<Activity> new_side = {
      make("II.1.1", "Báo cáo năm 2025", {"snv", "stp"}), make("II.1.2", "Báo cáo quý", {"stp"}),
      make("II.1.3", "Báo cáo quý", {"snv"}), make("II.1.4", "Báo cáo quý", {"snv"})};
  std::vector<const Activity*> removed, added;
  for (const Activity& a : old_side) removed.push_back(&a);
  for (const Activity& b : new_side) added.push_back(&b);
  std::vector<std::string> pairs;
  for (const Renumbering& r : match_renumbered(removed, added))
    pairs.push_back(r.from->id + " -> " + r.to->id);
  // Titles match whatever the lead; the third "Báo cáo quý" has no partner left. The 2024 -> 2025
  // edit is 1 in 16 characters, within 10% only for titles of 10 or more: it is followed, the
  // lead compared as a set.
  CHECK(pairs == std::vector<std::string>{"I.1.1 -> II.1.2", "I.1.2 -> II.1.3", "I.1.3 -> II.1.1"});

  // Thousands of candidates with one lead and no schedule cost a bounded amount of work.
  std::vector<Activity> many_old, many_new;
  for (int i = 0; i < 3000; ++i) {
    many_old.push_back(make(fmt::format("I.1.{}", i), fmt::format("Việc cũ số {:06}", i), {"snv"}));
    many_new.push_back(make(fmt::format("II.1.{}", i), fmt::format("Khác {:06} mới", i), {"snv"}));
  }
  removed.clear();
  added.clear();
  for (const Activity& a : many_old) removed.push_back(&a);
  for (const Activity& b : many_new) added.push_back(&b);
  CHECK(match_renumbered(removed, added).empty());
}

TEST_CASE("diff: a filter keeps a renumbered pair when either side matches") {
  LoadResult a = two_fields(activity("I.1.1", "Hội nghị tổng kết"), filler);
  LoadResult b = two_fields("", filler + activity("II.1.2", "Hội nghị tổng kết"));
  Filter field_one;
  field_one.fields = std::set<std::string>{"I"};
  PlanDiff diff = diff_plans(a.plan, b.plan, {field_one});
  REQUIRE(diff.activities.size() == 1);
  CHECK(diff.activities[0].renumbered());
}
