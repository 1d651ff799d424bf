#include "extract/syntax/tagger.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "extract/syntax/features.h"

namespace tkg::syntax {

struct Tagger::Context {
  std::vector<WordKeys> keys;
  std::vector<std::uint64_t> amb;         // ambiguity class per word (kNone if unknown)
  std::vector<std::uint8_t> first_upper;  // first byte is an ASCII capital
  std::vector<std::uint8_t> has_digit, has_hyphen;
  std::vector<std::uint16_t> lex;    // TagLexicon bits per word
  std::vector<std::uint16_t> dict;   // the tag dictionary's class, or kNoClass (Tag only)
  std::vector<std::uint16_t> fixed;  // a class no pass changes, or kNoClass
  std::string scratch;

  void Fill(std::span<const std::string_view> words,
            const std::unordered_map<std::uint64_t, std::uint64_t>& ambiguity,
            const TagLexicon& lexicon) {
    keys.resize(words.size());
    amb.resize(words.size());
    first_upper.resize(words.size());
    has_digit.resize(words.size());
    has_hyphen.resize(words.size());
    lex.resize(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string_view w = words[i];
      ComputeWordKeys(w, &keys[i], &scratch);
      first_upper[i] = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
      has_digit[i] =
          std::any_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      has_hyphen[i] = w.size() > 1 && w.find('-') != std::string_view::npos;
      auto it = ambiguity.find(keys[i].norm);
      amb[i] = it == ambiguity.end() ? kNone : it->second;
      lex[i] = lexicon.Lookup(keys[i].norm);
    }
  }
  // Outside the sentence: a value no bitset takes.
  std::uint64_t Lex(std::ptrdiff_t i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= keys.size()) return 0x10000;
    return lex[static_cast<std::size_t>(i)];
  }
  std::uint64_t Amb(std::ptrdiff_t i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= keys.size()) return kEnd;
    return amb[static_cast<std::size_t>(i)];
  }
  std::uint64_t Norm(std::ptrdiff_t i) const {
    if (i < 0) return i == -1 ? kStart : kStart + 1;
    if (static_cast<std::size_t>(i) >= keys.size()) {
      return static_cast<std::size_t>(i) == keys.size() ? kEnd : kEnd + 1;
    }
    return keys[static_cast<std::size_t>(i)].norm;
  }
  std::uint64_t Suf3(std::ptrdiff_t i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= keys.size()) return kNone;
    return keys[static_cast<std::size_t>(i)].suf[2];
  }
  std::uint64_t Shape(std::ptrdiff_t i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= keys.size()) return kNone;
    return keys[static_cast<std::size_t>(i)].shape;
  }
};

void Tagger::Features(const Context& c, std::size_t i, std::uint16_t p1, std::uint16_t p2,
                      std::vector<std::uint64_t>* out, int dir) const {
  out->clear();
  const WordKeys& k = c.keys[i];
  const auto ii = static_cast<std::ptrdiff_t>(i);
  // The word `off` places ahead in the tagging direction (behind when
  // negative): right to left, "ahead" is to the left.
  auto at = [&](std::ptrdiff_t off) { return ii + dir * off; };
  std::uint64_t w = k.norm;
  std::uint32_t t = 0;
  auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t d = 0) {
    out->push_back(FeatureHash(++t, a, b, d));
  };
  add(1);  // bias
  add(w);
  add(k.raw);
  for (std::uint64_t s : k.suf) add(s);
  for (std::uint64_t p : k.pre) add(p);
  add(k.shape);
  add(p1);
  add(p2);
  add(p1, p2);
  add(p1, w);
  add(c.Norm(at(-1)));
  add(c.Suf3(at(-1)));
  add(c.Norm(at(-2)));
  add(c.Norm(at(1)));
  add(c.Suf3(at(1)));
  add(c.Norm(at(2)));
  add(c.Norm(at(-1)), w);
  add(w, c.Norm(at(1)));
  add(p1, c.Norm(at(1)));
  add(i == 0, k.shape);
  add(k.suf[2], p1);
  add(c.Shape(at(1)));
  add(c.Shape(at(-1)));
  add(c.first_upper[i], c.has_digit[i], c.has_hyphen[i]);
  add(c.Norm(at(1)), c.Norm(at(2)));
  add(c.Norm(at(-1)), c.Norm(at(-2)));
  add(c.Amb(ii));
  add(c.Amb(at(1)));
  add(c.Amb(at(2)));
  add(p1, c.Amb(ii));
  add(c.Amb(ii), c.Amb(at(1)));
  add(p1, c.Amb(ii), c.Amb(at(1)));
  add(k.suf[2], c.Amb(at(1)));
  // WordNet lexicon: the parts of speech the word can be, alone and with its
  // suffix, the previous tag, its capitalisation, and its neighbours' bits.
  std::uint64_t lx = c.Lex(ii);
  add(lx);
  add(lx, k.suf[2]);
  add(lx, p1);
  add(lx, c.first_upper[i], i == 0);
  add(c.Lex(at(1)));
  add(c.Lex(at(-1)));
  add(lx, c.Lex(at(1)));
}

