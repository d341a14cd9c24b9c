// import_appendix: which reader, which year and title, then the plan files.
#include "parplan/import.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "cell_rules.hpp"
#include "csv_reader.hpp"
#include "docx_reader.hpp"
#include "owner_registry.hpp"
#include "parplan/error.hpp"
#include "pipeline.hpp"
#include "plan_builder.hpp"
#include "recognise.hpp"
#include "xlsx_reader.hpp"
#include "yaml_writer.hpp"

namespace parplan {

using namespace import;

namespace {

std::string lower_extension(const std::string& label) {
  std::string ext = std::filesystem::path(label).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// The reader for `bytes`, chosen by content; the formats import cannot read are refused here
// with what to do instead.
Document read_document(const std::string& label, std::string_view bytes,
                       const ImportOptions& options) {
  std::string ext = lower_extension(label);
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    // An OLE2 compound file: Word 97-2003, Excel 97-2003, or an encrypted .docx/.xlsx, whose
    // directory names the "EncryptedPackage" stream (in UTF-16).
    static const std::string encrypted("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    if (bytes.find(encrypted) != std::string_view::npos)
      throw Error(fmt::format(
          "{}: the file is password-protected; open it, remove the password (File > Info > "
          "Protect) and save it again",
          label));
    const char* as = ext == ".xls"   ? ".xlsx (Excel Workbook)"
                     : ext == ".doc" ? ".docx (Word Document)"
                                     : ".docx or .xlsx";
    throw Error(fmt::format(
        "{}: an old binary Word/Excel 97-2003 file, which import cannot read; open it in Word or "
        "Excel (or LibreOffice) and save it as {}",
        label, as));
  }
  if (bytes.starts_with("%PDF"))
    throw Error(fmt::format(
        "{}: a PDF, which keeps no table structure to import; ask for the Word or Excel "
        "original, or convert the PDF to .docx (Word opens PDFs) and check the table",
        label));
  if (bytes.starts_with("{\\rtf"))
    throw Error(fmt::format("{}: an RTF file; open it in Word and save it as .docx", label));
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) {
    ZipArchive zip(bytes, label);
    if (zip.contains("word/document.xml")) return read_docx(zip, label);
    if (zip.contains("xl/workbook.xml")) return read_xlsx(zip, label, options.sheet);
    if (zip.contains("mimetype"))
      throw Error(fmt::format(
          "{}: an OpenDocument file (.odt/.ods); open it in LibreOffice and save it as .docx or "
          ".xlsx",
          label));
    throw Error(
        fmt::format("{}: a zip archive but neither a Word nor an Excel file; give the "
                    ".docx, .xlsx or .csv of the appendix",
                    label));
  }
  if (ext == ".docx" || ext == ".xlsx" || ext == ".doc" || ext == ".xls")
    throw Error(fmt::format(
        "{}: the file is damaged (it is not a zip archive, as {} files are); open it in Word "
        "or Excel (or LibreOffice) and save it again",
        label, ext));
  if (bytes.substr(0, 4096).find('\0') != std::string_view::npos &&
      !bytes.starts_with("\xFF\xFE") && !bytes.starts_with("\xFE\xFF"))
    throw Error(fmt::format(
        "{}: a binary file, not .docx, .xlsx or .csv; give the Word, Excel or CSV appendix",
        label));
  return read_csv(bytes, label);
}

// "năm 2024" in the text, as a plan's title says its year.
std::optional<int> year_in_title(const std::string& text) {
  std::string key = match_key(text);
  for (auto pos = key.find("nam "); pos != std::string::npos; pos = key.find("nam ", pos + 1)) {
    bool word_start = pos == 0 || key[pos - 1] == ' ';
    std::vector<int> years = years_in(key.substr(pos + 4, 4));
    if (word_start && !years.empty() &&
        (pos + 8 == key.size() || !std::isdigit(static_cast<unsigned char>(key[pos + 8]))))
      return years.front();
  }
  return std::nullopt;
}

int plan_year(const ImportOptions& options, const std::string& title, const Appendix& appendix,
              const std::string& label) {
  if (options.year) return *options.year;
  if (auto y = year_in_title(title)) return *y;
  for (const std::string& line : appendix.preamble)
    if (auto y = year_in_title(line)) return *y;
  // The year most time cells name.
  std::map<int, int> counts;
  for (const SourceRow& r : appendix.rows)
    for (Role role : {Role::start, Role::end, Role::time})
      for (int y : years_in(r.text(role))) ++counts[y];
  auto best = std::max_element(counts.begin(), counts.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  if (best != counts.end()) return best->first;
  throw Error(fmt::format(
      "{}: cannot tell the plan's year (no \"năm YYYY\" in the title, no year in the time "
      "cells); give it with --year YYYY",
      label));
}

std::string plan_title(const ImportOptions& options, const Appendix& appendix) {
  if (!options.title.empty()) return options.title;
  for (std::size_t i = 0; i < appendix.preamble.size(); ++i) {
    std::string key = match_key(appendix.preamble[i]);
    if (!key.starts_with("ke hoach")) continue;
    std::string line = appendix.preamble[i];
    std::replace(line.begin(), line.end(), '\n', ' ');
    // "KẾ HOẠCH" on a line of its own, the subject on the next: "Kế hoạch cải cách …".
    if (key == "ke hoach" && i + 1 < appendix.preamble.size()) {
      const std::string& subject = appendix.preamble[i + 1];
      utf8proc_int32_t cp = 0;
      auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(subject.data()),
                                  static_cast<utf8proc_ssize_t>(subject.size()), &cp);
      if (len <= 0) return line;
      utf8proc_uint8_t lower[4];
      auto n = utf8proc_encode_char(utf8proc_tolower(cp), lower);
      line = "Kế hoạch " +
             std::string(reinterpret_cast<const char*>(lower), static_cast<std::size_t>(n)) +
             subject.substr(static_cast<std::size_t>(len));
    }
    std::replace(line.begin(), line.end(), '\n', ' ');
    return line;
  }
  return "";
}

}  // namespace

ImportResult import_appendix(const std::string& label, std::string_view bytes,
                             const ImportOptions& options) {
  return import::import_document(read_document(label, bytes, options), label, options);
}

ImportResult import::import_document(const Document& doc, const std::string& label,
                                     const ImportOptions& options) {
  Appendix appendix = recognise(doc, label);
  std::vector<Warning> warnings = appendix.warnings;

  std::string file_name = std::filesystem::path(label).filename().string();
  std::string title = plan_title(options, appendix);
  bool titled = !title.empty();
  if (!titled) title = std::filesystem::path(label).stem().string();
  int year = plan_year(options, title, appendix, label);

  OwnerRegistry owners(options.owners);
  BuiltPlan built = build_plan(appendix, year, owners);
  warnings.insert(warnings.end(), built.warnings.begin(), built.warnings.end());

  ImportResult result;
  if (!titled)
    result.warnings.push_back(fmt::format(
        "{}: warning: no \"KẾ HOẠCH …\" line before the table; the plan is titled '{}' (give "
        "--title)",
        label, title));
  for (const Warning& w : warnings)
    result.warnings.push_back(fmt::format("{}:{}: warning: {}", label,
                                          cell_location(doc, w.table, w.row, w.column), w.message));

  PlanInfo info;
  info.title = title;
  info.year = year;
  info.language = "vi";
  info.id = options.plan_id;
  if (info.id.empty()) info.id = ascii_slug(title, 60);
  if (info.id.empty()) info.id = "plan";

  std::string source = appendix.tables.empty() ? file_name : file_name + ", " + appendix.tables;
  const std::string check = "Check it by hand before use: docs/import.md says what to look at.";
  result.files.push_back(
      {"plan.yaml",
       plan_yaml(info, owners.used(),
                 fmt::format("Imported by parplan import from {}.\n{}", source, check))});
  int width = built.fields.size() >= 100 ? 3 : 2;
  for (std::size_t i = 0; i < built.fields.size(); ++i) {
    const Field& field = built.fields[i];
    std::string slug = ascii_slug(field.title, 40);
    if (slug.empty()) slug = "linh-vuc";
    std::string name = fmt::format("{:0{}}-{}.yaml", i + 1, width, slug);
    result.files.push_back(
        {name, field_yaml(field, year,
                          fmt::format("Field {} imported by parplan import from {}.\n{}", field.id,
                                      source, check))});
    result.tasks += field.tasks.size();
    for (const Task& t : field.tasks) result.activities += t.activities.size();
  }
  result.fields = built.fields.size();
  result.owners = owners.used().size();
  return result;
}

}  // namespace parplan
