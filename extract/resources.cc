#include "extract/resources.h"

#include <cstdlib>

#include "core/id.h"

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
      {"time_words.tsv", &res->time_words, 2},
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
  res->fingerprint = fingerprint.Finish().Hex().substr(0, 16);
  return std::shared_ptr<const Resources>(std::move(res));
}

}  // namespace tkg
