// Speed of the linguistic core on the sample articles (or the JSONL file in
// $TKG_BENCH_INPUT): loading the syntax model, tagging alone, and
// tokenising + sentence splitting + tagging + lemmatising + parsing, in
// tokens per second (the "items_per_second" counter).
//
//   build/bench/syntax_bench

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "extract/extractor.h"
#include "extract/io/jsonl.h"
#include "extract/lexicon.h"
#include "extract/syntax/model.h"

namespace tkg {
namespace {

std::vector<DocumentInput> Corpus() {
  std::vector<DocumentInput> docs;
  std::string src = TKG_SOURCE_DIR;
  const char* env = std::getenv("TKG_BENCH_INPUT");
  std::ifstream in(env != nullptr ? env : src + "/samples/wikinews.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    auto d = ParseInputLine(line);
    if (d.ok()) docs.push_back(std::move(*d));
  }
  DocumentInput nato;
  nato.meta.id = "nato";
  if (env == nullptr && ReadFile(src + "/samples/nato-bucharest-2022-11-29.txt", &nato.text).ok()) {
    docs.push_back(std::move(nato));
  }
  return docs;
}

std::string ModelPath() { return DataDirectory("") + "/en/models/syntax.tkgm"; }

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    auto m = syntax::SyntaxModel::Load(ModelPath());
    if (!m.ok()) state.SkipWithError(m.status().message().c_str());
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

std::unique_ptr<Extractor> MakeExtractor(std::vector<std::string_view> stages) {
  ExtractorOptions o;
  o.stages = std::move(stages);
  auto ex = Extractor::Create(o);
  if (!ex.ok()) std::abort();
  return std::move(*ex);
}

// Tokens of the corpus, per sentence, as the syntax stage sees them.
void BM_Tag(benchmark::State& state) {
  auto seg = MakeExtractor({"clean", "segment"});
  auto model = seg->resources()->SyntaxModel();
  if (!model.ok()) std::abort();
  std::vector<Document> docs;
  for (const DocumentInput& d : Corpus()) docs.push_back(*seg->Annotate(d));
  std::vector<std::string_view> forms;
  std::vector<std::uint16_t> tags;
  std::size_t tokens = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      for (const Sentence& s : d.sentences()) {
        forms.clear();
        for (std::uint32_t t = s.first_token; t < s.end_token; ++t) forms.push_back(d.TokenText(t));
        (*model)->tagger.Tag(forms, &tags);
        tokens += forms.size();
      }
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(tokens));
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

// Clean + tokenise + split + tag + lemmatise + parse.
void BM_TokenizeTagParse(benchmark::State& state) {
  auto ex = MakeExtractor({"clean", "segment", "syntax"});
  std::vector<DocumentInput> corpus = Corpus();
  std::size_t tokens = 0;
  for (auto _ : state) {
    for (const DocumentInput& d : corpus) {
      auto doc = ex->Annotate(d);
      if (!doc.ok()) std::abort();
      tokens += doc->tokens().size();
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(tokens));
}
BENCHMARK(BM_TokenizeTagParse)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tkg

BENCHMARK_MAIN();
