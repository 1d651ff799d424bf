// Lemmatizer: suffix rules by part of speech (Penn XPOS), checked against
// WordNet's lemma lists, with WordNet's exception lists (went -> go) and the
// exceptions learned from the treebanks' lemma column (forms whose lemma the
// rules get wrong, e.g. "n't" -> "not", "me" -> "I"), following UD English's
// lemma conventions. The tables live in the syntax model file; WordNet files
// are read only by the training tool (Debian wordnet-base, /usr/share/wordnet).
//
// Thread-safety: immutable after Build/Deserialize.

#ifndef TKG_EXTRACT_SYNTAX_LEMMATIZER_H_
#define TKG_EXTRACT_SYNTAX_LEMMATIZER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/result.h"
#include "extract/syntax/conllu.h"

namespace tkg::syntax {

class Lemmatizer {
 public:
  std::string Lemma(std::string_view form, std::string_view upos, std::string_view xpos) const;

  // Builds the tables: WordNet from `wordnet_dir` (index.* lemma lists and
  // *.exc exceptions; skipped when empty), then the treebank exceptions.
  static Result<Lemmatizer> Build(const std::vector<ConlluSentence>& train,
                                  const std::string& wordnet_dir);

  void Serialize(std::string* out) const;
  static Result<Lemmatizer> Deserialize(std::string_view data, std::size_t* pos);

  std::size_t num_exceptions() const { return exceptions_.size(); }

 private:
  std::string RuleLemma(std::string_view form, std::string_view upos, std::string_view xpos) const;
  // Key: lower-cased form + '\t' + XPOS.
  std::unordered_map<std::string, std::string> exceptions_;
  // WordNet lemmas by class: 'n', 'v', 'a'.
  std::unordered_set<std::string> known_[3];
  // WordNet exceptions by class: form -> lemma.
  std::unordered_map<std::string, std::string> wn_exc_[3];
};

// Lemma accuracy (percent) on gold sentences with gold tags.
double LemmaAccuracy(const Lemmatizer& lem, const std::vector<ConlluSentence>& gold);

}  // namespace tkg::syntax

#endif  // TKG_EXTRACT_SYNTAX_LEMMATIZER_H_
