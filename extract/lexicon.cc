#include "extract/lexicon.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/text.h"

namespace tkg {

Status ReadFile(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    if (err == ENOENT) return Status::NotFound("no such file: " + path);
    return Status::IoError(path + ": " + std::strerror(err));
  }
  out->clear();
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out->append(buf, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IoError(path + ": read error");
  return Status();
}

Result<Lexicon> Lexicon::Load(const std::string& path, std::size_t min_fields) {
  std::string text;
  TKG_RETURN_IF_ERROR(ReadFile(path, &text));
  return Parse(path, text, min_fields);
}

Result<Lexicon> Lexicon::Parse(std::string_view name, std::string_view text,
                               std::size_t min_fields) {
  Lexicon lex;
  lex.name_ = std::string(name);
  if (auto bad = FindInvalidUtf8(text)) {
    return Status::InvalidArgument(lex.name_ + ": invalid UTF-8 at byte " + std::to_string(*bad));
  }
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = TrimSpace(line);
    if (trimmed.empty() || trimmed[0] == '#') {
      if (eol == text.size()) break;
      continue;
    }
    LexiconEntry e;
    e.line = line_no;
    std::size_t start = 0;
    std::vector<std::string_view> cols;
    while (true) {
      std::size_t tab = line.find('\t', start);
      cols.push_back(
          line.substr(start, tab == std::string_view::npos ? line.size() - start : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    e.surface = std::string(TrimSpace(cols[0]));
    e.key = Fold(e.surface);
    if (e.key.empty()) {
      return Status::InvalidArgument(lex.name_ + ":" + std::to_string(line_no) + ": empty key");
    }
    for (std::size_t i = 1; i < cols.size(); ++i) e.fields.emplace_back(TrimSpace(cols[i]));
    if (e.fields.size() < min_fields) {
      return Status::InvalidArgument(
          lex.name_ + ":" + std::to_string(line_no) + ": expected " + std::to_string(min_fields) +
          " tab-separated field(s) after '" + std::string(cols[0]) + "'");
    }
    if (lex.index_.count(e.key) != 0) {
      return Status::InvalidArgument(
          lex.name_ + ":" + std::to_string(line_no) + ": duplicate key '" + e.key +
          "' (first on line " + std::to_string(lex.entries_[lex.index_.find(e.key)->second].line) +
          ")");
    }
    std::size_t words = 1;
    for (char c : e.key) words += c == ' ' ? 1 : 0;
    if (words > lex.max_words_) lex.max_words_ = words;
    lex.index_.emplace(e.key, lex.entries_.size());
    lex.entries_.push_back(std::move(e));
    if (eol == text.size()) break;
  }
  return lex;
}

const LexiconEntry* Lexicon::Find(std::string_view folded_key) const {
  auto it = index_.find(folded_key);
  return it == index_.end() ? nullptr : &entries_[it->second];
}

}  // namespace tkg