std::uint16_t Tagger::Predict(const float* scores) const {
  std::size_t n = upos_.size();
  return static_cast<std::uint16_t>(std::max_element(scores, scores + n) - scores);
}

std::uint16_t Tagger::DictClass(const Context& c, std::span<const std::string_view> words,
                                std::size_t i) const {
  auto it = tag_dict_.find(c.keys[i].raw);
  if (it == tag_dict_.end() && c.first_upper[i] != 0) it = LowercaseFunctionWord(words[i]);
  return it == tag_dict_.end() ? kNoClass : it->second;
}

void Tagger::Pass(const Context& c, std::span<const std::string_view> words, const WeightTable& w,
                  int dir, std::vector<std::uint16_t>* out, std::vector<float>* scores) const {
  thread_local std::vector<std::uint64_t> feats;
  const std::size_t n = words.size(), k = upos_.size();
  out->resize(n);
  scores->resize(n * k);
  const auto start = static_cast<std::uint16_t>(k);
  std::uint16_t p1 = start, p2 = static_cast<std::uint16_t>(start + 1);
  for (std::size_t step = 0; step < n; ++step) {
    const std::size_t i = dir > 0 ? step : n - 1 - step;
    std::uint16_t cls = c.fixed[i];
    if (cls == kNoClass) {
      Features(c, i, p1, p2, &feats, dir);
      float* row = scores->data() + i * k;
      std::fill(row, row + k, 0.0F);
      w.Score(feats, row);
      cls = Predict(row);
    }
    (*out)[i] = cls;
    p2 = p1;
    p1 = cls;
  }
}

void Tagger::Tag(std::span<const std::string_view> words, std::vector<std::uint16_t>* out) const {
  thread_local Context c;
  thread_local std::vector<float> scores, scores_r;
  thread_local std::vector<std::uint16_t> tags_r;
  c.Fill(words, ambiguity_, lexicon_);
  c.dict.resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) c.dict[i] = DictClass(c, words, i);
  c.fixed = c.dict;
  Pass(c, words, weights_, 1, out, &scores);
  const std::size_t k = upos_.size();
  const bool both = bidirectional();
  if (both) {
    // A word the left-to-right pass is sure of (its best class kSureMargin
    // above the next) keeps that class: the right-to-left pass does not
    // score it (it reads the class as its context) and the sum leaves it.
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (c.dict[i] != kNoClass) continue;
      const float* row = scores.data() + i * k;
      const float top = row[(*out)[i]];
      float second = -1e30F;
      for (std::size_t j = 0; j < k; ++j) {
        if (j != (*out)[i]) second = std::max(second, row[j]);
      }
      if (top - second > kSureMargin) c.fixed[i] = (*out)[i];
    }
    // The sum of the passes' scores.
    for (std::size_t p = 0; p < extra_.size(); ++p) {
      Pass(c, words, extra_[p], Direction(p + 1), &tags_r, &scores_r);
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (c.fixed[i] != kNoClass) continue;
        float* row = scores.data() + i * k;
        const float* other = scores_r.data() + i * k;
        for (std::size_t j = 0; j < k; ++j) row[j] += other[j];
      }
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (c.fixed[i] == kNoClass) (*out)[i] = Predict(scores.data() + i * k);
    }
  }
  thread_local std::vector<float> verb_gap;
  verb_gap.assign(words.size(), kNoGap);
  if (vbz_ != kNoClass) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if ((*out)[i] != nns_ || c.dict[i] != kNoClass) continue;
      // (per pass, as the margin was measured: a summed row counts once)
      const bool summed = both && c.fixed[i] == kNoClass;
      verb_gap[i] = (scores[i * k + nns_] - scores[i * k + vbz_]) /
                    (summed ? static_cast<float>(num_passes()) : 1.0F);
    }
  }
  RepairVerbs(words, verb_gap, out);
  RepairPatterns(words, c.lex, out);
}

