#include "core/text.h"

namespace tkg {
namespace {

#include "core/latin_fold_table.inc"

inline unsigned char U(char c) { return static_cast<unsigned char>(c); }

}  // namespace

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w = 0;
      for (int k = 0; k < 8; ++k)
        w |= static_cast<std::uint64_t>(U(text[i + static_cast<std::size_t>(k)])) << (8 * k);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = U(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    char32_t min = 0;
    char32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + static_cast<std::size_t>(len) > n) return i;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = U(text[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += static_cast<std::size_t>(len);
  }
  return std::nullopt;
}

int DecodeUtf8(std::string_view text, std::size_t pos, char32_t* cp) {
  unsigned char c = U(text[pos]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || pos + static_cast<std::size_t>(len) > text.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  char32_t v = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = U(text[pos + static_cast<std::size_t>(k)]);
    if ((cc & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (cc & 0x3F);
  }
  *cp = v;
  return len;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A alternates upper/lower, with a shifted stretch.
    if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
    if (cp >= 0x179 && cp <= 0x17E) return cp % 2 == 1;
    if (cp == 0x178) return true;
    return cp % 2 == 0 && cp != 0x138;
  }
  if (cp >= 0x391 && cp <= 0x3AB) return true;  // Greek capitals
  if (cp >= 0x400 && cp <= 0x42F) return true;  // Cyrillic capitals
  return false;
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return !IsUpper(cp);
  if (cp >= 0x3AC && cp <= 0x3CE) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  return false;
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x370 && cp <= 0x52F) return true;    // Greek, Cyrillic
  if (cp >= 0x1E00 && cp <= 0x1EFF) return true;  // Latin Extended Additional
  if (cp >= 0x0590 && cp <= 0x06FF) return true;  // Hebrew, Arabic
  if (cp >= 0x3040 && cp <= 0x9FFF) return true;  // kana, CJK
  if (cp >= 0xAC00 && cp <= 0xD7AF) return true;  // Hangul
  return false;
}

void AppendFold(std::string_view text, std::string* out) {
  bool pending_space = false;
  bool any = false;
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp;
    int len = DecodeUtf8(text, i, &cp);
    std::size_t start = i;
    i += static_cast<std::size_t>(len);
    bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
                 cp == 0x2009 || cp == 0x202F;
    if (space) {
      pending_space = any;
      continue;
    }
    if (pending_space) {
      out->push_back(' ');
      pending_space = false;
    }
    any = true;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out->push_back(c);
    } else if (cp >= kLatinFoldFirst && cp <= kLatinFoldLast &&
               kLatinFold[cp - kLatinFoldFirst] != nullptr) {
      out->append(kLatinFold[cp - kLatinFoldFirst]);
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x2032) {
      out->push_back('\'');
    } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB) {
      out->push_back('"');
    } else if (cp >= 0x2010 && cp <= 0x2015) {
      out->push_back('-');
    } else if (cp >= 0x410 && cp <= 0x42F) {
      AppendUtf8(cp + 0x20, out);  // Cyrillic capitals
    } else if (cp >= 0x391 && cp <= 0x3A9) {
      AppendUtf8(cp + 0x20, out);  // Greek capitals
    } else {
      out->append(text.substr(start, static_cast<std::size_t>(len)));
    }
  }
}

std::string Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendFold(text, &out);
  return out;
}

std::string Slug(std::string_view text) {
  std::string folded = Fold(text);
  std::string out;
  out.reserve(folded.size());
  bool dash = false;
  for (char c : folded) {
    unsigned char u = U(c);
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
    if (keep) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(c);
    } else {
      dash = true;
    }
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view TrimSpace(std::string_view s) {
  auto is_space_at_front = [&](std::size_t* len) {
    if (s.empty()) return false;
    unsigned char c = U(s[0]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      *len = 1;
      return true;
    }
    if (s.size() >= 2 && c == 0xC2 && U(s[1]) == 0xA0) {
      *len = 2;
      return true;
    }
    return false;
  };
  auto is_space_at_back = [&](std::size_t* len) {
    if (s.empty()) return false;
    unsigned char c = U(s.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      *len = 1;
      return true;
    }
    if (s.size() >= 2 && c == 0xA0 && U(s[s.size() - 2]) == 0xC2) {
      *len = 2;
      return true;
    }
    return false;
  };
  std::size_t len = 0;
  while (is_space_at_front(&len)) s.remove_prefix(len);
  while (is_space_at_back(&len)) s.remove_suffix(len);
  return s;
}

}  // namespace tkg
