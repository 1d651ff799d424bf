#include "extract/extractor.h"

#include <algorithm>

#include "core/text.h"
#include "core/version.h"
#include "extract/entities/mention_tagger.h"
#include "extract/stages.h"
#include "extract/syntax/model.h"

namespace tkg {

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  ExtractorOptions opts = options;
  opts.data_dir = DataDirectory(opts.data_dir);
  auto res = Resources::Load(opts.data_dir + "/" + opts.lang);
  if (!res.ok()) return res.status();
  auto pipeline = MakePipeline(*res, opts.stages);
  if (!pipeline.ok()) return pipeline.status();
  // Another pipeline or another model gives other results: the stages and
  // the fingerprints of the models they use are part of the version stored
  // with each ingested document, so that a change re-extracts on the next
  // ingest.
  std::string version = std::string("tkg ") + kTkgVersion + " data " + (*res)->fingerprint;
  const std::vector<std::string_view>& stages =
      opts.stages.empty() ? DefaultStageNames() : opts.stages;
  if (stages != DefaultStageNames()) {
    version += " stages";
    for (std::string_view s : stages) version.append(" ").append(s);
  }
  auto uses = [&](std::string_view stage) {
    return std::find(stages.begin(), stages.end(), stage) != stages.end();
  };
  if (uses("syntax")) {  // loaded (and cached) by the syntax stage already
    TKG_ASSIGN_OR_RETURN(std::shared_ptr<const syntax::SyntaxModel> model, (*res)->SyntaxModel());
    version += " syntax " + model->fingerprint;
  }
  if (uses("entities")) {  // no mention model: the entity stage uses the lists alone
    auto model = (*res)->MentionModel();
    if (!model.ok() && !model.status().IsNotFound()) return model.status();
    version += " mentions " + (model.ok() ? (*model)->fingerprint : std::string("none"));
  }
  return std::unique_ptr<Extractor>(
      new Extractor(std::move(opts), std::move(*res), std::move(*pipeline), std::move(version)));
}

std::string Extractor::version() const { return version_; }