void Tagger::RepairPatterns(std::span<const std::string_view> words,
                            const std::vector<std::uint16_t>& lex,
                            std::vector<std::uint16_t>* tags) const {
  std::vector<std::uint16_t>& t = *tags;
  const std::size_t n = words.size();
  auto x = [&](std::size_t i) { return std::string_view(xpos_[t[i]]); };
  constexpr std::uint16_t kAnyVerb =
      TagLexicon::kVerb | TagLexicon::kVerbS | TagLexicon::kVerbEd | TagLexicon::kVerbIng;
  std::size_t straight = 0;  // straight quotation marks so far
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    if (w == "\u201c" && open_quote_ != kNoClass) t[i] = open_quote_;
    if (w == "\u201d" && close_quote_ != kNoClass) t[i] = close_quote_;
    if (w == "\"" && open_quote_ != kNoClass && close_quote_ != kNoClass) {
      // Straight marks alternate: opening first, unless punctuation next to
      // the mark says otherwise (left to the model).
      auto at_edge = [](std::string_view m) {
        return m == "," || m == "." || m == "!" || m == "?" || m == ";" || m == ":";
      };
      const bool edge = i + 1 >= n || at_edge(words[i + 1]) || (i > 0 && at_edge(words[i - 1]));
      if (i == 0) {
        t[i] = open_quote_;
      } else if (!edge) {
        t[i] = straight % 2 == 0 ? open_quote_ : close_quote_;
      }
      ++straight;
    }
    if (i + 1 >= n) continue;
    // Dots inside a sentence pause like a comma (216 of 245).
    if (comma_ != kNoClass && w.size() >= 2 && w.find_first_not_of('.') == std::string_view::npos) {
      t[i] = comma_;
    }
    const std::string_view next = words[i + 1];
    if ((w == "prior" || w == "Prior") && next == "to" && rb_ != kNoClass) t[i] = rb_;
    if (i == 0) continue;
    if (vbg_ != kNoClass && w.size() > 4 && w.ends_with("ing") && x(i) == "NN" &&
        (x(i - 1) == "NNS" || x(i - 1) == "NNPS") && x(i + 1) == "IN") {
      t[i] = vbg_;
    }
    if (vbd_ != kNoClass && i >= 2 && i + 2 < n && x(i) == "VBN" && x(i + 1) == "TO" &&
        x(i + 2) == "VB" && (x(i - 1) == "NN" || x(i - 1) == "NNS") &&
        (words[i - 2] == "the" || words[i - 2] == "The")) {
      t[i] = vbd_;
    }
    if (i >= 2 && x(i - 1) == "CC" && (words[i - 1] == "and" || words[i - 1] == "or") &&
        x(i - 2).starts_with("VB") && (x(i) == "JJ" || x(i) == "NN") && (lex[i] & kAnyVerb) != 0 &&
        (x(i + 1) == "DT" || x(i + 1) == "PRP$") && next != "that" && next != "all" &&
        next != "both") {
      t[i] = t[i - 2];
    }
  }
}

std::unordered_map<std::uint64_t, std::uint16_t>::const_iterator Tagger::LowercaseFunctionWord(
    std::string_view w) const {
  if (w.size() < 2) return tag_dict_.end();  // "A" is also a letter, a grade
  thread_local std::string lower;
  lower.assign(w);
  lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
  auto it = tag_dict_.find(StringHash(lower));
  if (it == tag_dict_.end()) return it;
  std::string_view u = upos_[it->second];
  return u == "SCONJ" || u == "ADP" || u == "CCONJ" || u == "DET" ? it : tag_dict_.end();
}

