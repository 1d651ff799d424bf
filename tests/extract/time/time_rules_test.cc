#include "extract/time/time_rules.h"

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/time/rule_check.h"
#include "tests/testing/documents.h"
#include "tests/testing/status_matchers.h"

namespace tkg {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kOneRule =
    "# a comment\n"
    "rule     t.month_year\n"
    "match    {month:MONTH} of? {year:YEAR}\n"
    "value    month(year, month)\n"
    "example  - | In March 2022 it rained. | March 2022 | 2022-03\n";

TEST(TimeRules, ParsesNamedSlotsOptionalItemsAndExamples) {
  auto rules = TimeRules::Parse("r.txt", kOneRule);
  ASSERT_OK(rules.status());
  ASSERT_EQ(rules->rules().size(), 1u);
  const TimeRule& r = rules->rules()[0];
  EXPECT_EQ(r.name, "t.month_year");
  EXPECT_EQ(r.ref.view(), "t.month_year");
  EXPECT_EQ(r.line, 2);
  EXPECT_THAT(r.slots, ::testing::ElementsAre("month", "year"));
  ASSERT_EQ(r.items.size(), 3u);
  EXPECT_EQ(r.items[0].cls, TokenClass::kMonth);
  EXPECT_EQ(r.items[0].slot, 0);
  EXPECT_EQ(r.items[1].cls, TokenClass::kLiteral);
  EXPECT_THAT(r.items[1].words, ::testing::ElementsAre("of"));
  EXPECT_TRUE(r.items[1].optional);
  EXPECT_EQ(r.items[2].slot, 1);
  EXPECT_EQ(r.norm, Normaliser::kMonth);
  EXPECT_THAT(r.args, ::testing::ElementsAre(1, 0));  // year, month by name
  ASSERT_EQ(r.examples.size(), 1u);
  EXPECT_EQ(r.examples[0].dct, "");
  EXPECT_EQ(r.examples[0].span, "March 2022");
  EXPECT_EQ(r.examples[0].value, "2022-03");
  EXPECT_EQ(r.examples[0].line, 5);
}

TEST(TimeRules, NumbersWrittenInTheRuleAreConstants) {
  auto rules = TimeRules::Parse("r.txt",
                                "rule xmas\nmatch christmas\nvalue date(12, 25)\n"
                                "example - | at christmas | christmas | XXXX-12-25\n");
  ASSERT_OK(rules.status());
  const TimeRule& r = rules->rules()[0];
  EXPECT_THAT(r.args, ::testing::ElementsAre(-1, -1));
  EXPECT_THAT(r.constants, ::testing::ElementsAre(12, 25));
  EXPECT_EQ(r.norm, Normaliser::kDate);
}

TEST(TimeRules, PeriodNormalisersTakeNegativeConstantsAndSlots) {
  auto rules = TimeRules::Parse("r.txt",
                                "rule ago\nmatch the year-ago {n:ORDINAL} quarter\n"
                                "value dct_quarter(-1, n)\nexample - | x | x | x\n"
                                "rule same\nmatch the same period last year\n"
                                "value same_period(-1)\nexample - | x | x | x\n"
                                "rule in\nmatch the {year:YEAR} quarter\nvalue in_year(year)\n"
                                "example - | x | x | x\n");
  ASSERT_OK(rules.status());
  ASSERT_EQ(rules->rules().size(), 3u);
  const TimeRule& ago = rules->rules()[0];
  EXPECT_EQ(ago.norm, Normaliser::kDctQuarter);
  EXPECT_THAT(ago.args, ::testing::ElementsAre(-1, 0));
  EXPECT_EQ(ago.constants[0], -1);
  EXPECT_EQ(rules->rules()[1].norm, Normaliser::kSamePeriod);
  EXPECT_THAT(rules->rules()[1].constants, ::testing::ElementsAre(-1));
  EXPECT_EQ(rules->rules()[2].norm, Normaliser::kInYear);
  EXPECT_THAT(rules->rules()[2].args, ::testing::ElementsAre(0));
  // The arity is checked.
  EXPECT_FALSE(TimeRules::Parse("r.txt",
                                "rule bad\nmatch the quarter\nvalue dct_quarter(1)\n"
                                "example - | x | x | x\n")
                   .ok());
}

TEST(TimeRules, AlternativesAndNegatedItems) {
  auto rules = TimeRules::Parse("r.txt",
                                "rule a\nmatch (From|since) {y:YEAR} !{UNIT}\nvalue year(y)\n"
                                "example - | since 2008 | 2008 | 2008\n");
  ASSERT_OK(rules.status());
  const TimeRule& r = rules->rules()[0];
  EXPECT_THAT(r.items[0].words, ::testing::ElementsAre("from", "since"));
  EXPECT_TRUE(r.items[2].negated);
  EXPECT_FALSE(r.items[2].lookahead);
  EXPECT_EQ(r.items[2].cls, TokenClass::kUnit);
  auto ahead = TimeRules::Parse("r.txt",
                                "rule b\nmatch the year &(ended|ending)\ntype DURATION\n"
                                "value ref(P1Y)\nexample - | the year ended | the year | P1Y\n");
  ASSERT_OK(ahead.status());
  const TimeRule& b = ahead->rules()[0];
  ASSERT_EQ(b.items.size(), 3u);
  EXPECT_TRUE(b.items[2].lookahead);
  EXPECT_THAT(b.items[2].words, ::testing::ElementsAre("ended", "ending"));
  EXPECT_EQ(b.type, TimexType::kDuration);
}

// Each malformed file fails with its line and a reason.
// The item after a one-token anchor is a second cheap test; it is not kept
// after an anchor that may take several tokens (a year in words) or when it
// is optional.
TEST(TimeRules, SecondItemAfterAOneTokenAnchor) {
  auto rules = TimeRules::Parse("r.txt",
                                "rule a\nmatch the week of {month:MONTH} {day:DAY}\n"
                                "value week_of(month, day)\n"
                                "example - | in the week of March 6 | the week of March 6 | "
                                "XXXX-WXX\n"
                                "rule b\nmatch {y:YEAR} year\nvalue year(y)\n"
                                "example - | 2008 year | 2008 year | 2008\n"
                                "rule c\nmatch {month:MONTH} {day:DAY}? of that year\n"
                                "value that_year(month, day)\n"
                                "example - | x | x | x\n");
  ASSERT_OK(rules.status());
  EXPECT_EQ(rules->rules()[0].second_item, 1u);
  EXPECT_EQ(rules->rules()[1].second_item, TimeRule::kNoItem);
  EXPECT_EQ(rules->rules()[2].second_item, TimeRule::kNoItem);
}

TEST(TimeRules, MalformedRulesFailWithFileAndLine) {
  struct Case {
    std::string text;
    std::string error;
  };
  const std::string ex = "example - | March 2022 | March 2022 | 2022-03\n";
  const Case cases[] = {
      {"rule a\nmatch {month:MONTHS}\nvalue year(month)\n" + ex, "r.txt:2: unknown token class"},
      {"rule a\nmatch {y:YEAR}\nvalue yearly(y)\n" + ex, "r.txt:3: unknown normaliser"},
      {"rule a\nmatch {y:YEAR}\nvalue month(y, m)\n" + ex, "r.txt:3: 'm' is no slot"},
      {"rule a\nmatch {y:YEAR}\nvalue month(y)\n" + ex, "takes 2 argument(s), got 1"},
      {"rule a\nmatch {y:YEAR} {y:YEAR}\nvalue year(y)\n" + ex, "slot 'y' named twice"},
      {"rule a\nmatch {y:YEAR}\nvalue year(y)\n", "r.txt:1: rule a has no 'example'"},
      {"rule a\nmatch {y:YEAR}\n" + ex, "has no 'value'"},
      {"rule a\nmatch {y:YEAR}\nvalue year(y)\nexample - | in 2008 | 2009 | 2009\n",
       "r.txt:4: example span '2009' is not in its text"},
      {"rule a\nmatch {y:YEAR}\nvalue year(y)\nexample 2022-13-01 | 2008 | 2008 | 2008\n",
       "bad example date"},
      {"rule a\nmatch !{UNIT} {y:YEAR}\nvalue year(y)\n" + ex,
       "may not begin with a '!' or '&' item"},
      {"rule a\nmatch &{UNIT} {y:YEAR}\nvalue year(y)\n" + ex, "may not begin with a '!' or '&'"},
      {"rule a\nmatch {y:YEAR} &{UNIT}?\nvalue year(y)\n" + ex,
       "can be neither optional nor a slot"},
      {"rule a\nmatch {y:YEAR}\nvalue year(y)\nexplain it\n", "r.txt:4: unknown key 'explain'"},
      {"match {y:YEAR}\n", "r.txt:1: 'match' before the first 'rule'"},
      {"rule a\nmatch {y:YEAR}\nvalue year(y)\n" + ex + "rule a\n", "rule a defined twice"},
  };
  for (const Case& c : cases) {
    auto rules = TimeRules::Parse("r.txt", c.text);
    ASSERT_FALSE(rules.ok()) << c.text;
    EXPECT_THAT(rules.status().ToString(), HasSubstr(c.error)) << c.text;
  }
}

// The shipped rules file: every rule has an example, and every example comes
// out of its own rule with its span and value.
TEST(TimeRules, EveryShippedExamplePasses) {
  const auto& res = testing::SharedResources();
  auto rules = TimeRules::Parse(res->time_rules_path, res->time_rules);
  ASSERT_OK(rules.status());
  EXPECT_GE(rules->rules().size(), 10u);
  std::set<std::string> names;
  for (const TimeRule& r : rules->rules()) {
    EXPECT_FALSE(r.examples.empty()) << r.name;
    names.insert(r.name);
  }
  RuleCheckReport report;
  ASSERT_OK(CheckTimeRules(res, &report));
  EXPECT_EQ(report.rules, static_cast<int>(names.size()));
  EXPECT_GE(report.examples, report.rules);
  EXPECT_THAT(report.failures, ::testing::IsEmpty());
}

// A wrong expectation is reported with the file, line, rule and what was found.
TEST(TimeRules, AFailingExampleIsReported) {
  auto res = std::make_shared<Resources>(*testing::SharedResources());
  res->time_rules_path = "mine.txt";
  res->time_rules =
      "rule mine.month_year\nmatch {month:MONTH} {year:YEAR}\nvalue month(year, month)\n"
      "example - | Prices rose in March 2022. | March 2022 | 2022-04\n"
      "example - | Prices rose in March 2022. | March 2022 | 2022-03\n"
      "example - | Prices rose in April 2022. | April | 2022-04\n";
  RuleCheckReport report;
  ASSERT_OK(CheckTimeRules(res, &report));
  EXPECT_EQ(report.rules, 1);
  EXPECT_EQ(report.examples, 3);
  ASSERT_EQ(report.failures.size(), 2u);
  EXPECT_THAT(report.failures[0], HasSubstr("mine.txt:4: rule mine.month_year:"));
  EXPECT_THAT(report.failures[0], HasSubstr("expected DATE 2022-04, got DATE 2022-03"));
  EXPECT_THAT(report.failures[1], HasSubstr("mine.txt:6: rule mine.month_year:"));
  EXPECT_THAT(report.failures[1], HasSubstr("found 'April 2022' 2022-04 (mine.month_year)"));
}

}  // namespace
}  // namespace tkg
