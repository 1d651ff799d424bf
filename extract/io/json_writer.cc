#include "extract/io/json_writer.h"

#include <cmath>
#include <cstdio>

namespace tkg {

void JsonWriter::Separator() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::Key(std::string_view key) {
  Separator();
  out_->push_back('"');
  Escape(key, out_);
  out_->append("\":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  Separator();
  out_->push_back('"');
  Escape(s, out_);
  out_->push_back('"');
}

void JsonWriter::Uint(std::uint64_t v) {
  char buf[24];
  char* end = buf + sizeof(buf);
  char* p = end;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  Value(std::string_view(p, static_cast<std::size_t>(end - p)));
}

void JsonWriter::Fixed2(double v) {
  double r = std::round(v * 100.0) / 100.0;
  char buf[32];
  int n = std::snprintf(buf, sizeof(buf), "%.2f", r);
  std::string_view s(buf, static_cast<std::size_t>(n));
  // Trailing zeros off, but keep one decimal ("1.0", "0.7", "0.85").
  while (s.size() > 3 && s.back() == '0' && s[s.size() - 2] != '.') s.remove_suffix(1);
  Value(s);
}

void JsonWriter::Escape(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the current unescaped run
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.substr(run));
}

}  // namespace tkg
