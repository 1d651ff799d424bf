#include "extract/shallow.h"

#include <algorithm>

namespace tkg {

WordClass WordClassFromName(std::string_view n) {
  if (n == "aux") return WordClass::kAux;
  if (n == "modal") return WordClass::kModal;
  if (n == "neg") return WordClass::kNeg;
  if (n == "part") return WordClass::kPart;
  if (n == "pron") return WordClass::kPron;
  if (n == "rel") return WordClass::kRel;
  if (n == "sub") return WordClass::kSub;
  if (n == "conj") return WordClass::kConj;
  if (n == "prep") return WordClass::kPrep;
  if (n == "det") return WordClass::kDet;
  if (n == "wh") return WordClass::kWh;
  if (n == "adv") return WordClass::kAdv;
  return WordClass::kOther;
}

Shallow::Shallow(const Resources& res, const Document& doc) : doc_(doc) {
  const auto& toks = doc.tokens();
  cls_.assign(toks.size(), WordClass::kOther);
  barrier_.assign(toks.size(), false);
  for (std::uint32_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::kPunct) {
      cls_[i] = WordClass::kPunct;
    } else if (t.kind == TokenKind::kQuote) {
      cls_[i] = WordClass::kQuote;
    } else if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) {
      const LexiconEntry* fw = res.Entry(res.function_words, doc, i);
      cls_[i] = fw != nullptr ? WordClassFromName(fw->fields[0]) : WordClass::kContent;
      // An acronym spelled like a function word is a name: "WHO", "US", "IT".
      std::string_view text = doc.TokenText(i);
      if (fw != nullptr && text.size() >= 2 &&
          std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        cls_[i] = WordClass::kContent;
      }
    }
  }
}

bool Shallow::IsTerminal(std::uint32_t i) const {
  std::string_view t = doc_.TokenText(i);
  return t == "." || t == "!" || t == "?" || t == "...";
}

bool Shallow::IsOpenQuote(std::uint32_t i) const {
  const Token& t = doc_.tokens()[i];
  return t.kind == TokenKind::kQuote && t.Has(kTokOpenQuote);
}

bool Shallow::IsCloseQuote(std::uint32_t i) const {
  const Token& t = doc_.tokens()[i];
  return t.kind == TokenKind::kQuote && t.Has(kTokCloseQuote);
}

bool Shallow::OneBeforeNoun(std::uint32_t i, std::uint32_t hi) const {
  return i + 1 < hi && doc_.Folded(i) == "one" && cls_[i + 1] == WordClass::kContent &&
         doc_.tokens()[i + 1].kind == TokenKind::kWord && !barrier_[i + 1];
}

bool Shallow::IsNpWord(std::uint32_t i) const {
  const Token& t = doc_.tokens()[i];
  if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) return false;
  if (t.Has(kTokClitic)) return doc_.Folded(i) == "'s";
  return cls_[i] == WordClass::kContent || cls_[i] == WordClass::kDet;
}

std::uint32_t Shallow::SkipAuxLeft(std::uint32_t i, std::uint32_t lo) const {
  std::uint32_t j = i;
  while (j > lo) {
    WordClass c = cls_[j - 1];
    if ((c == WordClass::kAux || c == WordClass::kModal || c == WordClass::kAdv ||
         c == WordClass::kNeg) &&
        !doc_.tokens()[j - 1].Has(kTokCapitalized)) {
      --j;
      continue;
    }
    break;
  }
  return j;
}

TokenRange Shallow::NpLeft(std::uint32_t end, std::uint32_t lo) const {
  if (end <= lo) return {end, end};
  std::uint32_t k = end;
  if (cls_[end - 1] == WordClass::kPron) return {end - 1, end};
  while (k > lo && end - k < 14) {
    std::uint32_t p = k - 1;
    if ((IsNpWord(p) || (k < end && OneBeforeNoun(p, end))) && !barrier_[p]) {
      k = p;
      continue;
    }
    // "the head of the agency", "ministers from the alliance".
    if (cls_[p] == WordClass::kPrep && (Is(p, "of") || Is(p, "from")) && k < end && p > lo &&
        IsNpWord(p - 1) && cls_[p - 1] == WordClass::kContent && !barrier_[p - 1]) {
      k = p;
      continue;
    }
    break;
  }
  // An NP does not start with a preposition, and a lone determiner is not one.
  while (k < end && cls_[k] == WordClass::kPrep) ++k;
  if (k < end && end - k == 1 && cls_[k] == WordClass::kDet) return {end, end};
  return {k, end};
}

TokenRange Shallow::NpRight(std::uint32_t first, std::uint32_t hi) const {
  std::uint32_t k = first;
  if (k < hi && cls_[k] == WordClass::kPron) {
    // "one analyst": "one" counts the noun after it.
    if (!OneBeforeNoun(k, hi)) return {k, k + 1};
    ++k;
  }
  while (k < hi && k - first < 16) {
    if (IsNpWord(k) && !barrier_[k]) {
      ++k;
      continue;
    }
    if (cls_[k] == WordClass::kPrep && k > first && k + 1 < hi && IsNpWord(k + 1) &&
        !barrier_[k + 1]) {
      ++k;
      continue;
    }
    if (doc_.TokenText(k) == "-" && k > first && k + 1 < hi && IsNpWord(k + 1)) {
      ++k;
      continue;
    }
    break;
  }
  // Do not end on a preposition or determiner.
  while (k > first && (cls_[k - 1] == WordClass::kPrep || cls_[k - 1] == WordClass::kDet)) --k;
  return {first, k};
}

}  // namespace tkg
