#include "extract/document.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_set>

namespace tkg {

RuleRef InternRuleName(std::string_view name) {
  // Never freed: rule names live as long as the process, like string literals.
  static std::mutex* mu = new std::mutex;
  static auto* names = new std::unordered_set<std::string>;
  std::lock_guard<std::mutex> lock(*mu);
  auto it = names->emplace(name).first;
  return RuleRef{it->c_str()};
}

std::string_view ZoneKindName(ZoneKind k) {
  switch (k) {
    case ZoneKind::kHeadline:
      return "headline";
    case ZoneKind::kStandfirst:
      return "standfirst";
    case ZoneKind::kDateline:
      return "dateline";
    case ZoneKind::kBody:
      return "body";
    case ZoneKind::kPullQuote:
      return "pullquote";
    case ZoneKind::kCaption:
      return "caption";
    case ZoneKind::kBoilerplate:
      return "boilerplate";
    case ZoneKind::kCitation:
      return "citation";
  }
  return "body";
}

std::int32_t Document::SentenceAt(std::uint32_t pos) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                             [](std::uint32_t p, const Sentence& s) { return p < s.span.begin; });
  if (it == sentences_.begin()) return -1;
  --it;
  if (pos >= it->span.end) return -1;
  return static_cast<std::int32_t>(it - sentences_.begin());
}

std::uint32_t Document::TokenAtOrAfter(std::uint32_t pos) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), pos,
                             [](const Token& t, std::uint32_t p) { return t.span.begin < p; });
  return static_cast<std::uint32_t>(it - tokens_.begin());
}

}  // namespace tkg
