// The report as GitHub-flavoured Markdown, with the timeline as a Mermaid gantt chart.

#include <fmt/format.h>

#include "parplan/markdown.hpp"
#include "parplan/mermaid.hpp"
#include "parplan/report.hpp"
#include "parplan/unicode.hpp"

namespace parplan {

namespace {

constexpr std::size_t section_width = 40;

std::string paragraph(const report::Paragraph& spans) {
  std::string out;
  for (const report::Span& span : spans)
    out += span.code ? "`" + span.text + "`" : markdown::escape(span.text);
  return out + "\n\n";
}

mermaid::TaskState task_state(report::BarState state) {
  switch (state) {
    case report::BarState::overdue:
      return mermaid::TaskState::crit;
    case report::BarState::done:
    case report::BarState::cancelled:
      return mermaid::TaskState::done;
    case report::BarState::in_progress:
      return mermaid::TaskState::active;
    case report::BarState::planned:
      return mermaid::TaskState::normal;
  }
  return mermaid::TaskState::normal;
}

std::string gantt(const report::Timeline& timeline, const i18n::Catalog& tr) {
  std::vector<mermaid::Section> sections;
  for (const report::BarGroup& group : timeline.groups) {
    mermaid::Section section{mermaid::shorten(group.name, section_width), {}};
    for (const report::Bar& bar : group.bars) {
      mermaid::Task task{mermaid::task_label(bar.id, bar.title), bar.id, task_state(bar.state),
                         bar.start, bar.end};
      if (bar.state == report::BarState::cancelled)
        task.label += " (" + std::string(tr.text("status.cancelled")) + ")";
      section.tasks.push_back(std::move(task));
    }
    sections.push_back(std::move(section));
  }
  return mermaid::gantt(
      sections, mermaid::Milestone{std::string(tr.text("gantt.as_of")),
                                   unicode::capitalize(tr.month(timeline.as_of)), timeline.as_of});
}

}  // namespace

std::string render_markdown(const report::Document& document) {
  const i18n::Catalog tr(document.language);
  std::string out = "# " + markdown::escape(document.title) + "\n\n";
  for (const report::Paragraph& p : document.intro) out += paragraph(p);
  for (const report::Section& section : document.sections) {
    out += "## " + markdown::escape(section.heading) + "\n\n";
    for (const report::Block& block : section.blocks) {
      if (const auto* p = std::get_if<report::Paragraph>(&block)) out += paragraph(*p);
      if (const auto* t = std::get_if<report::Table>(&block))
        out += markdown::table(t->header, t->rows, t->right) + "\n";
      if (const auto* timeline = std::get_if<report::Timeline>(&block))
        out += gantt(*timeline, tr) + "\n";
      if (const auto* md = std::get_if<report::Markdown>(&block)) out += md->text + "\n\n";
    }
  }
  // One newline at the end, however the last section ended.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

}  // namespace parplan
