#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parplan/loader.hpp"
#include "parplan/query.hpp"
#include "test_support.hpp"

using namespace parplan;

namespace {

const Plan& fixture() { return test::fixture_plan("tests/fixtures/due-all-kinds"); }

std::vector<std::string> owner_ids(const std::vector<const Owner*>& owners) {
  std::vector<std::string> ids;
  for (const Owner* o : owners) ids.push_back(o->id);
  return ids;
}

std::vector<std::string> field_ids(const std::vector<const Field*>& fields) {
  std::vector<std::string> ids;
  for (const Field* f : fields) ids.push_back(f->id);
  return ids;
}

const Activity& activity(const std::string& id) {
  for (const Activity* a : fixture().activities())
    if (a->id == id) return *a;
  FAIL("no activity " << id);
  throw;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("query: match_owners finds an owner by id, name or alias, ignoring case and accents") {
  const Plan& plan = fixture();
  CHECK(owner_ids(match_owners(plan, "noi vu")) == Ids{"snv"});
  CHECK(owner_ids(match_owners(plan, "snv")) == Ids{"snv"});
  CHECK(owner_ids(match_owners(plan, "SNV")) == Ids{"snv"});
  CHECK(owner_ids(match_owners(plan, "Sở Nội vụ")) == Ids{"snv"});
  CHECK(owner_ids(match_owners(plan, "SỞ NỘI VỤ")) == Ids{"snv"});
  // Decomposed input (as a macOS terminal may send it) folds the same way.
  CHECK(owner_ids(match_owners(plan, "So\xCC\x9B\xCC\x89 No\xCC\x82\xCC\xA3i")) == Ids{"snv"});
  CHECK(owner_ids(match_owners(plan, "đài")) == Ids{"dai-ptth"});
  CHECK(owner_ids(match_owners(plan, "DAI PHAT THANH")) == Ids{"dai-ptth"});
  CHECK(owner_ids(match_owners(plan, "dak mil")) == Ids{"ubnd-huyen"});
  CHECK(owner_ids(match_owners(plan, "Đắk Mil")) == Ids{"ubnd-huyen"});
  CHECK(owner_ids(match_owners(plan, "digital")) == Ids{"ict"});
  CHECK(owner_ids(match_owners(plan, "center")) == Ids{"ict"});
}

TEST_CASE("query: match_owners returns every owner a part matches, in declaration order") {
  CHECK(owner_ids(match_owners(fixture(), "so")) == Ids{"snv", "stp"});
  CHECK(owner_ids(match_owners(fixture(), "Sở")) == Ids{"snv", "stp"});
}

TEST_CASE("query: match_owners finds nothing for an empty or unknown query") {
  CHECK(match_owners(fixture(), "").empty());
  CHECK(match_owners(fixture(), "bo cong an").empty());
}

TEST_CASE("query: closest_owners ranks owners by the nearest part of their names") {
  const Plan& plan = fixture();
  CHECK(owner_ids(closest_owners(plan, "snx", 1)) == Ids{"snv"});
  CHECK(owner_ids(closest_owners(plan, "tu phapp", 1)) == Ids{"stp"});
  CHECK(owner_ids(closest_owners(plan, "Dai phat thnah", 1)) == Ids{"dai-ptth"});
  CHECK(closest_owners(plan, "zzz", 3).size() == 3);
  CHECK(closest_owners(plan, "zzz", 10).size() == plan.owners().size());
}

TEST_CASE("query: match_fields takes an id exactly or a part of a title") {
  const Plan& plan = fixture();
  CHECK(field_ids(match_fields(plan, "I")) == Ids{"I"});
  CHECK(field_ids(match_fields(plan, "ii")) == Ids{"II"});
  CHECK(field_ids(match_fields(plan, "the che")) == Ids{"II"});
  CHECK(field_ids(match_fields(plan, "Chỉ Đạo")) == Ids{"I"});
  CHECK(field_ids(match_fields(plan, "c")) == Ids{"I", "II"});
  CHECK(match_fields(plan, "tai chinh").empty());
  CHECK(match_fields(plan, "").empty());
}

TEST_CASE("query: match_fields takes a field number, match_task a task id") {
  const Plan& plan = fixture();
  CHECK(field_ids(match_fields(plan, "2")) == Ids{"II"});
  CHECK(field_ids(match_fields(plan, "1")) == Ids{"I"});
  CHECK(match_fields(plan, "3").empty());
  CHECK(match_fields(plan, "0").empty());
  for (const char* query : {"I.1", "i.1", "1.1"}) {
    REQUIRE_MESSAGE(match_task(plan, query), query);
    CHECK(match_task(plan, query)->id == "I.1");
  }
  CHECK(match_task(plan, "2.1")->id == "II.1");
  CHECK(match_task(plan, "II") == nullptr);
  CHECK(match_task(plan, "II.2") == nullptr);
  CHECK(match_task(plan, "") == nullptr);
}

TEST_CASE("query: a filter selects by owner and role, field and status") {
  Filter all;
  CHECK(all.matches(activity("I.1.1")));

  Filter snv;
  snv.owners = std::set<std::string>{"snv"};
  CHECK(snv.matches(activity("I.1.3")));         // lead snv
  CHECK_FALSE(snv.matches(activity("I.1.4")));   // snv only supports
  CHECK_FALSE(snv.matches(activity("II.1.5")));  // no lead at all
  snv.role = Role::support;
  CHECK_FALSE(snv.matches(activity("I.1.3")));
  CHECK(snv.matches(activity("I.1.4")));
  snv.role = Role::any;
  CHECK(snv.matches(activity("I.1.3")));
  CHECK(snv.matches(activity("I.1.4")));
  CHECK_FALSE(snv.matches(activity("I.1.8")));

  Filter field;
  field.fields = std::set<std::string>{"II"};
  CHECK(field.matches(activity("II.1.1")));
  CHECK_FALSE(field.matches(activity("I.1.1")));

  Filter status;
  status.status = Status::in_progress;
  CHECK(status.matches(activity("I.1.3")));
  CHECK(status.matches(activity("II.1.9")));
  CHECK_FALSE(status.matches(activity("I.1.1")));

  Filter both = snv;
  both.fields = std::set<std::string>{"II"};
  CHECK(both.matches(activity("II.1.7")));       // snv supports, field II
  CHECK_FALSE(both.matches(activity("I.1.4")));  // snv supports, field I
}

TEST_CASE("query: parse_role accepts lead, support and any") {
  CHECK(parse_role("lead") == Role::lead);
  CHECK(parse_role("support") == Role::support);
  CHECK(parse_role("any") == Role::any);
  CHECK_FALSE(parse_role("Lead"));
  CHECK_FALSE(parse_role(""));
}

TEST_CASE("query: id_less orders numbers and roman numerals by value") {
  Ids ids = {"II.1.10", "II.1.9", "IV.1", "I.1.2", "III.2", "V.1",
             "II.1.2",  "IX.1",   "I.1",  "X.1",   "I.10",  "I.9.1"};
  std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return id_less(a, b); });
  CHECK(ids == Ids{"I.1", "I.1.2", "I.9.1", "I.10", "II.1.2", "II.1.9", "II.1.10", "III.2", "IV.1",
                   "V.1", "IX.1", "X.1"});
  CHECK_FALSE(id_less("I.1", "I.1"));
  CHECK(id_less("99999999999", "100000000000"));  // longer than a long's digits still by value
  CHECK(id_less("9", "0010"));
}

