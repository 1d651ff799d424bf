#include "extract/io/jsonl.h"

#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace tkg {
namespace {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

double Round2(float x) { return std::round(static_cast<double>(x) * 100.0) / 100.0; }

ojson SpanArray(Span s) { return ojson::array({s.begin, s.end}); }

ojson TextSpanJson(const TextSpan& t) {
  ojson j;
  j["text"] = t.text;
  j["begin"] = t.span.begin;
  j["end"] = t.span.end;
  return j;
}

ojson TimeJson(const TimeAnchor& a, DateBasis basis, const std::string& timex) {
  if (a.value.empty()) return nullptr;
  ojson j;
  j["value"] = a.value;
  if (a.has_interval()) {
    j["begin"] = FormatDay(a.begin);
    j["end"] = FormatDay(a.last());
  }
  j["granularity"] = std::string(GrainName(a.grain));
  j["basis"] = std::string(DateBasisName(basis));
  if (!timex.empty()) j["timex"] = timex;
  return j;
}

const std::set<std::string, std::less<>>& KnownInputFields() {
  static const std::set<std::string, std::less<>> k = {"id",    "text", "date",
                                                       "title", "url",  "source"};
  return k;
}

// --- reading back -----------------------------------------------------------

struct Reader {
  std::string error;

  bool Fail(std::string msg) {
    if (error.empty()) error = std::move(msg);
    return false;
  }
  bool Str(const json& j, const char* key, std::string* out, bool required = false) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      return required ? Fail(std::string("missing \"") + key + "\"") : true;
    }
    if (!it->is_string()) return Fail(std::string("\"") + key + "\" must be a string");
    *out = it->get<std::string>();
    return true;
  }
  bool U32(const json& j, const char* key, std::uint32_t* out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) {
      return Fail(std::string("\"") + key + "\" must be a non-negative integer");
    }
    std::uint64_t v = it->get<std::uint64_t>();
    if (v > 0xFFFFFFFFu) return Fail(std::string("\"") + key + "\" is out of range");
    *out = static_cast<std::uint32_t>(v);
    return true;
  }
  bool SpanPair(const json& j, Span* out) {
    if (!j.is_array() || j.size() != 2 || !j[0].is_number_unsigned() ||
        !j[1].is_number_unsigned()) {
      return Fail("a span must be [begin, end]");
    }
    out->begin = j[0].get<std::uint32_t>();
    out->end = j[1].get<std::uint32_t>();
    if (out->end < out->begin) return Fail("a span ends before it begins");
    return true;
  }
  bool Text(const json& j, TextSpan* out) {
    if (!j.is_object()) return Fail("a text span must be an object");
    return Str(j, "text", &out->text) && U32(j, "begin", &out->span.begin) &&
           U32(j, "end", &out->span.end);
  }
  template <typename E, typename F>
  bool Enum(const json& j, const char* key, E* out, F from_name, bool required = true) {
    std::string s;
    if (!Str(j, key, &s, required)) return false;
    if (s.empty() && !required) return true;
    auto v = from_name(s);
    if (!v) return Fail(std::string("unknown ") + key + " '" + s + "'");
    *out = *v;
    return true;
  }
  bool Time(const json& j, TimeAnchor* anchor, DateBasis* basis, std::string* timex) {
    if (j.is_null()) return true;
    if (!j.is_object()) return Fail("a date must be an object");
    std::string value;
    if (!Str(j, "value", &value)) return false;
    if (value.empty()) return true;
    *anchor = AnchorFromValue(value);
    return Enum(j, "basis", basis, DateBasisFromName, false) && Str(j, "timex", timex);
  }
};

}  // namespace

