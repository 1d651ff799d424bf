#include "export/json_views.h"

#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/time_anchor.h"
#include "export/escape.h"
#include "graph/records.h"

namespace tkg {
namespace {

// Every string goes through ValidUtf8 so that the JSON can be dumped with the
// strict (throwing) UTF-8 handler as well as with the replacing one.
ojson Str(std::string_view s) { return ValidUtf8(s); }

ojson StrOrNull(std::string_view s) {
  if (s.empty()) return nullptr;
  return Str(s);
}

ojson Name(std::string_view name) { return std::string(name); }

ojson Strings(const std::vector<std::string>& v) {
  ojson a = ojson::array();
  for (const std::string& s : v) a.push_back(Str(s));
  return a;
}

ojson SpanToJson(const Span& s) { return ojson::array({s.begin, s.end}); }

ojson Sources(const std::vector<Source>& v) {
  ojson a = ojson::array();
  for (const Source& s : v) a.push_back(SourceToJson(s));
  return a;
}

ojson Events(const std::vector<TimelineEvent>& v) {
  ojson a = ojson::array();
  for (const TimelineEvent& e : v) a.push_back(TimelineEventToJson(e));
  return a;
}

ojson SaidRows(const std::vector<SaidRow>& v) {
  ojson a = ojson::array();
  for (const SaidRow& r : v) a.push_back(SaidRowToJson(r));
  return a;
}

}  // namespace

ojson TimeToJson(const DatedAnchor& t) {
  const TimeAnchor& a = t.anchor;
  if (a.value.empty()) return nullptr;
  ojson j = ojson::object();
  j["value"] = Str(a.value);
  if (a.has_interval()) {
    j["begin"] = FormatDay(a.begin);
    j["end"] = FormatDay(a.last());
  }
  j["granularity"] = Name(GrainName(a.grain));
  j["basis"] = Name(DateBasisName(t.basis));
  return j;
}

ojson SourceToJson(const Source& s) {
  ojson j = ojson::object();
  j["doc"] = Str(s.doc_id);
  if (!s.title.empty()) j["title"] = Str(s.title);
  if (!s.url.empty()) j["url"] = Str(s.url);
  if (!s.source.empty()) j["source"] = Str(s.source);
  j["date"] = Str(s.date);
  j["span"] = SpanToJson(s.span);
  ojson ev = ojson::array();
  for (const Span& sp : s.evidence) ev.push_back(SpanToJson(sp));
  j["evidence"] = std::move(ev);
  j["rule"] = Str(s.rule);
  j["confidence"] = RoundConfidence(s.confidence);
  return j;
}

ojson SaidRowToJson(const SaidRow& r) {
  ojson j = ojson::object();
  j["date"] = TimeToJson(r.date);
  j["speaker"] = Str(r.speaker);
  j["speaker_id"] = StrOrNull(r.speaker_id);
  j["speaker_text"] = Str(r.speaker_text);
  j["kind"] = Name(StoredClaimKindName(r.kind));
  j["cue"] = Str(r.cue);
  j["content"] = Str(r.content);
  if (!r.statement_time.anchor.value.empty()) j["statement_time"] = TimeToJson(r.statement_time);
  j["about"] = Strings(r.about);
  j["confidence"] = RoundConfidence(r.confidence);
  j["sources"] = Sources(r.sources);
  return j;
}

ojson TimelineEventToJson(const TimelineEvent& e) {
  ojson j = ojson::object();
  j["type"] = Name(TimelineEventTypeName(e.type));
  j["time"] = TimeToJson(e.time);
  j["title"] = Str(e.title);
  j["text"] = Str(e.text);
  if (!e.speaker.empty()) j["speaker"] = Str(e.speaker);
  if (!e.speaker_id.empty()) j["speaker_id"] = Str(e.speaker_id);
  if (e.type == TimelineEvent::Type::kSaid) {
    j["cue"] = Str(e.cue);
    j["kind"] = Name(StoredClaimKindName(e.claim_kind));
  }
  if (e.type == TimelineEvent::Type::kFact) {
    j["subject"] = Str(e.subject);
    j["relation"] = Str(e.relation);
    j["object"] = Str(e.object);
  }
  j["polarity"] = Name(PolarityName(e.polarity));
  j["modality"] = Name(ModalityName(e.modality));
  ojson entities = ojson::array();
  for (std::size_t i = 0; i < e.entities.size(); ++i) {
    ojson ent = ojson::object();
    ent["id"] = Str(e.entities[i]);
    // entity_names runs parallel to entities; a missing name is null.
    ent["name"] = i < e.entity_names.size() ? Str(e.entity_names[i]) : ojson(nullptr);
    entities.push_back(std::move(ent));
  }
  j["entities"] = std::move(entities);
  j["said_by"] = Strings(e.said_by);
  j["sources"] = Sources(e.sources);
  return j;
}

ojson FactRowToJson(const FactRow& f) {
  const StatementRecord& st = f.st;
  ojson j = ojson::object();
  j["id"] = f.statement.Hex();
  j["subject"] = Str(st.subject.text);
  j["subject_id"] = StrOrNull(st.subject.entity);
  j["relation"] = Str(st.relation_lemma);
  j["relation_text"] = Str(st.relation_text);
  j["object"] = Str(st.object.text);
  j["object_id"] = StrOrNull(st.object.entity);
  ojson args = ojson::array();
  for (const auto& [role, text] : st.args) {
    ojson a = ojson::object();
    a["role"] = Str(role);
    a["text"] = Str(text);
    args.push_back(std::move(a));
  }
  j["args"] = std::move(args);
  j["polarity"] = Name(PolarityName(st.polarity));
  j["modality"] = Name(ModalityName(st.modality));
  j["time"] = TimeToJson(st.time);
  j["said_by"] = Strings(f.said_by);
  j["sources"] = Sources(f.sources);
  return j;
}

ojson EntityReportToJson(const EntityReport& r) {
  const EntityRecord& rec = r.record;
  ojson j = ojson::object();
  j["id"] = Str(rec.id.empty() ? r.ref.id : rec.id);
  j["type"] = Name(EntityTypeName(rec.id.empty() ? r.ref.type : rec.type));
  j["name"] = Str(rec.name.empty() ? r.ref.name : rec.name);
  j["aliases"] = Strings(rec.aliases);
  ojson roles = ojson::array();
  for (const RoleRecord& role : rec.roles) {
    ojson o = ojson::object();
    o["title"] = Str(role.title);
    o["org"] = StrOrNull(role.org);
    o["text"] = Str(role.text);
    o["as_of"] = role.as_of ? ojson(FormatDay(*role.as_of)) : ojson(nullptr);
    o["doc"] = role.doc.IsZero() ? ojson(nullptr) : ojson(role.doc.Hex());
    roles.push_back(std::move(o));
  }
  j["roles"] = std::move(roles);
  // The same roles, one per (title, organisation), with the first and last
  // publication date that states them and the documents.
  ojson history = ojson::array();
  for (const EntityReport::Role& role : r.roles) {
    ojson o = ojson::object();
    o["title"] = Str(role.title);
    o["org"] = StrOrNull(role.org);
    o["org_name"] = StrOrNull(role.org_name);
    o["first_seen"] = role.first_seen ? ojson(FormatDay(*role.first_seen)) : ojson(nullptr);
    o["last_seen"] = role.last_seen ? ojson(FormatDay(*role.last_seen)) : ojson(nullptr);
    o["documents"] = Strings(role.docs);
    o["texts"] = Strings(role.texts);
    history.push_back(std::move(o));
  }
  j["role_history"] = std::move(history);
  j["merged"] = Strings(r.merged);
  ojson docs = ojson::array();
  for (const EntityReport::DocMentions& d : r.documents) {
    ojson o = ojson::object();
    o["doc"] = Str(d.doc_id);
    o["title"] = Str(d.title);
    o["date"] = Str(d.date);
    o["mentions"] = d.count;
    o["surfaces"] = Strings(d.surfaces);
    ojson spans = ojson::array();
    for (std::size_t i = 0; i < d.spans.size(); ++i) {
      ojson m = ojson::object();
      m["begin"] = d.spans[i].begin;
      m["end"] = d.spans[i].end;
      m["text"] = Str(i < d.surfaces.size() ? d.surfaces[i] : std::string());
      spans.push_back(std::move(m));
    }
    o["spans"] = std::move(spans);
    docs.push_back(std::move(o));
  }
  j["documents"] = std::move(docs);
  j["said"] = SaidRows(r.said);
  j["about"] = SaidRows(r.about);
  ojson timeline = ojson::object();
  timeline["events"] = Events(r.timeline.dated);
  timeline["undated"] = Events(r.timeline.undated);
  j["timeline"] = std::move(timeline);
  return j;
}

ojson TimelineToJson(const Timeline& t, const std::string& title) {
  ojson j = ojson::object();
  j["format"] = "tkg-timeline";
  j["version"] = 1;
  j["title"] = Str(title);
  j["events"] = Events(t.dated);
  j["undated"] = Events(t.undated);
  return j;
}

}  // namespace tkg
