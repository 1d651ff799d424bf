// tkg entity X: an entity's names, roles with their dates, the documents that
// mention it, what it said, what was said about it, and its timeline. An
// entity merged with others across documents ("Stoltenberg" in one article,
// "Jens Stoltenberg" in another) is shown once, with everything of each.

#include <iostream>
#include <map>

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
    if (!rep->merged.empty()) {
      std::string m;
      for (const std::string& x : rep->merged) m += (m.empty() ? "" : ", ") + x;
      std::cout << Wrap("merged: " + m, 2) << "\n";
    }
    for (const EntityReport::Role& r : rep->roles) {
      std::string line = "role: " + r.title;
      if (!r.org.empty()) line += " of " + (r.org_name.empty() ? r.org : r.org_name);
      if (r.first_seen && r.last_seen && *r.first_seen == *r.last_seen) {
        line += " (as of " + FormatDay(*r.first_seen) + ")";
      } else if (r.first_seen && r.last_seen) {
        line += " (first seen " + FormatDay(*r.first_seen) + ", last seen " +
                FormatDay(*r.last_seen) + ")";
      }
      if (!r.texts.empty()) line += "  \"" + r.texts.front() + "\"";
      if (r.docs.size() > 1) {
        std::string d;
        for (const std::string& x : r.docs) d += (d.empty() ? "" : ", ") + x;
        line += "; " + std::to_string(r.docs.size()) + " documents: " + d;
      }
      std::cout << Wrap(line, 2) << "\n";
    }
    std::cout << "  mentioned in " << rep->documents.size() << " document"
              << (rep->documents.size() == 1 ? "" : "s") << ":\n";
    for (const auto& d : rep->documents) {
      // Each form as written, with how often it occurs, in order of first use.
      std::vector<std::string> forms;
      std::map<std::string, int> times;
      for (const std::string& x : d.surfaces) {
        if (times[x]++ == 0) forms.push_back(x);
      }
      std::string line = d.doc_id + (d.date.empty() ? "" : " (" + d.date + ")") + ": " +
                         std::to_string(d.count) + " mention" + (d.count == 1 ? "" : "s");
      for (std::size_t i = 0; i < forms.size(); ++i) {
        line += (i == 0 ? ": " : ", ") + std::string("\"") + forms[i] + "\"";
        if (times[forms[i]] > 1) line += " ×" + std::to_string(times[forms[i]]);
      }
      std::cout << Wrap(line, 4) << "\n";
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
