#include "extract/syntax/lexicon.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "extract/syntax/features.h"
#include "extract/syntax/perceptron.h"

namespace tkg::syntax {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Ends consonant-vowel-consonant ("stop", "big"): the consonant may double.
bool DoublesLast(std::string_view w) {
  std::size_t n = w.size();
  if (n < 3) return false;
  char c = w[n - 1];
  return c >= 'a' && c <= 'z' && !IsVowel(c) && c != 'w' && c != 'x' && c != 'y' &&
         IsVowel(w[n - 2]) && !IsVowel(w[n - 3]);
}

// "-s" forms of a noun or verb: +s always, +es after a sibilant or o, y -> ies.
void SForms(const std::string& w, std::vector<std::string>* out) {
  out->push_back(w + "s");
  if (w.ends_with('s') || w.ends_with('x') || w.ends_with('z') || w.ends_with("ch") ||
      w.ends_with("sh") || w.ends_with('o')) {
    out->push_back(w + "es");
  }
  if (w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    out->push_back(w.substr(0, w.size() - 1) + "ies");
  }
}

// Forms with a vowel-initial suffix ("ed", "ing", "er", "est").
void VowelSuffixForms(const std::string& w, std::string_view suf, std::vector<std::string>* out) {
  std::string s(suf);
  if (w.ends_with('e')) {
    if (suf == "ing") {
      if (w.ends_with("ie")) {
        out->push_back(w.substr(0, w.size() - 2) + "ying");
      } else if (w.ends_with("ee") || w.ends_with("ye") || w.ends_with("oe")) {
        out->push_back(w + s);
      } else {
        out->push_back(w.substr(0, w.size() - 1) + s);
      }
    } else {
      out->push_back(w + s.substr(1));
    }
    return;
  }
  if (suf != "ing" && w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    out->push_back(w.substr(0, w.size() - 1) + "i" + s);
    return;
  }
  out->push_back(w + s);
  if (DoublesLast(w)) out->push_back(w + w.back() + s);
}

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> t;
  std::istringstream in(line);
  std::string x;
  while (in >> x) t.push_back(x);
  return t;
}

}  // namespace

Result<TagLexicon> TagLexicon::Build(const std::string& dir) {
  struct Entry {
    std::uint16_t bits = 0;
    std::array<int, 4> tagged = {-1, -1, -1, -1};  // tagged senses by part of speech
  };
  std::unordered_map<std::string, Entry> forms;
  auto add = [&](const std::string& form, std::uint16_t bit, int pos, int tagged) {
    if (form.empty() || form.find('_') != std::string::npos) return;
    Entry& e = forms[form];
    e.bits |= bit;
    e.tagged[static_cast<std::size_t>(pos)] =
        std::max(e.tagged[static_cast<std::size_t>(pos)], tagged);
  };
  const char* names[4] = {"noun", "verb", "adj", "adv"};
  // Lemmas and their tagged-sense counts; then the regular inflections.
  std::unordered_map<std::string, int> tagged[4];
  for (int p = 0; p < 4; ++p) {
    std::string path = dir + "/index." + names[p];
    std::ifstream in(path);
    if (!in) return Status::NotFound("cannot open WordNet file " + path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      std::vector<std::string> t = Split(line);
      if (t.size() < 6) continue;
      std::size_t ptrs = static_cast<std::size_t>(std::stoi(t[3]));
      if (t.size() < 6 + ptrs) continue;
      int n = std::stoi(t[5 + ptrs]);
      tagged[p][t[0]] = n;
    }
  }
  std::vector<std::string> tmp;
  for (const auto& [w, n] : tagged[0]) {
    add(w, kNoun, 0, n);
    tmp.clear();
    SForms(w, &tmp);
    for (const auto& f : tmp) add(f, kNounPlural, 0, n);
  }
  for (const auto& [w, n] : tagged[1]) {
    add(w, kVerb, 1, n);
    tmp.clear();
    SForms(w, &tmp);
    for (const auto& f : tmp) add(f, kVerbS, 1, n);
    tmp.clear();
    VowelSuffixForms(w, "ed", &tmp);
    for (const auto& f : tmp) add(f, kVerbEd, 1, n);
    tmp.clear();
    VowelSuffixForms(w, "ing", &tmp);
    for (const auto& f : tmp) add(f, kVerbIng, 1, n);
  }
  for (const auto& [w, n] : tagged[2]) {
    add(w, kAdj, 2, n);
    tmp.clear();
    VowelSuffixForms(w, "er", &tmp);
    for (const auto& f : tmp) add(f, kAdjEr, 2, n);
    tmp.clear();
    VowelSuffixForms(w, "est", &tmp);
    for (const auto& f : tmp) add(f, kAdjEst, 2, n);
  }
  for (const auto& [w, n] : tagged[3]) add(w, kAdv, 3, n);
  // Irregular forms: "geese goose", "went go", "better good".
  for (int p = 0; p < 4; ++p) {
    std::string path = dir + "/" + names[p] + ".exc";
    std::ifstream in(path);
    if (!in) return Status::NotFound("cannot open WordNet file " + path);
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> t = Split(line);
      if (t.size() < 2) continue;
      auto it = tagged[p].find(t[1]);
      int n = it == tagged[p].end() ? 0 : it->second;
      std::uint16_t bit = p == 0 ? kNounPlural : p == 1 ? kVerbEd : kAdjEr;
      if (p >= 2 && t[0].ends_with("st")) bit = kAdjEst;
      if (p == 3) bit = kAdv;
      add(t[0], bit, p, n);
    }
  }
  // Spelling in the synsets: capitalised or not.
  std::unordered_map<std::string, std::uint8_t> spelled;  // 1 lower, 2 capital
  for (int p = 0; p < 4; ++p) {
    std::string path = dir + "/data." + names[p];
    std::ifstream in(path);
    if (!in) return Status::NotFound("cannot open WordNet file " + path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      std::istringstream ss(line);
      std::string offset, lexfile, type, count;
      if (!(ss >> offset >> lexfile >> type >> count)) continue;
      int words = static_cast<int>(std::stoul(count, nullptr, 16));
      for (int k = 0; k < words; ++k) {
        std::string word, lex_id;
        if (!(ss >> word >> lex_id)) break;
        std::size_t paren = word.find('(');  // "beautiful(a)"
        if (paren != std::string::npos) word.resize(paren);
        if (word.empty() || word.find('_') != std::string::npos) continue;
        bool cap = word[0] >= 'A' && word[0] <= 'Z';
        spelled[Lower(word)] |= cap ? 2 : 1;
      }
    }
  }
  std::vector<std::pair<std::uint64_t, std::uint16_t>> table;
  std::string scratch;
  for (auto& [form, e] : forms) {
    auto sp = spelled.find(form);
    if (sp != spelled.end() && (sp->second & 2) != 0) {
      e.bits |= kCapital;
      if ((sp->second & 1) == 0) e.bits |= kOnlyCapital;
    }
    int best = 0, dom = 0;
    for (int p = 0; p < 4; ++p) {
      if (e.tagged[static_cast<std::size_t>(p)] > best) {
        best = e.tagged[static_cast<std::size_t>(p)];
        dom = p + 1;
      }
    }
    e.bits |= static_cast<std::uint16_t>(dom << kDominantShift);
    table.emplace_back(NormKey(form, &scratch), e.bits);
  }
  std::sort(table.begin(), table.end());
  // Forms that normalise alike ("a1", "a2") merge their bits.
  std::vector<std::pair<std::uint64_t, std::uint16_t>> merged;
  for (const auto& [k, b] : table) {
    if (!merged.empty() && merged.back().first == k) {
      merged.back().second |= b;
    } else {
      merged.emplace_back(k, b);
    }
  }
  TagLexicon lex;
  lex.Index(merged);
  return lex;
}

