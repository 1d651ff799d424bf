// Throughput of each extraction stage and of the whole extractor, in bytes
// of article text per second, on the project's sample articles (the NATO
// report and the Wikinews samples, about 12 KB together), or on the JSONL
// file named by $TKG_BENCH_INPUT (one document per line).
//
// A stage's own cost is the difference between the pipeline up to it and the
// pipeline up to the stage before; `BM_Prefix/N` runs the first N stages.

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "extract/extractor.h"
#include "extract/io/jsonl.h"
#include "extract/lexicon.h"
#include "extract/stages.h"

namespace tkg {
namespace {

struct Corpus {
  std::vector<DocumentInput> docs;
  std::size_t bytes = 0;
};

const Corpus& LoadCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    std::string src = TKG_SOURCE_DIR;
    const char* env = std::getenv("TKG_BENCH_INPUT");
    std::string jsonl = env != nullptr ? env : src + "/samples/wikinews.jsonl";
    std::ifstream in(jsonl);
    std::string line;
    while (std::getline(in, line)) {
      auto d = ParseInputLine(line);
      if (d.ok()) c.docs.push_back(std::move(*d));
    }
    if (env == nullptr) {
      DocumentInput nato;
      nato.meta.id = "nato";
      nato.meta.dct = *ParseIsoDay("2022-11-29");
      if (ReadFile(src + "/samples/nato-bucharest-2022-11-29.txt", &nato.text).ok()) {
        c.docs.push_back(std::move(nato));
      }
    }
    for (const DocumentInput& d : c.docs) c.bytes += d.text.size();
    return c;
  }();
  return corpus;
}

std::shared_ptr<const Resources> Res() {
  static const std::shared_ptr<const Resources> res = [] {
    auto r = Resources::Load(DataDirectory("") + "/en");
    if (!r.ok()) std::abort();
    return *r;
  }();
  return res;
}

void BM_Prefix(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  std::vector<std::string_view> names(DefaultStageNames().begin(),
                                      DefaultStageNames().begin() + state.range(0));
  auto pipeline = MakePipeline(Res(), names);
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().ToString().c_str());
    return;
  }
  std::string label;
  for (std::string_view n : names) label += (label.empty() ? "" : "+") + std::string(n);
  state.SetLabel(label);
  for (auto _ : state) {
    for (const DocumentInput& in : corpus.docs) {
      Document doc(in.meta, in.text);
      benchmark::DoNotOptimize(pipeline->Run(&doc));
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(corpus.bytes));
}
BENCHMARK(BM_Prefix)
    ->Apply([](benchmark::internal::Benchmark* b) {
      for (std::size_t n = 1; n <= DefaultStageNames().size(); ++n) {
        b->Arg(static_cast<std::int64_t>(n));
      }
    })
    ->Unit(benchmark::kMillisecond);

// The time stage alone: the documents are cleaned and segmented once, then
// only the time stage runs on them (it replaces their timexes each time).
// bench/chrono_compare.sh runs this next to the npm package chrono-node on
// the same texts.
void BM_TimeStageOnly(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  auto before = MakePipeline(Res(), {"clean", "segment"});
  auto time = MakeStage("time", Res());
  if (!before.ok() || !time.ok()) {
    state.SkipWithError("cannot build the stages");
    return;
  }
  std::vector<Document> docs;
  docs.reserve(corpus.docs.size());
  for (const DocumentInput& in : corpus.docs) {
    docs.emplace_back(in.meta, in.text);
    if (!before->Run(&docs.back()).ok()) {
      state.SkipWithError("clean/segment failed");
      return;
    }
  }
  std::size_t timexes = 0;
  for (auto _ : state) {
    timexes = 0;
    for (Document& doc : docs) {
      benchmark::DoNotOptimize((*time)->Run(&doc));
      timexes += doc.timexes().size();
    }
  }
  state.counters["timexes"] = static_cast<double>(timexes);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(corpus.bytes));
}
BENCHMARK(BM_TimeStageOnly)->Unit(benchmark::kMillisecond);

// One stage alone on documents that went once through the stages before it
// in `names` (the stage replaces its layer each time it runs).
void RunStageOnly(benchmark::State& state, const std::vector<std::string_view>& names,
                  std::string_view stage) {
  const Corpus& corpus = LoadCorpus();
  std::vector<std::string_view> before_names;
  for (std::string_view n : names) {
    if (n == stage) break;
    before_names.push_back(n);
  }
  auto before = MakePipeline(Res(), before_names);
  auto only = MakeStage(stage, Res());
  if (!before.ok() || !only.ok()) {
    state.SkipWithError("cannot build the stages");
    return;
  }
  std::vector<Document> docs;
  docs.reserve(corpus.docs.size());
  for (const DocumentInput& in : corpus.docs) {
    docs.emplace_back(in.meta, in.text);
    if (!before->Run(&docs.back()).ok()) {
      state.SkipWithError("the stages before failed");
      return;
    }
  }
  for (auto _ : state) {
    for (Document& doc : docs) benchmark::DoNotOptimize((*only)->Run(&doc));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(corpus.bytes));
}

// The facts stage alone: /0 the shallow patterns (default pipeline), /1 the
// clause facts on the parse (the default pipeline; 0: `--fast`); BM_SyntaxStageOnly is the
// parser it depends on.
void BM_FactsStageOnly(benchmark::State& state) {
  RunStageOnly(state, state.range(0) != 0 ? DefaultStageNames() : ShallowStageNames(), "facts");
}
BENCHMARK(BM_FactsStageOnly)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_SyntaxStageOnly(benchmark::State& state) {
  RunStageOnly(state, DefaultStageNames(), "syntax");
}
BENCHMARK(BM_SyntaxStageOnly)->Unit(benchmark::kMillisecond);

// The whole extractor with the JSONL output, as `tkg extract` runs it on
// one thread.
void BM_ExtractToJson(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  auto ex = Extractor::Create(ExtractorOptions{});
  if (!ex.ok()) {
    state.SkipWithError(ex.status().ToString().c_str());
    return;
  }
  for (auto _ : state) {
    for (const DocumentInput& in : corpus.docs) {
      auto r = (*ex)->Extract(in);
      if (r.ok()) benchmark::DoNotOptimize(ResultToJsonLine(*r));
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(corpus.bytes));
}
BENCHMARK(BM_ExtractToJson)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tkg

BENCHMARK_MAIN();
