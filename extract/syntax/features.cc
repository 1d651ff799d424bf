#include "extract/syntax/features.h"

#include <algorithm>

#include "extract/syntax/perceptron.h"

namespace tkg::syntax {

std::uint64_t NormKey(std::string_view form, std::string* scratch) {
  std::string& s = *scratch;
  s.assign(form);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c >= '0' && c <= '9') {
      c = '0';
    }
  }
  return StringHash(s);
}

void ComputeWordKeys(std::string_view form, WordKeys* out, std::string* scratch) {
  out->raw = StringHash(form);
  std::string& s = *scratch;
  s.assign(form);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c >= '0' && c <= '9') {
      c = '0';
    }
  }
  out->norm = StringHash(s);
  std::string_view v(s);
  for (std::size_t k = 0; k < 3; ++k) {
    out->pre[k] = StringHash(v.substr(0, std::min(v.size(), k + 1)));
  }
  for (std::size_t k = 0; k < 4; ++k) {
    std::size_t n = std::min(v.size(), k + 1);
    out->suf[k] = StringHash(v.substr(v.size() - n));
  }
  // Shape: X x d, other ASCII bytes as themselves, non-ASCII as 'u'; a run of
  // one class is kept to two.
  char shape[32];
  std::size_t n = 0;
  char prev = 0;
  int run = 0;
  for (char ch : form) {
    char c;
    if (ch >= 'A' && ch <= 'Z') {
      c = 'X';
    } else if (ch >= 'a' && ch <= 'z') {
      c = 'x';
    } else if (ch >= '0' && ch <= '9') {
      c = 'd';
    } else if (static_cast<unsigned char>(ch) >= 0x80) {
      c = 'u';
    } else {
      c = ch;
    }
    run = c == prev ? run + 1 : 1;
    prev = c;
    if (run <= 2 && n < sizeof(shape)) shape[n++] = c;
  }
  out->shape = StringHash(std::string_view(shape, n));
}

}  // namespace tkg::syntax
