#include "extract/io/html.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/time_anchor.h"
#include "extract/extractor.h"

namespace tkg {
namespace {

// --- characters --------------------------------------------------------------

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// windows-1252 bytes 0x80..0x9F (HTML maps ISO-8859-1 and &#128;-&#159; to them).
constexpr std::array<char32_t, 32> kCp1252 = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string Cp1252ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else if (b < 0xA0) {
      AppendUtf8(kCp1252[b - 0x80], &out);
    } else {
      AppendUtf8(b, &out);
    }
  }
  return out;
}

// Named character references: HTML 4's Latin-1 set (U+00A0..U+00FF in order)
// and the others news pages use.
constexpr std::array<std::string_view, 96> kLatin1Names = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct NamedRef {
  std::string_view name;
  char32_t cp;
};
constexpr NamedRef kOtherRefs[] = {
    {"quot", 0x22},     {"amp", 0x26},      {"apos", 0x27},     {"lt", 0x3C},
    {"gt", 0x3E},       {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},
    {"scaron", 0x161},  {"Yuml", 0x178},    {"fnof", 0x192},    {"circ", 0x2C6},
    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009},
    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},   {"hellip", 0x2026},
    {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},  {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122},  {"minus", 0x2212},
    {"larr", 0x2190},   {"rarr", 0x2192},   {"hyphen", 0x2010}, {"nbhy", 0x2011}};

std::optional<char32_t> NamedReference(std::string_view name) {
  for (std::size_t i = 0; i < kLatin1Names.size(); ++i) {
    if (kLatin1Names[i] == name) return static_cast<char32_t>(0xA0 + i);
  }
  for (const NamedRef& r : kOtherRefs) {
    if (r.name == name) return r.cp;
  }
  return std::nullopt;
}

// Appends `s` with its character references decoded. No-break spaces become
// spaces; soft hyphens and zero-width marks are dropped.
void AppendDecoded(std::string_view s, std::string* out) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(s.substr(i));
      return;
    }
    out->append(s.substr(i, amp - i));
    i = amp + 1;
    std::optional<char32_t> cp;
    std::size_t end = i;
    if (end < s.size() && s[end] == '#') {
      ++end;
      const bool hex = end < s.size() && (s[end] == 'x' || s[end] == 'X');
      if (hex) ++end;
      std::uint32_t v = 0;
      const std::size_t digits = end;
      while (end < s.size() && end - digits < 8 &&
             (hex ? std::isxdigit(static_cast<unsigned char>(s[end])) != 0
                  : (s[end] >= '0' && s[end] <= '9'))) {
        const char c = Lower(s[end]);
        v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
        ++end;
      }
      if (end > digits) {
        if (v >= 0x80 && v < 0xA0) {
          cp = kCp1252[v - 0x80];
        } else if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
          cp = 0xFFFD;
        } else {
          cp = v;
        }
      }
    } else {
      while (end < s.size() && end - i < 10 && IsAlnum(s[end])) ++end;
      if (end > i) cp = NamedReference(s.substr(i, end - i));
    }
    if (!cp) {
      out->push_back('&');  // not a reference: "AT&T", "Q&A"
      continue;
    }
    if (end < s.size() && s[end] == ';') ++end;
    i = end;
    if (*cp == 0xA0) {
      out->push_back(' ');
    } else if (*cp != 0xAD && *cp != 0x200B && *cp != 0x200C && *cp != 0x200D && *cp != 0x200E &&
               *cp != 0x200F) {
      AppendUtf8(*cp, out);
    }
  }
}

std::string Decoded(std::string_view s) {
  std::string out;
  AppendDecoded(s, &out);
  return std::string(TrimSpace(out));
}

// --- tokens --------------------------------------------------------------------

enum class Kind : std::uint8_t { kText, kOpen, kClose, kRaw };

struct Event {
  Kind kind = Kind::kText;
  std::string name;       // lower case; for kRaw the element's name
  std::string_view body;  // text, raw content, or the attributes of an open tag
  bool self_closing = false;
};

bool IsVoid(std::string_view n) {
  static constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                               "hr",    "img",    "input", "link", "meta",
                                               "param", "source", "track", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), n) != std::end(kVoid);
}

// Elements whose content is not markup: it runs to the matching end tag.
bool IsRawText(std::string_view n) {
  static constexpr std::string_view kRaw[] = {"script",   "style",  "title",    "textarea",
                                              "noscript", "iframe", "template", "xmp"};
  return std::find(std::begin(kRaw), std::end(kRaw), n) != std::end(kRaw);
}

