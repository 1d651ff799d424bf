#include "extract/syntax/lemmatizer.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "extract/syntax/perceptron.h"

namespace tkg::syntax {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() > suf.size() && s.ends_with(suf);
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

int ClassOf(std::string_view upos, std::string_view xpos) {
  if (upos == "VERB" || upos == "AUX" || xpos.starts_with("VB")) return 1;
  if (upos == "ADJ" || xpos.starts_with("JJ")) return 2;
  if (upos == "NOUN" || xpos == "NNS" || xpos == "NN") return 0;
  return -1;
}

}  // namespace

std::string Lemmatizer::RuleLemma(std::string_view form, std::string_view upos,
                                  std::string_view xpos) const {
  if (upos == "PROPN") {
    std::string f(form);
    if (xpos == "NNPS" && EndsWith(f, "s")) f.pop_back();
    return f;
  }
  std::string w = Lower(form);
  if (upos == "PUNCT" || upos == "NUM" || upos == "SYM" || upos == "X") return std::string(form);
  int cls = ClassOf(upos, xpos);
  if (cls < 0) return w;
  auto exc = wn_exc_[cls].find(w);
  if (exc != wn_exc_[cls].end()) return exc->second;
  // Candidates by suffix rule, in order; the first WordNet knows wins, else
  // the first.
  std::vector<std::string> cand;
  auto strip = [&](std::string_view suf, std::string_view add) {
    if (EndsWith(w, suf)) {
      cand.push_back(w.substr(0, w.size() - suf.size()) + std::string(add));
    }
  };
  // The -s endings plural nouns and third-person verbs share, in order; the
  // bare "s" comes last.
  auto strip_s = [&](std::initializer_list<std::pair<std::string_view, std::string_view>> own) {
    for (auto [suf, add] : {std::pair<std::string_view, std::string_view>{"ies", "y"},
                            {"ches", "ch"},
                            {"shes", "sh"},
                            {"sses", "ss"},
                            {"xes", "x"},
                            {"zes", "z"}}) {
      strip(suf, add);
    }
    for (auto [suf, add] : own) strip(suf, add);
    strip("s", "");
  };
  if (cls == 0) {
    if (xpos != "NNS") return w;
    strip_s({{"men", "man"}, {"ves", "f"}, {"ves", "fe"}});
  } else if (cls == 1) {
    if (xpos == "VBZ") {
      strip_s({{"oes", "o"}});
    } else if (xpos == "VBG" || xpos == "VBD" || xpos == "VBN") {
      std::string_view suf = xpos == "VBG" ? "ing" : "ed";
      if (EndsWith(w, suf)) {
        std::string stem = w.substr(0, w.size() - suf.size());
        if (xpos != "VBG" && stem.ends_with('i'))
          cand.push_back(stem.substr(0, stem.size() - 1) + "y");
        std::size_t n = stem.size();
        bool doubled = n >= 2 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) &&
                       stem[n - 1] != 'l' && stem[n - 1] != 's' && stem[n - 1] != 'z' &&
                       stem[n - 1] != 'f';
        if (doubled) cand.push_back(stem.substr(0, n - 1));
        cand.push_back(stem + "e");
        cand.push_back(stem);
        if (xpos != "VBG" && EndsWith(w, "ed") && w.size() > 2) {
          cand.push_back(w.substr(0, w.size() - 1));  // "agreed" -> "agree"
        }
        // Without WordNet: prefer "stem+e" after a single consonant preceded
        // by a vowel pair? Keep the order; the known-lemma check decides.
        if (known_[1].empty()) std::swap(cand.front(), cand.back());
      }
    } else {
      return w;
    }
  } else {
    if (xpos == "JJR") {
      strip("ier", "y");
      strip("er", "");
      strip("er", "e");
    } else if (xpos == "JJS") {
      strip("iest", "y");
      strip("est", "");
      strip("est", "e");
    } else {
      return w;
    }
    if (!cand.empty()) {
      // Undouble ("bigger" -> "big").
      std::string& c = cand[0];
      if (c.size() >= 2 && c[c.size() - 1] == c[c.size() - 2] && !IsVowel(c.back())) {
        cand.push_back(c.substr(0, c.size() - 1));
      }
    }
  }
  if (cand.empty()) return w;
  for (const std::string& c : cand) {
    if (known_[cls].count(c) != 0) return c;
  }
  return cand.front();
}

std::string Lemmatizer::Lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  if (!exceptions_.empty()) {
    std::string key = Lower(form);
    key += '\t';
    key += xpos;
    auto it = exceptions_.find(key);
    if (it != exceptions_.end()) return it->second;
  }
  return RuleLemma(form, upos, xpos);
}

