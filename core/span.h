// Span: a half-open byte range [begin, end) into one document's UTF-8 text.
// Every annotation in tkg points back into the original text with a Span, so
// exporters can always show the evidence and text.substr(begin, end - begin)
// is exactly the annotated text. Documents are limited to 4 GiB - 1 bytes
// (the readers enforce a much smaller limit).

#ifndef TKG_CORE_SPAN_H_
#define TKG_CORE_SPAN_H_

#include <cstdint>
#include <string_view>

namespace tkg {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  std::uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  // REQUIRES: end <= text.size().
  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }

  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

}  // namespace tkg

#endif  // TKG_CORE_SPAN_H_