// The position of "</name" (any case) at or after `from`, or npos.
std::size_t FindEndTag(std::string_view s, std::string_view name, std::size_t from) {
  for (std::size_t p = s.find("</", from); p != std::string_view::npos; p = s.find("</", p + 2)) {
    std::size_t k = 0;
    while (k < name.size() && p + 2 + k < s.size() && Lower(s[p + 2 + k]) == name[k]) ++k;
    if (k == name.size() && (p + 2 + k >= s.size() || !IsAlnum(s[p + 2 + k]))) return p;
  }
  return std::string_view::npos;
}

// The '>' that ends a tag opened before `from`, skipping quoted attribute
// values; npos when there is none. A quote opens a value only right after
// '=' ("alt=O'Brien" has none).
std::size_t TagEnd(std::string_view s, std::size_t from) {
  char quote = 0;
  char last = 0;  // the last character outside a value that is not a space
  for (std::size_t p = from; p < s.size(); ++p) {
    const char c = s[p];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
        last = c;
      }
    } else if ((c == '"' || c == '\'') && last == '=') {
      quote = c;
    } else if (c == '>') {
      return p;
    } else if (!IsSpace(c)) {
      last = c;
    }
  }
  return std::string_view::npos;
}

// Whether the attribute text of a tag ends with the '/' of a self-closing
// tag, not with the last character of an unquoted value ("href=/news/").
bool EndsSelfClosing(std::string_view attrs) {
  if (attrs.empty() || attrs.back() != '/') return false;
  enum { kBetween, kName, kAfterName, kBeforeValue, kQuoted, kUnquoted } st = kBetween;
  char q = 0;
  for (std::size_t i = 0; i + 1 < attrs.size(); ++i) {
    const char c = attrs[i];
    switch (st) {
      case kBetween:
      case kAfterName:
        if (c == '=' && st == kAfterName) {
          st = kBeforeValue;
        } else if (!IsSpace(c)) {
          st = c == '/' ? kBetween : kName;
        }
        break;
      case kName:
        if (IsSpace(c)) st = kAfterName;
        if (c == '=') st = kBeforeValue;
        if (c == '/') st = kBetween;
        break;
      case kBeforeValue:
        if (c == '"' || c == '\'') {
          q = c;
          st = kQuoted;
        } else if (!IsSpace(c)) {
          st = kUnquoted;
        }
        break;
      case kQuoted:
        if (c == q) st = kBetween;
        break;
      case kUnquoted:
        if (IsSpace(c)) st = kBetween;
        break;
    }
  }
  return st != kUnquoted && st != kBeforeValue && st != kQuoted;
}