std::string DescribePosition(std::string_view text, std::size_t offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

Result<Document> Extractor::Annotate(DocumentInput input) const {
  if (input.meta.id.empty()) return Status::InvalidArgument("document has an empty id");
  if (input.text.size() > options_.max_document_bytes) {
    return Status::InvalidArgument("document '" + input.meta.id + "' is too large (" +
                                   std::to_string(input.text.size()) + " bytes; the limit is " +
                                   std::to_string(options_.max_document_bytes) + ")");
  }
  if (auto bad = FindInvalidUtf8(input.text)) {
    return Status::InvalidArgument("document '" + input.meta.id + "': invalid UTF-8 at byte " +
                                   std::to_string(*bad) + " (" +
                                   DescribePosition(input.text, *bad) + ")");
  }
  Document doc(std::move(input.meta), std::move(input.text));
  if (TrimSpace(doc.text()).empty()) doc.AddWarning("empty document");
  Status s = pipeline_.Run(&doc);
  if (!s.ok()) return s.WithPrefix(doc.id());
  return doc;
}

Result<ExtractResult> Extractor::Extract(DocumentInput input) const {
  std::string extra = std::move(input.extra_json);
  auto doc = Annotate(std::move(input));
  if (!doc.ok()) return doc.status();
  ExtractResult r = ToExtractResult(*doc);
  r.extra_json = std::move(extra);
  return r;
}

namespace {

TextSpan MakeTextSpan(const Document& doc, Span s) {
  return TextSpan{s, std::string(doc.Slice(s))};
}

}  // namespace

ExtractResult ToExtractResult(const Document& doc) {
  ExtractResult r;
  const DocumentMeta& m = doc.meta();
  r.id = m.id;
  r.date = m.date_text;
  r.dct = m.dct;
  r.title = m.title;
  if (r.title.empty()) {
    for (const Zone& z : doc.zones()) {
      if (z.kind == ZoneKind::kHeadline) {
        r.title = std::string(doc.Slice(z.span));
        break;
      }
    }
  }
  r.url = m.url;
  r.source = m.source;
  for (const Sentence& s : doc.sentences()) r.sentences.push_back(s.span);
  for (const Entity& e : doc.entities()) {
    ExtractedEntity x;
    x.id = e.id;
    x.type = e.type;
    x.name = e.name;
    x.aliases = e.aliases;
    for (std::uint32_t mi : e.mentions) {
      const Mention& dm = doc.mentions()[mi];
      (dm.kind == MentionKind::kDemonym ? x.modifiers : x.mentions).push_back(dm.span);
    }
    for (const DocRole& role : e.roles) {
      EntityRole er;
      er.title = role.title;
      if (role.org >= 0) er.org = doc.entities()[static_cast<std::size_t>(role.org)].id;
      er.text = std::string(doc.Slice(role.evidence));
      x.roles.push_back(std::move(er));
    }
    r.entities.push_back(std::move(x));
  }
  auto timex_id = [](std::int32_t i) {
    return i < 0 ? std::string() : "t" + std::to_string(i + 1);
  };
  auto claim_id = [](std::int32_t i) {
    return i < 0 ? std::string() : "c" + std::to_string(i + 1);
  };
  auto fact_id = [](std::int32_t i) { return i < 0 ? std::string() : "f" + std::to_string(i + 1); };
  for (std::size_t i = 0; i < doc.timexes().size(); ++i) {
    const Timex& t = doc.timexes()[i];
    ExtractedTimex x;
    x.id = timex_id(static_cast<std::int32_t>(i));
    x.text = MakeTextSpan(doc, t.span);
    x.type = t.type;
    x.anchor = t.anchor;
    x.relative = t.relative;
    x.rule = t.rule.name;
    r.timexes.push_back(std::move(x));
  }
  for (std::size_t i = 0; i < doc.claims().size(); ++i) {
    const Claim& c = doc.claims()[i];
    ExtractedClaim x;
    x.id = claim_id(static_cast<std::int32_t>(i));
    if (!c.speaker.empty()) {
      ExtractedSpeaker sp;
      sp.mention = MakeTextSpan(doc, c.speaker);
      if (c.speaker_entity >= 0) {
        const Entity& e = doc.entities()[static_cast<std::size_t>(c.speaker_entity)];
        sp.entity = e.id;
        sp.name = e.name;
      } else if (!c.speaker_antecedent.empty()) {
        sp.name = std::string(doc.Slice(c.speaker_antecedent));
      }
      x.speaker = std::move(sp);
    }
    if (!c.cue.empty()) x.cue = MakeTextSpan(doc, c.cue);
    x.cue_lemma = c.cue_lemma;
    x.content = MakeTextSpan(doc, c.content);
    x.kind = c.kind;
    x.date = c.date;
    x.date_basis = c.date_basis;
    x.date_timex = timex_id(c.date_timex);
    for (std::uint32_t f : c.facts) x.facts.push_back(fact_id(static_cast<std::int32_t>(f)));
    x.evidence = c.evidence;
    x.display = c.display;
    x.confidence = c.confidence;
    x.rule = c.rule.name;
    r.claims.push_back(std::move(x));
  }
  for (std::size_t i = 0; i < doc.facts().size(); ++i) {
    const Fact& f = doc.facts()[i];
    ExtractedFact x;
    x.id = fact_id(static_cast<std::int32_t>(i));
    auto arg = [&](const Argument& a) {
      FactArgument out;
      out.text = MakeTextSpan(doc, a.span);
      if (a.entity >= 0) out.entity = doc.entities()[static_cast<std::size_t>(a.entity)].id;
      return out;
    };
    x.subject = arg(f.subject);
    x.relation = MakeTextSpan(doc, f.relation);
    if (!f.relation_text.empty() && f.relation_text != x.relation.text) {
      x.relation_phrase = f.relation_text;
    }
    x.relation_lemma = f.relation_lemma;
    x.object = arg(f.object);
    for (const ExtraArgument& a : f.args) {
      x.args.push_back(FactExtraArgument{std::string(a.role), MakeTextSpan(doc, a.span)});
    }
    x.polarity = f.polarity;
    x.modality = f.modality;
    x.time = f.time;
    x.time_basis = f.time_basis;
    x.time_timex = timex_id(f.time_timex);
    x.claim = claim_id(f.claim);
    x.sentence = static_cast<int>(f.sentence);
    x.confidence = f.confidence;
    x.rule = f.rule.name;
    r.facts.push_back(std::move(x));
  }
  r.warnings = doc.warnings();
  return r;
}

}  // namespace tkg
