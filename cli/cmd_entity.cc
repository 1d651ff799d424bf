// tkg entity X: an entity's names, roles with their dates, the documents that
// mention it, what it said, what was said about it, and its timeline.

#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "export/json_views.h"

namespace tkg::cli {
namespace {

Status RunEntity(const Flags& flags) {
  if (flags.positional().size() != 1) return Status::Usage("give exactly one entity name or id");
  auto store = OpenForQuery(flags);
  if (!store.ok()) return store.status();
  auto limit = flags.GetInt("limit", 0, 0, 1000000000);
  if (!limit.ok()) return limit.status();
  auto rep = DescribeEntity(**store, flags.positional()[0]);
  if (!rep.ok()) return rep.status();
  // --limit N: at most N rows in each list (said, said about it, timeline).
  if (*limit > 0) {
    const auto n = static_cast<std::size_t>(*limit);
    if (rep->said.size() > n) rep->said.resize(n);
    if (rep->about.size() > n) rep->about.resize(n);
    if (rep->timeline.dated.size() > n) rep->timeline.dated.resize(n);
    if (rep->timeline.undated.size() > n) rep->timeline.undated.resize(n);
  }
  if (flags.Has("json") || flags.Has("jsonl")) {
    // --jsonl: the same report on one line.
    std::cout << EntityReportToJson(*rep).dump(flags.Has("jsonl") ? -1 : 2, ' ', false,
                                               ojson::error_handler_t::replace)
              << "\n";
    return Status();
  }
  PrintCleaned([&] {
    const EntityRecord& e = rep->record;
    std::cout << e.name << "  (" << EntityTypeName(e.type) << ", " << e.id << ")\n";
    if (!e.aliases.empty()) {
      std::string a;
      for (const std::string& x : e.aliases) a += (a.empty() ? "" : ", ") + x;
      std::cout << Wrap("also: " + a, 2) << "\n";
    }
    for (const RoleRecord& r : e.roles) {
      std::cout << "  role: " << r.title;
      if (!r.org.empty()) {
        auto org = (*store)->GetEntity(IdBuilder("entity").Add(r.org).Finish());
        std::cout << " of " << ((org.ok() && org->has_value()) ? (*org)->name : r.org);
      }
      if (r.as_of) std::cout << " (as of " << FormatDay(*r.as_of) << ")";
      if (!r.text.empty()) std::cout << "  \"" << r.text << "\"";
      std::cout << "\n";
    }
    std::cout << "  mentioned in " << rep->documents.size() << " document"
              << (rep->documents.size() == 1 ? "" : "s") << ":\n";
    for (const auto& d : rep->documents) {
      std::cout << "    " << d.doc_id << (d.date.empty() ? "" : " (" + d.date + ")") << ": "
                << d.count << " mention" << (d.count == 1 ? "" : "s") << "\n";
    }
    auto print_rows = [](const char* heading, const std::vector<SaidRow>& rows) {
      if (rows.empty()) return;
      std::cout << "\n" << heading << ":\n";
      for (const SaidRow& r : rows) {
        std::string content =
            r.kind == StoredClaimKind::kDirect ? "“" + r.content + "”" : r.content;
        std::string line = TimeLabel(r.date) + "  " +
                           (r.speaker.empty() ? "(unknown)" : r.speaker) + " (" + r.cue +
                           "): " + content;
        std::cout << Wrap(line, 2) << "\n";
      }
    };
    print_rows("said", rep->said);
    print_rows("said about it", rep->about);
    if (!rep->timeline.dated.empty()) {
      std::cout << "\ntimeline:\n";
      for (const TimelineEvent& ev : rep->timeline.dated) {
        std::cout << Wrap(TimeLabel(ev.time) + "  " + ev.title, 2) << "\n";
      }
    }
    if (!rep->timeline.undated.empty()) {
      std::cout << "\nundated:\n";
      for (const TimelineEvent& ev : rep->timeline.undated) std::cout << Wrap(ev.title, 2) << "\n";
    }
  });
  return Status();
}

}  // namespace

Command EntityCommand() {
  return Command{
      "entity",
      "NAME [--json|--jsonl] [--limit N]",
      "an entity's names, roles, mentions, claims and timeline",
      {{"limit", true, "N", "at most N rows in each list"}, JsonFlag(), JsonlFlag(), DbFlag()},
      RunEntity};
}

}  // namespace tkg::cli
