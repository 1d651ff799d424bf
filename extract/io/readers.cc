#include "extract/io/readers.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "extract/io/html.h"
#include "extract/io/jsonl.h"
#include "extract/lexicon.h"

namespace tkg {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return EqualsIgnoreCase(std::string_view(s).substr(s.size() - suffix.size()), suffix);
}

std::string Stem(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

Status ReadJsonl(std::istream& in, const std::string& name, const ReadOptions& options,
                 const std::function<Status(ReadItem)>& fn) {
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (TrimSpace(line).empty()) continue;  // blank lines are not documents
    ReadItem item{ParseInputLine(line, options.default_date), line_no, ""};
    if (item.doc.ok()) {
      if (item.doc->meta.source.empty()) item.doc->meta.source = options.default_source;
      item.id = item.doc->meta.id;
    } else {
      item.id = PeekId(line);
    }
    TKG_RETURN_IF_ERROR(fn(std::move(item)));
  }
  if (in.bad()) return Status::IoError(name + ": read error after line " + std::to_string(line_no));
  return Status();
}

}  // namespace

InputFormat DetectFormat(const std::string& path) {
  if (path == "-" || EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson") ||
      EndsWith(path, ".json")) {
    return InputFormat::kJsonl;
  }
  if (EndsWith(path, ".html") || EndsWith(path, ".htm")) return InputFormat::kHtml;
  return InputFormat::kText;
}

Status ForEachDocument(const std::string& path, const ReadOptions& options,
                       const std::function<Status(ReadItem)>& fn) {
  if (!options.default_date.empty()) {
    auto d = ParseIsoDay(options.default_date);
    if (!d.ok()) return d.status();
  }
  InputFormat format = options.format == InputFormat::kAuto ? DetectFormat(path) : options.format;
  if (format == InputFormat::kJsonl) {
    if (path == "-") return ReadJsonl(std::cin, "<stdin>", options, fn);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      if (errno == ENOENT) return Status::NotFound("no such file: " + path);
      return Status::IoError(path + ": " + std::strerror(errno));
    }
    return ReadJsonl(in, path, options, fn);
  }
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    TKG_RETURN_IF_ERROR(ReadFile(path, &text));
  }
  std::string name = path == "-" ? "<stdin>" : path;
  if (format == InputFormat::kHtml) {
    auto page = HtmlToText(text, name);
    if (!page.ok()) return page.status();
    DocumentInput doc;
    doc.meta.id = !options.id.empty() ? options.id : path == "-" ? "stdin" : Stem(path);
    doc.meta.title = std::move(page->title);
    doc.meta.url = std::move(page->url);
    doc.meta.source = !page->source.empty() ? std::move(page->source) : options.default_source;
    // The page's date (HtmlToText keeps only valid ones), else --date.
    const std::string date = !page->date.empty() ? page->date : options.default_date;
    if (!date.empty()) {
      doc.meta.dct = *ParseIsoDay(date);
      doc.meta.date_text = date;
    }
    doc.text = std::move(page->text);
    if (options.html_text_field) doc.extra_json = nlohmann::json{{"text", doc.text}}.dump();
    std::string id = doc.meta.id;
    return fn(ReadItem{std::move(doc), 0, std::move(id)});
  }
  if (auto bad = FindInvalidUtf8(text)) {
    return Status::InvalidArgument(name + ": invalid UTF-8 at byte " + std::to_string(*bad) + " (" +
                                   DescribePosition(text, *bad) + ")");
  }
  DocumentInput doc;
  doc.meta.id = !options.id.empty() ? options.id : path == "-" ? "stdin" : Stem(path);
  doc.meta.source = options.default_source;
  if (!options.default_date.empty()) {
    doc.meta.dct = *ParseIsoDay(options.default_date);
    doc.meta.date_text = options.default_date;
  }
  doc.text = std::move(text);
  std::string id = doc.meta.id;
  return fn(ReadItem{std::move(doc), 0, std::move(id)});
}

}  // namespace tkg
