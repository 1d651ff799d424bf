// Shallow syntax for the first claims and facts stages: a coarse word class
// per token (function_words.tsv) and noun-phrase edges found by walking
// over the tokens that can be inside a noun phrase. The dependency parser of
// the linguistic-core issue replaces this; the stages then read heads and
// relations instead.
//
// Thread-safety: one Shallow per document and thread.

#ifndef TKG_EXTRACT_SHALLOW_H_
#define TKG_EXTRACT_SHALLOW_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/document.h"
#include "extract/resources.h"

namespace tkg {

enum class WordClass : std::uint8_t {
  kContent,  // any word function_words.tsv does not list
  kAux,
  kModal,
  kNeg,
  kPart,
  kPron,
  kRel,
  kSub,
  kConj,
  kPrep,
  kDet,
  kWh,
  kAdv,
  kPunct,
  kQuote,
  kOther,  // symbols, URLs
};

// The class named in function_words.tsv ("aux", "prep" ...); kOther for
// an unknown name.
WordClass WordClassFromName(std::string_view name);

// A token range [first, end); empty when first == end.
using TokenRange = std::pair<std::uint32_t, std::uint32_t>;

class Shallow {
 public:
  // Classifies every token. REQUIRES: the segment stage has run on `doc`.
  Shallow(const Resources& res, const Document& doc);

  WordClass Class(std::uint32_t i) const { return cls_[i]; }
  bool Is(std::uint32_t i, std::string_view folded) const { return doc_.Folded(i) == folded; }
  bool IsComma(std::uint32_t i) const { return doc_.TokenText(i) == ","; }
  bool IsTerminal(std::uint32_t i) const;
  bool IsOpenQuote(std::uint32_t i) const;
  bool IsCloseQuote(std::uint32_t i) const;
  // A word that can be inside a noun phrase: a content word, a determiner,
  // a number, or the possessive clitic 's.
  bool IsNpWord(std::uint32_t i) const;
  // "one" before a noun inside [.., hi) ("one analyst"): a number there, not
  // the pronoun.
  bool OneBeforeNoun(std::uint32_t i, std::uint32_t hi) const;
  Span TokSpan(std::uint32_t first, std::uint32_t end) const {
    return Span{doc_.tokens()[first].span.begin, doc_.tokens()[end - 1].span.end};
  }

  // Tokens no noun phrase may include (the caller's: cue words, quoted
  // words, verb groups). Initially none.
  std::vector<bool>& barrier() { return barrier_; }

  // The noun phrase ending just before token `end`, not starting before
  // `lo`: "NATO Secretary-General Jens Stoltenberg", "the head of the
  // agency"; a pronoun alone; empty when there is none.
  TokenRange NpLeft(std::uint32_t end, std::uint32_t lo) const;
  // The noun phrase starting at `first`, ending before `hi`, with
  // prepositional complements ("Bolden to the gathered crowd").
  TokenRange NpRight(std::uint32_t first, std::uint32_t hi) const;
  // From verb token `i`, back over auxiliaries, modals, negations and
  // adverbs ("has also said"): the index just after the subject.
  std::uint32_t SkipAuxLeft(std::uint32_t i, std::uint32_t lo) const;

 private:
  const Document& doc_;
  std::vector<WordClass> cls_;
  std::vector<bool> barrier_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_SHALLOW_H_
