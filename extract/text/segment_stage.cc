#include "extract/text/segment_stage.h"

#include <algorithm>
#include <string>

#include "core/text.h"

namespace tkg {
namespace {

bool IsTerminal(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6" ||
         (t.size() > 1 && (t[0] == '!' || t[0] == '?'));
}

bool IsCloser(const Token& tok, std::string_view t) {
  return (tok.kind == TokenKind::kQuote && tok.Has(kTokCloseQuote)) || t == ")" || t == "]";
}

bool StartsSentence(const Token& tok, std::string_view t) {
  if (tok.kind == TokenKind::kQuote) return tok.Has(kTokOpenQuote);
  if (t == "(" || t == "[") return true;
  if (tok.kind == TokenKind::kNumber) return true;
  return tok.Has(kTokCapitalized);
}

// A mark that opens a line of its own after a sentence: a footnote sign, a
// bullet or a dash ("(1).\n∗ Institut ...", "done.\n- Next item").
bool IsLineMarker(const Token& tok, std::string_view t) {
  if (!tok.Has(kTokNewlineBefore)) return false;
  if (tok.kind == TokenKind::kSymbol) return true;
  return tok.kind == TokenKind::kPunct &&
         (t == "-" || t == "--" || t == "*" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94" ||
          t == "\xE2\x80\xA2" || t == "\xC2\xB7");
}

}  // namespace

Status SegmentStage::Run(Document* doc) const {
  std::vector<Token>* tokens = doc->mutable_tokens();
  std::vector<Sentence>* sentences = doc->mutable_sentences();
  tokens->clear();
  sentences->clear();
  tokens->reserve(doc->text().size() / 5);
  const auto& zones = doc->zones();
  struct Range {
    std::uint32_t zone, first, end;
  };
  std::vector<Range> ranges;
  for (std::uint32_t zi = 0; zi < zones.size(); ++zi) {
    if (zones[zi].kind == ZoneKind::kBoilerplate) continue;
    auto first = static_cast<std::uint32_t>(tokens->size());
    tokenizer_.Tokenize(doc->text(), zones[zi].span, /*paragraph_start=*/true, tokens);
    auto end = static_cast<std::uint32_t>(tokens->size());
    if (end > first) ranges.push_back(Range{zi, first, end});
  }
  // Folded forms of all tokens, in one arena. ASCII tokens (almost all) are
  // lower-cased in place; others go through Fold().
  std::string arena;
  arena.reserve(doc->text().size());
  std::vector<std::uint32_t> offsets;
  offsets.reserve(tokens->size() + 1);
  for (std::size_t i = 0; i < tokens->size(); ++i) {
    offsets.push_back(static_cast<std::uint32_t>(arena.size()));
    std::string_view t = doc->TokenText(i);
    bool ascii = true;
    for (char c : t) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
      for (char c : t) arena.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else {
      AppendFold(t, &arena);
    }
  }
  offsets.push_back(static_cast<std::uint32_t>(arena.size()));
  std::vector<std::uint32_t> ids(tokens->size());
  for (std::size_t i = 0; i < tokens->size(); ++i) {
    ids[i] = res_->WordId(std::string_view(arena).substr(offsets[i], offsets[i + 1] - offsets[i]));
  }
  doc->SetFolded(std::move(arena), std::move(offsets));
  doc->SetWordIds(std::move(ids));
  Surnames surnames;
  for (const Range& r : ranges) {
    // A sources-list line: the cited title is a sentence of its own, apart
    // from its publisher and date ("“..., say feds” — The Canadian Press,
    // August 15, 2008").
    std::uint32_t title_end = r.first;
    if (zones[r.zone].kind == ZoneKind::kCitation) {
      const std::vector<Token>& toks = *tokens;
      for (std::uint32_t k = r.first + 1; k + 1 < r.end; ++k) {
        std::string_view next = doc->TokenText(k + 1);
        if (toks[k].kind == TokenKind::kQuote && toks[k].Has(kTokCloseQuote) &&
            (next == "-" || next == "\xE2\x80\x94" || next == "\xE2\x80\x93")) {
          title_end = k + 1;
          break;
        }
      }
    }
    if (title_end > r.first) {
      SplitSentences(*doc, r.zone, r.first, title_end, &surnames, sentences);
      SplitSentences(*doc, r.zone, title_end, r.end, &surnames, sentences);
    } else {
      SplitSentences(*doc, r.zone, r.first, r.end, &surnames, sentences);
    }
  }
  return Status();
}

// The word at j, capitalised and followed by a lower-case word, is the
// surname of a person named in full earlier in the document (a given name
// right before it): "... in the U.S. Jobs also noted that ...", after "Steve
// Jobs". (Not "the U.S. Army said": no given name before "Army".)
bool SegmentStage::KnownSurnameOpens(const Document& doc, std::uint32_t j, std::uint32_t end,
                                     Surnames* surnames) const {
  const auto& toks = doc.tokens();
  if (j + 1 >= end || toks[j].kind != TokenKind::kWord || !toks[j].Has(kTokCapitalized) ||
      toks[j + 1].kind != TokenKind::kWord || toks[j + 1].Has(kTokCapitalized)) {
    return false;
  }
  if (!surnames->built) {
    surnames->built = true;
    for (std::uint32_t k = 1; k < toks.size(); ++k) {
      if (toks[k].kind == TokenKind::kWord && toks[k].Has(kTokCapitalized) &&
          toks[k - 1].Has(kTokCapitalized) &&
          res_->Entry(res_->first_names, doc, k - 1) != nullptr) {
        surnames->at[doc.TokenText(k)].push_back(k);
      }
    }
  }
  auto it = surnames->at.find(doc.TokenText(j));
  if (it == surnames->at.end()) return false;
  // One within the 3,000 tokens before.
  constexpr std::uint32_t kLookBack = 3000;
  const std::uint32_t lo = j > kLookBack ? j - kLookBack : 1;
  auto p = std::lower_bound(it->second.begin(), it->second.end(), lo);
  return p != it->second.end() && *p < j;
}

void SegmentStage::SplitSentences(const Document& doc, std::uint32_t zone, std::uint32_t first,
                                  std::uint32_t end, Surnames* surnames,
                                  std::vector<Sentence>* out) const {
  const std::vector<Token>& toks = doc.tokens();
  auto push = [&](std::uint32_t b, std::uint32_t e) {
    if (e <= b) return;
    Sentence s;
    s.span = Span{toks[b].span.begin, toks[e - 1].span.end};
    s.first_token = b;
    s.end_token = e;
    s.zone = zone;
    out->push_back(s);
  };

  // Hard-wrapped text (a paper or an essay cut into lines of 70 to 100
  // characters): a third or more of its line breaks come before a lower-case
  // word, inside a sentence. There a line break without a period ends a
  // sentence only after a short line (a heading, a page header, a line of
  // verse), not after a full one ("... by the trumpets of the Last\nJudgment.").
  std::uint32_t breaks = 0, lower_breaks = 0, width = 0;
  std::uint32_t line_begin = toks[first].span.begin;
  for (std::uint32_t k = first + 1; k < end; ++k) {
    if (!toks[k].Has(kTokNewlineBefore)) continue;
    ++breaks;
    if (toks[k].kind == TokenKind::kWord && !toks[k].Has(kTokCapitalized)) ++lower_breaks;
    width = std::max(width, toks[k - 1].span.end - line_begin);
    line_begin = toks[k].span.begin;
  }
  const bool wrapped = lower_breaks >= 2 && lower_breaks * 3 >= breaks;

  std::uint32_t start = first;
  for (std::uint32_t i = first; i + 1 < end; ++i) {
    const Token& t = toks[i];
    std::string_view tt = doc.TokenText(i);
    std::uint32_t boundary = 0;  // index of the last token of the sentence, +1
    const LexiconEntry* abbr =
        t.Has(kTokAbbreviation) ? res_->Entry(res_->abbreviations, doc, i) : nullptr;
    // "No." abbreviates "number" only before one ("No. 2", "the No. 2
    // Republican"); elsewhere it is the word "no" ending a sentence ("No. Not
    // really.").
    bool word_no =
        abbr != nullptr && abbr->fields[0] == "number" && toks[i + 1].kind != TokenKind::kNumber;
    if ((t.kind == TokenKind::kPunct && IsTerminal(tt)) || word_no) {
      std::uint32_t j = i + 1;
      for (;;) {
        while (j < end && IsCloser(toks[j], doc.TokenText(j))) ++j;
        // Citation markers belong to the sentence they close, glued to the
        // period or after a space: "... Bao Jingyan.[45][46] Zhuangzi ...",
        // "... in Dulwich. [17] Placed ...".
        if (j + 2 < end && doc.TokenText(j) == "[" && !toks[j].Has(kTokNewlineBefore) &&
            toks[j + 1].kind == TokenKind::kNumber && doc.TokenText(j + 2) == "]") {
          j += 3;
          continue;
        }
        // So does a footnote number glued to the period: "... abbreviation
        // marker.1 Sentence boundary detection ...".
        if (j + 1 < end && toks[j].kind == TokenKind::kNumber && !toks[j].Has(kTokSpaceBefore) &&
            doc.TokenText(j).size() <= 3 && toks[j + 1].Has(kTokSpaceBefore) &&
            toks[j + 1].Has(kTokCapitalized)) {
          ++j;
          continue;
        }
        break;
      }
      if (j < end &&
          (StartsSentence(toks[j], doc.TokenText(j)) || IsLineMarker(toks[j], doc.TokenText(j))))
        boundary = j;
    } else if (t.Has(kTokAbbreviation)) {
      bool title = abbr != nullptr && (abbr->fields[0] == "title" || abbr->fields[0] == "number");
      bool initial = tt.size() == 2 && abbr == nullptr;
      const Token& n = toks[i + 1];
      // A word glued to the abbreviation continues it: "N.W.A biopic",
      // "a Y.M.C.A", not a sentence end.
      bool glued = !n.Has(kTokSpaceBefore) && !n.Has(kTokNewlineBefore);
      if (!title && !initial && !glued) {
        if (n.Has(kTokCapitalized) || n.Has(kTokNewlineBefore)) {
          const LexiconEntry* fw = res_->Entry(res_->function_words, doc, i + 1);
          if (fw != nullptr || n.Has(kTokNewlineBefore) ||
              KnownSurnameOpens(doc, i + 1, end, surnames)) {
            boundary = i + 1;
          }
        }
      }
    } else if (toks[i + 1].Has(kTokNewlineBefore)) {
      // A line break inside a zone.
      const Token& n = toks[i + 1];
      bool continues = tt == "," || tt == "-" || tt == ";" || tt == ":" ||
                       (t.kind == TokenKind::kWord && !t.Has(kTokCapitalized) &&
                        res_->Entry(res_->function_words, doc, i) != nullptr);
      bool next_starts =
          n.Has(kTokCapitalized) || (n.kind == TokenKind::kQuote && n.Has(kTokOpenQuote));
      bool full_line = false;
      if (wrapped) {
        std::uint32_t b = i;
        while (b > first && !toks[b].Has(kTokNewlineBefore)) --b;
        full_line = (t.span.end - toks[b].span.begin) * 4 >= width * 3;
      }
      if (!continues && !full_line && next_starts) boundary = i + 1;
    }
    if (boundary > 0) {
      push(start, boundary);
      start = boundary;
      i = boundary - 1;
    }
  }
  push(start, end);
}

}  // namespace tkg