std::string PeekId(std::string_view line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return "";
  auto it = j.find("id");
  if (it == j.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return "";
}

Result<DocumentInput> ParseInputLine(std::string_view line, std::string_view default_date) {
  if (auto bad = FindInvalidUtf8(line)) {
    return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(*bad) +
                                   " of the line");
  }
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Parse again with exceptions to get nlohmann's position-bearing message.
    std::string why = "invalid JSON";
    try {
      json again = json::parse(line);
      (void)again;
    } catch (const json::exception& e) {
      why = std::string("invalid JSON: ") + e.what();
    }
    return Status::InvalidArgument(why);
  }
  if (!j.is_object()) return Status::InvalidArgument("a document must be a JSON object");
  DocumentInput in;
  auto id = j.find("id");
  if (id == j.end()) return Status::InvalidArgument("missing \"id\"");
  if (id->is_string()) {
    in.meta.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    in.meta.id = std::to_string(id->get<std::int64_t>());
  } else {
    return Status::InvalidArgument("\"id\" must be a string");
  }
  if (in.meta.id.empty()) return Status::InvalidArgument("\"id\" is empty");
  auto text = j.find("text");
  if (text == j.end() || text->is_null()) return Status::InvalidArgument("missing \"text\"");
  if (!text->is_string()) return Status::InvalidArgument("\"text\" must be a string");
  in.text = text->get<std::string>();
  Reader r;
  std::string date;
  if (!r.Str(j, "date", &date) || !r.Str(j, "title", &in.meta.title) ||
      !r.Str(j, "url", &in.meta.url) || !r.Str(j, "source", &in.meta.source)) {
    return Status::InvalidArgument(r.error);
  }
  if (date.empty()) date = std::string(default_date);
  if (!date.empty()) {
    auto d = ParseIsoDay(date);
    if (!d.ok()) return d.status();
    in.meta.dct = *d;
    in.meta.date_text = date;
  }
  json extra = json::object();
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (KnownInputFields().count(it.key()) == 0) extra[it.key()] = it.value();
  }
  in.extra_json = extra.dump();
  return in;
}

