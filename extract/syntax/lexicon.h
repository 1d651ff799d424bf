// The tagger's word lexicon from WordNet: for a lower-cased word form, which
// parts of speech it can be, directly (a WordNet lemma) or as a regular or
// listed inflection of one ("geese", "stopped", "bigger"), whether WordNet
// spells it capitalised (a name: "Bucharest", "American"), and the part of
// speech whose senses are most frequent in WordNet's tagged corpus. The
// tagger reads it as one bitset feature per word; it mainly helps words the
// treebanks never show.
//
// Built by the training tool from Debian wordnet-base (index.*, *.exc,
// data.*); the table of forms lives in the syntax model file.
//
// Thread-safety: immutable after Build/Deserialize.

#ifndef TKG_EXTRACT_SYNTAX_LEXICON_H_
#define TKG_EXTRACT_SYNTAX_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tkg::syntax {

class TagLexicon {
 public:
  // Bits of Lookup().
  enum : std::uint16_t {
    kNoun = 1 << 0,        // noun lemma
    kNounPlural = 1 << 1,  // plural of a noun lemma
    kVerb = 1 << 2,        // verb lemma (VB, VBP)
    kVerbS = 1 << 3,       // third person singular
    kVerbEd = 1 << 4,      // past tense or participle
    kVerbIng = 1 << 5,     // gerund or present participle
    kAdj = 1 << 6,
    kAdjEr = 1 << 7,   // comparative
    kAdjEst = 1 << 8,  // superlative
    kAdv = 1 << 9,
    kCapital = 1 << 10,      // WordNet spells it with a capital
    kOnlyCapital = 1 << 11,  // ... and never in lower case
    // Bits 12-14: 1 + the part of speech (noun, verb, adjective, adverb)
    // with the most tagged senses, 0 when none.
    kDominantShift = 12,
  };

  // Reads WordNet from `dir`; NotFound if a file is missing.
  static Result<TagLexicon> Build(const std::string& dir);

  // The bits of a word by its NormKey (features.h); 0 when unknown.
  std::uint16_t Lookup(std::uint64_t norm_key) const;
  // The same by the form itself (any case).
  std::uint16_t LookupForm(std::string_view form) const;
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }

  // Binary form: u32 count, then per form (sorted by key) u64 key, u32 bits.
  void Serialize(std::string* out) const;
  static Result<TagLexicon> Deserialize(std::string_view data, std::size_t* pos);

 private:
  struct Slot {
    std::uint64_t key = 0;  // 0 = empty
    std::uint16_t bits = 0;
  };
  void Index(const std::vector<std::pair<std::uint64_t, std::uint16_t>>& sorted);
  std::vector<Slot> slots_;
  std::uint64_t mask_ = 0;
  std::size_t n_ = 0;
};

}  // namespace tkg::syntax

#endif  // TKG_EXTRACT_SYNTAX_LEXICON_H_
