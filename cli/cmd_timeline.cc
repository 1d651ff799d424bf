// tkg timeline: dated events in order (facts and said statements at their
// own time, speech acts at their date), each with its sources; events
// without a date are listed apart.

#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "export/json_views.h"

namespace tkg::cli {
namespace {

void PrintEvent(const TimelineEvent& e, bool dated) {
  std::string label = dated ? TimeLabel(e.time) : "";
  label.resize(12, ' ');
  std::string line = e.title;
  if (e.type == TimelineEvent::Type::kFact) {
    // "[negative, pending]", then who states it: "per Al Jazeera".
    std::string qual;
    if (e.polarity == Polarity::kNegative) qual += "negative";
    if (e.modality != Modality::kAsserted) {
      qual += (qual.empty() ? "" : ", ") + std::string(ModalityName(e.modality));
    }
    if (!qual.empty()) line += "  [" + qual + "]";
    std::string by;
    for (const std::string& b : e.said_by) by += (by.empty() ? "" : "; ") + b;
    if (!by.empty()) line += "  (per " + by + ")";
  }
  std::string wrapped = Wrap(line, 14);
  std::cout << label << "  " << wrapped.substr(std::min<std::size_t>(14, wrapped.size())) << "\n";
  std::string src;
  for (const Source& s : e.sources) {
    if (src.find(s.doc_id) != std::string::npos) continue;
    src += (src.empty() ? "" : ", ") + s.doc_id;
  }
  if (!src.empty()) std::cout << std::string(14, ' ') << "[" << src << "]\n";
}

Status RunTimeline(const Flags& flags) {
  TimelineQuery q;
  q.about = flags.Get("about");
  auto common = QueryFlagsFrom(flags);
  if (!common.ok()) return common.status();
  q.range = common->range;
  q.limit = common->limit;
  auto store = OpenForQuery(flags);
  if (!store.ok()) return store.status();
  auto t = BuildTimeline(**store, q);
  if (!t.ok()) return t.status();
  if (flags.Has("json")) {
    std::cout << TimelineToJson(*t, q.about.empty() ? "tkg timeline" : "tkg timeline: " + q.about)
                     .dump(2, ' ', false, ojson::error_handler_t::replace)
              << "\n";
    return Status();
  }
  if (flags.Has("jsonl")) {
    for (const auto* list : {&t->dated, &t->undated}) {
      for (const TimelineEvent& e : *list) {
        std::cout << TimelineEventToJson(e).dump(-1, ' ', false, ojson::error_handler_t::replace)
                  << "\n";
      }
    }
    return Status();
  }
  if (t->dated.empty() && t->undated.empty()) {
    std::cout << "no events\n";
    return Status();
  }
  PrintCleaned([&] {
    for (const TimelineEvent& e : t->dated) PrintEvent(e, true);
    if (!t->undated.empty() && !flags.Has("no-undated")) {
      std::cout << "\nundated:\n";
      for (const TimelineEvent& e : t->undated) PrintEvent(e, false);
    }
  });
  return Status();
}

}  // namespace

Command TimelineCommand() {
  return Command{"timeline",
                 "[--about X] [--from D] [--to D]",
                 "dated events in order, with their sources",
                 {{"about", true, "X", "only events involving this entity"},
                  FromFlag(),
                  ToFlag(),
                  LimitFlag(),
                  {"no-undated", false, "", "leave out events without a date"},
                  JsonFlag(),
                  JsonlFlag(),
                  DbFlag()},
                 RunTimeline};
}

}  // namespace tkg::cli
