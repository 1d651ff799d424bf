// CleanStage: finds the regions of an article (headline, standfirst,
// dateline, body paragraphs, pull-quotes, captions) and its page furniture
// (tag lines such as "Nato,Worldnews", "Read More on..", "Comments"), and
// records them as Zones. It never edits the text: every later span still
// points into the original bytes; boilerplate zones are simply skipped.
//
// Rules, in order:
//   - lines listed in boilerplate.tsv (line / prefix), tag lines (two or more
//     comma-separated capitalised words without spaces) and boilerplate
//     suffixes ("... said. Read More on..") become kBoilerplate zones;
//   - blank lines separate paragraphs; each paragraph is one zone;
//   - a leading date line ("Thursday, February 23, 2006") is a kDateline;
//   - a short first paragraph without final punctuation is the kHeadline and
//     a one-sentence paragraph right after it the kStandfirst;
//   - a paragraph that repeats most of another paragraph's words (8-word
//     shingles) and comes before it is a kPullQuote;
//   - a paragraph ending in "Image: ..." is a kCaption.
//
// Reads: nothing.  Writes: zones.

#ifndef TKG_EXTRACT_TEXT_CLEAN_STAGE_H_
#define TKG_EXTRACT_TEXT_CLEAN_STAGE_H_

#include <memory>

#include "extract/pipeline.h"
#include "extract/resources.h"

namespace tkg {

class CleanStage final : public Stage {
 public:
  explicit CleanStage(std::shared_ptr<const Resources> res) : res_(std::move(res)) {}

  std::string_view name() const override { return "clean"; }
  Layers Requires() const override { return {}; }
  Layers Provides() const override { return Layer::kZones; }
  Status Run(Document* doc) const override;

 private:
  std::shared_ptr<const Resources> res_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_TEXT_CLEAN_STAGE_H_
