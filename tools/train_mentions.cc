// tkg-train-mentions: trains the mention tagger (extract/entities/mention_tagger.h) from
// documents and their gold named mentions, and writes one model file. Seeded and reproducible:
// the same data, seed and epochs give the same bytes.
//
//   tkg-train-mentions --docs TRAIN.jsonl --gold TRAIN.tsv [--dev-docs DEV.jsonl --dev-gold
//   DEV.tsv]
//                      [--epochs N] [--seed S] [--prune W] [--data DIR] -o MODEL
//
// The documents are JSONL lines {"id", "text"}; the gold is TSV lines
// doc <TAB> named <TAB> begin byte <TAB> end byte <TAB> PERSON|ORG|PLACE ... (other lines are
// skipped). Both are what /work/shared/eval/entity_eval.py writes for GUM (--write-input,
// --list-gold), so the tagger learns the names that script scores; see docs/models.md.
// The documents are segmented by tkg's own clean and segment stages, so that training sees the
// tokens tagging will see; a gold name whose ends are not token boundaries of one sentence is
// left out (counted). Of nested names the longest is kept.
//
// Prints the dev exact-span P / R / F1 per epoch on stderr.

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/entities/mention_tagger.h"
#include "extract/extractor.h"

using namespace tkg;

namespace {

struct GoldSpan {
  std::uint32_t begin, end;
  EntityType type;
};

struct Example {
  Document doc;
  std::vector<std::uint8_t> labels;  // per token
  std::size_t gold = 0;              // gold names kept
};

bool ReadGold(const std::string& path, std::map<std::string, std::vector<GoldSpan>>* out) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "tkg-train-mentions: cannot open " << path << "\n";
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, '\t')) cols.push_back(c);
    if (cols.size() < 5 || cols[1] != "named") continue;
    auto type = EntityTypeFromName(cols[4]);
    if (!type) continue;
    (*out)[cols[0]].push_back(GoldSpan{static_cast<std::uint32_t>(std::stoul(cols[2])),
                                       static_cast<std::uint32_t>(std::stoul(cols[3])), *type});
  }
  return true;
}

// Reads the documents, segments them and labels their tokens from the gold.
bool Load(const Extractor& ex, const std::string& docs_path, const std::string& gold_path,
          std::vector<Example>* out, std::size_t* dropped) {
  std::map<std::string, std::vector<GoldSpan>> gold;
  if (!ReadGold(gold_path, &gold)) return false;
  std::ifstream in(docs_path);
  if (!in) {
    std::cerr << "tkg-train-mentions: cannot open " << docs_path << "\n";
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("id") || !j.contains("text")) {
      std::cerr << "tkg-train-mentions: " << docs_path << ": bad line\n";
      return false;
    }
    DocumentInput input;
    input.meta.id = j["id"].get<std::string>();
    input.text = j["text"].get<std::string>();
    auto doc = ex.Annotate(std::move(input));
    if (!doc.ok()) {
      std::cerr << "tkg-train-mentions: " << doc.status().message() << "\n";
      return false;
    }
    Example e{std::move(*doc), {}, 0};
    const auto& toks = e.doc.tokens();
    e.labels.assign(toks.size(), 0);
    std::vector<std::int32_t> sent_of(toks.size(), -1);
    for (std::size_t s = 0; s < e.doc.sentences().size(); ++s) {
      const Sentence& sn = e.doc.sentences()[s];
      for (std::uint32_t t = sn.first_token; t < sn.end_token; ++t) {
        sent_of[t] = static_cast<std::int32_t>(s);
      }
    }
    std::vector<GoldSpan> spans = gold[e.doc.meta().id];
    std::stable_sort(spans.begin(), spans.end(), [](const GoldSpan& a, const GoldSpan& b) {
      return a.end - a.begin > b.end - b.begin;
    });
    for (const GoldSpan& g : spans) {
      auto first = std::find_if(toks.begin(), toks.end(),
                                [&](const Token& t) { return t.span.begin == g.begin; });
      auto last = std::find_if(toks.begin(), toks.end(),
                               [&](const Token& t) { return t.span.end == g.end; });
      if (first == toks.end() || last == toks.end() || last < first) {
        ++*dropped;
        continue;
      }
      auto b = static_cast<std::uint32_t>(first - toks.begin());
      auto l = static_cast<std::uint32_t>(last - toks.begin());
      bool free = sent_of[b] == sent_of[l];
      for (std::uint32_t t = b; t <= l && free; ++t) free = e.labels[t] == 0;
      if (!free) {
        ++*dropped;
        continue;
      }
      std::size_t type = static_cast<std::size_t>(mentions::TypeIndex(g.type));
      for (std::uint32_t t = b; t <= l; ++t) {
        mentions::Bilou bl = b == l   ? mentions::kU
                             : t == b ? mentions::kB
                             : t == l ? mentions::kL
                                      : mentions::kI;
        e.labels[t] = static_cast<std::uint8_t>(mentions::ClassOf(type, bl));
      }
      ++e.gold;
    }
    out->push_back(std::move(e));
  }
  return true;
}

