#include "extract/syntax/conllu.h"

#include <charconv>
#include <fstream>

namespace tkg::syntax {
namespace {

// Splits a line into its ten tab-separated columns; false if it has not ten.
bool SplitColumns(std::string_view line, std::string_view* cols) {
  std::size_t n = 0, b = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      if (n == 10) return false;
      cols[n++] = line.substr(b, i - b);
      b = i + 1;
    }
  }
  return n == 10;
}

std::string Field(std::string_view v) { return v == "_" ? std::string() : std::string(v); }

}  // namespace

std::string ConlluSentence::Text() const {
  constexpr std::string_view kText = "# text = ";
  for (const std::string& l : lines) {
    if (l.starts_with(kText)) return l.substr(kText.size());
  }
  return {};
}

Result<bool> ConlluReader::Next(ConlluSentence* s) {
  s->lines.clear();
  s->word_line.clear();
  s->words.clear();
  std::string line;
  while (std::getline(*in_, line)) {
    ++line_no_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (s->lines.empty()) continue;
      return CheckHeads(*s);
    }
    if (s->lines.empty()) s->first_line = line_no_;
    auto where = [&]() { return name_ + ":" + std::to_string(line_no_) + ": "; };
    if (line[0] != '#') {
      std::string_view cols[10];
      if (!SplitColumns(line, cols)) {
        return Status::InvalidArgument(where() +
                                       "a CoNLL-U word line has 10 tab-separated columns");
      }
      std::string_view id = cols[0];
      bool range = id.find('-') != std::string_view::npos;
      bool empty_node = id.find('.') != std::string_view::npos;
      if (!range && !empty_node) {
        int idn = 0;
        auto r = std::from_chars(id.data(), id.data() + id.size(), idn);
        if (r.ec != std::errc() || r.ptr != id.data() + id.size() ||
            idn != static_cast<int>(s->words.size()) + 1) {
          return Status::InvalidArgument(where() + "word id '" + std::string(id) +
                                         "' out of sequence");
        }
        ConlluWord w;
        w.form = std::string(cols[1]);
        w.lemma = Field(cols[2]);
        w.upos = Field(cols[3]);
        w.xpos = Field(cols[4]);
        w.feats = Field(cols[5]);
        if (cols[6] != "_") {
          int h = 0;
          auto hr = std::from_chars(cols[6].data(), cols[6].data() + cols[6].size(), h);
          if (hr.ec != std::errc() || hr.ptr != cols[6].data() + cols[6].size() || h < 0) {
            return Status::InvalidArgument(where() + "bad HEAD '" + std::string(cols[6]) + "'");
          }
          w.head = h;
        }
        w.deprel = Field(cols[7]);
        s->word_line.push_back(static_cast<std::uint32_t>(s->lines.size()));
        s->words.push_back(std::move(w));
      }
    }
    s->lines.push_back(std::move(line));
  }
  if (in_->bad()) return Status::IoError(name_ + ": read error");
  if (s->lines.empty()) return false;
  return CheckHeads(*s);
}

Result<bool> ConlluReader::CheckHeads(const ConlluSentence& s) const {
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    if (s.words[i].head > static_cast<int>(s.words.size())) {
      return Status::InvalidArgument(name_ + ":" + std::to_string(s.first_line + s.word_line[i]) +
                                     ": HEAD beyond the sentence");
    }
  }
  return true;
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  ConlluReader reader(&in, path);
  std::vector<ConlluSentence> out;
  for (;;) {
    ConlluSentence s;
    TKG_ASSIGN_OR_RETURN(bool more, reader.Next(&s));
    if (!more) break;
    out.push_back(std::move(s));
  }
  return out;
}

void WriteConllu(const ConlluSentence& s, std::ostream& out) {
  auto put = [&](const std::string& v) { out << (v.empty() ? "_" : v); };
  std::size_t wi = 0;
  for (std::size_t li = 0; li < s.lines.size(); ++li) {
    if (wi < s.word_line.size() && s.word_line[wi] == li) {
      const ConlluWord& w = s.words[wi];
      std::string_view cols[10];
      SplitColumns(s.lines[li], cols);
      out << cols[0] << '\t' << cols[1] << '\t';
      put(w.lemma);
      out << '\t';
      put(w.upos);
      out << '\t';
      put(w.xpos);
      out << '\t';
      put(w.feats);
      out << '\t';
      if (w.head < 0) {
        out << '_';
      } else {
        out << w.head;
      }
      out << '\t';
      put(w.deprel);
      out << '\t' << cols[8] << '\t' << cols[9] << '\n';
      ++wi;
    } else {
      out << s.lines[li] << '\n';
    }
  }
  out << '\n';
}

}  // namespace tkg::syntax
