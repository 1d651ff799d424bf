#include "export/timelinejs.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "core/time_anchor.h"
#include "export/escape.h"

namespace tkg {
namespace {

using ojson = nlohmann::ordered_json;

// A headline of at most this many words (the rest is in the slide's text).
constexpr std::size_t kHeadlineWords = 10;
// and at most this many characters.
constexpr std::size_t kHeadlineChars = 100;

// {"year", "month"?, "day"?} of `day`, down to `grain` (kYear, kMonth or kDay).
ojson DateObject(date::sys_days day, Grain grain) {
  const date::year_month_day ymd{day};
  ojson j = ojson::object();
  j["year"] = int{ymd.year()};
  if (grain == Grain::kMonth || grain == Grain::kDay) j["month"] = unsigned{ymd.month()};
  if (grain == Grain::kDay) j["day"] = unsigned{ymd.day()};
  return j;
}

// Sets "start_date" (and "end_date" where the interval is not one calendar
// unit TimelineJS can name) on `slide`. REQUIRES: a.has_interval().
void SetDates(const TimeAnchor& a, ojson* slide) {
  switch (a.grain) {
    case Grain::kYear:
    case Grain::kMonth:
    case Grain::kDay:
      (*slide)["start_date"] = DateObject(a.begin, a.grain);
      return;
    case Grain::kDecade:
    case Grain::kCentury:
      (*slide)["start_date"] = DateObject(a.begin, Grain::kYear);
      (*slide)["end_date"] = DateObject(a.last(), Grain::kYear);
      return;
    case Grain::kHalf:
    case Grain::kQuarter:
    case Grain::kSeason:
    case Grain::kWeek:
    case Grain::kUnknown:
      break;
  }
  (*slide)["start_date"] = DateObject(a.begin, Grain::kDay);
  (*slide)["end_date"] = DateObject(a.last(), Grain::kDay);
}

// The first `max_words` words of `s`, with "…" when there are more.
std::string FirstWords(std::string_view s, std::size_t max_words) {
  std::string out;
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') ++j;
    if (words == max_words) return out + "…";
    if (!out.empty()) out.push_back(' ');
    out.append(s.substr(i, j - i));
    ++words;
    i = j;
  }
  return out;
}

std::string SpeakerOf(const TimelineEvent& e) {
  return e.speaker.empty() ? "(unknown speaker)" : e.speaker;
}

// For a said event whose title is "<speaker> <cue>: <content>" (as
// BuildTimeline writes it): the part before the colon, which names the cue the
// event has no field for, and the content after it, quotation marks included.
// False when the title has another shape.
// The plain-text headline (escaped by the caller).
std::string Headline(const TimelineEvent& e) {
  std::string h;
  switch (e.type) {
    case TimelineEvent::Type::kSaid:
      h = SpeakerOf(e) + " " + (e.cue.empty() ? std::string("said") : e.cue);
      break;
    case TimelineEvent::Type::kFact:
      h = e.subject;
      if (!e.relation.empty()) {
        if (!h.empty()) h += " ";
        h += RelationLabel(e.relation, e.polarity);
      }
      break;
    case TimelineEvent::Type::kStatement:
      break;
  }
  if (h.empty()) h = FirstWords(e.text.empty() ? e.title : e.text, kHeadlineWords);
  return CutChars(h, kHeadlineChars);
}

// The slide's main text, plain: the content of a said event with its
// quotation marks, else the event's text.
std::string Body(const TimelineEvent& e) {
  if (e.type == TimelineEvent::Type::kSaid && !e.text.empty()) {
    return e.claim_kind == StoredClaimKind::kDirect ? "“" + e.text + "”" : e.text;
  }
  return e.text.empty() ? e.title : e.text;
}

bool IsWebUrl(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

// "<p>text</p>" plus who said it and the sources as an HTML list. Every piece
// of stored text is escaped: TimelineJS inserts this as HTML.
std::string SlideText(const TimelineEvent& e) {
  std::string html = "<p>" + HtmlEscape(Body(e)) + "</p>";
  if (e.polarity == Polarity::kNegative || e.modality != Modality::kAsserted) {
    html += "<p><em>";
    if (e.polarity == Polarity::kNegative) html += "negated";
    if (e.modality != Modality::kAsserted) {
      if (e.polarity == Polarity::kNegative) html += ", ";
      html += ModalityName(e.modality);
    }
    html += "</em></p>";
  }
  if (!e.said_by.empty()) {
    html += "<p>Stated by: ";
    for (std::size_t i = 0; i < e.said_by.size(); ++i) {
      if (i > 0) html += "; ";
      html += HtmlEscape(e.said_by[i]);
    }
    html += "</p>";
  }
  if (!e.sources.empty()) {
    html += "<ul>";
    for (const Source& s : e.sources) {
      const std::string name = HtmlEscape(s.title.empty() ? s.doc_id : s.title);
      html += "<li>";
      // Only web links: a "javascript:" URL must never become a link.
      if (IsWebUrl(s.url)) {
        html += "<a href=\"" + HtmlEscape(s.url) + "\">" + name + "</a>";
      } else {
        html += name;
      }
      if (!s.source.empty()) html += " — " + HtmlEscape(s.source);
      if (!s.date.empty()) html += ", " + HtmlEscape(s.date);
      html += "</li>";
    }
    html += "</ul>";
  }
  return html;
}

std::string Group(const TimelineEvent& e, const TimelineJsOptions& options) {
  if (options.group_by == "type") return std::string(TimelineEventTypeName(e.type));
  if (options.group_by == "entity") {
    return FirstEntityOf(e);
  }
  switch (e.type) {
    case TimelineEvent::Type::kSaid:
      return SpeakerOf(e);
    case TimelineEvent::Type::kFact:
      return e.subject.empty() ? "facts" : e.subject;
    case TimelineEvent::Type::kStatement:
      break;
  }
  return "statements";
}

float BestConfidence(const TimelineEvent& e) {
  float best = 0.0F;
  for (const Source& s : e.sources) best = std::max(best, s.confidence);
  return best;
}

// Indices into t.dated of the events to show, in chronological order.
std::vector<std::size_t> Choose(const Timeline& t, std::size_t max_events) {
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < t.dated.size(); ++i) {
    if (t.dated[i].time.anchor.has_interval()) chosen.push_back(i);
  }
  if (max_events == 0 || chosen.size() <= max_events) return chosen;
  // Most sources first, then events dated by the text itself ("in 2008")
  // before those dated by their publication, then the most confident; ties
  // keep the earlier event.
  auto explicit_time = [](const TimelineEvent& e) { return e.time.basis == DateBasis::kExplicit; };
  std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
    const TimelineEvent& x = t.dated[a];
    const TimelineEvent& y = t.dated[b];
    if (x.sources.size() != y.sources.size()) return x.sources.size() > y.sources.size();
    if (explicit_time(x) != explicit_time(y)) return explicit_time(x);
    return BestConfidence(x) > BestConfidence(y);
  });
  chosen.resize(max_events);
  std::sort(chosen.begin(), chosen.end());  // t.dated is chronological
  return chosen;
}

}  // namespace