std::vector<Event> Tokenize(std::string_view s) {
  std::vector<Event> ev;
  std::size_t pos = 0;
  std::size_t text_from = 0;
  auto flush_text = [&](std::size_t end) {
    if (end > text_from) ev.push_back(Event{Kind::kText, {}, s.substr(text_from, end - text_from)});
  };
  while (pos < s.size()) {
    const std::size_t lt = s.find('<', pos);
    if (lt == std::string_view::npos) break;
    const char next = lt + 1 < s.size() ? s[lt + 1] : '\0';
    if (s.compare(lt, 4, "<!--") == 0) {
      flush_text(lt);
      const std::size_t end = s.find("-->", lt + 4);
      pos = text_from = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    if (next == '!' || next == '?') {  // <!DOCTYPE ...>, <![CDATA[...]]>, <?xml ...?>
      flush_text(lt);
      const std::size_t end = s.find('>', lt);
      pos = text_from = end == std::string_view::npos ? s.size() : end + 1;
      continue;
    }
    const bool closing = next == '/';
    const std::size_t name_at = lt + (closing ? 2 : 1);
    if (name_at >= s.size() || !IsAlpha(s[name_at])) {
      pos = lt + 1;  // a literal '<' ("a < b")
      continue;
    }
    std::size_t name_end = name_at;
    while (name_end < s.size() &&
           (IsAlnum(s[name_end]) || s[name_end] == '-' || s[name_end] == ':')) {
      ++name_end;
    }
    const std::size_t gt = TagEnd(s, name_end);
    if (gt == std::string_view::npos) {  // an unfinished tag at the end: dropped
      flush_text(lt);
      text_from = s.size();
      break;
    }
    flush_text(lt);
    Event e;
    e.kind = closing ? Kind::kClose : Kind::kOpen;
    e.name = LowerAscii(s.substr(name_at, name_end - name_at));
    std::string_view attrs = s.substr(name_end, gt - name_end);
    if (EndsSelfClosing(attrs)) {
      e.self_closing = true;
      attrs.remove_suffix(1);
    }
    e.body = attrs;
    pos = text_from = gt + 1;
    const bool raw = !closing && IsRawText(e.name) && !e.self_closing;
    const std::string name = e.name;
    ev.push_back(std::move(e));
    if (raw) {
      std::size_t end = FindEndTag(s, name, pos);
      if (end == std::string_view::npos) end = s.size();
      ev.push_back(Event{Kind::kRaw, name, s.substr(pos, end - pos)});
      ev.push_back(Event{Kind::kClose, name, {}});
      const std::size_t close_gt = end < s.size() ? s.find('>', end) : std::string_view::npos;
      pos = text_from = close_gt == std::string_view::npos ? s.size() : close_gt + 1;
    }
  }
  flush_text(s.size());
  return ev;
}

// The value of attribute `name` (lower case) in the attribute text of a tag,
// decoded; nullopt when absent. A bare attribute ("hidden") has value "".
std::optional<std::string> Attr(std::string_view attrs, std::string_view name) {
  std::size_t p = 0;
  while (p < attrs.size()) {
    while (p < attrs.size() && (IsSpace(attrs[p]) || attrs[p] == '/')) ++p;
    const std::size_t n0 = p;
    while (p < attrs.size() && !IsSpace(attrs[p]) && attrs[p] != '=' && attrs[p] != '/') ++p;
    const std::string_view key = attrs.substr(n0, p - n0);
    if (key.empty()) {
      ++p;
      continue;
    }
    while (p < attrs.size() && IsSpace(attrs[p])) ++p;
    std::string_view value;
    if (p < attrs.size() && attrs[p] == '=') {
      ++p;
      while (p < attrs.size() && IsSpace(attrs[p])) ++p;
      if (p < attrs.size() && (attrs[p] == '"' || attrs[p] == '\'')) {
        const char q = attrs[p++];
        const std::size_t v0 = p;
        while (p < attrs.size() && attrs[p] != q) ++p;
        value = attrs.substr(v0, p - v0);
        if (p < attrs.size()) ++p;
      } else {
        const std::size_t v0 = p;
        while (p < attrs.size() && !IsSpace(attrs[p])) ++p;
        value = attrs.substr(v0, p - v0);
      }
    }
    if (EqualsIgnoreCase(key, name)) return Decoded(value);
  }
  return std::nullopt;
}

// --- metadata -----------------------------------------------------------------

struct Meta {
  std::string charset;
  std::string og_title, ld_headline, twitter_title, title_tag;
  std::vector<std::string> dates;  // in order of preference
  std::string canonical, og_url, ld_url;
  std::string og_site, ld_publisher, app_name;
};

bool IsArticleType(const nlohmann::json& t) {
  // NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting ...
  auto one = [](const nlohmann::json& s) {
    if (!s.is_string()) return false;
    const std::string& v = s.get_ref<const std::string&>();
    return v.find("Article") != std::string::npos || v.find("BlogPosting") != std::string::npos;
  };
  if (one(t)) return true;
  if (t.is_array()) {
    for (const auto& x : t) {
      if (one(x)) return true;
    }
  }
  return false;
}

void VisitLd(const nlohmann::json& j, int depth, Meta* m, std::vector<std::string>* ld_dates) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& x : j) VisitLd(x, depth + 1, m, ld_dates);
    return;
  }
  if (!j.is_object()) return;
  if (auto g = j.find("@graph"); g != j.end()) VisitLd(*g, depth + 1, m, ld_dates);
  // A WebPage whose mainEntity is the article.
  if (auto me = j.find("mainEntity"); me != j.end()) VisitLd(*me, depth + 1, m, ld_dates);
  auto t = j.find("@type");
  if (t == j.end() || !IsArticleType(*t)) return;
  auto str = [&](const char* key) -> std::string {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (std::string d = str("datePublished"); !d.empty()) ld_dates->push_back(d);
  if (m->ld_headline.empty()) m->ld_headline = Decoded(str("headline"));
  if (m->ld_url.empty()) m->ld_url = str("url");
  if (auto p = j.find("publisher"); p != j.end() && m->ld_publisher.empty()) {
    if (p->is_object()) {
      auto n = p->find("name");
      if (n != p->end() && n->is_string()) m->ld_publisher = n->get<std::string>();
    } else if (p->is_string()) {
      m->ld_publisher = p->get<std::string>();
    }
  }
}

// The charset named in a Content-Type value: "text/html; charset=utf-8".
std::string CharsetOf(std::string_view content) {
  const std::string lower = LowerAscii(content);
  const std::size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::size_t b = at + 8, e = b;
  while (e < lower.size() && !IsSpace(lower[e]) && lower[e] != ';' && lower[e] != '"' &&
         lower[e] != '\'') {
    ++e;
  }
  return lower.substr(b, e - b);
}

