// tkg-train-syntax: trains the syntax model (tagger, lemmatizer tables,
// parser) from CoNLL-U treebanks and writes one model file. Seeded and
// reproducible: the same data, seed and epochs give the same bytes.
//
//   tkg-train-syntax --train A.conllu [--train B.conllu] [--dev D.conllu ...]
//                    [--tagger-epochs N] [--parser-epochs N] [--seed S]
//                    [--tagger-prune W] [--parser-prune W] [--jackknife K]
//                    [--wordnet DIR] [--reuse-tagger MODEL] [--reuse-parser MODEL]
//                    [--jackknife-cache FILE] [--tagger-bidirectional | --tagger-passes N] -o MODEL
//
// --jackknife-cache keeps the jackknifed training tags in FILE (one line per
// sentence, UPOS and XPOS per word): read when it exists, else written, so
// that parser experiments skip the K tagger trainings. Only valid for the
// same --train files, --seed, --jackknife and tagger flags (checked: the tag
// count only). It holds treebank tags: keep it outside the repository.
//
// Prints the dev scores per epoch on stderr (tags from the trained tagger).
// See docs/models.md for the command that built the committed model.

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/syntax/conllu.h"
#include "extract/syntax/model.h"

using namespace tkg;
using namespace tkg::syntax;