std::string ErrorToJsonLine(std::string_view id, std::string_view message, std::size_t line_no) {
  ojson j;
  j["id"] = id.empty() ? ojson(nullptr) : ojson(std::string(id));
  j["error"] = std::string(message);
  j["line"] = line_no;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ResultToJsonLine(const ExtractResult& r, bool include_rules) {
  ojson j;
  j["id"] = r.id;
  j["date"] = r.date.empty() ? ojson(nullptr) : ojson(r.date);
  if (!r.title.empty()) j["title"] = r.title;
  if (!r.url.empty()) j["url"] = r.url;
  if (!r.source.empty()) j["source"] = r.source;
  {
    json extra = json::parse(r.extra_json, nullptr, false);
    if (extra.is_object()) {
      for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!j.contains(it.key())) j[it.key()] = it.value();
      }
    }
  }
  ojson sentences = ojson::array();
  for (const Span& s : r.sentences) sentences.push_back(SpanArray(s));
  j["sentences"] = std::move(sentences);

  ojson entities = ojson::array();
  for (const ExtractedEntity& e : r.entities) {
    ojson x;
    x["id"] = e.id;
    x["type"] = std::string(EntityTypeName(e.type));
    x["name"] = e.name;
    x["aliases"] = e.aliases;
    ojson mentions = ojson::array();
    for (const Span& m : e.mentions) mentions.push_back(SpanArray(m));
    x["mentions"] = std::move(mentions);
    if (!e.roles.empty()) {
      ojson roles = ojson::array();
      for (const EntityRole& role : e.roles) {
        ojson rj;
        rj["title"] = role.title;
        rj["org"] = role.org.empty() ? ojson(nullptr) : ojson(role.org);
        rj["text"] = role.text;
        roles.push_back(std::move(rj));
      }
      x["roles"] = std::move(roles);
    }
    entities.push_back(std::move(x));
  }
  j["entities"] = std::move(entities);

  ojson timexes = ojson::array();
  for (const ExtractedTimex& t : r.timexes) {
    ojson x;
    x["id"] = t.id;
    x["begin"] = t.text.span.begin;
    x["end"] = t.text.span.end;
    x["text"] = t.text.text;
    x["type"] = std::string(TimexTypeName(t.type));
    x["value"] = t.anchor.value;
    x["anchor"] = t.relative ? ojson("dct") : ojson(nullptr);
    x["granularity"] = std::string(GrainName(t.anchor.grain));
    if (include_rules) x["rule"] = t.rule;
    timexes.push_back(std::move(x));
  }
  j["timexes"] = std::move(timexes);

  ojson claims = ojson::array();
  for (const ExtractedClaim& c : r.claims) {
    ojson x;
    x["id"] = c.id;
    if (c.speaker) {
      ojson sp = TextSpanJson(c.speaker->mention);
      sp["entity"] = c.speaker->entity.empty() ? ojson(nullptr) : ojson(c.speaker->entity);
      sp["name"] = c.speaker->name.empty() ? ojson(nullptr) : ojson(c.speaker->name);
      x["speaker"] = std::move(sp);
    } else {
      x["speaker"] = nullptr;
    }
    if (!c.cue.text.empty() || !c.cue_lemma.empty()) {
      ojson cue;
      cue["text"] = c.cue.text;
      cue["lemma"] = c.cue_lemma;
      cue["begin"] = c.cue.span.begin;
      cue["end"] = c.cue.span.end;
      x["cue"] = std::move(cue);
    } else {
      x["cue"] = nullptr;
    }
    x["content"] = TextSpanJson(c.content);
    x["kind"] = std::string(ClaimKindName(c.kind));
    ojson date = TimeJson(c.date, c.date_basis, c.date_timex);
    if (!date.is_null() && !c.date.has_interval()) date["value"] = nullptr;  // XXXX-XX-XX
    x["date"] = std::move(date);
    x["facts"] = c.facts;
    ojson evidence = ojson::array();
    for (const Span& e : c.evidence) evidence.push_back(SpanArray(e));
    x["evidence"] = std::move(evidence);
    x["display"] = c.display;
    x["confidence"] = Round2(c.confidence);
    x["rule"] = c.rule;
    claims.push_back(std::move(x));
  }
  j["claims"] = std::move(claims);

  ojson facts = ojson::array();
  for (const ExtractedFact& f : r.facts) {
    ojson x;
    x["id"] = f.id;
    ojson subject = TextSpanJson(f.subject.text);
    if (!f.subject.entity.empty()) subject["entity"] = f.subject.entity;
    x["subject"] = std::move(subject);
    ojson relation = TextSpanJson(f.relation);
    relation["lemma"] = f.relation_lemma;
    x["relation"] = std::move(relation);
    if (f.object.text.text.empty()) {
      x["object"] = nullptr;
    } else {
      ojson object = TextSpanJson(f.object.text);
      if (!f.object.entity.empty()) object["entity"] = f.object.entity;
      x["object"] = std::move(object);
    }
    ojson args = ojson::array();
    for (const FactExtraArgument& a : f.args) {
      ojson aj;
      aj["role"] = a.role;
      aj["text"] = a.text.text;
      aj["begin"] = a.text.span.begin;
      aj["end"] = a.text.span.end;
      args.push_back(std::move(aj));
    }
    x["args"] = std::move(args);
    x["polarity"] = std::string(PolarityName(f.polarity));
    x["modality"] = std::string(ModalityName(f.modality));
    x["time"] = TimeJson(f.time, f.time_basis, f.time_timex);
    x["claim"] = f.claim.empty() ? ojson(nullptr) : ojson(f.claim);
    x["sentence"] = f.sentence;
    x["confidence"] = Round2(f.confidence);
    if (include_rules) x["rule"] = f.rule;
    facts.push_back(std::move(x));
  }
  j["facts"] = std::move(facts);
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ExtractResult> ParseResultLine(std::string_view line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("invalid JSON");
  if (!j.is_object()) return Status::InvalidArgument("a result must be a JSON object");
  if (auto err = j.find("error"); err != j.end() && !err->is_null()) {
    return Status::InvalidArgument("error line: " +
                                   (err->is_string() ? err->get<std::string>() : err->dump()));
  }
  ExtractResult out;
  Reader r;
  auto fail = [&]() { return Status::InvalidArgument(r.error); };
  if (!r.Str(j, "id", &out.id, true) || !r.Str(j, "date", &out.date) ||
      !r.Str(j, "title", &out.title) || !r.Str(j, "url", &out.url) ||
      !r.Str(j, "source", &out.source)) {
    return fail();
  }
  if (!out.date.empty()) {
    auto d = ParseIsoDay(out.date);
    if (!d.ok()) return d.status();
    out.dct = *d;
  }
  json extra = json::object();
  static const std::set<std::string, std::less<>> kOutputFields = {
      "id",       "date",    "title",  "url",   "source",  "sentences",
      "entities", "timexes", "claims", "facts", "warnings"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (kOutputFields.count(it.key()) == 0) extra[it.key()] = it.value();
  }
  out.extra_json = extra.dump();
  if (auto s = j.find("sentences"); s != j.end() && s->is_array()) {
    for (const json& x : *s) {
      Span sp;
      if (!r.SpanPair(x, &sp)) return fail();
      out.sentences.push_back(sp);
    }
  }
  if (auto es = j.find("entities"); es != j.end() && es->is_array()) {
    for (const json& x : *es) {
      ExtractedEntity e;
      if (!x.is_object() || !r.Str(x, "id", &e.id, true) ||
          !r.Enum(x, "type", &e.type, EntityTypeFromName) || !r.Str(x, "name", &e.name)) {
        return r.error.empty() ? Status::InvalidArgument("an entity must be an object") : fail();
      }
      if (auto a = x.find("aliases"); a != x.end() && a->is_array()) {
        for (const json& al : *a) {
          if (al.is_string()) e.aliases.push_back(al.get<std::string>());
        }
      }
      if (auto m = x.find("mentions"); m != x.end() && m->is_array()) {
        for (const json& mj : *m) {
          Span sp;
          if (!r.SpanPair(mj, &sp)) return fail();
          e.mentions.push_back(sp);
        }
      }
      if (auto rs = x.find("roles"); rs != x.end() && rs->is_array()) {
        for (const json& rj : *rs) {
          EntityRole role;
          if (!rj.is_object() || !r.Str(rj, "title", &role.title) || !r.Str(rj, "org", &role.org) ||
              !r.Str(rj, "text", &role.text)) {
            return r.error.empty() ? Status::InvalidArgument("a role must be an object") : fail();
          }
          e.roles.push_back(std::move(role));
        }
      }
      out.entities.push_back(std::move(e));
    }
  }
  if (auto ts = j.find("timexes"); ts != j.end() && ts->is_array()) {
    for (const json& x : *ts) {
      ExtractedTimex t;
      std::string value, anchor;
      if (!x.is_object() || !r.Str(x, "id", &t.id) || !r.Str(x, "text", &t.text.text) ||
          !r.U32(x, "begin", &t.text.span.begin) || !r.U32(x, "end", &t.text.span.end) ||
          !r.Enum(x, "type", &t.type, TimexTypeFromName) || !r.Str(x, "value", &value) ||
          !r.Str(x, "anchor", &anchor) || !r.Str(x, "rule", &t.rule)) {
        return r.error.empty() ? Status::InvalidArgument("a timex must be an object") : fail();
      }
      t.anchor = AnchorFromValue(value);
      t.relative = anchor == "dct";
      out.timexes.push_back(std::move(t));
    }
  }
  if (auto cs = j.find("claims"); cs != j.end() && cs->is_array()) {
    for (const json& x : *cs) {
      if (!x.is_object()) return Status::InvalidArgument("a claim must be an object");
      ExtractedClaim c;
      if (!r.Str(x, "id", &c.id)) return fail();
      if (auto sp = x.find("speaker"); sp != x.end() && sp->is_object()) {
        ExtractedSpeaker s;
        if (!r.Text(*sp, &s.mention) || !r.Str(*sp, "entity", &s.entity) ||
            !r.Str(*sp, "name", &s.name)) {
          return fail();
        }
        c.speaker = std::move(s);
      }
      if (auto cue = x.find("cue"); cue != x.end() && cue->is_object()) {
        if (!r.Text(*cue, &c.cue) || !r.Str(*cue, "lemma", &c.cue_lemma)) return fail();
      }
      auto content = x.find("content");
      if (content == x.end()) return Status::InvalidArgument("a claim has no \"content\"");
      if (!r.Text(*content, &c.content) || !r.Enum(x, "kind", &c.kind, ClaimKindFromName)) {
        return fail();
      }
      if (auto d = x.find("date"); d != x.end()) {
        if (!r.Time(*d, &c.date, &c.date_basis, &c.date_timex)) return fail();
      }
      if (auto fs = x.find("facts"); fs != x.end() && fs->is_array()) {
        for (const json& f : *fs) {
          if (f.is_string()) c.facts.push_back(f.get<std::string>());
        }
      }
      if (auto ev = x.find("evidence"); ev != x.end() && ev->is_array()) {
        for (const json& e : *ev) {
          Span sp;
          if (!r.SpanPair(e, &sp)) return fail();
          c.evidence.push_back(sp);
        }
      }
      if (auto d = x.find("display"); d != x.end() && d->is_boolean()) c.display = d->get<bool>();
      if (auto cf = x.find("confidence"); cf != x.end() && cf->is_number()) {
        c.confidence = static_cast<float>(cf->get<double>());
      }
      if (!r.Str(x, "rule", &c.rule)) return fail();
      out.claims.push_back(std::move(c));
    }
  }
  if (auto fs = j.find("facts"); fs != j.end() && fs->is_array()) {
    for (const json& x : *fs) {
      if (!x.is_object()) return Status::InvalidArgument("a fact must be an object");
      ExtractedFact f;
      if (!r.Str(x, "id", &f.id)) return fail();
      auto subject = x.find("subject");
      auto relation = x.find("relation");
      if (subject == x.end() || relation == x.end()) {
        return Status::InvalidArgument("a fact needs \"subject\" and \"relation\"");
      }
      if (!r.Text(*subject, &f.subject.text) || !r.Str(*subject, "entity", &f.subject.entity) ||
          !r.Text(*relation, &f.relation) || !r.Str(*relation, "lemma", &f.relation_lemma)) {
        return fail();
      }
      if (auto o = x.find("object"); o != x.end() && o->is_object()) {
        if (!r.Text(*o, &f.object.text) || !r.Str(*o, "entity", &f.object.entity)) return fail();
      }
      if (auto as = x.find("args"); as != x.end() && as->is_array()) {
        for (const json& a : *as) {
          FactExtraArgument arg;
          if (!a.is_object() || !r.Str(a, "role", &arg.role) || !r.Text(a, &arg.text)) {
            return r.error.empty() ? Status::InvalidArgument("an argument must be an object")
                                   : fail();
          }
          f.args.push_back(std::move(arg));
        }
      }
      if (!r.Enum(x, "polarity", &f.polarity, PolarityFromName, false) ||
          !r.Enum(x, "modality", &f.modality, ModalityFromName, false)) {
        return fail();
      }
      if (auto t = x.find("time"); t != x.end()) {
        if (!r.Time(*t, &f.time, &f.time_basis, &f.time_timex)) return fail();
      }
      if (!r.Str(x, "claim", &f.claim) || !r.Str(x, "rule", &f.rule)) return fail();
      if (auto s = x.find("sentence"); s != x.end() && s->is_number_integer()) {
        f.sentence = s->get<int>();
      }
      if (auto cf = x.find("confidence"); cf != x.end() && cf->is_number()) {
        f.confidence = static_cast<float>(cf->get<double>());
      }
      out.facts.push_back(std::move(f));
    }
  }
  if (auto ws = j.find("warnings"); ws != j.end() && ws->is_array()) {
    for (const json& w : *ws) {
      if (w.is_string()) out.warnings.push_back(w.get<std::string>());
    }
  }
  return out;
}

}  // namespace tkg