void Tagger::FindClasses() {
  auto find = [&](std::string_view upos, std::string_view xpos) {
    for (std::size_t k = 0; k < upos_.size(); ++k) {
      if (upos_[k] == upos && xpos_[k] == xpos) return static_cast<std::uint16_t>(k);
    }
    return kNoClass;
  };
  nns_ = find("NOUN", "NNS");
  vbz_ = find("VERB", "VBZ");
  vbg_ = find("VERB", "VBG");
  vbd_ = find("VERB", "VBD");
  rb_ = find("ADV", "RB");
  open_quote_ = find("PUNCT", "``");
  comma_ = find("PUNCT", ",");
  close_quote_ = find("PUNCT", "''");
}

void Tagger::RepairVerbs(std::span<const std::string_view> words, const std::vector<float>& gap,
                         std::vector<std::uint16_t>* tags) const {
  std::vector<std::uint16_t>& t = *tags;
  bool finite = false;
  for (std::uint16_t c : t) {
    std::string_view x = xpos_[c];
    finite = finite || x == "VBZ" || x == "VBP" || x == "VBD" || x == "MD";
  }
  std::size_t best = 0;  // without a finite verb: the closest candidate
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (gap[i] > kVerbMargin) continue;
    std::string_view w = words[i];
    if (w.size() < 4 || w.back() != 's' || w[0] < 'a' || w[0] > 'z') continue;
    std::string_view l = xpos_[t[i - 1]], r = xpos_[t[i + 1]];
    std::string_view next = words[i + 1];
    bool subject_end = l == "NN" || l == "NNP" || l == "NNPS";
    // A quoted name ends a subject when a colon follows ('A statement
    // showing “Steve Jobs 1955-2011” states: “...”').
    const bool colon = next == ":" && (subject_end || l == "''");
    subject_end = subject_end || colon;
    bool object_start = colon || r == "DT" || r == "PRP$" || r == "RP" || r == "NNP" ||
                        r == "VBN" || next == "that" ||
                        (r == "PRP" && (next == "it" || next == "them" || next == "him" ||
                                        next == "me" || next == "us"));
    if (subject_end && object_start) {
      t[i] = vbz_;
      finite = true;
    } else if (!finite && (subject_end || l == "PRP" || l == "DT" || l == "RB" || l == ",") &&
               r != "." && best == 0) {
      best = i;
    }
  }
  if (!finite && best != 0) t[best] = vbz_;
}

