#include "extract/syntax/syntax_stage.h"

#include <vector>

namespace tkg {

Result<std::unique_ptr<Stage>> SyntaxStage::Make(const std::shared_ptr<const Resources>& res) {
  TKG_ASSIGN_OR_RETURN(std::shared_ptr<const syntax::SyntaxModel> model, res->SyntaxModel());
  return std::unique_ptr<Stage>(new SyntaxStage(std::move(model)));
}

Status SyntaxStage::Run(Document* doc) const {
  doc->ResetSyntax(model_);
  std::vector<TokenSyntax>* out = doc->mutable_syntax();
  std::vector<std::string_view> forms;
  std::vector<std::uint16_t> tags;
  std::vector<syntax::ParserInput> in;
  std::vector<int> heads;
  std::vector<std::uint8_t> labels;
  const syntax::Tagger& tagger = model_->tagger;
  for (const Sentence& s : doc->sentences()) {
    forms.clear();
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) forms.push_back(doc->TokenText(t));
    if (forms.empty()) continue;
    tagger.Tag(forms, &tags);
    in.clear();
    for (std::size_t i = 0; i < forms.size(); ++i) {
      in.push_back(syntax::ParserInput{forms[i], tagger.Upos(tags[i]), tagger.Xpos(tags[i])});
    }
    model_->parser.Parse(in, &heads, &labels);
    for (std::size_t i = 0; i < forms.size(); ++i) {
      std::size_t t = s.first_token + i;
      TokenSyntax& ts = (*out)[t];
      ts.upos = tagger.Upos(tags[i]);
      ts.xpos = tagger.Xpos(tags[i]);
      ts.deprel = model_->parser.Label(labels[i]);
      ts.head = heads[i] <= 0 ? -1 : static_cast<std::int32_t>(s.first_token) + heads[i] - 1;
      doc->SetLemma(t, model_->lemmatizer.Lemma(forms[i], ts.upos, ts.xpos));
    }
  }
  return Status();
}

}  // namespace tkg