TEST_CASE("query: id_less is a strict weak ordering even for mixed kinds of components") {
  // "V" < "IX" by value and "IX" < "J" by bytes; "J" < "V" by bytes would close a cycle, which
  // makes std::sort undefined.
  Ids parts = {"V", "IX", "J", "1", "01", "a", "C", "B", "10", "I", "Z", "II.1", "II.a"};
  for (const auto& a : parts) {
    CHECK_FALSE(id_less(a, a));
    for (const auto& b : parts) {
      if (id_less(a, b)) CHECK_FALSE(id_less(b, a));
      for (const auto& c : parts)
        if (id_less(a, b) && id_less(b, c)) CHECK_MESSAGE(id_less(a, c), a << " " << b << " " << c);
    }
  }
}

TEST_CASE("query: a field filter naming a task keeps that task's activities") {
  Filter f;
  f.fields = std::set<std::string>{"I.1", "II"};
  CHECK(f.matches(activity("I.1.1")));
  CHECK(f.matches(activity("II.1.5")));
  f.fields = std::set<std::string>{"II.1"};
  CHECK_FALSE(f.matches(activity("I.1.1")));
  CHECK(f.matches(activity("II.1.5")));
  const parplan::i18n::Catalog en(parplan::i18n::Language::en);
  CHECK(describe_filter(fixture(), f, en) == "field II.1");
}

TEST_CASE("query: describe_filter says what a filter keeps, in the catalog's words") {
  const Plan& plan = fixture();
  const parplan::i18n::Catalog en(parplan::i18n::Language::en);
  const parplan::i18n::Catalog vi(parplan::i18n::Language::vi);
  CHECK(describe_filter(plan, {}, en) == "");
  Filter f;
  f.owners = std::set<std::string>{"stp", "snv"};
  CHECK(describe_filter(plan, f, en) == "lead Sở Nội vụ, Sở Tư pháp");
  CHECK(describe_filter(plan, f, vi) == "cơ quan chủ trì Sở Nội vụ, Sở Tư pháp");
  f.role = Role::any;
  f.fields = std::set<std::string>{"II"};
  f.status = Status::in_progress;
  CHECK(describe_filter(plan, f, en) ==
        "lead or support Sở Nội vụ, Sở Tư pháp; field II; status in progress");
  CHECK(describe_filter(plan, f, vi) ==
        "cơ quan Sở Nội vụ, Sở Tư pháp (chủ trì hoặc phối hợp); lĩnh vực II; tình trạng đang "
        "thực hiện");
  Filter g;
  g.role = Role::support;
  g.owners = std::set<std::string>{"ict"};
  g.fields = std::set<std::string>{"I", "II"};
  CHECK(describe_filter(plan, g, en) == "support ICT Center; fields I, II");
}