Result<Tagger> Tagger::Train(const std::vector<ConlluSentence>& train,
                             const std::vector<ConlluSentence>* dev, const TrainOptions& opt) {
  Tagger tg;
  if (opt.lexicon != nullptr) tg.lexicon_ = *opt.lexicon;
  std::map<std::pair<std::string, std::string>, std::uint16_t> class_of;
  std::unordered_map<std::uint64_t, std::map<std::uint16_t, int>>
      counts;  // raw form -> class counts
  std::vector<std::vector<std::uint16_t>> gold(train.size());
  for (std::size_t si = 0; si < train.size(); ++si) {
    for (const ConlluWord& w : train[si].words) {
      auto key = std::make_pair(w.upos, w.xpos);
      auto it = class_of.find(key);
      if (it == class_of.end()) {
        if (tg.upos_.size() == 255) {
          return Status::InvalidArgument("the training data has more than 255 UPOS/XPOS pairs");
        }
        it = class_of.emplace(key, static_cast<std::uint16_t>(tg.upos_.size())).first;
        tg.upos_.push_back(w.upos);
        tg.xpos_.push_back(w.xpos);
      }
      gold[si].push_back(it->second);
      ++counts[StringHash(w.form)][it->second];
    }
  }
  {
    std::unordered_map<std::uint64_t, std::pair<int, std::vector<std::uint16_t>>> seen;
    for (std::size_t si = 0; si < train.size(); ++si) {
      std::string scratch;
      for (std::size_t i = 0; i < train[si].words.size(); ++i) {
        WordKeys k;
        ComputeWordKeys(train[si].words[i].form, &k, &scratch);
        auto& [n, classes] = seen[k.norm];
        ++n;
        if (std::find(classes.begin(), classes.end(), gold[si][i]) == classes.end()) {
          classes.push_back(gold[si][i]);
        }
      }
    }
    for (auto& [key, entry] : seen) {
      if (entry.first < 2) continue;
      std::sort(entry.second.begin(), entry.second.end());
      std::uint64_t h = 0x414D42ULL;
      for (std::uint16_t cls : entry.second) h = Mix(h ^ (cls + 1));
      tg.ambiguity_[key] = h;
    }
  }
  // Tag dictionary: frequent forms (as written) with one tag at least 99.5% of the time.
  for (const auto& [form, by_class] : counts) {
    int total = 0, best = 0;
    std::uint16_t best_cls = 0;
    for (auto [cls, n] : by_class) {
      total += n;
      if (n > best) best = n, best_cls = cls;
    }
    if (total >= 20 && best * 1000 >= total * 995) tg.tag_dict_[form] = best_cls;
  }
  const std::size_t n = tg.upos_.size();
  tg.FindClasses();
  // One tagger per pass, each trained alone (the same epochs and pruning;
  // passes 3 and 4 with the next seed); the dev scores logged while a later
  // pass trains are those of all passes so far together.
  for (int pass = 0; pass < std::max(1, opt.passes); ++pass) {
    const int dir = Direction(static_cast<std::size_t>(pass));
    WeightTable& table = pass == 0 ? tg.weights_ : tg.extra_.emplace_back();
    Trainer trainer(n);
    std::vector<std::size_t> order(train.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 rng(opt.seed + static_cast<std::uint32_t>(pass / 2));
    Context c;
    std::vector<std::uint64_t> feats;
    std::vector<float> scores(n);
    std::vector<std::string_view> words;
    for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      std::size_t right = 0, total = 0;
      for (std::size_t si : order) {
        words.clear();
        for (const ConlluWord& w : train[si].words) words.push_back(w.form);
        c.Fill(words, tg.ambiguity_, tg.lexicon_);
        const auto start = static_cast<std::uint16_t>(n);
        std::uint16_t p1 = start, p2 = static_cast<std::uint16_t>(start + 1);
        for (std::size_t step = 0; step < words.size(); ++step) {
          const std::size_t i = dir > 0 ? step : words.size() - 1 - step;
          std::uint16_t truth = gold[si][i];
          std::uint16_t guess;
          auto it = tg.tag_dict_.find(c.keys[i].raw);
          if (it != tg.tag_dict_.end()) {
            guess = it->second;
          } else {
            tg.Features(c, i, p1, p2, &feats, dir);
            std::fill(scores.begin(), scores.end(), 0.0F);
            trainer.Score(feats, scores.data());
            guess = tg.Predict(scores.data());
            trainer.Update(feats, truth, guess);
            trainer.Tick();
          }
          right += guess == truth;
          ++total;
          p2 = p1;
          p1 = guess;
        }
      }
      if (opt.log != nullptr) {
        *opt.log << "tagger pass " << pass + 1 << (dir > 0 ? "" : " (right to left)") << " epoch "
                 << epoch << ": train "
                 << 100.0 * static_cast<double>(right) / static_cast<double>(total);
        if (dev != nullptr) {
          table = trainer.Average(opt.prune);
          auto [u, x] = TaggerAccuracy(tg, *dev);
          *opt.log << "  dev UPOS " << u << " XPOS " << x;
        }
        *opt.log << std::endl;
      }
    }
    if (opt.log != nullptr && dev != nullptr) {
      for (float prune : {0.0F, 0.1F, 0.25F, 0.5F, 1.0F, 2.0F}) {
        table = trainer.Average(prune);
        auto [u, x] = TaggerAccuracy(tg, *dev);
        *opt.log << "tagger prune " << prune << ": " << table.num_features() << " features, "
                 << table.num_weights() << " weights, dev UPOS " << u << " XPOS " << x << std::endl;
      }
    }
    table = trainer.Average(opt.prune);
  }
  return tg;
}

std::pair<double, double> TaggerAccuracy(const Tagger& tagger,
                                         const std::vector<ConlluSentence>& gold) {
  std::size_t u = 0, x = 0, total = 0;
  std::vector<std::string_view> words;
  std::vector<std::uint16_t> tags;
  for (const ConlluSentence& s : gold) {
    words.clear();
    for (const ConlluWord& w : s.words) words.push_back(w.form);
    tagger.Tag(words, &tags);
    for (std::size_t i = 0; i < words.size(); ++i) {
      u += tagger.Upos(tags[i]) == s.words[i].upos;
      x += tagger.Xpos(tags[i]) == s.words[i].xpos;
      ++total;
    }
  }
  if (total == 0) return {0.0, 0.0};
  return {100.0 * static_cast<double>(u) / static_cast<double>(total),
          100.0 * static_cast<double>(x) / static_cast<double>(total)};
}

