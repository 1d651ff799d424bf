#include "extract/syntax/model.h"

#include <fstream>
#include <sstream>

#include "core/id.h"

namespace tkg::syntax {
namespace {
constexpr std::string_view kMagic = "TKGSYNTX";
}

void SyntaxModel::Analyze(std::span<const std::string_view> words, Analysis* out) const {
  thread_local std::vector<ParserInput> in;
  tagger.Tag(words, &out->tags);
  in.clear();
  for (std::size_t i = 0; i < words.size(); ++i) {
    in.push_back(ParserInput{words[i], tagger.Upos(out->tags[i]), tagger.Xpos(out->tags[i])});
  }
  parser.Parse(in, &out->heads, &out->labels);
}

std::string SyntaxModel::Serialize(std::uint32_t version) const {
  std::string out(kMagic);
  PutU32(&out, version);
  PutString(&out, metadata);
  tagger.Serialize(&out, version);
  lemmatizer.Serialize(&out);
  parser.Serialize(&out);
  return out;
}

Result<std::shared_ptr<const SyntaxModel>> SyntaxModel::Parse(std::string_view bytes,
                                                              const std::string& name) {
  if (!bytes.starts_with(kMagic)) {
    return Status::Corruption(name + ": not a tkg syntax model (bad magic)");
  }
  std::size_t pos = kMagic.size();
  auto m = std::make_shared<SyntaxModel>();
  m->fingerprint = IdBuilder("syntax-model").Add(bytes).Finish().Hex().substr(0, 16);
  auto fail = [&](const Status& s) { return s.WithPrefix(name); };
  auto version = GetU32(bytes, &pos);
  if (!version.ok()) return fail(version.status());
  // Formats 2 and 3 differ only by what their tagger lacks (the lexicon, the
  // right-to-left pass): such files still load and tag as they did.
  if (*version > kFormatVersion || *version < 2) {
    // What the older layouts lack, so that the message says why.
    std::string why =
        *version == 1 ? "format 1 has one parser classifier, not moves + labels; " : "";
    return Status::Corruption(name + ": syntax model format version " + std::to_string(*version) +
                              ", this tkg reads versions 2 to " + std::to_string(kFormatVersion) +
                              " (" + why + "retrain with tkg-train-syntax, see docs/models.md)");
  }
  auto meta = GetString(bytes, &pos);
  if (!meta.ok()) return fail(meta.status());
  m->metadata = std::move(*meta);
  auto tagger = Tagger::Deserialize(bytes, &pos, *version);
  if (!tagger.ok()) return fail(tagger.status());
  m->tagger = std::move(*tagger);
  auto lem = Lemmatizer::Deserialize(bytes, &pos);
  if (!lem.ok()) return fail(lem.status());
  m->lemmatizer = std::move(*lem);
  auto parser = Parser::Deserialize(bytes, &pos);
  if (!parser.ok()) return fail(parser.status());
  m->parser = std::move(*parser);
  if (pos != bytes.size()) return Status::Corruption(name + ": trailing bytes after the model");
  return std::shared_ptr<const SyntaxModel>(std::move(m));
}

Result<std::shared_ptr<const SyntaxModel>> SyntaxModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open syntax model " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

}  // namespace tkg::syntax
