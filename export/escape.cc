#include "export/escape.h"

#include <cmath>

#include "core/text.h"

namespace tkg {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at s[pos] strictly (no overlong forms, surrogates or
// values above U+10FFFF). Returns the length in bytes; an ill-formed byte
// gives U+FFFD with length 1, so decoding always makes progress.
std::size_t Decode(std::string_view s, std::size_t pos, char32_t* cp) {
  const auto c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  char32_t v = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, min = 0x80, v = c & 0x1FU;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, min = 0x800, v = c & 0x0FU;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, min = 0x10000, v = c & 0x07U;
  } else {
    *cp = kReplacement;
    return 1;
  }
  if (pos + len > s.size()) {
    *cp = kReplacement;
    return 1;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[pos + k]);
    if ((cc & 0xC0) != 0x80) {
      *cp = kReplacement;
      return 1;
    }
    v = (v << 6) | (cc & 0x3FU);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = kReplacement;
    return 1;
  }
  *cp = v;
  return len;
}

bool IsControl(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }

bool IsSpace(char32_t cp) { return cp == ' ' || cp == '\n' || cp == '\t' || cp == 0xA0; }

}  // namespace

std::string ValidUtf8(std::string_view s) {
  if (!FindInvalidUtf8(s).has_value()) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = Decode(s, i, &cp);
    if (cp == kReplacement && n == 1) {
      AppendUtf8(cp, &out);
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string CleanText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = Decode(s, i, &cp);
    if (cp == '\t') {
      out.push_back(' ');
    } else if (cp == '\n') {
      out.push_back('\n');
    } else if (IsControl(cp)) {
      // Dropped: '\r', NUL, escape sequences and the like have no place in a
      // label and some renderers reject them.
    } else if (cp == kReplacement && n == 1) {
      AppendUtf8(cp, &out);
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::size_t CountChars(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++count) {
    char32_t cp = 0;
    i += Decode(s, i, &cp);
  }
  return count;
}

std::string CutChars(std::string_view s, std::size_t max_chars) {
  if (max_chars == 0 || CountChars(s) <= max_chars) return std::string(s);
  // Keep max_chars - 1 code points and make room for the ellipsis.
  std::size_t end = 0;
  for (std::size_t kept = 0; kept + 1 < max_chars && end < s.size(); ++kept) {
    char32_t cp = 0;
    end += Decode(s, end, &cp);
  }
  // Prefer to end at a word boundary when one is near.
  if (end < s.size() && s[end] != ' ' && s[end] != '\n') {
    const std::size_t space = s.substr(0, end).find_last_of(" \n");
    if (space != std::string_view::npos && space > 0 && end - space <= 16) end = space;
  }
  std::string out(s.substr(0, end));
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n' || out.back() == '\t')) {
    out.pop_back();
  }
  out += "…";
  return out;
}

std::string WrapWords(std::string_view s, std::size_t width) {
  if (width == 0) return std::string(s);
  std::string out;
  out.reserve(s.size());
  std::size_t line_chars = 0;  // code points on the current output line
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    std::size_t n = Decode(s, i, &cp);
    if (cp == '\n') {
      out.push_back('\n');
      line_chars = 0;
      i += n;
      continue;
    }
    if (IsSpace(cp)) {
      i += n;
      continue;  // spaces are written before the next word
    }
    // A word: up to the next space or newline.
    std::size_t word_end = i;
    std::size_t word_chars = 0;
    while (word_end < s.size()) {
      n = Decode(s, word_end, &cp);
      if (IsSpace(cp)) break;
      word_end += n;
      ++word_chars;
    }
    const bool had_space = i > 0 && !out.empty() && out.back() != '\n';
    if (had_space) {
      if (line_chars + 1 + word_chars > width) {
        out.push_back('\n');
        line_chars = 0;
      } else {
        out.push_back(' ');
        ++line_chars;
      }
    }
    out.append(s.substr(i, word_end - i));
    line_chars += word_chars;
    i = word_end;
  }
  return out;
}

std::string HtmlEscape(std::string_view s) {
  const std::string clean = CleanText(s);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

double RoundConfidence(float c) {
  if (!std::isfinite(c)) return 0.0;
  return std::round(static_cast<double>(c) * 100.0) / 100.0;
}

std::string RelationLabel(std::string_view relation, Polarity polarity) {
  std::string out(relation);
  if (polarity != Polarity::kNegative) return out;
  std::string lower;
  for (char c : relation)
    lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  std::string padded = " " + lower + " ";
  for (const char* neg : {" not ", "n't ", "n’t ", " never ", " no "}) {
    if (padded.find(neg) != std::string::npos) return out;
  }
  return "not " + out;
}

}  // namespace tkg
