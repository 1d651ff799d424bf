#include "extract/resources.h"

#include <cstdlib>

#include "core/id.h"
#include "extract/entities/mention_tagger.h"
#include "extract/syntax/model.h"

#ifndef TKG_DEFAULT_DATA_DIR
#define TKG_DEFAULT_DATA_DIR "extract/data"
#endif

namespace tkg {

std::string DataDirectory(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("TKG_DATA"); env != nullptr && *env != '\0') return env;
  return TKG_DEFAULT_DATA_DIR;
}

Result<std::shared_ptr<const Resources>> Resources::Load(const std::string& lang_dir) {
  auto res = std::make_shared<Resources>();
  res->dir = lang_dir;
  struct File {
    const char* name;
    Lexicon* lex;
    std::size_t fields;
  };
  const File files[] = {
      {"abbreviations.tsv", &res->abbreviations, 1},
      {"boilerplate.tsv", &res->boilerplate, 1},
      {"function_words.tsv", &res->function_words, 1},
      {"months.tsv", &res->months, 1},
      {"weekdays.tsv", &res->weekdays, 1},
      {"time/time_words.tsv", &res->time_words, 2},
      {"numbers.tsv", &res->numbers, 1},
      {"cues.tsv", &res->cues, 2},
      {"titles.tsv", &res->titles, 2},
      {"places.tsv", &res->places, 3},
      {"organisations.tsv", &res->organisations, 3},
      {"group_nouns.tsv", &res->group_nouns, 1},
      {"name_parts.tsv", &res->name_parts, 1},
      {"nominals.tsv", &res->nominals, 1},
      {"pronouns.tsv", &res->pronouns, 3},
      {"verbs.tsv", &res->verbs, 2},
      {"gazetteer.tsv", &res->gazetteer, 2},
      {"first_names.tsv", &res->first_names, 2},
      {"gender_words.tsv", &res->gender_words, 1},
  };
  IdBuilder fingerprint("resources");
  std::string text;
  for (const File& f : files) {
    std::string path = lang_dir + "/" + f.name;
    Status read = ReadFile(path, &text);
    if (read.IsNotFound()) {
      return Status::NotFound("missing data file " + path +
                              " (set --data or $TKG_DATA to tkg's extract/data directory)");
    }
    TKG_RETURN_IF_ERROR(read);
    fingerprint.Add(f.name).Add(text);
    auto lex = Lexicon::Parse(path, text, f.fields);
    if (!lex.ok()) return lex.status();
    *f.lex = std::move(*lex);
  }
  res->time_rules_path = lang_dir + "/time/rules.txt";
  if (Status read = ReadFile(res->time_rules_path, &res->time_rules); !read.ok()) {
    if (read.IsNotFound()) {
      return Status::NotFound("missing data file " + res->time_rules_path +
                              " (set --data or $TKG_DATA to tkg's extract/data directory)");
    }
    return read;
  }
  fingerprint.Add("time/rules.txt").Add(res->time_rules);
  res->fingerprint = fingerprint.Finish().Hex().substr(0, 16);
  int slot = 0;
  for (const File& f : files) f.lex->set_slot(slot++);
  res->BuildWordTable();
  return std::shared_ptr<const Resources>(std::move(res));
}

Result<std::shared_ptr<const syntax::SyntaxModel>> Resources::SyntaxModel() const {
  return syntax_->Get([&] { return syntax::SyntaxModel::Load(dir + "/models/syntax.tkgm"); });
}

Result<std::shared_ptr<const MentionModel>> Resources::MentionModel() const {
  return mentions_->Get([&] { return tkg::MentionModel::Load(dir + "/models/mentions.tkgm"); });
}

void Resources::BuildWordTable() {
  words_.assign(1, WordInfo{});  // id 0: a word no lexicon has
  auto id_of = [&](const std::string& w) {
    auto [it, added] = word_ids_.emplace(w, static_cast<std::uint32_t>(words_.size()));
    if (added) words_.emplace_back();
    return it->second;
  };
  const Lexicon* all[] = {&abbreviations, &boilerplate, &function_words, &months,      &weekdays,
                          &time_words,    &numbers,     &cues,           &titles,      &places,
                          &organisations, &group_nouns, &name_parts,     &nominals,    &pronouns,
                          &verbs,         &gazetteer,   &first_names,    &gender_words};
  static_assert(std::size(all) <= kMaxLexicons);
  for (const Lexicon* lex : all) {
    auto slot = static_cast<std::size_t>(lex->slot());
    for (const LexiconEntry& e : lex->entries()) {
      // The first token: up to the first space, less a possessive "'s".
      std::string first = e.key.substr(0, e.key.find(' '));
      bool one_token = first.size() == e.key.size() && !first.ends_with("'s");
      if (first.size() > 2 && first.ends_with("'s")) first.resize(first.size() - 2);
      std::uint32_t fid = id_of(first);
      words_[fid].starts |= 1u << slot;
      if (one_token) words_[fid].entry[slot] = &e;
    }
  }
}

std::uint32_t Resources::WordId(std::string_view folded) const {
  auto it = word_ids_.find(folded);
  return it == word_ids_.end() ? 0 : it->second;
}

}  // namespace tkg