nlohmann::ordered_json TimelineJs(const Timeline& t, const TimelineJsOptions& options) {
  const std::vector<std::size_t> chosen = Choose(t, options.max_events);
  std::size_t dated = 0;
  for (const TimelineEvent& e : t.dated) {
    if (e.time.anchor.has_interval()) ++dated;
  }

  ojson title_text = ojson::object();
  title_text["headline"] = HtmlEscape(options.title);
  std::string summary =
      chosen.size() == dated
          ? std::to_string(dated) + (dated == 1 ? " dated event." : " dated events.")
          : "The " + std::to_string(chosen.size()) + " best-sourced of " + std::to_string(dated) +
                " dated events.";
  title_text["text"] = "<p>" + summary + "</p>";
  ojson j = ojson::object();
  j["title"] = {{"text", std::move(title_text)}};

  ojson events = ojson::array();
  for (std::size_t i : chosen) {
    const TimelineEvent& e = t.dated[i];
    ojson slide = ojson::object();
    SetDates(e.time.anchor, &slide);
    ojson text = ojson::object();
    text["headline"] = HtmlEscape(Headline(e));
    text["text"] = SlideText(e);
    slide["text"] = std::move(text);
    slide["group"] = HtmlEscape(Group(e, options));
    // The position in the whole timeline, so an event keeps its id whatever
    // the curation keeps.
    slide["unique_id"] = "e" + std::to_string(i);
    events.push_back(std::move(slide));
  }
  j["events"] = std::move(events);
  return j;
}

}  // namespace tkg