Meta ReadMeta(const std::vector<Event>& ev) {
  Meta m;
  std::vector<std::string> ld_dates, meta_dates;
  static constexpr std::string_view kDateNames[] = {"article:published_time",
                                                    "og:published_time",
                                                    "datepublished",
                                                    "pubdate",
                                                    "publishdate",
                                                    "publish-date",
                                                    "publish_date",
                                                    "date",
                                                    "dc.date.issued",
                                                    "dc.date",
                                                    "dcterms.created",
                                                    "dcterms.date",
                                                    "sailthru.date",
                                                    "parsely-pub-date",
                                                    "article.published"};
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const Event& e = ev[i];
    if (e.kind == Kind::kOpen && e.name == "meta") {
      if (auto cs = Attr(e.body, "charset"); cs && m.charset.empty()) m.charset = LowerAscii(*cs);
      const std::optional<std::string> content = Attr(e.body, "content");
      if (!content) continue;
      if (auto he = Attr(e.body, "http-equiv"); he && EqualsIgnoreCase(*he, "content-type")) {
        if (m.charset.empty()) m.charset = CharsetOf(*content);
        continue;
      }
      std::string key;
      if (auto p = Attr(e.body, "property")) {
        key = LowerAscii(*p);
      } else if (auto n = Attr(e.body, "name")) {
        key = LowerAscii(*n);
      } else if (auto ip = Attr(e.body, "itemprop")) {
        key = LowerAscii(*ip);
      }
      if (key.empty()) continue;
      if (key == "og:title" && m.og_title.empty()) m.og_title = *content;
      if (key == "twitter:title" && m.twitter_title.empty()) m.twitter_title = *content;
      if (key == "og:url" && m.og_url.empty()) m.og_url = *content;
      if (key == "og:site_name" && m.og_site.empty()) m.og_site = *content;
      if (key == "application-name" && m.app_name.empty()) m.app_name = *content;
      for (std::string_view d : kDateNames) {
        if (key == d) meta_dates.push_back(*content);
      }
    } else if (e.kind == Kind::kOpen && e.name == "link") {
      auto rel = Attr(e.body, "rel");
      if (rel && EqualsIgnoreCase(*rel, "canonical") && m.canonical.empty()) {
        if (auto href = Attr(e.body, "href")) m.canonical = *href;
      }
    } else if (e.kind == Kind::kRaw && e.name == "title" && m.title_tag.empty()) {
      std::string t = Decoded(e.body);
      // Collapse the whitespace of a title written over several lines.
      std::string one;
      for (char c : t) {
        if (IsSpace(c)) {
          if (!one.empty() && one.back() != ' ') one.push_back(' ');
        } else {
          one.push_back(c);
        }
      }
      m.title_tag = std::string(TrimSpace(one));
    } else if (e.kind == Kind::kRaw && e.name == "script" && i > 0 &&
               ev[i - 1].kind == Kind::kOpen) {
      auto type = Attr(ev[i - 1].body, "type");
      if (!type || !EqualsIgnoreCase(*type, "application/ld+json")) continue;
      nlohmann::json j = nlohmann::json::parse(e.body, nullptr, /*allow_exceptions=*/false);
      if (!j.is_discarded()) VisitLd(j, 0, &m, &ld_dates);
    }
  }
  m.dates = std::move(ld_dates);
  m.dates.insert(m.dates.end(), meta_dates.begin(), meta_dates.end());
  return m;
}

// --- the article ------------------------------------------------------------------

// Elements left out with everything inside them, whatever they hold.
bool IsSkipped(std::string_view n) {
  static constexpr std::string_view kSkip[] = {
      "script", "style",  "noscript", "template", "svg",   "math",   "iframe",
      "object", "embed",  "canvas",   "video",    "audio", "nav",    "aside",
      "button", "select", "textarea", "figure",   "head",  "dialog", "picture"};
  return std::find(std::begin(kSkip), std::end(kSkip), n) != std::end(kSkip);
}

bool IsBlock(std::string_view n) {
  static constexpr std::string_view kBlock[] = {
      "address", "article",  "blockquote", "body",   "center", "dd",    "details", "div", "dl",
      "dt",      "fieldset", "figcaption", "footer", "h1",     "h2",    "h3",      "h4",  "h5",
      "h6",      "header",   "hgroup",     "hr",     "li",     "main",  "ol",      "p",   "pre",
      "section", "summary",  "table",      "tbody",  "thead",  "tfoot", "tr",      "ul",  "caption",
      "html",    "form",     "nav",        "aside",  "figure", "menu"};
  return std::find(std::begin(kBlock), std::end(kBlock), n) != std::end(kBlock);
}

