#include "extract/text/tokenizer.h"

#include <string>

#include "core/text.h"

namespace tkg {
namespace {

inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsCombining(char32_t c) { return c >= 0x300 && c <= 0x36F; }
inline bool IsWordChar(char32_t c) { return IsLetter(c) || IsAsciiDigit(c) || IsCombining(c); }
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
inline bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF ||
         c == 0x2028 || c == 0x2029;
}

// Reads the code point at `pos` (0 past the end).
struct Reader {
  std::string_view text;
  std::size_t end;
  char32_t At(std::size_t pos, int* len) const {
    if (pos >= end) {
      *len = 0;
      return 0;
    }
    char32_t cp;
    *len = DecodeUtf8(text, pos, &cp);
    return cp;
  }
  char32_t At(std::size_t pos) const {
    int len;
    return At(pos, &len);
  }
};

bool IsClitic(std::string_view folded) {
  return folded == "s" || folded == "re" || folded == "ve" || folded == "ll" || folded == "d" ||
         folded == "m";
}

std::uint16_t CaseFlags(std::string_view text, Span s) {
  // ASCII fast path.
  {
    int letters = 0, upper = 0;
    bool first_upper = false, first_seen = false, ascii = true;
    for (std::size_t i = s.begin; i < s.end; ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      bool up = c >= 'A' && c <= 'Z';
      if (!up && !(c >= 'a' && c <= 'z')) continue;
      ++letters;
      if (!first_seen) {
        first_upper = up;
        first_seen = true;
      }
      if (up) ++upper;
    }
    if (ascii) {
      std::uint16_t f = 0;
      if (first_upper) f |= kTokCapitalized;
      if (letters >= 2 && upper == letters) f |= kTokAllCaps;
      return f;
    }
  }
  std::size_t i = s.begin;
  int letters = 0, upper = 0;
  bool first_upper = false, first_seen = false;
  while (i < s.end) {
    char32_t cp;
    i += static_cast<std::size_t>(DecodeUtf8(text, i, &cp));
    if (!IsLetter(cp)) continue;
    ++letters;
    bool up = IsUpper(cp);
    if (!first_seen) {
      first_upper = up;
      first_seen = true;
    }
    if (up) ++upper;
  }
  std::uint16_t f = 0;
  if (first_upper) f |= kTokCapitalized;
  if (letters >= 2 && upper == letters) f |= kTokAllCaps;
  return f;
}

}  // namespace