void Tagger::Serialize(std::string* out, std::uint32_t version) const {
  PutU32(out, static_cast<std::uint32_t>(upos_.size()));
  for (std::size_t i = 0; i < upos_.size(); ++i) {
    PutString(out, upos_[i]);
    PutString(out, xpos_[i]);
  }
  std::vector<std::pair<std::uint64_t, std::uint16_t>> dict(tag_dict_.begin(), tag_dict_.end());
  std::sort(dict.begin(), dict.end());
  PutU32(out, static_cast<std::uint32_t>(dict.size()));
  for (auto [k, v] : dict) {
    PutU32(out, static_cast<std::uint32_t>(k));
    PutU32(out, static_cast<std::uint32_t>(k >> 32));
    PutU32(out, v);
  }
  std::vector<std::pair<std::uint64_t, std::uint64_t>> amb(ambiguity_.begin(), ambiguity_.end());
  std::sort(amb.begin(), amb.end());
  PutU32(out, static_cast<std::uint32_t>(amb.size()));
  for (auto [k, v] : amb) {
    PutU64(out, k);
    PutU64(out, v);
  }
  if (version >= 3) lexicon_.Serialize(out);
  weights_.Serialize(out);
  if (version >= 4) {
    PutU32(out, static_cast<std::uint32_t>(extra_.size()));
    for (const WeightTable& w : extra_) w.Serialize(out);
  }
}

Result<Tagger> Tagger::Deserialize(std::string_view data, std::size_t* pos, std::uint32_t version) {
  Tagger tg;
  TKG_ASSIGN_OR_RETURN(std::uint32_t n, GetU32(data, pos));
  if (n == 0 || n > 255) return Status::Corruption("tagger: bad class count");
  for (std::uint32_t i = 0; i < n; ++i) {
    TKG_ASSIGN_OR_RETURN(std::string u, GetString(data, pos));
    TKG_ASSIGN_OR_RETURN(std::string x, GetString(data, pos));
    tg.upos_.push_back(std::move(u));
    tg.xpos_.push_back(std::move(x));
  }
  TKG_ASSIGN_OR_RETURN(std::uint32_t nd, GetU32(data, pos));
  for (std::uint32_t i = 0; i < nd; ++i) {
    TKG_ASSIGN_OR_RETURN(std::uint32_t lo, GetU32(data, pos));
    TKG_ASSIGN_OR_RETURN(std::uint32_t hi, GetU32(data, pos));
    TKG_ASSIGN_OR_RETURN(std::uint32_t v, GetU32(data, pos));
    if (v >= n) return Status::Corruption("tagger: dictionary class out of range");
    tg.tag_dict_[(static_cast<std::uint64_t>(hi) << 32) | lo] = static_cast<std::uint16_t>(v);
  }
  TKG_ASSIGN_OR_RETURN(std::uint32_t na, GetU32(data, pos));
  for (std::uint32_t i = 0; i < na; ++i) {
    TKG_ASSIGN_OR_RETURN(std::uint64_t k, GetU64(data, pos));
    TKG_ASSIGN_OR_RETURN(std::uint64_t v, GetU64(data, pos));
    tg.ambiguity_[k] = v;
  }
  if (version >= 3) {
    TKG_ASSIGN_OR_RETURN(tg.lexicon_, TagLexicon::Deserialize(data, pos));
  }
  TKG_ASSIGN_OR_RETURN(tg.weights_, WeightTable::Deserialize(data, pos));
  if (tg.weights_.num_classes() != n) return Status::Corruption("tagger: class count mismatch");
  if (version >= 4) {
    TKG_ASSIGN_OR_RETURN(std::uint32_t passes, GetU32(data, pos));
    if (passes > 7) return Status::Corruption("tagger: bad pass count");
    for (std::uint32_t p = 0; p < passes; ++p) {
      TKG_ASSIGN_OR_RETURN(WeightTable w, WeightTable::Deserialize(data, pos));
      if (w.num_classes() != n) return Status::Corruption("tagger: pass class count mismatch");
      tg.extra_.push_back(std::move(w));
    }
  }
  tg.FindClasses();
  return tg;
}

}  // namespace tkg::syntax
