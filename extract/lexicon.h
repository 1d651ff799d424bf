// Lexicon: a word list loaded from a data file under extract/data/<lang>/.
//
// FORMAT (one entry per line, UTF-8):
//   # comment lines and blank lines are ignored
//   key<TAB>field1<TAB>field2 ...
// Keys are matched in Fold()ed form (case, diacritics and quote variants
// ignored); a key may contain spaces ("according to"). A file declares how
// many fields every entry has; a line with fewer is an error naming
// file:line, and so is a duplicate key. Every data file opens with a header
// comment saying what it is and its FORMAT.
//
// Lookups take an already folded key and never allocate.
//
// Thread-safety: immutable after Load(); share freely.

#ifndef TKG_EXTRACT_LEXICON_H_
#define TKG_EXTRACT_LEXICON_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace tkg {

struct LexiconEntry {
  std::string key;                  // folded
  std::string surface;              // the key as written in the file
  std::vector<std::string> fields;  // as written (not folded)
  int line = 0;                     // line number in the file, for messages
};

class Lexicon {
 public:
  Lexicon() = default;

  // Loads `path`. Every entry must have at least `min_fields` fields after
  // the key. Fails with NotFound when the file is missing and with
  // InvalidArgument "path:line: reason" for a malformed line.
  static Result<Lexicon> Load(const std::string& path, std::size_t min_fields);

  // Builds a lexicon from in-memory text (tests, generated data). `name` is
  // used in messages in place of a path.
  static Result<Lexicon> Parse(std::string_view name, std::string_view text,
                               std::size_t min_fields);

  // The entry for a folded key, or nullptr.
  const LexiconEntry* Find(std::string_view folded_key) const;
  bool Contains(std::string_view folded_key) const { return Find(folded_key) != nullptr; }

  const std::vector<LexiconEntry>& entries() const { return entries_; }

  // The lexicon's slot in Resources' word table (see resources.h); set once
  // by Resources::Load.
  int slot() const { return slot_; }
  void set_slot(int slot) { slot_ = slot; }
  // The largest number of space-separated words in a key (for multi-word
  // lookups: try spans of up to this many tokens).
  std::size_t max_words() const { return max_words_; }
  const std::string& name() const { return name_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  struct Eq {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };

  std::string name_;
  std::vector<LexiconEntry> entries_;
  std::unordered_map<std::string, std::size_t, Hash, Eq> index_;
  std::size_t max_words_ = 0;
  int slot_ = -1;
};

// Reads a whole file into *out. NotFound / IoError name the path.
Status ReadFile(const std::string& path, std::string* out);

}  // namespace tkg

#endif  // TKG_EXTRACT_LEXICON_H_
