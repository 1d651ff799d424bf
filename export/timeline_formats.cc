#include "export/timeline_formats.h"

#include <set>
#include <vector>

#include "export/escape.h"

namespace tkg {
namespace {

using ojson = nlohmann::ordered_json;

std::string GroupOf(const TimelineEvent& e, std::string_view group_by) {
  if (group_by == "type") return std::string(TimelineEventTypeName(e.type));
  if (group_by == "entity") {
    return FirstEntityOf(e);
  }
  switch (e.type) {
    case TimelineEvent::Type::kSaid:
      return e.speaker.empty() ? "(unknown speaker)" : e.speaker;
    case TimelineEvent::Type::kFact:
      return e.subject.empty() ? "facts" : e.subject;
    case TimelineEvent::Type::kStatement:
      break;
  }
  return "statements";
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string Documents(const std::vector<Source>& sources) {
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (const Source& s : sources) {
    if (seen.insert(s.doc_id).second) ids.push_back(s.doc_id);
  }
  return Join(ids);
}

}  // namespace

ojson VisTimeline(const Timeline& t, std::string_view group_by) {
  ojson items = ojson::array();
  std::vector<std::string> groups;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < t.dated.size(); ++i) {
    const TimelineEvent& e = t.dated[i];
    const TimeAnchor& a = e.time.anchor;
    if (!a.has_interval()) continue;
    ojson it = ojson::object();
    it["id"] = "e" + std::to_string(i);
    it["content"] = HtmlEscape(CutChars(e.title, 80));
    it["title"] = HtmlEscape(a.value + " — " + e.title);
    it["start"] = FormatDay(a.begin);
    if (a.grain == Grain::kDay) {
      it["type"] = "box";
    } else {
      it["end"] = FormatDay(a.end);
      it["type"] = "range";
    }
    const std::string group = GroupOf(e, group_by);
    if (seen.insert(group).second) groups.push_back(group);
    it["group"] = HtmlEscape(group);
    it["className"] = std::string(TimelineEventTypeName(e.type));
    items.push_back(std::move(it));
  }
  ojson gs = ojson::array();
  for (const std::string& g : groups) {
    ojson o = ojson::object();
    o["id"] = HtmlEscape(g);
    o["content"] = HtmlEscape(g);
    gs.push_back(std::move(o));
  }
  ojson j = ojson::object();
  j["items"] = std::move(items);
  j["groups"] = std::move(gs);
  return j;
}

std::string CsvField(std::string_view s, bool text) {
  std::string v = ValidUtf8(s);
  if (text && !v.empty() &&
      (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string TimelineCsv(const Timeline& t) {
  std::string out =
      "type,value,granularity,begin,end,title,text,speaker,cue,kind,subject,relation,object,"
      "polarity,modality,said_by,sources,documents\r\n";
  for (const auto* list : {&t.dated, &t.undated}) {
    for (const TimelineEvent& e : *list) {
      const TimeAnchor& a = e.time.anchor;
      const bool said = e.type == TimelineEvent::Type::kSaid;
      std::vector<std::string> f = {std::string(TimelineEventTypeName(e.type)),
                                    CsvField(a.value, false),
                                    a.value.empty() ? "" : std::string(GrainName(a.grain)),
                                    a.has_interval() ? FormatDay(a.begin) : "",
                                    a.has_interval() ? FormatDay(a.last()) : "",
                                    CsvField(e.title, true),
                                    CsvField(e.text, true),
                                    CsvField(e.speaker, true),
                                    CsvField(said ? e.cue : "", true),
                                    said ? std::string(StoredClaimKindName(e.claim_kind)) : "",
                                    CsvField(e.subject, true),
                                    CsvField(e.relation, true),
                                    CsvField(e.object, true),
                                    std::string(PolarityName(e.polarity)),
                                    std::string(ModalityName(e.modality)),
                                    CsvField(Join(e.said_by), true),
                                    std::to_string(e.sources.size()),
                                    CsvField(Documents(e.sources), true)};
      for (std::size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + f[i];
      out += "\r\n";
    }
  }
  return out;
}

}  // namespace tkg