Result<Lemmatizer> Lemmatizer::Build(const std::vector<ConlluSentence>& train,
                                     const std::string& wordnet_dir) {
  Lemmatizer lem;
  if (!wordnet_dir.empty()) {
    const char* names[3] = {"noun", "verb", "adj"};
    for (int c = 0; c < 3; ++c) {
      std::string ip = wordnet_dir + "/index." + names[c];
      std::ifstream idx(ip);
      if (!idx) return Status::NotFound("cannot open WordNet file " + ip);
      std::string line;
      while (std::getline(idx, line)) {
        if (line.empty() || line[0] == ' ') continue;  // licence header
        std::string w = line.substr(0, line.find(' '));
        std::replace(w.begin(), w.end(), '_', ' ');
        if (w.find(' ') == std::string::npos) lem.known_[c].insert(w);
      }
      std::string ep = wordnet_dir + "/" + names[c] + ".exc";
      std::ifstream exc(ep);
      if (!exc) return Status::NotFound("cannot open WordNet file " + ep);
      while (std::getline(exc, line)) {
        auto sp = line.find(' ');
        if (sp == std::string::npos) continue;
        std::string form = line.substr(0, sp);
        std::string rest = line.substr(sp + 1);
        std::string lemma = rest.substr(0, rest.find(' '));
        if (form.find('_') != std::string::npos || lemma.empty()) continue;
        lem.wn_exc_[c].emplace(form, lemma);
      }
    }
  }
  // Treebank exceptions: the most frequent gold lemma of (form, XPOS) where
  // it differs from the rules' answer.
  std::map<std::string, std::map<std::string, int>> seen;
  std::map<std::string, std::pair<std::string, std::string>> tags;  // key -> (form, upos)
  for (const ConlluSentence& s : train) {
    for (const ConlluWord& w : s.words) {
      if (w.lemma.empty()) continue;
      std::string key = Lower(w.form) + '\t' + w.xpos;
      ++seen[key][w.lemma];
      tags.emplace(key, std::make_pair(w.form, w.upos));
    }
  }
  for (const auto& [key, lemmas] : seen) {
    auto best = std::max_element(lemmas.begin(), lemmas.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    const auto& [form, upos] = tags.at(key);
    std::string xpos = key.substr(key.find('\t') + 1);
    // Proper nouns keep their case: a table entry would fix one spelling.
    if (upos == "PROPN") continue;
    if (lem.RuleLemma(form, upos, xpos) != best->first) lem.exceptions_[key] = best->first;
  }
  return lem;
}

void Lemmatizer::Serialize(std::string* out) const {
  std::vector<std::pair<std::string, std::string>> exc(exceptions_.begin(), exceptions_.end());
  std::sort(exc.begin(), exc.end());
  PutU32(out, static_cast<std::uint32_t>(exc.size()));
  for (const auto& [k, v] : exc) {
    PutString(out, k);
    PutString(out, v);
  }
  for (int c = 0; c < 3; ++c) {
    std::vector<std::string> known(known_[c].begin(), known_[c].end());
    std::sort(known.begin(), known.end());
    PutU32(out, static_cast<std::uint32_t>(known.size()));
    for (const auto& k : known) PutString(out, k);
    std::vector<std::pair<std::string, std::string>> wn(wn_exc_[c].begin(), wn_exc_[c].end());
    std::sort(wn.begin(), wn.end());
    PutU32(out, static_cast<std::uint32_t>(wn.size()));
    for (const auto& [k, v] : wn) {
      PutString(out, k);
      PutString(out, v);
    }
  }
}

Result<Lemmatizer> Lemmatizer::Deserialize(std::string_view data, std::size_t* pos) {
  Lemmatizer lem;
  TKG_ASSIGN_OR_RETURN(std::uint32_t n, GetU32(data, pos));
  for (std::uint32_t i = 0; i < n; ++i) {
    TKG_ASSIGN_OR_RETURN(std::string k, GetString(data, pos));
    TKG_ASSIGN_OR_RETURN(std::string v, GetString(data, pos));
    lem.exceptions_.emplace(std::move(k), std::move(v));
  }
  for (int c = 0; c < 3; ++c) {
    TKG_ASSIGN_OR_RETURN(std::uint32_t nk, GetU32(data, pos));
    for (std::uint32_t i = 0; i < nk; ++i) {
      TKG_ASSIGN_OR_RETURN(std::string k, GetString(data, pos));
      lem.known_[c].insert(std::move(k));
    }
    TKG_ASSIGN_OR_RETURN(std::uint32_t ne, GetU32(data, pos));
    for (std::uint32_t i = 0; i < ne; ++i) {
      TKG_ASSIGN_OR_RETURN(std::string k, GetString(data, pos));
      TKG_ASSIGN_OR_RETURN(std::string v, GetString(data, pos));
      lem.wn_exc_[c].emplace(std::move(k), std::move(v));
    }
  }
  return lem;
}

double LemmaAccuracy(const Lemmatizer& lem, const std::vector<ConlluSentence>& gold) {
  std::size_t right = 0, total = 0;
  for (const ConlluSentence& s : gold) {
    for (const ConlluWord& w : s.words) {
      right += lem.Lemma(w.form, w.upos, w.xpos) == w.lemma;
      ++total;
    }
  }
  return total == 0 ? 0.0 : 100.0 * static_cast<double>(right) / static_cast<double>(total);
}

}  // namespace tkg::syntax
