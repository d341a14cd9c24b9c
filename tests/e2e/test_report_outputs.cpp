// report --format html, --sections and --no-gantt; list/due -o and the binary-output rules.
// (The outputs in the programs that open them: tests/js and tests/checks.)
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace parplan::test;

namespace {

std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
  std::regex re(pattern);
  std::vector<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

std::string unescape_html(std::string text) {
  for (auto [entity, plain] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
    for (auto pos = text.find(entity); pos != std::string::npos;
         pos = text.find(entity, pos + plain.size()))
      text.replace(pos, entity.size(), plain);
  return text;
}

RunResult ok(const std::vector<std::string>& args) {
  RunResult r = run_parplan(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

}  // namespace

TEST_CASE("report --sections: the sections asked for, in the order given, in md and html") {
  for (const char* lang : {"en", "vi"}) {
    INFO(lang);
    std::vector<std::string> args = {"report",  "--plan",     "data",
                                     "--month", "6",          "--lang",
                                     lang,      "--sections", "overdue,summary,finished"};
    std::string md = ok(args).out;
    args.insert(args.end(), {"--format", "html"});
    std::string html = ok(args).out;
    std::vector<std::string> md_headings = matches(md, "\n## ([^\n]*)\n");
    std::vector<std::string> html_headings;
    for (const std::string& h : matches(html, "<h2>([^<]*)</h2>"))
      html_headings.push_back(unescape_html(h));
    CHECK(md_headings == html_headings);
    CHECK(matches(html, "<section id=\"([^\"]+)\">") ==
          std::vector<std::string>{"overdue", "summary", "finished"});
    if (std::string(lang) == "en")
      CHECK(md_headings ==
            std::vector<std::string>{"Overdue (3)", "Summary", "Finished this month (June 2024)"});
  }
}

TEST_CASE("report: every section of the Markdown report is in the HTML report, same words") {
  for (const char* lang : {"en", "vi"}) {
    INFO(lang);
    std::string md = ok({"report", "--plan", "data", "--month", "6", "--lang", lang}).out;
    std::string html =
        ok({"report", "--plan", "data", "--month", "6", "--lang", lang, "--format", "html"}).out;
    std::vector<std::string> html_headings;
    for (const std::string& h : matches(html, "<h2>([^<]*)</h2>"))
      html_headings.push_back(unescape_html(h));
    CHECK(matches(md, "\n## ([^\n]*)\n") == html_headings);
    CHECK(html_headings.size() == 13 - 1);  // all but changes (no --since)
    CHECK(html.find("<html lang=\"" + std::string(lang) + "\">") != std::string::npos);
  }
}

TEST_CASE("report --no-gantt leaves the chart out of both formats") {
  std::string md = ok({"report", "--plan", "data", "--month", "6", "--no-gantt"}).out;
  CHECK(md.find("```mermaid") == std::string::npos);
  std::string html =
      ok({"report", "--plan", "data", "--month", "6", "--no-gantt", "--format", "html"}).out;
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("<section id=\"summary\">") != std::string::npos);
  std::string only = ok({"report", "--plan", "data", "--month", "6", "--sections", "gantt,due",
                         "--no-gantt", "--lang", "en"})
                         .out;
  CHECK(matches(only, "\n## ([^\n]*)\n") == std::vector<std::string>{"Due in June 2024 (2)"});
}

TEST_CASE("report --sections: unknown, repeated, or changes without --since is exit 2") {
  RunResult unknown = run_parplan({"report", "--plan", "data", "--sections", "summary,gant"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("gant") != std::string::npos);
  CHECK(unknown.out.empty());
  RunResult twice = run_parplan({"report", "--plan", "data", "--sections", "due,summary,due"});
  CHECK(twice.exit_code == 2);
  CHECK(twice.err == "parplan: error: --sections names 'due' twice\n");
  RunResult changes = run_parplan({"report", "--plan", "data", "--sections", "changes"});
  CHECK(changes.exit_code == 2);
  CHECK(changes.err ==
        "parplan: error: --sections changes needs --since REV (the changes since what?)\n");
}

TEST_CASE("report: in progress lists in-progress work with progress, finished, this month's") {
  std::string md = ok({"report", "--plan", "tests/fixtures/report-progress", "--month", "2",
                       "--lang", "en", "--sections", "in-progress,finished"})
                       .out;
  CHECK(md.substr(md.find("## In progress")) ==
        "## In progress\n\n"
        "| ID | Start | End | Lead | Progress | Activity |\n"
        "| --- | ---: | ---: | --- | ---: | --- |\n"
        "| A.1.2 | 3 | 4 | Sở Tư pháp | 50% | Quá hạn hai tháng, đang làm |\n"
        "| A.1.5 | 5 | 7 | Sở Nội vụ; Sở Tư pháp | 30% | Sắp đến hạn |\n\n"
        "## Finished this month (February 2024)\n\n"
        "| ID | End | Lead | Activity |\n"
        "| --- | ---: | --- | --- |\n"
        "| A.1.3 | 2 | Sở Nội vụ | Đã xong |\n");
}

TEST_CASE("report --format html: deterministic, and -o writes what stdout gets") {
  TempDir dir;
  std::vector<std::string> args = {
      "report", "--plan", "tests/fixtures/outputs-hostile", "--month", "6", "--format", "html"};
  std::string first = ok(args).out;
  CHECK(ok(args).out == first);
  args.insert(args.end(), {"-o", dir.str() + "/r.html"});
  CHECK(ok(args).out.empty());
  CHECK(read_file(dir.str() + "/r.html") == first);
  // Plan text is escaped everywhere it appears.
  CHECK(first.find("<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;onload=x&#39; &amp; Kế "
                   "hoạch") != std::string::npos);
  CHECK(first.find("<script") == std::string::npos);
  CHECK(first.find("<img") == std::string::npos);
}

TEST_CASE("list and due: -o writes any format atomically, xlsx goes to a file or a pipe") {
  TempDir dir;
  for (const char* format : {"json", "csv", "ics", "text"}) {
    INFO(format);
    std::string piped = ok({"list", "--plan", "data", "--format", format}).out;
    std::string path = dir.str() + "/list." + format;
    CHECK(ok({"list", "--plan", "data", "--format", format, "-o", path}).out.empty());
    CHECK(read_file(path) == piped);
    std::string due = ok({"due", "--plan", "data", "--month", "6", "--format", format}).out;
    CHECK(
        ok({"due", "--plan", "data", "--month", "6", "--format", format, "-o", path}).out.empty());
    CHECK(read_file(path) == due);
  }
  std::string xlsx = ok({"list", "--plan", "data", "--format", "xlsx"}).out;
  CHECK(xlsx.substr(0, 4) == std::string("PK\x03\x04", 4));
  CHECK(
      ok({"list", "--plan", "data", "--format", "xlsx", "-o", dir.str() + "/p.xlsx"}).out.empty());
  CHECK(read_file(dir.str() + "/p.xlsx") == xlsx);
  RunResult missing =
      run_parplan({"due", "--plan", "data", "--format", "xlsx", "-o", dir.str() + "/no/such.xlsx"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find(dir.str() + "/no/such.xlsx") != std::string::npos);
}

TEST_CASE("list --format xlsx refuses a terminal") {
  RunResult has_script = run_program({"sh", "-c", "command -v script"});
  if (has_script.exit_code != 0) return;  // util-linux is part of every Debian system
  TempDir dir;
  // script(1) gives parplan a pseudo-terminal as stdout; its log goes to a temp file.
  RunResult r = run_program(
      {"script", "-qec",
       std::string(PARPLAN_BINARY) + " list --plan " + source_path("data") + " --format xlsx",
       dir.str() + "/typescript"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("will not write a binary xlsx file to the terminal; use -o FILE or redirect "
                   "stdout") != std::string::npos);
}

TEST_CASE("report: the example HTML report is that of the shipped plan at month 6") {
  std::string html =
      ok({"report", "--plan", "data", "--month", "6", "--lang", "vi", "--format", "html"}).out;
  INFO(
      "regenerate with: build/parplan report --plan data --month 6 --lang vi --format html -o "
      "examples/reports/2024-06.vi.html");
  CHECK(html == read_file(source_path("examples/reports/2024-06.vi.html")));
}
