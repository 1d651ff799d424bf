// SegmentStage: tokenizes every non-boilerplate zone (see tokenizer.h) and
// splits it into sentences.
//
// Sentence boundaries: every zone boundary; after . ! ? … (and any closing
// quotes or brackets, citation markers "[6]" and footnote numbers glued to
// the period "marker.1" that follow) when the next token starts a sentence
// (an upper-case letter, an opening quote or bracket, a digit, or a symbol,
// bullet or dash opening a new line: "(1).\n∗ Institut"); after an
// abbreviation of class "other" ("Inc.", "U.S.") only when a capitalised
// function word follows ("The", "He"); never after a title abbreviation
// ("Gen.", "Mr.") or an initial; "No." abbreviates "number" only before a
// number ("the No. 2 Republican") and elsewhere ends a sentence like a
// period ("No. Not really."); at a line break inside a zone when the line
// before does not end with a comma, a hyphen or a function word and the
// next line starts with a capital letter or a quote; in hard-wrapped text
// (a third or more of the zone's line breaks before a lower-case word) only
// after a short line, one under 3/4 of the widest (a heading, not "... the
// trumpets of the Last\nJudgment").
//
// Reads: zones.  Writes: tokens, sentences.

#ifndef TKG_EXTRACT_TEXT_SEGMENT_STAGE_H_
#define TKG_EXTRACT_TEXT_SEGMENT_STAGE_H_

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/pipeline.h"
#include "extract/resources.h"
#include "extract/text/tokenizer.h"

namespace tkg {

class SegmentStage final : public Stage {
 public:
  explicit SegmentStage(std::shared_ptr<const Resources> res)
      : res_(std::move(res)), tokenizer_(&res_->abbreviations) {}

  std::string_view name() const override { return "segment"; }
  Layers Requires() const override { return Layer::kZones; }
  Layers Provides() const override { return Layer::kTokens | Layer::kSentences; }
  Status Run(Document* doc) const override;

 private:
  // Where each word follows a given name ("Steve Jobs": "Jobs" at its
  // position), built for a document the first time a sentence split needs it.
  struct Surnames {
    bool built = false;
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> at;  // ascending
  };
  void SplitSentences(const Document& doc, std::uint32_t zone, std::uint32_t first,
                      std::uint32_t end, Surnames* surnames, std::vector<Sentence>* out) const;
  bool KnownSurnameOpens(const Document& doc, std::uint32_t j, std::uint32_t end,
                         Surnames* surnames) const;

  std::shared_ptr<const Resources> res_;
  Tokenizer tokenizer_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_TEXT_SEGMENT_STAGE_H_
