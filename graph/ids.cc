#include "graph/ids.h"

#include "core/text.h"

namespace tkg::ids {

Id128 Doc(std::string_view doc_id) { return IdBuilder("doc").Add(doc_id).Finish(); }

Id128 DocContent(std::string_view text, const ExtractResult& r,
                 std::string_view extractor_version) {
  return IdBuilder("doc-content")
      .Add(text)
      .Add(r.date)
      .Add(r.title)
      .Add(r.url)
      .Add(r.source)
      .Add(extractor_version)
      .Finish();
}

Id128 Entity(std::string_view entity_id) { return IdBuilder("entity").Add(entity_id).Finish(); }
Id128 Speaker(std::string_view speaker_text) {
  return IdBuilder("speaker").Add(Fold(speaker_text)).Finish();
}
Id128 Relation(std::string_view lemma) { return IdBuilder("relation").Add(lemma).Finish(); }
Id128 Literal(std::string_view text) { return IdBuilder("literal").Add(Fold(text)).Finish(); }

Id128 Argument(std::string_view entity_id, std::string_view text) {
  return entity_id.empty() ? Literal(text) : Entity(entity_id);
}

Id128 FactStatement(const Id128& subject, const Id128& relation, const Id128& object,
                    Polarity polarity, Modality modality, std::string_view time_value) {
  return IdBuilder("statement")
      .Add("fact")
      .Add(subject)
      .Add(relation)
      .Add(object)
      .AddInt(static_cast<int>(polarity))
      .AddInt(static_cast<int>(modality))
      .Add(time_value)
      .Finish();
}

std::string NormalizeContent(std::string_view content) {
  std::string f = Fold(content);
  std::string out;
  out.reserve(f.size());
  for (char c : f) {
    if (c == '"') continue;
    out.push_back(c);
  }
  // Quote-like apostrophes at the edges ('NATO will ... down,').
  auto trim = [&]() {
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '.' ||
                            out.back() == '\'' || out.back() == ';' || out.back() == ':')) {
      out.pop_back();
    }
    while (!out.empty() && (out.front() == ' ' || out.front() == '\'')) out.erase(out.begin());
  };
  trim();
  // Collapse double spaces left by removed marks.
  std::string collapsed;
  collapsed.reserve(out.size());
  for (char c : out) {
    if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed.push_back(c);
  }
  return collapsed;
}

Id128 SaidStatement(std::string_view content) {
  return IdBuilder("statement").Add("said").Add(NormalizeContent(content)).Finish();
}

Id128 Claim(const Id128& doc, const Id128& holder, const Id128& statement, int kind) {
  return IdBuilder("claim").Add(doc).Add(holder).Add(statement).AddInt(kind).Finish();
}

}  // namespace tkg::ids
