#include "extract/io/jsonl.h"

#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "extract/io/json_writer.h"

namespace tkg {
namespace {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

// Input fields with a meaning of their own, and the output's fields: an
// input field of one of these names is not carried through.
const std::set<std::string, std::less<>>& KnownInputFields() {
  static const std::set<std::string, std::less<>> k = {
      "id",       "text",    "date",   "title", "url",      "source", "sentences",
      "entities", "timexes", "claims", "facts", "warnings", "error",  "line"};
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
  std::string out;
  out.reserve(4096 + 64 * (r.claims.size() + r.timexes.size() + r.entities.size()));
  JsonWriter w(&out);
  auto span_pair = [&](Span s) {
    w.BeginArray();
    w.Uint(s.begin);
    w.Uint(s.end);
    w.EndArray();
  };
  auto text_span = [&](const TextSpan& t) {
    w.Member("text", t.text);
    w.MemberUint("begin", t.span.begin);
    w.MemberUint("end", t.span.end);
  };
  auto time = [&](const TimeAnchor& a, DateBasis basis, const std::string& timex,
                  bool null_value_without_interval) {
    if (a.value.empty()) {
      w.Null();
      return;
    }
    w.BeginObject();
    w.Key("value");
    if (null_value_without_interval && !a.has_interval()) {
      w.Null();  // "XXXX-XX-XX": no date
    } else {
      w.String(a.value);
    }
    if (a.has_interval()) {
      w.Member("begin", FormatDay(a.begin));
      w.Member("end", FormatDay(a.last()));
    }
    w.Member("granularity", GrainName(a.grain));
    w.Member("basis", DateBasisName(basis));
    if (!timex.empty()) w.Member("timex", timex);
    w.EndObject();
  };

  w.BeginObject();
  w.Member("id", r.id);
  w.MemberOrNull("date", r.date);
  if (!r.title.empty()) w.Member("title", r.title);
  if (!r.url.empty()) w.Member("url", r.url);
  if (!r.source.empty()) w.Member("source", r.source);
  // Other input fields, carried through as they came (a JSON object).
  std::string_view extra = r.extra_json;
  if (extra.size() > 2 && extra.front() == '{' && extra.back() == '}') {
    out.push_back(',');
    out.append(extra.substr(1, extra.size() - 2));
  }

  w.Key("sentences");
  w.BeginArray();
  for (const Span& s : r.sentences) span_pair(s);
  w.EndArray();

  w.Key("entities");
  w.BeginArray();
  for (const ExtractedEntity& e : r.entities) {
    w.BeginObject();
    w.Member("id", e.id);
    w.Member("type", EntityTypeName(e.type));
    w.Member("name", e.name);
    w.Key("aliases");
    w.BeginArray();
    for (const std::string& a : e.aliases) w.String(a);
    w.EndArray();
    w.Key("mentions");
    w.BeginArray();
    for (const Span& m : e.mentions) span_pair(m);
    w.EndArray();
    if (!e.modifiers.empty()) {
      w.Key("modifiers");
      w.BeginArray();
      for (const Span& m : e.modifiers) span_pair(m);
      w.EndArray();
    }
    if (!e.roles.empty()) {
      w.Key("roles");
      w.BeginArray();
      for (const EntityRole& role : e.roles) {
        w.BeginObject();
        w.Member("title", role.title);
        w.MemberOrNull("org", role.org);
        w.Member("text", role.text);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();

  w.Key("timexes");
  w.BeginArray();
  for (const ExtractedTimex& t : r.timexes) {
    w.BeginObject();
    w.Member("id", t.id);
    w.MemberUint("begin", t.text.span.begin);
    w.MemberUint("end", t.text.span.end);
    w.Member("text", t.text.text);
    w.Member("type", TimexTypeName(t.type));
    w.Member("value", t.anchor.value);
    w.Key("anchor");
    if (t.relative) {
      w.String("dct");
    } else {
      w.Null();
    }
    w.Member("granularity", GrainName(t.anchor.grain));
    if (include_rules) w.Member("rule", t.rule);
    w.EndObject();
  }
  w.EndArray();

  w.Key("claims");
  w.BeginArray();
  for (const ExtractedClaim& c : r.claims) {
    w.BeginObject();
    w.Member("id", c.id);
    w.Key("speaker");
    if (c.speaker) {
      w.BeginObject();
      text_span(c.speaker->mention);
      w.MemberOrNull("entity", c.speaker->entity);
      w.MemberOrNull("name", c.speaker->name);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("cue");
    if (!c.cue.text.empty() || !c.cue_lemma.empty()) {
      w.BeginObject();
      w.Member("text", c.cue.text);
      w.Member("lemma", c.cue_lemma);
      w.MemberUint("begin", c.cue.span.begin);
      w.MemberUint("end", c.cue.span.end);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("content");
    w.BeginObject();
    text_span(c.content);
    w.EndObject();
    w.Member("kind", ClaimKindName(c.kind));
    w.Key("date");
    time(c.date, c.date_basis, c.date_timex, /*null_value_without_interval=*/true);
    w.Key("facts");
    w.BeginArray();
    for (const std::string& f : c.facts) w.String(f);
    w.EndArray();
    w.Key("evidence");
    w.BeginArray();
    for (const Span& e : c.evidence) span_pair(e);
    w.EndArray();
    w.Key("display");
    w.Bool(c.display);
    w.Key("confidence");
    w.Fixed2(static_cast<double>(c.confidence));
    w.Member("rule", c.rule);
    w.EndObject();
  }
  w.EndArray();

  w.Key("facts");
  w.BeginArray();
  for (const ExtractedFact& f : r.facts) {
    w.BeginObject();
    w.Member("id", f.id);
    w.Key("subject");
    w.BeginObject();
    text_span(f.subject.text);
    if (!f.subject.entity.empty()) w.Member("entity", f.subject.entity);
    w.EndObject();
    w.Key("relation");
    w.BeginObject();
    text_span(f.relation);
    if (!f.relation_phrase.empty()) w.Member("phrase", f.relation_phrase);
    w.Member("lemma", f.relation_lemma);
    w.EndObject();
    w.Key("object");
    if (f.object.text.text.empty()) {
      w.Null();
    } else {
      w.BeginObject();
      text_span(f.object.text);
      if (!f.object.entity.empty()) w.Member("entity", f.object.entity);
      w.EndObject();
    }
    w.Key("args");
    w.BeginArray();
    for (const FactExtraArgument& a : f.args) {
      w.BeginObject();
      w.Member("role", a.role);
      text_span(a.text);
      w.EndObject();
    }
    w.EndArray();
    w.Member("polarity", PolarityName(f.polarity));
    w.Member("modality", ModalityName(f.modality));
    w.Key("time");
    time(f.time, f.time_basis, f.time_timex, /*null_value_without_interval=*/false);
    w.MemberOrNull("claim", f.claim);
    w.Key("sentence");
    if (f.sentence >= 0) {
      w.Uint(static_cast<std::uint64_t>(f.sentence));
    } else {
      w.Null();
    }
    w.Key("confidence");
    w.Fixed2(static_cast<double>(f.confidence));
    if (include_rules) w.Member("rule", f.rule);
    w.EndObject();
  }
  w.EndArray();
  if (!r.warnings.empty()) {
    w.Key("warnings");
    w.BeginArray();
    for (const std::string& x : r.warnings) w.String(x);
    w.EndArray();
  }
  w.EndObject();
  return out;
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
      for (auto [key, spans] :
           {std::pair{"mentions", &e.mentions}, std::pair{"modifiers", &e.modifiers}}) {
        if (auto m = x.find(key); m != x.end() && m->is_array()) {
          for (const json& mj : *m) {
            Span sp;
            if (!r.SpanPair(mj, &sp)) return fail();
            spans->push_back(sp);
          }
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
          !r.Text(*relation, &f.relation) || !r.Str(*relation, "lemma", &f.relation_lemma) ||
          !r.Str(*relation, "phrase", &f.relation_phrase)) {
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