struct Prf {
  std::size_t tp = 0, sys = 0, gold = 0;
  double P() const { return sys ? 100.0 * static_cast<double>(tp) / static_cast<double>(sys) : 0; }
  double R() const {
    return gold ? 100.0 * static_cast<double>(tp) / static_cast<double>(gold) : 0;
  }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

// Exact span + type against the aligned gold.
Prf Evaluate(const MentionModel& m, const Resources& res, const std::vector<Example>& data) {
  Prf prf;
  std::vector<TaggedMention> sys, gold;
  for (const Example& e : data) {
    sys.clear();
    gold.clear();
    m.Tag(res, e.doc, &sys);
    for (const Sentence& s : e.doc.sentences()) {
      std::vector<std::uint8_t> lab(e.labels.begin() + s.first_token,
                                    e.labels.begin() + s.end_token);
      mentions::Decode(s.first_token, lab, &gold);
    }
    prf.sys += sys.size();
    prf.gold += gold.size();
    for (const TaggedMention& a : sys) {
      for (const TaggedMention& g : gold) {
        if (a.first == g.first && a.end == g.end && a.type == g.type) ++prf.tp;
      }
    }
  }
  return prf;
}

}  // namespace

int main(int argc, char** argv) {
  std::string docs, gold, dev_docs, dev_gold, out, data = DataDirectory("");
  int epochs = 10;
  std::uint64_t seed = 1;
  float prune = 0.01F;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "tkg-train-mentions: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--docs") {
      docs = next();
    } else if (a == "--gold") {
      gold = next();
    } else if (a == "--dev-docs") {
      dev_docs = next();
    } else if (a == "--dev-gold") {
      dev_gold = next();
    } else if (a == "--epochs") {
      epochs = std::stoi(next());
    } else if (a == "--seed") {
      seed = std::stoull(next());
    } else if (a == "--prune") {
      prune = std::stof(next());
    } else if (a == "--data") {
      data = next();
    } else if (a == "-o") {
      out = next();
    } else {
      std::cerr << "usage: tkg-train-mentions --docs D.jsonl --gold G.tsv [--dev-docs D "
                   "--dev-gold G] [--epochs N] [--seed S] [--prune W] [--data DIR] -o MODEL\n";
      return 2;
    }
  }
  if (docs.empty() || gold.empty() || out.empty()) {
    std::cerr << "tkg-train-mentions: --docs, --gold and -o are required\n";
    return 2;
  }
  ExtractorOptions opt;
  opt.data_dir = data;
  opt.stages = {"clean", "segment"};
  auto ex = Extractor::Create(opt);
  if (!ex.ok()) {
    std::cerr << "tkg-train-mentions: " << ex.status().message() << "\n";
    return 1;
  }
  const Resources& res = *(*ex)->resources();
  std::vector<Example> train, dev;
  std::size_t dropped = 0, dev_dropped = 0;
  if (!Load(**ex, docs, gold, &train, &dropped)) return 1;
  if (!dev_docs.empty() && !Load(**ex, dev_docs, dev_gold, &dev, &dev_dropped)) return 1;
  std::size_t n_gold = 0;
  for (const Example& e : train) n_gold += e.gold;
  std::cerr << "train: " << train.size() << " documents, " << n_gold << " names (" << dropped
            << " left out: not on token boundaries or nested)\n";

  syntax::Trainer trainer(mentions::kNumClasses);
  std::mt19937_64 rng(seed);
  std::vector<std::size_t> order(train.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::vector<std::uint64_t> feats;
  float scores[mentions::kNumClasses];
  Prf last;
  MentionModel model;
  for (int ep = 1; ep <= epochs; ++ep) {
    for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    std::size_t errors = 0, scored = 0;
    for (std::size_t di : order) {
      const Example& e = train[di];
      mentions::Featurizer fz(res, e.doc);
      for (const Sentence& s : e.doc.sentences()) {
        if (!fz.StartSentence(s)) continue;
        std::size_t prev = 0, prev2 = 0;
        for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
          std::size_t truth = e.labels[i];
          std::size_t guess = 0;
          if (fz.NeedsScore(i, prev)) {
            fz.Features(i, prev, prev2, &feats);
            std::fill(std::begin(scores), std::end(scores), 0.0F);
            trainer.Score(feats, scores);
            bool found = false;
            for (std::size_t c = 0; c < mentions::kNumClasses; ++c) {
              if (!mentions::Allowed(prev, c)) continue;
              if (!found || scores[c] > scores[guess]) {
                guess = c;
                found = true;
              }
            }
            ++scored;
            if (guess != truth) {
              trainer.Update(feats, truth, guess);
              ++errors;
            }
            trainer.Tick();
          }
          prev2 = prev;
          prev = guess;
        }
      }
    }
    model.weights = trainer.Average(prune);
    std::cerr << "epoch " << ep << ": " << errors << " errors of " << scored << " scored tokens";
    if (!dev.empty()) {
      last = Evaluate(model, res, dev);
      char buf[128];
      std::snprintf(buf, sizeof(buf), "; dev exact+type P %.2f R %.2f F1 %.2f", last.P(), last.R(),
                    last.F());
      std::cerr << buf;
    }
    std::cerr << "\n";
  }
  nlohmann::json meta;
  meta["model"] = "tkg mention tagger (averaged perceptron, BILOU PERSON/ORG/PLACE, greedy)";
  meta["train"] = docs;
  meta["train_names"] = n_gold;
  meta["epochs"] = epochs;
  meta["seed"] = seed;
  meta["prune"] = prune;
  meta["features"] = MentionModel::kFeatureVersion;
  meta["weights"] = model.weights.num_weights();
  if (!dev.empty()) {
    meta["dev"] = dev_docs;
    meta["dev_exact_type_f1_tokens"] = std::round(last.F() * 100) / 100;
  }
  model.metadata = meta.dump();
  std::string bytes = model.Serialize();
  std::ofstream o(out, std::ios::binary);
  o.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!o) {
    std::cerr << "tkg-train-mentions: cannot write " << out << "\n";
    return 1;
  }
  std::cerr << "wrote " << out << " (" << bytes.size() << " bytes, " << model.weights.num_weights()
            << " weights)\n";
  return 0;
}