void TagLexicon::Index(const std::vector<std::pair<std::uint64_t, std::uint16_t>>& sorted) {
  n_ = sorted.size();
  std::size_t cap = 16;
  while (cap < n_ * 2) cap *= 2;
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  for (const auto& [k, b] : sorted) {
    std::uint64_t key = k == 0 ? 1 : k;
    std::size_t i = Mix(key) & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{key, b};
  }
}

std::uint16_t TagLexicon::Lookup(std::uint64_t norm_key) const {
  if (n_ == 0) return 0;
  std::uint64_t key = norm_key == 0 ? 1 : norm_key;
  for (std::size_t i = Mix(key) & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) return slots_[i].bits;
    if (slots_[i].key == 0) return 0;
  }
}

std::uint16_t TagLexicon::LookupForm(std::string_view form) const {
  std::string scratch;
  return Lookup(NormKey(form, &scratch));
}

void TagLexicon::Serialize(std::string* out) const {
  std::vector<std::pair<std::uint64_t, std::uint16_t>> all;
  for (const Slot& s : slots_) {
    if (s.key != 0) all.emplace_back(s.key, s.bits);
  }
  std::sort(all.begin(), all.end());
  PutU32(out, static_cast<std::uint32_t>(all.size()));
  for (const auto& [k, b] : all) {
    PutU64(out, k);
    PutU32(out, b);
  }
}

Result<TagLexicon> TagLexicon::Deserialize(std::string_view data, std::size_t* pos) {
  TKG_ASSIGN_OR_RETURN(std::uint32_t n, GetU32(data, pos));
  if (n > (1U << 24)) return Status::Corruption("lexicon: bad size");
  std::vector<std::pair<std::uint64_t, std::uint16_t>> all;
  all.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    TKG_ASSIGN_OR_RETURN(std::uint64_t k, GetU64(data, pos));
    TKG_ASSIGN_OR_RETURN(std::uint32_t b, GetU32(data, pos));
    if (b > 0xFFFF) return Status::Corruption("lexicon: bad bits");
    all.emplace_back(k, static_cast<std::uint16_t>(b));
  }
  TagLexicon lex;
  lex.Index(all);
  return lex;
}

}  // namespace tkg::syntax
