// tkg facts: subject-relation-object statements with their time, polarity,
// modality and sources.

#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "export/json_views.h"

namespace tkg::cli {
namespace {

Status RunFacts(const Flags& flags) {
  FactQuery q;
  q.subject = flags.Get("subject");
  q.relation = flags.Get("relation");
  q.object = flags.Get("object");
  auto common = QueryFlagsFrom(flags);
  if (!common.ok()) return common.status();
  q.range = common->range;
  q.limit = common->limit;
  auto store = OpenForQuery(flags);
  if (!store.ok()) return store.status();
  auto rows = Facts(**store, q);
  if (!rows.ok()) return rows.status();
  if (flags.Has("json") || flags.Has("jsonl")) {
    ojson arr = ojson::array();
    for (const FactRow& f : *rows) {
      if (flags.Has("jsonl")) {
        std::cout << FactRowToJson(f).dump(-1, ' ', false, ojson::error_handler_t::replace) << "\n";
      } else {
        arr.push_back(FactRowToJson(f));
      }
    }
    if (flags.Has("json"))
      std::cout << arr.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
    return Status();
  }
  if (rows->empty()) {
    std::cout << "no facts match\n";
    return Status();
  }
  PrintCleaned([&] {
    for (const FactRow& f : *rows) {
      std::string label = TimeLabel(f.st.time);
      label.resize(12, ' ');
      std::string qual;
      if (f.st.polarity == Polarity::kNegative) qual += "negative";
      if (f.st.modality != Modality::kAsserted) {
        qual += (qual.empty() ? "" : ", ") + std::string(ModalityName(f.st.modality));
      }
      std::cout << label << "  " << f.st.subject.text << " — " << f.st.relation_text << " — "
                << (f.st.object.text.empty() ? "(none)" : f.st.object.text)
                << (qual.empty() ? "" : "  [" + qual + "]") << "\n";
      std::string by;
      for (const std::string& b : f.said_by) by += (by.empty() ? "" : "; ") + b;
      std::string src;
      for (const Source& s : f.sources) src += (src.empty() ? "" : ", ") + s.doc_id;
      std::cout << std::string(14, ' ') << "stated by " << by << " [" << src << "]\n";
    }
  });
  return Status();
}

}  // namespace

Command FactsCommand() {
  return Command{"facts",
                 "[--subject X] [--relation R] [--object Y] [--from D] [--to D]",
                 "subject-relation-object facts with their time and sources",
                 {{"subject", true, "X", "subject text or entity (case and accents ignored)"},
                  {"relation", true, "R", "relation lemma or text"},
                  {"object", true, "Y", "object text or entity"},
                  FromFlag(),
                  ToFlag(),
                  LimitFlag(),
                  JsonFlag(),
                  JsonlFlag(),
                  DbFlag()},
                 RunFacts};
}

}  // namespace tkg::cli
