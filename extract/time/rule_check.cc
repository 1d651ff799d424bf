#include "extract/time/rule_check.h"

#include "core/model.h"
#include "core/time_anchor.h"
#include "extract/stages.h"
#include "extract/time/time_rules.h"

namespace tkg {

Status CheckTimeRules(const std::shared_ptr<const Resources>& res, RuleCheckReport* report) {
  *report = RuleCheckReport();
  auto rules = TimeRules::Parse(res->time_rules_path, res->time_rules);
  if (!rules.ok()) return rules.status();
  auto pipeline = MakePipeline(res, {"clean", "segment", "time"});
  if (!pipeline.ok()) return pipeline.status();
  report->rules = static_cast<int>(rules->rules().size());
  for (const TimeRule& r : rules->rules()) {
    for (const RuleExample& ex : r.examples) {
      ++report->examples;
      DocumentMeta meta;
      meta.id = "example";
      if (!ex.dct.empty()) {
        auto d = ParseIsoDay(ex.dct);
        if (!d.ok()) return d.status();
        meta.dct = *d;
        meta.date_text = ex.dct;
      }
      Document doc(std::move(meta), ex.text);
      const std::string where =
          rules->path() + ":" + std::to_string(ex.line) + ": rule " + r.name + ": ";
      if (Status s = pipeline->Run(&doc); !s.ok()) {
        report->failures.push_back(where + s.ToString());
        continue;
      }
      const Timex* hit = nullptr;
      std::string got;
      for (const Timex& t : doc.timexes()) {
        if (!got.empty()) got += ", ";
        got += "'" + std::string(doc.Slice(t.span)) + "' " + t.anchor.value + " (" +
               std::string(t.rule.view()) + ")";
        if (doc.Slice(t.span) == ex.span) hit = &t;
      }
      if (got.empty()) got = "nothing";
      if (hit == nullptr) {
        report->failures.push_back(where + "expected '" + ex.span + "' = " + ex.value + " in \"" +
                                   ex.text + "\", found " + got);
      } else if (hit->anchor.value != ex.value || hit->type != r.type) {
        report->failures.push_back(where + "'" + ex.span + "' expected " +
                                   std::string(TimexTypeName(r.type)) + " " + ex.value + ", got " +
                                   std::string(TimexTypeName(hit->type)) + " " + hit->anchor.value +
                                   " (" + std::string(hit->rule.view()) + ")");
      } else if (hit->rule.view() != r.name) {
        report->failures.push_back(where + "'" + ex.span + "' = " + ex.value + " came from rule " +
                                   std::string(hit->rule.view()) + ", not from this one");
      }
    }
  }
  return Status();
}

}  // namespace tkg