namespace {

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

bool ReadAll(const std::vector<std::string>& files, std::vector<ConlluSentence>* out) {
  for (const auto& f : files) {
    auto r = ReadConlluFile(f);
    if (!r.ok()) {
      std::cerr << "tkg-train-syntax: " << r.status().message() << "\n";
      return false;
    }
    for (auto& s : *r) out->push_back(std::move(s));
  }
  return true;
}

std::string Basename(const std::string& p) { return p.substr(p.find_last_of('/') + 1); }

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> train_files, dev_files;
  std::string out, wordnet = "/usr/share/wordnet", reuse, reuse_parser, jk_cache;
  TrainOptions tagger_opt, parser_opt;
  tagger_opt.epochs = 8;
  parser_opt.epochs = 12;
  std::uint32_t seed = 1;
  int jackknife = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "tkg-train-syntax: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--train") {
      train_files.push_back(next());
    } else if (a == "--dev") {
      dev_files.push_back(next());
    } else if (a == "--tagger-epochs") {
      tagger_opt.epochs = std::stoi(next());
    } else if (a == "--parser-epochs") {
      parser_opt.epochs = std::stoi(next());
    } else if (a == "--tagger-prune") {
      tagger_opt.prune = std::stof(next());
    } else if (a == "--parser-prune") {
      parser_opt.prune = std::stof(next());
    } else if (a == "--jackknife") {
      jackknife = std::stoi(next());
    } else if (a == "--seed") {
      seed = static_cast<std::uint32_t>(std::stoul(next()));
    } else if (a == "--wordnet") {
      wordnet = next();
    } else if (a == "--reuse-tagger") {
      reuse = next();
    } else if (a == "--reuse-parser") {
      reuse_parser = next();
    } else if (a == "--tagger-bidirectional") {
      tagger_opt.passes = std::max(tagger_opt.passes, 2);
    } else if (a == "--tagger-passes") {
      tagger_opt.passes = std::stoi(next());
    } else if (a == "--jackknife-cache") {
      jk_cache = next();
    } else if (a == "-o") {
      out = next();
    } else {
      std::cerr << "tkg-train-syntax: unknown argument " << a << "\n";
      return 2;
    }
  }
  if (train_files.empty() || out.empty()) {
    std::cerr << "usage: tkg-train-syntax --train FILE... [--dev FILE...] -o MODEL\n";
    return 2;
  }
  tagger_opt.seed = seed;
  parser_opt.seed = seed;
  tagger_opt.log = &std::cerr;
  parser_opt.log = &std::cerr;
  std::vector<ConlluSentence> train, dev;
  if (!ReadAll(train_files, &train) || !ReadAll(dev_files, &dev)) return 1;
  std::cerr << "train " << train.size() << " sentences, dev " << dev.size() << "\n";
  const std::vector<ConlluSentence>* devp = dev.empty() ? nullptr : &dev;

  SyntaxModel m;
  nlohmann::json meta;
  for (const auto& f : train_files) meta["train"].push_back(Basename(f));
  for (const auto& f : dev_files) meta["dev"].push_back(Basename(f));
  meta["seed"] = seed;

  auto t0 = std::chrono::steady_clock::now();
  auto lem = Lemmatizer::Build(train, wordnet);
  if (!lem.ok()) {
    std::cerr << "tkg-train-syntax: " << lem.status().message() << "\n";
    return 1;
  }
  m.lemmatizer = std::move(*lem);
  std::cerr << "lemmatizer: " << m.lemmatizer.num_exceptions() << " treebank exceptions";
  if (devp != nullptr)
    std::cerr << ", dev lemma accuracy (gold tags) " << LemmaAccuracy(m.lemmatizer, dev);
  std::cerr << "\n";

  TagLexicon lexicon;
  if (!wordnet.empty()) {
    auto lx = TagLexicon::Build(wordnet);
    if (!lx.ok()) {
      std::cerr << "tkg-train-syntax: " << lx.status().message() << "\n";
      return 1;
    }
    lexicon = std::move(*lx);
    tagger_opt.lexicon = &lexicon;
    std::cerr << "tagger lexicon: " << lexicon.size() << " WordNet forms\n";
  }

  t0 = std::chrono::steady_clock::now();
  if (!reuse.empty()) {
    auto old = SyntaxModel::Load(reuse);
    if (!old.ok()) {
      std::cerr << "tkg-train-syntax: " << old.status().message() << "\n";
      return 1;
    }
    m.tagger = (*old)->tagger;
    meta["tagger"] = nlohmann::json::parse((*old)->metadata, nullptr, false)["tagger"];
    meta["tagger"]["reused_from"] = (*old)->fingerprint;
  } else {
    auto tagger = Tagger::Train(train, devp, tagger_opt);
    if (!tagger.ok()) {
      std::cerr << "tkg-train-syntax: " << tagger.status().message() << "\n";
      return 1;
    }
    m.tagger = std::move(*tagger);
    meta["tagger"]["epochs"] = tagger_opt.epochs;
    meta["tagger"]["prune"] = tagger_opt.prune;
    if (tagger_opt.passes == 2) meta["tagger"]["bidirectional"] = true;
    if (tagger_opt.passes > 2) meta["tagger"]["passes"] = tagger_opt.passes;
    meta["tagger"]["train_seconds"] = Seconds(t0);
  }
  std::cerr << "tagger: " << m.tagger.num_classes() << " classes, "
            << m.tagger.weights().num_features() << " features, "
            << m.tagger.weights().num_weights() << " weights\n";

  // The parser learns from the tags it will see: with --jackknife K, the
  // training words get the tags of a tagger trained on the other K-1 folds;
  // otherwise those of the final tagger (which knows the training data).
  t0 = std::chrono::steady_clock::now();
  std::vector<ConlluSentence> retagged;
  bool cached = false;
  if (jackknife >= 2 && !jk_cache.empty()) {
    std::ifstream in(jk_cache);
    if (in) {
      retagged = train;
      std::string upos, xpos;
      for (auto& s : retagged) {
        for (auto& w : s.words) {
          if (!(in >> upos >> xpos)) break;
          w.upos = upos;
          w.xpos = xpos;
        }
      }
      if (!in || in >> upos) {  // too few or too many tags
        std::cerr << "tkg-train-syntax: " << jk_cache << " does not match the training data\n";
        return 1;
      }
      cached = true;
      std::cerr << "jackknife tags read from " << jk_cache << "\n";
      meta["parser"]["jackknife"] = jackknife;
    }
  }
  if (jackknife >= 2 && !cached) {
    retagged = train;
    TrainOptions fold_opt = tagger_opt;
    fold_opt.log = nullptr;
    std::vector<std::string_view> forms;
    std::vector<std::uint16_t> tags;
    for (int k = 0; k < jackknife; ++k) {
      std::vector<ConlluSentence> rest;
      for (std::size_t i = 0; i < train.size(); ++i) {
        if (static_cast<int>(i % static_cast<std::size_t>(jackknife)) != k)
          rest.push_back(train[i]);
      }
      auto fold_r = Tagger::Train(rest, nullptr, fold_opt);
      if (!fold_r.ok()) {
        std::cerr << "tkg-train-syntax: " << fold_r.status().message() << "\n";
        return 1;
      }
      const Tagger& fold = *fold_r;
      for (std::size_t i = static_cast<std::size_t>(k); i < train.size();
           i += static_cast<std::size_t>(jackknife)) {
        forms.clear();
        for (const auto& w : train[i].words) forms.push_back(w.form);
        fold.Tag(forms, &tags);
        for (std::size_t j = 0; j < forms.size(); ++j) {
          retagged[i].words[j].upos = fold.Upos(tags[j]);
          retagged[i].words[j].xpos = fold.Xpos(tags[j]);
        }
      }
      std::cerr << "jackknife fold " << k + 1 << "/" << jackknife << " tagged (" << Seconds(t0)
                << " s)\n";
    }
    meta["parser"]["jackknife"] = jackknife;
    if (!jk_cache.empty()) {
      std::ofstream cache(jk_cache);
      for (const auto& s : retagged) {
        for (const auto& w : s.words) cache << w.upos << ' ' << w.xpos << ' ';
        cache << '\n';
      }
    }
  }
  t0 = std::chrono::steady_clock::now();
  if (!reuse_parser.empty()) {
    // The parser of an earlier model (trained with the same data and flags).
    auto old = SyntaxModel::Load(reuse_parser);
    if (!old.ok()) {
      std::cerr << "tkg-train-syntax: " << old.status().message() << "\n";
      return 1;
    }
    m.parser = (*old)->parser;
    meta["parser"] = nlohmann::json::parse((*old)->metadata, nullptr, false)["parser"];
    // The fingerprint of the model it came from (trained with other tags
    // when that model's tagger differs).
    meta["parser"]["reused_from"] = (*old)->fingerprint;
  } else {
    m.parser = Parser::Train(jackknife >= 2 ? retagged : train, devp, &m.tagger,
                             /*retag_train=*/jackknife < 2, parser_opt);
    meta["parser"]["epochs"] = parser_opt.epochs;
    meta["parser"]["prune"] = parser_opt.prune;
    meta["parser"]["train_seconds"] = Seconds(t0);
  }
  std::cerr << "parser: " << m.parser.num_labels() << " labels, " << m.parser.moves().num_features()
            << " move features, " << m.parser.labeller().num_features() << " label features, "
            << m.parser.labeller().num_weights() << " label weights, trained in " << Seconds(t0)
            << " s\n";

  if (devp != nullptr) {
    auto [u, x] = TaggerAccuracy(m.tagger, dev);
    auto [uas, las] = ParserAccuracy(m.parser, &m.tagger, dev);
    meta["dev_scores"] = {{"upos", u}, {"xpos", x}, {"uas", uas}, {"las", las}};
  }
  m.metadata = meta.dump();
  std::string bytes = m.Serialize();
  std::ofstream f(out, std::ios::binary);
  f << bytes;
  if (!f) {
    std::cerr << "tkg-train-syntax: cannot write " << out << "\n";
    return 1;
  }
  std::cerr << "wrote " << out << " (" << bytes.size() << " bytes)\n" << m.metadata << "\n";
  return 0;
}
