#include "extract/syntax/syntax_stage.h"

#include <algorithm>
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
  syntax::Analysis a;
  const syntax::SyntaxModel& m = *model_;
  for (const Sentence& s : doc->sentences()) {
    // A sentence longer than kMaxParseTokens (a list or a table run together)
    // is parsed in consecutive windows, each its own tree: no tree is ever
    // longer than the window, so every later use of the parse stays linear.
    for (std::uint32_t w = s.first_token; w < s.end_token; w += kMaxParseTokens) {
      const std::uint32_t end = std::min(s.end_token, w + kMaxParseTokens);
      forms.clear();
      for (std::uint32_t t = w; t < end; ++t) forms.push_back(doc->TokenText(t));
      m.Analyze(forms, &a);
      for (std::size_t i = 0; i < forms.size(); ++i) {
        std::size_t t = w + i;
        TokenSyntax& ts = (*out)[t];
        ts.upos = m.Upos(a, i);
        ts.xpos = m.Xpos(a, i);
        ts.deprel = m.Deprel(a, i);
        ts.head = a.heads[i] <= 0 ? -1 : static_cast<std::int32_t>(w) + a.heads[i] - 1;
        doc->SetLemma(t, m.lemmatizer.Lemma(forms[i], ts.upos, ts.xpos));
      }
    }
  }
  return Status();
}

}  // namespace tkg
