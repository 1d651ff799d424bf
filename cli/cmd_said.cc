// tkg said: who said what when. Each statement said by one speaker is one
// row, with every document that reports it.

#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "core/text.h"
#include "export/json_views.h"

namespace tkg::cli {
namespace {

Result<std::optional<ClaimKind>> KindFlag(const Flags& flags) {
  if (!flags.Has("kind")) return std::optional<ClaimKind>();
  auto k = ClaimKindFromName(flags.Get("kind"));
  if (!k) return Status::Usage("--kind must be direct, indirect or mixed");
  return std::optional<ClaimKind>(*k);
}

void PrintRow(const SaidRow& r, bool explain) {
  std::string who = r.speaker.empty() ? "(unknown speaker)" : r.speaker;
  if (!r.speaker_text.empty() && Fold(r.speaker_text) != Fold(who))
    who += " [" + r.speaker_text + "]";
  std::cout << TimeLabel(r.date) << "  " << who << "  (" << StoredClaimKindName(r.kind)
            << (r.cue.empty() ? "" : ", " + r.cue) << ")\n";
  std::string content = r.kind == StoredClaimKind::kDirect ? "“" + r.content + "”" : r.content;
  std::cout << Wrap(content, 4) << "\n";
  std::string src;
  for (const Source& s : r.sources) {
    if (!src.empty()) src += "; ";
    src += s.doc_id;
    if (!s.evidence.empty()) {
      src += " (+" + std::to_string(s.evidence.size()) + " repeat" +
             (s.evidence.size() > 1 ? "s" : "") + ")";
    }
    if (explain) {
      char conf[16];
      std::snprintf(conf, sizeof(conf), "%.2f", static_cast<double>(s.confidence));
      src += " [" + s.rule + ", confidence " + conf + ", bytes " + std::to_string(s.span.begin) +
             "-" + std::to_string(s.span.end) + "]";
    }
  }
  std::cout << "    " << r.sources.size() << " source" << (r.sources.size() == 1 ? "" : "s") << ": "
            << src << "\n\n";
}

Status RunSaid(const Flags& flags) {
  SaidQuery q;
  q.who = flags.Get("who");
  q.about = flags.Get("about");
  q.cue = flags.Get("cue");
  auto common = QueryFlagsFrom(flags);
  if (!common.ok()) return common.status();
  q.range = common->range;
  q.limit = common->limit;
  auto kind = KindFlag(flags);
  if (!kind.ok()) return kind.status();
  q.kind = *kind;
  auto store = OpenForQuery(flags);
  if (!store.ok()) return store.status();
  auto rows = Said(**store, q);
  if (!rows.ok()) return rows.status();
  if (flags.Has("json")) {
    ojson arr = ojson::array();
    for (const SaidRow& r : *rows) arr.push_back(SaidRowToJson(r));
    std::cout << arr.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
    return Status();
  }
  if (flags.Has("jsonl")) {
    for (const SaidRow& r : *rows) {
      std::cout << SaidRowToJson(r).dump(-1, ' ', false, ojson::error_handler_t::replace) << "\n";
    }
    return Status();
  }
  if (rows->empty()) {
    std::cout << "no claims match\n";
    return Status();
  }
  PrintCleaned([&] {
    for (const SaidRow& r : *rows) PrintRow(r, flags.Has("explain"));
  });
  return Status();
}

}  // namespace

Command SaidCommand() {
  return Command{
      "said",
      "[--who X] [--about Y] [--from D] [--to D] [--kind K] [--cue C]",
      "who said what when",
      {{"who", true, "X", "speaker (name, surname or entity id; case and accents ignored)"},
       {"about", true, "Y", "only claims whose content mentions this entity"},
       FromFlag(),
       ToFlag(),
       {"kind", true, "K", "direct, indirect or mixed"},
       {"cue", true, "C", "reporting verb lemma: say, accuse, confirm ..."},
       LimitFlag(),
       {"explain", false, "", "show the sieve, confidence and byte span of each source"},
       JsonFlag(),
       JsonlFlag(),
       DbFlag()},
      RunSaid};
}

}  // namespace tkg::cli
