// The syntax stage: part-of-speech tags (UPOS and XPOS), lemmas and a
// dependency tree (UD relations) for every sentence, from the syntax model
// (extract/data/<lang>/models/syntax.tkgm, see docs/models.md). A sentence
// longer than kMaxParseTokens is parsed in windows of that many tokens, each
// its own tree (UD English sentences are shorter; such "sentences" are lists
// and tables the splitter could not cut).

#ifndef TKG_EXTRACT_SYNTAX_SYNTAX_STAGE_H_
#define TKG_EXTRACT_SYNTAX_SYNTAX_STAGE_H_

#include <cstdint>
#include <memory>

#include "extract/pipeline.h"
#include "extract/resources.h"
#include "extract/syntax/model.h"

namespace tkg {

class SyntaxStage final : public Stage {
 public:
  static constexpr std::uint32_t kMaxParseTokens = 200;

  explicit SyntaxStage(std::shared_ptr<const syntax::SyntaxModel> model)
      : model_(std::move(model)) {}
  // Loads the model of `res` (once per Resources).
  static Result<std::unique_ptr<Stage>> Make(const std::shared_ptr<const Resources>& res);

  std::string_view name() const override { return "syntax"; }
  Layers Requires() const override { return Layer::kTokens | Layer::kSentences; }
  Layers Provides() const override { return Layer::kSyntax; }
  Status Run(Document* doc) const override;

 private:
  std::shared_ptr<const syntax::SyntaxModel> model_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_SYNTAX_SYNTAX_STAGE_H_