void Tokenizer::Tokenize(std::string_view text, Span region, bool paragraph_start,
                         std::vector<Token>* out) const {
  Reader r{text, region.end};
  std::size_t i = region.begin;
  std::uint16_t pending = paragraph_start ? kTokParagraphBefore : 0;
  int newlines = 0;
  std::string folded;  // scratch for abbreviation lookups

  auto emit = [&](std::size_t b, std::size_t e, TokenKind kind, std::uint16_t flags) {
    Token t;
    t.span = Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    t.kind = kind;
    t.flags = static_cast<std::uint16_t>(flags | pending);
    out->push_back(t);
    pending = 0;
    newlines = 0;
  };

  while (i < region.end) {
    int len;
    char32_t c = r.At(i, &len);
    if (IsSpace(c)) {
      pending |= kTokSpaceBefore;
      if (c == '\n') {
        pending |= kTokNewlineBefore;
        if (++newlines >= 2) pending |= kTokParagraphBefore;
      }
      i += static_cast<std::size_t>(len);
      continue;
    }
    const std::size_t start = i;

    // URLs and www. addresses: up to whitespace, minus trailing punctuation.
    std::string_view rest = text.substr(i, region.end - i);
    if (rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")) {
      std::size_t j = i;
      while (j < region.end) {
        int l;
        char32_t d = r.At(j, &l);
        if (IsSpace(d) || d == '"' || d == '<' || d == '>' || d == 0x201C || d == 0x201D) break;
        j += static_cast<std::size_t>(l);
      }
      while (j > i + 4 &&
             std::string_view(".,;:!?)'’]").find(text[j - 1]) != std::string_view::npos)
        --j;
      emit(start, j, TokenKind::kUrl, 0);
      i = j;
      continue;
    }

    if (IsWordChar(c)) {
      bool has_digit = false;
      bool all_digits = true;
      std::size_t j = i;
      // ISO dates 2022-11-29 are one number token.
      auto digit_at = [&](std::size_t p) {
        return p < region.end && text[p] >= '0' && text[p] <= '9';
      };
      if (digit_at(j) && digit_at(j + 1) && digit_at(j + 2) && digit_at(j + 3) &&
          j + 4 < region.end && text[j + 4] == '-' && digit_at(j + 5) && digit_at(j + 6) &&
          j + 7 < region.end && text[j + 7] == '-' && digit_at(j + 8) && digit_at(j + 9) &&
          !digit_at(j + 10)) {
        emit(start, j + 10, TokenKind::kNumber, 0);
        i = j + 10;
        continue;
      }
      std::size_t clitic_begin = 0, clitic_end = 0;
      while (j < region.end) {
        int l;
        char32_t d = r.At(j, &l);
        if (IsWordChar(d)) {
          if (IsAsciiDigit(d)) {
            has_digit = true;
          } else if (!IsCombining(d)) {
            all_digits = false;
          }
          j += static_cast<std::size_t>(l);
          continue;
        }
        int l2;
        char32_t next = r.At(j + static_cast<std::size_t>(l), &l2);
        if (IsHyphen(d) && (IsLetter(next) || (IsAsciiDigit(next) && !all_digits))) {
          all_digits = false;
          j += static_cast<std::size_t>(l);
          continue;
        }
        if (all_digits && IsAsciiDigit(next) && (d == '.' || d == ':' || d == '/')) {
          j += static_cast<std::size_t>(l);
          continue;
        }
        if (all_digits && d == ',' && digit_at(j + 1) && digit_at(j + 2) && digit_at(j + 3) &&
            !digit_at(j + 4)) {
          j += 1;
          continue;
        }
        // (A backtick between letters is a typed apostrophe: "can`t".)
        if ((IsApostrophe(d) || (d == '`' && j > i)) && IsLetter(next) && !all_digits) {
          // Clitic? Read the letters after the apostrophe.
          std::size_t k = j + static_cast<std::size_t>(l);
          std::size_t after = k;
          while (after < region.end) {
            int l3;
            char32_t e = r.At(after, &l3);
            if (!IsLetter(e)) break;
            after += static_cast<std::size_t>(l3);
          }
          folded.clear();
          AppendFold(text.substr(k, after - k), &folded);
          if (folded == "t" && j > i && (text[j - 1] == 'n' || text[j - 1] == 'N') && j - 1 > i) {
            clitic_begin = j - 1;  // does|n't
            clitic_end = after;
            j = j - 1;
            break;
          }
          if (IsClitic(folded)) {
            clitic_begin = j;
            clitic_end = after;
            break;
          }
          j = after;  // O'Brien, rock'n'roll
          all_digits = false;
          continue;
        }
        if (d == '@' && IsWordChar(next) && !all_digits) {
          // e-mail address
          std::size_t k = j + 1;
          while (k < region.end) {
            int l3;
            char32_t e = r.At(k, &l3);
            if (IsWordChar(e) || e == '-' || (e == '.' && IsWordChar(r.At(k + 1)))) {
              k += static_cast<std::size_t>(l3);
              continue;
            }
            break;
          }
          j = k;
          emit(start, j, TokenKind::kUrl, 0);
          break;
        }
        break;
      }
      if (!out->empty() && out->back().span.begin == start && out->back().kind == TokenKind::kUrl) {
        i = j;
        continue;
      }
      std::uint16_t flags = 0;
      // Abbreviations and initials keep their period.
      if (clitic_end == 0 && j < region.end && text[j] == '.' && !all_digits) {
        std::size_t k = j;
        // Chains of single letters: U.S., U.K., a.m., p.m.
        std::size_t word_len = j - i;
        if (word_len == 1) {
          while (k + 2 < region.end + 1 && k + 1 < region.end && IsLetter(r.At(k + 1)) &&
                 k + 2 < region.end && text[k + 2] == '.') {
            k += 2;
          }
        }
        folded.clear();
        AppendFold(text.substr(i, k + 1 - i), &folded);
        bool is_abbrev = abbreviations_ != nullptr && abbreviations_->Contains(folded);
        bool is_initial = word_len == 1 && IsUpper(c);
        if (k > j || is_abbrev || is_initial) {
          j = k + 1;
          flags |= kTokAbbreviation;
        }
      }
      Span s{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(j)};
      flags |= CaseFlags(text, s);
      if (has_digit) flags |= kTokHasDigit;
      emit(start, j, all_digits ? TokenKind::kNumber : TokenKind::kWord, flags);
      i = j;
      if (clitic_end != 0) {
        emit(clitic_begin, clitic_end, TokenKind::kWord,
             static_cast<std::uint16_t>(
                 kTokClitic | (CaseFlags(text, Span{static_cast<std::uint32_t>(clitic_begin),
                                                    static_cast<std::uint32_t>(clitic_end)}) &
                               ~kTokCapitalized)));
        i = clitic_end;
      }
      continue;
    }

    // "the company 's spray", "they 're" (text tokenised the Penn Treebank
    // way): a clitic after a space still belongs to the word before it.
    if (IsApostrophe(c) && (pending & kTokSpaceBefore) != 0 && !out->empty() &&
        out->back().kind == TokenKind::kWord && !out->back().Has(kTokClitic)) {
      std::size_t after = i + static_cast<std::size_t>(len);
      while (after < region.end) {
        int l3;
        if (!IsLetter(r.At(after, &l3))) break;
        after += static_cast<std::size_t>(l3);
      }
      folded.clear();
      const std::size_t letters = i + static_cast<std::size_t>(len);
      AppendFold(text.substr(letters, after - letters), &folded);
      // (not a quoted letter: "'s'", nor a quoted word: "'re-elect'")
      if (IsClitic(folded) &&
          (after == region.end ||
           (!IsWordChar(r.At(after)) && !IsApostrophe(r.At(after)) && r.At(after) != '-'))) {
        emit(start, after, TokenKind::kWord,
             static_cast<std::uint16_t>(kTokClitic |
                                        (CaseFlags(text, Span{static_cast<std::uint32_t>(start),
                                                              static_cast<std::uint32_t>(after)}) &
                                         ~kTokCapitalized)));
        i = after;
        continue;
      }
    }

    // Quotation marks.
    auto prev_opens = [&]() {
      if (start == region.begin) return true;
      if (pending & kTokSpaceBefore) return true;
      if (out->empty()) return true;
      const Token& p = out->back();
      if (p.kind == TokenKind::kQuote && p.Has(kTokOpenQuote)) return true;
      std::string_view pt = text.substr(p.span.begin, p.span.end - p.span.begin);
      return pt == "(" || pt == "[" || pt == "{" || pt == "\xE2\x80\x94" || pt == "\xE2\x80\x93" ||
             pt == "-";
    };
    std::uint16_t qflags = 0;
    bool is_quote = true;
    switch (c) {
      case 0x201C:
      case 0x201E:
      case 0xAB:
        qflags = kTokOpenQuote | kTokDoubleQuote;
        break;
      case 0x201D:
      case 0xBB:
        qflags = kTokCloseQuote | kTokDoubleQuote;
        break;
      case 0x2018:
      case 0x2039:
        qflags = kTokOpenQuote;
        break;
      case 0x2019:
      case 0x203A:
        qflags = kTokCloseQuote;
        break;
      case '"':
        qflags = static_cast<std::uint16_t>((prev_opens() ? kTokOpenQuote : kTokCloseQuote) |
                                            kTokDoubleQuote);
        break;
      case '\'':
      case '`':
        // PTB-style doubled marks: `` opens, '' opens or closes a quotation.
        if (i + 1 < region.end && text[i + 1] == static_cast<char>(c)) {
          len = 2;
          qflags = static_cast<std::uint16_t>(
              (c == '`' || prev_opens() ? kTokOpenQuote : kTokCloseQuote) | kTokDoubleQuote);
        } else {
          qflags = c == '`' || prev_opens() ? kTokOpenQuote : kTokCloseQuote;
        }
        break;
      default:
        is_quote = false;
    }
    if (is_quote) {
      emit(start, i + static_cast<std::size_t>(len), TokenKind::kQuote, qflags);
      i += static_cast<std::size_t>(len);
      continue;
    }

    // Punctuation runs that form one token: "...", "--", "?!".
    if (c == '.' || c == '-' || c == '!' || c == '?') {
      std::size_t j = i + 1;
      while (j < region.end && (text[j] == static_cast<char>(c) ||
                                ((c == '!' || c == '?') && (text[j] == '!' || text[j] == '?'))))
        ++j;
      emit(start, j, TokenKind::kPunct, 0);
      i = j;
      continue;
    }
    bool punct = c < 0x80 ? std::string_view(",;:()[]{}/\\*").find(static_cast<char>(c)) !=
                                std::string_view::npos
                          : (c == 0x2026 || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
                             c == 0x2012 || c == 0x00B7 || c == 0x2022 || c == 0xBF || c == 0xA1);
    emit(start, i + static_cast<std::size_t>(len), punct ? TokenKind::kPunct : TokenKind::kSymbol,
         0);
    i += static_cast<std::size_t>(len);
  }
}

}  // namespace tkg
