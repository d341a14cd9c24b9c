#pragma once

#include <string>

#include "table.hpp"
#include "zip_archive.hpp"

namespace parplan::import {

// Every table of word/document.xml, in document order, with gridSpan, vMerge and hMerge resolved
// (a vertically merged cell's text is repeated in each row it covers), plus the first 200
// paragraphs outside tables (where the title and year are). Throws parplan::Error when the document
// cannot be read.
Document read_docx(ZipArchive& zip, const std::string& label);
// The same from the XML of word/document.xml (the fuzzer's entry point).
Document read_docx_xml(std::string xml, const std::string& label);

}  // namespace parplan::import