bool HasWord(std::string_view value, std::span<const std::string_view> words) {
  const std::string lower = LowerAscii(value);
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !IsAlnum(lower[i])) ++i;
    std::size_t j = i;
    while (j < lower.size() && IsAlnum(lower[j])) ++j;
    const std::string_view w = std::string_view(lower).substr(i, j - i);
    if (!w.empty() && std::find(words.begin(), words.end(), w) != words.end()) return true;
    i = j;
  }
  return false;
}

// Class or id words that name a part of the page, not of the story: the
// first set always (comments, related links, share buttons ...), the second
// unless the element holds most of the text (a theme's "site has-sidebar"
// wrapper, a "paywall" box around the story).
enum class PagePart : std::uint8_t { kNo, kAlways, kUnlessMost };

PagePart PagePartOf(std::string_view attrs) {
  static constexpr std::string_view kAlwaysWords[] = {
      "share",       "sharing",      "social",      "related",  "newsletter", "ad",
      "ads",         "advert",       "promo",       "comments", "comment",    "advertisement",
      "outbrain",    "taboola",      "recommended", "footer",   "trending",   "breadcrumb",
      "breadcrumbs", "relatedposts", "sharedaddy",  "topics",   "onward",     "submeta"};
  static constexpr std::string_view kUnlessMostWords[] = {"sidebar",  "menu",      "navigation",
                                                          "masthead", "paywall",   "cookie",
                                                          "cookies",  "subscribe", "subscription"};
  PagePart found = PagePart::kNo;
  for (std::string_view key : {"class", "id"}) {
    const std::optional<std::string> v = Attr(attrs, key);
    if (!v) continue;
    // Class by class, leaving out the taxonomy classes blogs put on the post
    // itself ("tag-social-media", "category-comment").
    std::string_view rest = *v;
    while (!rest.empty()) {
      std::size_t a = 0;
      while (a < rest.size() && IsSpace(rest[a])) ++a;
      std::size_t b = a;
      while (b < rest.size() && !IsSpace(rest[b])) ++b;
      const std::string name = LowerAscii(rest.substr(a, b - a));
      rest.remove_prefix(b);
      if (name.empty() || name.starts_with("tag-") || name.starts_with("category-") ||
          name.starts_with("cat-") || name.starts_with("topic-")) {
        continue;
      }
      if (HasWord(name, kAlwaysWords)) return PagePart::kAlways;
      if (HasWord(name, kUnlessMostWords)) found = PagePart::kUnlessMost;
    }
  }
  return found;
}

