#include "tests/testing/documents.h"

#include <cstdlib>
#include <iostream>

#include "extract/stages.h"

namespace tkg::testing {

const std::shared_ptr<const Resources>& SharedResources() {
  static const std::shared_ptr<const Resources> res = [] {
    auto r = Resources::Load(DataDirectory("") + "/en");
    if (!r.ok()) {
      std::cerr << "cannot load extraction resources: " << r.status().ToString() << "\n";
      std::abort();
    }
    return *r;
  }();
  return res;
}

Document MakeDocument(std::string text, std::string_view date) {
  DocumentMeta meta;
  meta.id = "test";
  if (!date.empty()) {
    auto d = ParseIsoDay(date);
    if (d.ok()) {
      meta.dct = *d;
      meta.date_text = std::string(date);
    } else {
      ADD_FAILURE() << d.status().ToString();
    }
  }
  return Document(std::move(meta), std::move(text));
}

Document Annotate(std::string text, std::string_view date,
                  std::initializer_list<std::string_view> stages) {
  Document doc = MakeDocument(std::move(text), date);
  auto pipeline = MakePipeline(SharedResources(), std::vector<std::string_view>(stages));
  if (!pipeline.ok()) {
    ADD_FAILURE() << pipeline.status().ToString();
    return doc;
  }
  Status s = pipeline->Run(&doc);
  if (!s.ok()) ADD_FAILURE() << s.ToString();
  return doc;
}

std::vector<std::string> TokenTexts(const Document& doc) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc.tokens().size(); ++i) out.emplace_back(doc.TokenText(i));
  return out;
}

std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences()) out.emplace_back(doc.Slice(s.span));
  return out;
}

}  // namespace tkg::testing