bool IsHidden(std::string_view attrs) {
  if (Attr(attrs, "hidden")) return true;
  if (auto a = Attr(attrs, "aria-hidden"); a && EqualsIgnoreCase(*a, "true")) return true;
  if (auto st = Attr(attrs, "style")) {
    std::string compact;
    for (char c : *st) {
      if (!IsSpace(c)) compact.push_back(Lower(c));
    }
    if (compact.find("display:none") != std::string::npos ||
        compact.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// The element structure of the events, built in one pass with the end tags
// HTML lets a page leave out: an open <p> ends at the next block, an <li> at
// the next <li> of its list, <dt>/<dd>, <tr>, <td>/<th> and <option> alike;
// an end tag closes the elements left open inside it; a stray end tag is
// ignored; what is open at the end of the page ends there.
struct Tree {
  std::vector<std::size_t> end;  // per open event: the index of its last event
  // Prefix sums of text bytes before each event: all text, and text inside <p>.
  std::vector<std::size_t> text, ptext;

  std::size_t Text(std::size_t i) const { return text[end[i] + 1] - text[i]; }
  std::size_t PText(std::size_t i) const { return ptext[end[i] + 1] - ptext[i]; }
};

bool ClosesP(std::string_view n) { return IsBlock(n) && n != "body" && n != "html"; }

Tree BuildTree(const std::vector<Event>& ev) {
  Tree t;
  t.end.assign(ev.size(), 0);
  t.text.assign(ev.size() + 1, 0);
  t.ptext.assign(ev.size() + 1, 0);
  std::vector<std::size_t> stack;  // open events
  std::unordered_map<std::string_view, int> open_count;
  auto pop = [&](std::size_t end) {
    t.end[stack.back()] = end;
    --open_count[ev[stack.back()].name];
    stack.pop_back();
  };
  // Closes the innermost open element named one of `names`, with what is
  // open inside it, unless an element named one of `walls` comes first.
  // (Only the innermost kMaxImplied open elements are looked at, and only
  // when one of `names` is open: linear on any page, however deep.)
  constexpr std::size_t kMaxImplied = 32;
  auto close_implied = [&](std::initializer_list<std::string_view> names,
                           std::initializer_list<std::string_view> walls, std::size_t at) {
    bool any = false;
    for (std::string_view n : names) {
      auto it = open_count.find(n);
      any = any || (it != open_count.end() && it->second > 0);
    }
    if (!any) return;
    const std::size_t lo = stack.size() > kMaxImplied ? stack.size() - kMaxImplied : 0;
    for (std::size_t k = stack.size(); k-- > lo;) {
      const std::string_view n = ev[stack[k]].name;
      if (std::find(walls.begin(), walls.end(), n) != walls.end()) return;
      if (std::find(names.begin(), names.end(), n) != names.end()) {
        while (stack.size() > k) pop(at - 1);
        return;
      }
    }
  };
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const Event& e = ev[i];
    std::size_t bytes = 0;
    if (e.kind == Kind::kText) {
      for (char c : e.body) bytes += IsSpace(c) ? 0U : 1U;
    }
    t.text[i + 1] = t.text[i] + bytes;
    t.ptext[i + 1] = t.ptext[i] + (open_count["p"] > 0 ? bytes : 0);
    t.end[i] = i;
    if (e.kind == Kind::kOpen) {
      if (IsVoid(e.name) || e.self_closing) continue;
      const std::string_view n = e.name;
      if (ClosesP(n) && open_count["p"] > 0) {
        close_implied({"p"}, {"div", "li", "td", "th", "blockquote", "article", "section", "body"},
                      i);
      }
      if (n == "li") close_implied({"li"}, {"ul", "ol", "menu"}, i);
      if (n == "dt" || n == "dd") close_implied({"dt", "dd"}, {"dl"}, i);
      if (n == "tr") close_implied({"tr"}, {"table", "thead", "tbody", "tfoot"}, i);
      if (n == "td" || n == "th") close_implied({"td", "th"}, {"tr", "table"}, i);
      if (n == "thead" || n == "tbody" || n == "tfoot") {
        close_implied({"thead", "tbody", "tfoot"}, {"table"}, i);
      }
      if (n == "option") close_implied({"option"}, {"select"}, i);
      stack.push_back(i);
      ++open_count[n];
    } else if (e.kind == Kind::kClose) {
      auto it = open_count.find(e.name);
      if (it == open_count.end() || it->second == 0) continue;  // stray
      while (ev[stack.back()].name != e.name) pop(i - 1);
      pop(i);
    }
  }
  while (!stack.empty()) pop(ev.empty() ? 0 : ev.size() - 1);
  return t;
}

// Builds the text: paragraphs separated by a blank line, whitespace collapsed.
class TextBuilder {
 public:
  void Text(std::string_view raw, bool pre) {
    scratch_.clear();
    AppendDecoded(raw, &scratch_);
    for (char c : scratch_) {
      if (c == '\n' && pre) {
        Break(1);
      } else if (IsSpace(c)) {
        space_ = true;
      } else {
        if (!out_.empty()) {
          if (pending_ == 2) {
            out_ += "\n\n";
          } else if (pending_ == 1) {
            out_ += '\n';
          } else if (space_) {
            out_ += ' ';
          }
        }
        pending_ = 0;
        space_ = false;
        out_ += c;
      }
    }
  }
  void Break(int strength) { pending_ = std::max(pending_, strength); }
  void Space() { space_ = true; }
  std::size_t size() const { return out_.size(); }
  std::string& str() { return out_; }

 private:
  std::string out_, scratch_;
  int pending_ = 0;  // 1: a line break before the next text, 2: a paragraph break
  bool space_ = false;
};

// The [begin, end] range of events holding the article, and whether the
// page's header and footer must be dropped (no article markup was found).
struct Root {
  std::size_t begin = 0, end = 0;
  bool page_parts = true;
  bool element = true;  // begin is the root element's open tag (else the page has no <body>)
};

// Why an element is left out: not at all, always (scripts, navigation,
// hidden elements ...), or only when it holds less than half of the text
// around it (forms, page parts by class or id, the page's header and footer:
// whole pages are wrapped in <form id="aspnetForm"> or
// <div class="site has-sidebar">).
enum class Skip : std::uint8_t { kNo, kAlways, kMinor };

Skip SkipOf(const Event& e, bool page_parts) {
  if (e.kind != Kind::kOpen || IsVoid(e.name) || e.self_closing) return Skip::kNo;
  if (IsSkipped(e.name) || IsHidden(e.body)) return Skip::kAlways;
  if (auto role = Attr(e.body, "role")) {
    static constexpr std::string_view kAlways[] = {"navigation", "dialog", "complementary",
                                                   "search", "alertdialog"};
    static constexpr std::string_view kPage[] = {"banner", "contentinfo"};
    if (HasWord(*role, kAlways)) return Skip::kAlways;
    if (page_parts && HasWord(*role, kPage)) return Skip::kMinor;
  }
  switch (PagePartOf(e.body)) {
    case PagePart::kAlways:
      return Skip::kAlways;
    case PagePart::kUnlessMost:
      return Skip::kMinor;
    case PagePart::kNo:
      break;
  }
  if (e.name == "form") return Skip::kMinor;
  if (page_parts && (e.name == "header" || e.name == "footer")) return Skip::kMinor;
  return Skip::kNo;
}

// Whether the element at `i` is left out of a text whose root holds
// `root_text` bytes of paragraph text (or of text, when it has no <p>).
bool Skipped(const std::vector<Event>& ev, const Tree& t, std::size_t i, bool page_parts,
             std::size_t root_ptext, std::size_t root_text) {
  switch (SkipOf(ev[i], page_parts)) {
    case Skip::kNo:
      return false;
    case Skip::kAlways:
      return true;
    case Skip::kMinor:
      return root_ptext > 0 ? 2 * t.PText(i) <= root_ptext : 2 * t.Text(i) <= root_text;
  }
  return false;
}

// The article: of the <article> elements outside left-out parts, the one
// with the most paragraph text (a teaser in a "trending" box has little);
// else <main> or role="main"; else <body>; else the whole page.
Root FindRoot(const std::vector<Event>& ev, const Tree& t) {
  if (ev.empty()) return Root{0, 0, true, false};  // (Render returns nothing for it)
  std::size_t body = ev.size();
  for (std::size_t i = 0; i < ev.size(); ++i) {
    if (ev[i].kind == Kind::kOpen && ev[i].name == "body") {
      body = i;
      break;
    }
  }
  const Root page = body < ev.size() ? Root{body, t.end[body], true}
                                     : Root{0, ev.empty() ? 0 : ev.size() - 1, true, false};
  const std::size_t page_ptext = t.ptext[page.end + 1] - t.ptext[page.begin];
  const std::size_t page_text = t.text[page.end + 1] - t.text[page.begin];
  std::size_t best = ev.size(), main = ev.size();
  // Outermost articles: how many, and their paragraph text together.
  std::size_t articles = 0, articles_ptext = 0, outer_end = 0;
  bool inside_article = false;
  for (std::size_t i = page.begin; i <= page.end && i < ev.size(); ++i) {
    const Event& e = ev[i];
    if (e.kind != Kind::kOpen || e.self_closing) continue;
    if ((i != page.begin || !page.element) &&
        Skipped(ev, t, i, /*page_parts=*/false, page_ptext, page_text)) {
      i = t.end[i];
      continue;
    }
    if (inside_article && i > outer_end) inside_article = false;
    if (e.name == "article" && t.PText(i) > 0) {
      if (!inside_article) {
        ++articles;
        articles_ptext += t.PText(i);
        inside_article = true;
        outer_end = t.end[i];
      }
      if (best == ev.size() || t.PText(i) > t.PText(best)) best = i;
    }
    if (main == ev.size()) {
      auto role = e.name == "main" ? std::optional<std::string>("main") : Attr(e.body, "role");
      if (role && EqualsIgnoreCase(*role, "main")) main = i;
    }
  }
  // Three or more articles, none with half their text: a live blog or a
  // list of posts, read whole (from <main> when there is one).
  const bool many = articles >= 3 && 2 * t.PText(best) < articles_ptext;
  if (best < ev.size() && !many) return Root{best, t.end[best], false};
  if (main < ev.size()) return Root{main, t.end[main], false};
  return page;
}

struct Rendered {
  std::string text;
  std::string h1;             // the first <h1>'s text
  std::string time_datetime;  // the first <time datetime> of the article
};

Rendered Render(const std::vector<Event>& ev, const Tree& t, const Root& root) {
  Rendered r;
  if (ev.empty()) return r;
  TextBuilder b;
  const std::size_t root_ptext = t.ptext[root.end + 1] - t.ptext[root.begin];
  const std::size_t root_text = t.text[root.end + 1] - t.text[root.begin];
  std::vector<std::size_t> pre;           // the open <pre> elements' ends
  std::size_t h1_at = std::string::npos;  // output size where the first h1 began
  std::size_t h1_end = 0;                 // its last event
  for (std::size_t i = root.begin; i <= root.end && i < ev.size(); ++i) {
    const Event& e = ev[i];
    while (!pre.empty() && pre.back() < i) pre.pop_back();
    switch (e.kind) {
      case Kind::kText:
        b.Text(e.body, !pre.empty());
        break;
      case Kind::kRaw:
        break;
      case Kind::kOpen: {
        if ((i != root.begin || !root.element) &&
            Skipped(ev, t, i, root.page_parts, root_ptext, root_text)) {
          i = t.end[i];
          break;
        }
        if (e.name == "time" && r.time_datetime.empty()) {
          if (auto dt = Attr(e.body, "datetime")) r.time_datetime = *dt;
        }
        if (e.name == "br") {
          b.Break(1);
        } else if (e.name == "td" || e.name == "th") {
          b.Space();
        } else if (IsBlock(e.name)) {
          b.Break(2);
        }
        if (e.name == "pre" && !e.self_closing) pre.push_back(t.end[i]);
        if (e.name == "h1" && h1_at == std::string::npos && !e.self_closing) {
          h1_at = b.size();
          h1_end = t.end[i];
        }
        break;
      }
      case Kind::kClose:
        if (IsBlock(e.name)) b.Break(2);
        break;
    }
    if (h1_at != std::string::npos && i == h1_end && r.h1.empty()) {
      // The headline opens the text: an h1 after a kicker or a byline moves
      // to the front. (Not one holding paragraphs: an <h1> never closed, or
      // closed by </h2>, ran on over the story; it stays where it is.)
      std::string& out = b.str();
      r.h1 = std::string(TrimSpace(std::string_view(out).substr(std::min(h1_at, out.size()))));
      if (r.h1.find('\n') != std::string::npos) {
        r.h1.clear();
      } else if (!r.h1.empty()) {
        out.erase(std::min(h1_at, out.size()));
        b.Break(2);
      }
    }
  }
  r.text = std::move(b.str());
  return r;
}

}  // namespace

Result<HtmlArticle> HtmlToText(std::string_view html, std::string_view name) {
  // A UTF-8 byte order mark says more than the page's <meta charset>.
  const bool bom = html.starts_with("\xEF\xBB\xBF");
  if (bom) html.remove_prefix(3);
  std::vector<Event> ev = Tokenize(html);
  Meta meta = ReadMeta(ev);
  std::string converted;
  if (bom) meta.charset = "utf-8";
  const std::string& cs = meta.charset;
  if (cs == "windows-1252" || cs == "cp1252" || cs == "iso-8859-1" || cs == "latin1" ||
      cs == "iso8859-1" || cs == "latin-1" || cs == "us-ascii" || cs == "ascii") {
    converted = Cp1252ToUtf8(html);
    html = converted;
    ev = Tokenize(html);
    meta = ReadMeta(ev);
  } else if (!cs.empty() && cs != "utf-8" && cs != "utf8") {
    return Status::Unsupported(std::string(name) + ": the page declares charset '" + cs +
                               "'; only UTF-8, windows-1252 and ISO-8859-1 are read (convert it "
                               "to UTF-8 first)");
  } else if (auto bad = FindInvalidUtf8(html)) {
    return Status::InvalidArgument(std::string(name) + ": invalid UTF-8 at byte " +
                                   std::to_string(*bad) + " (" + DescribePosition(html, *bad) +
                                   "); declare the page's charset or convert it to UTF-8");
  }
  const Tree tree = BuildTree(ev);
  const Root root = FindRoot(ev, tree);
  Rendered r = Render(ev, tree, root);

  HtmlArticle a;
  for (const std::string* t :
       {&meta.og_title, &meta.ld_headline, &meta.twitter_title, &meta.title_tag, &r.h1}) {
    if (!t->empty()) {
      a.title = *t;
      break;
    }
  }
  // The headline on the first line, as the clean stage reads a text file.
  const std::string& headline = !r.h1.empty() ? r.h1 : a.title;
  a.text = headline;
  if (!r.text.empty()) {
    a.text += a.text.empty() ? r.text : "\n\n" + r.text;
  }
  std::vector<std::string> dates = meta.dates;
  if (!r.time_datetime.empty()) dates.push_back(r.time_datetime);
  for (const std::string& d : dates) {
    if (ParseIsoDay(TrimSpace(d)).ok()) {
      a.date = std::string(TrimSpace(d));
      break;
    }
  }
  for (const std::string* u : {&meta.canonical, &meta.og_url, &meta.ld_url}) {
    if (!u->empty()) {
      a.url = *u;
      break;
    }
  }
  for (const std::string* s : {&meta.og_site, &meta.ld_publisher, &meta.app_name}) {
    if (!s->empty()) {
      a.source = *s;
      break;
    }
  }
  return a;
}

}  // namespace tkg
