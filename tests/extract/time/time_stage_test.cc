#include "extract/time/time_stage.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/lexicon.h"
#include "tests/testing/documents.h"
#include "tests/testing/status_matchers.h"

namespace tkg {
namespace {

using date::days;
using date::sys_days;
using namespace date::literals;  // NOLINT: 2022_y / 11 / 29

// DCT of the NATO sample: a Tuesday.
constexpr std::string_view kDct = "2022-11-29";

Document Time(std::string text, std::string_view dct = kDct) {
  return testing::Annotate(std::move(text), dct, {"clean", "segment", "time"});
}

// One timex as text: "span|TYPE|value".
std::string Describe(const Document& doc, const Timex& t) {
  return std::string(doc.Slice(t.span)) + "|" + std::string(TimexTypeName(t.type)) + "|" +
         t.anchor.value;
}

std::vector<std::string> All(const Document& doc) {
  std::vector<std::string> out;
  for (const Timex& t : doc.timexes()) out.push_back(Describe(doc, t));
  return out;
}

// The timex whose span text is `span`, or nullptr.
const Timex* Find(const Document& doc, std::string_view span) {
  for (const Timex& t : doc.timexes()) {
    if (doc.Slice(t.span) == span) return &t;
  }
  return nullptr;
}

// "TYPE|value" of the timex with span text `span`, "" when there is none.
std::string At(const Document& doc, std::string_view span) {
  const Timex* t = Find(doc, span);
  if (t == nullptr) return "";
  return std::string(TimexTypeName(t->type)) + "|" + t->anchor.value;
}

TEST(TimeStage, RunsOnAnEmptyDocument) {
  Document doc = Time("");
  EXPECT_TRUE(doc.timexes().empty());
  EXPECT_TRUE(doc.warnings().empty());
}

// ---------------------------------------------------------------------------
// Weekdays

TEST(TimeStage, WeekdayOnTheDctsWeekdayIsTheDct) {
  Document doc = Time("In a statement on Tuesday, NATO ministers condemned Russia.");
  ASSERT_EQ(doc.timexes().size(), 1u);
  const Timex& t = doc.timexes()[0];
  EXPECT_EQ(doc.Slice(t.span), "Tuesday");  // not "on Tuesday"
  EXPECT_EQ(t.type, TimexType::kDate);
  EXPECT_EQ(t.anchor.value, "2022-11-29");
  EXPECT_EQ(t.anchor.grain, Grain::kDay);
  EXPECT_EQ(t.anchor.begin, sys_days{2022_y / 11 / 29});
  EXPECT_EQ(t.anchor.end, sys_days{2022_y / 11 / 30});
  EXPECT_TRUE(t.relative);
  EXPECT_EQ(t.rule.view(), "time.weekday.bare");
}

TEST(TimeStage, WeekdayInPastSentenceIsTheLastOne) {
  Document doc = Time("He said on Friday that the talks had failed.");
  EXPECT_EQ(At(doc, "Friday"), "DATE|2022-11-25");
}

TEST(TimeStage, WeekdayInFutureSentenceIsTheNextOne) {
  EXPECT_EQ(At(Time("The ministers will meet on Friday."), "Friday"), "DATE|2022-12-02");
  EXPECT_EQ(At(Time("The summit is to open on Thursday."), "Thursday"), "DATE|2022-12-01");
  EXPECT_EQ(At(Time("They'll decide on Monday."), "Monday"), "DATE|2022-12-05");
}

TEST(TimeStage, ReportingVerbFarAwayDoesNotMakeTheEventPast) {
  Document doc = Time("The minister will travel to Kyiv on Thursday, a spokesman said.");
  EXPECT_EQ(At(doc, "Thursday"), "DATE|2022-12-01");
}

// With the parse, the tense is the tense of the verb the expression hangs on
// (its auxiliaries, its form, the verb above an infinitive), not of the
// nearest tense word.
Document ParsedTime(std::string text, std::string_view dct = kDct) {
  return testing::Annotate(std::move(text), dct, {"clean", "segment", "syntax", "time"});
}

TEST(TimeStage, TheParsePicksTheTenseOfTheExpressionsOwnVerb) {
  // "would be traveling": the nearest word with a tense is far; the shallow
  // test finds none and takes the last Thursday.
  const std::string traveling =
      "Gonzalez would be traveling to the United States Thursday with his wife and son.";
  EXPECT_EQ(At(ParsedTime(traveling, "2000-04-05"), "Thursday"), "DATE|2000-04-06");
  EXPECT_EQ(At(Time(traveling, "2000-04-05"), "Thursday"), "DATE|2000-03-30");
  // A past verb with a look-ahead meaning stays in the past ...
  EXPECT_EQ(At(ParsedTime("Gadhafi agreed in April to hand them over.", "1999-06-07"), "April"),
            "DATE|1999-04");
  // ... an infinitive under it looks ahead, and "is to" is a future.
  EXPECT_EQ(
      At(ParsedTime("They did not plan to remove him on Thursday.", "2000-03-29"), "Thursday"),
      "DATE|2000-03-30");
  EXPECT_EQ(At(ParsedTime("The first referendum is to be held from November 20.", "2015-05-07"),
               "November 20"),
            "DATE|2015-11-20");
  // A reporting verb far from the expression does not date it, even when the
  // parse hangs a parenthesis on it.
  EXPECT_EQ(
      At(ParsedTime("The minister will travel to Kyiv on Thursday, a spokesman said."), "Thursday"),
      "DATE|2022-12-01");
  EXPECT_EQ(At(ParsedTime("The offer had been scheduled to expire Friday."), "Friday"),
            "DATE|2022-11-25");
  // Through the noun it modifies to a reporting verb after it: the time of
  // the report, not of the future in the reported clause.
  EXPECT_EQ(At(ParsedTime("In a July 16 press conference, Jobs said that all buyers would be "
                          "eligible to receive a free case.",
                          "2010-08-09"),
               "July 16"),
            "DATE|2010-07-16");
  // A participle that looks ahead takes the tense of the clause of its
  // noun; another one dates its own event.
  EXPECT_EQ(At(ParsedTime("The summit, scheduled for Thursday, will go ahead."), "Thursday"),
            "DATE|2022-12-01");
  EXPECT_EQ(At(ParsedTime("A speech planned for Saturday was canceled."), "Saturday"),
            "DATE|2022-11-26");
  EXPECT_EQ(At(ParsedTime("They will appeal the decision, announced Wednesday by the agency."),
               "Wednesday"),
            "DATE|2022-11-23");
  // "in" a month of a past sentence is before the publication; "until" may
  // be just ahead.
  EXPECT_EQ(At(ParsedTime("The law was passed in January."), "January"), "DATE|2022-01");
  EXPECT_EQ(At(ParsedTime("The vote was postponed until January."), "January"), "DATE|2023-01");
  // ... but not when "in" hangs on something else: the plan, the elections.
  EXPECT_EQ(
      At(ParsedTime("The company said it was closing the plant in June.", "2023-05-10"), "June"),
      "DATE|2023-06");
  EXPECT_EQ(At(ParsedTime("The minister announced elections in June.", "2023-05-10"), "June"),
            "DATE|2023-06");
  // A look-ahead participle in a present clause is ahead.
  EXPECT_EQ(At(ParsedTime("The concert, scheduled for Sunday, is free.", "2023-05-10"), "Sunday"),
            "DATE|2023-05-14");
}

TEST(TimeStage, LastAndNextWeekdays) {
  Document doc = Time("It happened last Friday and resumes next Monday, not last Tuesday.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("last Friday|DATE|2022-11-25", "next Monday|DATE|2022-12-05",
                                     "last Tuesday|DATE|2022-11-22"));
}

TEST(TimeStage, PossessiveWeekdayKeepsOnlyTheWeekday) {
  Document doc = Time("Tuesday's statement was clear.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("Tuesday|DATE|2022-11-29"));
}

TEST(TimeStage, WeekdayWithPartOfDayIsATime) {
  Document doc = Time("They met Tuesday night in Bucharest.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("Tuesday night|TIME|2022-11-29TNI"));
}

TEST(TimeStage, WeekdayFollowedByDateTakesTheDate) {
  Document doc = Time("The vote was held on Monday, Nov. 28, 2022.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("Monday, Nov. 28, 2022|DATE|2022-11-28"));
}

// ---------------------------------------------------------------------------
// Years and decades

TEST(TimeStage, YearsAreYearGrainIntervals) {
  Document doc = Time("It was decided in 2008 and has held since 2014.");
  ASSERT_EQ(doc.timexes().size(), 2u);
  const Timex& t = doc.timexes()[0];
  EXPECT_EQ(doc.Slice(t.span), "2008");  // not "in 2008"
  EXPECT_EQ(t.anchor.value, "2008");
  EXPECT_EQ(t.anchor.grain, Grain::kYear);
  EXPECT_EQ(t.anchor.begin, sys_days{2008_y / 1 / 1});
  EXPECT_EQ(t.anchor.end, sys_days{2009_y / 1 / 1});
  EXPECT_FALSE(t.relative);
  EXPECT_EQ(At(doc, "2014"), "DATE|2014");
}

TEST(TimeStage, YearsAsModifiersAndPossessives) {
  Document doc = Time("They confirmed a 2008 decision. The 2008 elections mattered. 2008's plan.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("2008|DATE|2008", "2008|DATE|2008", "2008|DATE|2008"));
}

TEST(TimeStage, CountsAreNotYears) {
  Document doc = Time(
      "Some 2008 people left. He sent 1500 troops and 2,008 cars. About 1500 soldiers came. "
      "It cost $2008.");
  EXPECT_THAT(All(doc), ::testing::IsEmpty());
}

TEST(TimeStage, Decades) {
  Document doc = Time("In the 1990s and the '90s, 1980s music was everywhere.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("the 1990s|DATE|199X", "the '90s|DATE|199X",
                                               "1980s|DATE|198X"));
  const Timex* t = Find(doc, "the 1990s");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->anchor.grain, Grain::kDecade);
  EXPECT_EQ(t->anchor.begin, sys_days{1990_y / 1 / 1});
  EXPECT_EQ(t->anchor.end, sys_days{2000_y / 1 / 1});
}

// ---------------------------------------------------------------------------
// Dates and months

TEST(TimeStage, FullDates) {
  Document doc = Time(
      "Talks began on November 29, 2022, resumed Nov. 30, 2022, ended 1 December 2022 and "
      "were reported on 2022-12-02.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre(
                            "November 29, 2022|DATE|2022-11-29", "Nov. 30, 2022|DATE|2022-11-30",
                            "1 December 2022|DATE|2022-12-01", "2022-12-02|DATE|2022-12-02"));
  for (const Timex& t : doc.timexes()) EXPECT_FALSE(t.relative);
}

TEST(TimeStage, DatesWithoutYearTakeItFromTheDct) {
  Document doc = Time("The meeting on November 29 followed talks on 28 November.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("November 29|DATE|2022-11-29", "28 November|DATE|2022-11-28"));
  EXPECT_TRUE(doc.timexes()[0].relative);
}

TEST(TimeStage, MonthAndYear) {
  Document doc = Time("Finland applied in March 2022.");
  ASSERT_EQ(doc.timexes().size(), 1u);
  const Timex& t = doc.timexes()[0];
  EXPECT_EQ(doc.Slice(t.span), "March 2022");
  EXPECT_EQ(t.anchor.value, "2022-03");
  EXPECT_EQ(t.anchor.grain, Grain::kMonth);
  EXPECT_EQ(t.anchor.begin, sys_days{2022_y / 3 / 1});
  EXPECT_EQ(t.anchor.end, sys_days{2022_y / 4 / 1});
}

TEST(TimeStage, BareMonthFollowsTheTense) {
  EXPECT_EQ(At(Time("The treaty was signed in March."), "March"), "DATE|2022-03");
  EXPECT_EQ(At(Time("The treaty will be signed in March."), "March"), "DATE|2023-03");
  EXPECT_EQ(At(Time("The treaty will be signed in December."), "December"), "DATE|2022-12");
  EXPECT_EQ(At(Time("It was last updated in late September."), "late September"), "DATE|2022-09");
}

TEST(TimeStage, DeicticMonths) {
  Document doc = Time("It rose last November and will fall next March, as in January this year.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("last November|DATE|2021-11", "next March|DATE|2023-03",
                                     "January this year|DATE|2022-01"));
}

TEST(TimeStage, MayTheModalIsNoMonth) {
  EXPECT_THAT(All(Time("Ukraine may join the alliance. May I ask?")), ::testing::IsEmpty());
  EXPECT_EQ(At(Time("In May, Finland applied."), "May"), "DATE|2022-05");
  EXPECT_EQ(At(Time("Finland applied on May 18."), "May 18"), "DATE|2022-05-18");
  EXPECT_EQ(At(Time("Finland applied in May 2022."), "May 2022"), "DATE|2022-05");
}

TEST(TimeStage, MarchTheVerbIsNoMonth) {
  EXPECT_THAT(All(Time("Protesters march through the city.")), ::testing::IsEmpty());
  EXPECT_THAT(All(Time("March madness returns to the city.")), ::testing::IsEmpty());
  EXPECT_EQ(At(Time("Talks stalled until March."), "March"), "DATE|2022-03");
}

// ---------------------------------------------------------------------------
// Relative days, weeks, months, years

TEST(TimeStage, RelativeDays) {
  Document doc = Time("Today, yesterday, tomorrow and tonight.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("Today|DATE|2022-11-29", "yesterday|DATE|2022-11-28",
                                     "tomorrow|DATE|2022-11-30", "tonight|TIME|2022-11-29TNI"));
  for (const Timex& t : doc.timexes()) EXPECT_TRUE(t.relative);
}

TEST(TimeStage, DeicticWeeksMonthsYears) {
  Document doc = Time(
      "This week, last week, next week, this month, last month, next month, this year, last "
      "year and next year.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("This week|DATE|2022-W48", "last week|DATE|2022-W47",
                                               "next week|DATE|2022-W49", "this month|DATE|2022-11",
                                               "last month|DATE|2022-10", "next month|DATE|2022-12",
                                               "this year|DATE|2022", "last year|DATE|2021",
                                               "next year|DATE|2023"));
  const Timex* week = Find(doc, "This week");
  ASSERT_NE(week, nullptr);
  EXPECT_EQ(week->anchor.grain, Grain::kWeek);
  EXPECT_EQ(week->anchor.begin, sys_days{2022_y / 11 / 28});  // Monday
  EXPECT_EQ(week->anchor.end, sys_days{2022_y / 12 / 5});
}

TEST(TimeStage, AgoAndEarlierThisMonth) {
  Document doc = Time(
      "It fell three days ago, two weeks ago, six months ago and two years ago. Earlier this "
      "month it rose.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("three days ago|DATE|2022-11-26",
                                     "two weeks ago|DATE|2022-W46", "six months ago|DATE|2022-05",
                                     "two years ago|DATE|2020", "Earlier this month|DATE|2022-11"));
}

// ---------------------------------------------------------------------------
// Seasons

TEST(TimeStage, WinterIsTheWinterOfTheDctsYear) {
  Document doc = Time("NATO will help Kyiv during winter.");
  ASSERT_EQ(doc.timexes().size(), 1u);
  const Timex& t = doc.timexes()[0];
  EXPECT_EQ(doc.Slice(t.span), "winter");
  EXPECT_EQ(t.anchor.value, "2022-WI");
  EXPECT_EQ(t.anchor.grain, Grain::kSeason);
  EXPECT_EQ(t.anchor.begin, sys_days{2022_y / 12 / 1});
  EXPECT_EQ(t.anchor.end, sys_days{2023_y / 3 / 1});
}

TEST(TimeStage, ThisWinterSeenFromFebruary) {
  EXPECT_EQ(At(Time("This winter is hard.", "2023-02-10"), "This winter"), "DATE|2022-WI");
}

TEST(TimeStage, SeasonsAsNounModifiersAreNotTagged) {
  Document doc = Time(
      "Russia tries to use winter as a weapon. Winter temperatures fell. They sent winter "
      "equipment. The Arab Spring began. It happened last summer.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("winter|DATE|2022-WI", "last summer|DATE|2022-SU"));
}

// ---------------------------------------------------------------------------
// Durations

TEST(TimeStage, Durations) {
  Document doc = Time(
      "He joined the two-day meeting after three weeks, 10 years, 24 hours, a decade, several "
      "months and two centuries.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("two-day|DURATION|P2D", "three weeks|DURATION|P3W",
                                     "10 years|DURATION|P10Y", "24 hours|DURATION|PT24H",
                                     "a decade|DURATION|P10Y", "several months|DURATION|PXM",
                                     "two centuries|DURATION|P2CE"));
  for (const Timex& t : doc.timexes()) {
    EXPECT_FALSE(t.anchor.has_interval()) << Describe(doc, t);
    EXPECT_EQ(t.anchor.grain, Grain::kUnknown);
  }
}

TEST(TimeStage, DecadesAreWrittenInYears) {
  Document doc = Time("It took two decades, then decades-long talks.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("two decades|DURATION|P20Y", "decades-long|DURATION|PXY"));
}

TEST(TimeStage, DurationsWithDeterminerAndDeictic) {
  Document doc = Time("Prices rose in the last twenty four hours and over the past two months.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("the last twenty four hours|DURATION|PT24H",
                                               "the past two months|DURATION|P2M"));
}

TEST(TimeStage, HyphenatedCountsThatAreNotUnitsAreNoDurations) {
  EXPECT_THAT(All(Time("Ministers from the 30-member alliance met.")), ::testing::IsEmpty());
}

// ---------------------------------------------------------------------------
// Fuzzy references and sets

TEST(TimeStage, FuzzyReferences) {
  Document doc = Time(
      "The coming months will be hard. In the future it ends soon. He recently said that in "
      "recent years the past was different. Now, currently, at present and nowadays.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre(
                  "The coming months|DATE|FUTURE_REF", "the future|DATE|FUTURE_REF",
                  "soon|DATE|FUTURE_REF", "recently|DATE|PAST_REF", "recent years|DURATION|PXY",
                  "the past|DATE|PAST_REF", "Now|DATE|PRESENT_REF", "currently|DATE|PRESENT_REF",
                  "at present|DATE|PRESENT_REF", "nowadays|DATE|PRESENT_REF"));
  EXPECT_EQ(doc.timexes()[0].rule.view(), "time.fuzzy.future");
}

TEST(TimeStage, Sets) {
  Document doc = Time("They meet every Monday, publish weekly, report daily and vote annually.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("every Monday|SET|XXXX-WXX-1", "weekly|SET|P1W",
                                               "daily|SET|P1D", "annually|SET|P1Y"));
}

// ---------------------------------------------------------------------------
// Times of day

TEST(TimeStage, ClockTimesTakeTheDctsDate) {
  Document doc = Time("The blast occurred at 10:30. Another came at 3 p.m.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("10:30|TIME|2022-11-29T10:30",
                                               "3 p.m.|TIME|2022-11-29T15:00"));
  const Timex* t = Find(doc, "10:30");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->anchor.begin, sys_days{2022_y / 11 / 29});
}

TEST(TimeStage, ClockTimesTakeAnAdjacentDate) {
  EXPECT_EQ(At(Time("The attack came at 10:35 a.m. Friday."), "10:35 a.m. Friday"),
            "TIME|2022-11-25T10:35");
  Document doc = Time("They met on Friday at 3 p.m.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("Friday|DATE|2022-11-25", "3 p.m.|TIME|2022-11-25T15:00"));
}

TEST(TimeStage, PartsOfDay) {
  Document doc = Time("He spoke this morning and left last night.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("this morning|TIME|2022-11-29TMO",
                                               "last night|TIME|2022-11-28TNI"));
}

// ---------------------------------------------------------------------------
// Quarters

TEST(TimeStage, Quarters) {
  Document doc =
      Time("Profit in the third quarter rose, and third-quarter sales fell.", "1989-10-26");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("the third quarter|DATE|1989-Q3",
                                               "third-quarter|DATE|1989-Q3"));
  // A quarter that has not begun yet, spoken of in the past, is last year's.
  EXPECT_EQ(At(Time("Profits dropped in the fourth quarter.", "1998-01-26"), "the fourth quarter"),
            "DATE|1997-Q4");
}

// ---------------------------------------------------------------------------
// Without a publication date

TEST(TimeStage, WithoutDctRelativeValuesKeepXsAndWarnOnce) {
  Document doc = Time(
      "On Tuesday the minister said that on November 29 and this week, as in 2008 and on "
      "November 29, 2022, things changed.",
      "");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("Tuesday|DATE|XXXX-XX-XX", "November 29|DATE|XXXX-11-29",
                                     "this week|DATE|XXXX-WXX", "2008|DATE|2008",
                                     "November 29, 2022|DATE|2022-11-29"));
  EXPECT_THAT(doc.warnings(),
              ::testing::ElementsAre("no publication date: 3 relative time expression(s) left "
                                     "unresolved"));
  for (const Timex& t : doc.timexes()) EXPECT_FALSE(t.relative) << Describe(doc, t);
  EXPECT_FALSE(Find(doc, "Tuesday")->anchor.has_interval());
  EXPECT_TRUE(Find(doc, "2008")->anchor.has_interval());
}

TEST(TimeStage, WithoutDctAbsoluteExpressionsGiveNoWarning) {
  Document doc = Time("In 2008, and on November 29, 2022, things changed for three weeks.", "");
  EXPECT_EQ(doc.timexes().size(), 3u);
  EXPECT_TRUE(doc.warnings().empty());
}

// ---------------------------------------------------------------------------
// Contract: spans, order, data errors

TEST(TimeStage, TimexesAreSortedAndDisjoint) {
  Document doc = Time(
      "Last week, on Tuesday, November 29, 2022, at 10:30 a.m., the ministers met for the "
      "first time since 2008 and agreed to meet every Monday for the coming months.");
  ASSERT_GE(doc.timexes().size(), 5u);
  for (std::size_t i = 1; i < doc.timexes().size(); ++i) {
    EXPECT_LE(doc.timexes()[i - 1].span.end, doc.timexes()[i].span.begin);
  }
  for (const Timex& t : doc.timexes()) {
    EXPECT_FALSE(t.span.empty());
    EXPECT_FALSE(t.rule.view().empty());
    // Spans start and end on the token boundaries: no surrounding space.
    std::string_view s = doc.Slice(t.span);
    EXPECT_NE(s.front(), ' ');
    EXPECT_NE(s.back(), ' ');
  }
}

TEST(TimeStage, MalformedTimeWordsFailRunWithFileAndLine) {
  auto res = std::make_shared<Resources>(*testing::SharedResources());
  auto lex = Lexicon::Parse("bad_time_words.tsv", "# header\nsoonish\tfuzzy\tLATER\n", 2);
  ASSERT_OK(lex);
  res->time_words = std::move(*lex);
  TimeStage stage(res);
  Document doc = testing::MakeDocument("Soonish.", kDct);
  Status s = stage.Run(&doc);
  EXPECT_THAT(s, testing::StatusIs(Status::Code::kInvalidArgument));
  EXPECT_THAT(s.message(), ::testing::HasSubstr("bad_time_words.tsv:2"));
}

// ---------------------------------------------------------------------------
// The NATO sample article, end to end.

TEST(TimeStage, NatoSample) {
  std::string text;
  ASSERT_OK(ReadFile("samples/nato-bucharest-2022-11-29.txt", &text));
  Document doc = Time(text);
  EXPECT_EQ(At(doc, "Tuesday"), "DATE|2022-11-29");
  EXPECT_EQ(At(doc, "2008"), "DATE|2008");
  EXPECT_EQ(At(doc, "winter"), "DATE|2022-WI");
  EXPECT_EQ(At(doc, "The coming months"), "DATE|FUTURE_REF");
  EXPECT_EQ(At(doc, "two-day"), "DURATION|P2D");
  EXPECT_EQ(Find(doc, "30-member"), nullptr);
  EXPECT_EQ(Find(doc, "30-member alliance"), nullptr);
  // "during winter" and "use winter as" are tagged, "winter temperatures" and
  // "winter equipment" are not.
  int winters = 0;
  for (const Timex& t : doc.timexes()) winters += doc.Slice(t.span) == "winter" ? 1 : 0;
  EXPECT_EQ(winters, 2);
  const Timex* tuesday = Find(doc, "Tuesday");
  ASSERT_NE(tuesday, nullptr);
  EXPECT_EQ(text.substr(tuesday->span.begin - 3, 3), "on ");
  EXPECT_TRUE(doc.warnings().empty());
}

// ---------------------------------------------------------------------------
// The ambiguity cases of the time-expressions issue, in one place.

TEST(TimeStage, AmbiguityCasesOfTheIssue) {
  // "May": the modal is no month; the month is.
  EXPECT_THAT(All(Time("Ukraine may join the alliance.")), ::testing::IsEmpty());
  EXPECT_EQ(At(Time("Finland applied in May."), "May"), "DATE|2022-05");
  // "March": the verb is no month.
  EXPECT_THAT(All(Time("They march on the capital.")), ::testing::IsEmpty());
  EXPECT_EQ(At(Time("Sweden applied in March."), "March"), "DATE|2022-03");
  // "Sunday Times" is a newspaper, not a day.
  EXPECT_THAT(All(Time("The Sunday Times reported the talks.")), ::testing::IsEmpty());
  EXPECT_THAT(All(Time("He told the Sunday Times that the talks failed.")), ::testing::IsEmpty());
  // "2008 people": a count, not a year.
  EXPECT_THAT(All(Time("Some 2008 people signed.")), ::testing::IsEmpty());
  // "the 30-member alliance": no time at all.
  EXPECT_THAT(All(Time("Ministers of the 30-member alliance met.")), ::testing::IsEmpty());
  // "Tuesday's statement": the weekday alone, resolved.
  EXPECT_THAT(All(Time("Tuesday's statement was clear.")),
              ::testing::ElementsAre("Tuesday|DATE|2022-11-29"));
  // "the 1990s": a decade, 199X.
  EXPECT_THAT(All(Time("Inflation was high in the 1990s.")),
              ::testing::ElementsAre("the 1990s|DATE|199X"));
  // "'08": a year in the century that does not put it after the DCT.
  EXPECT_THAT(All(Time("The crash of '08 still hurts.")), ::testing::ElementsAre("'08|DATE|2008"));
  EXPECT_THAT(All(Time("The election of '97 changed it.")),
              ::testing::ElementsAre("'97|DATE|1997"));
}

// ---------------------------------------------------------------------------
// Rules of time/rules.txt

TEST(TimeStage, RuleDatesSeasonsQuartersWeeks) {
  Document doc = Time(
      "In the winter of 2008, in the 1988 third quarter, in the second half of 2022, in week 48 "
      "of 2022 and in the 20th century.");
  EXPECT_THAT(All(doc),
              ::testing::ElementsAre("the winter of 2008|DATE|2008-WI",
                                     "the 1988 third quarter|DATE|1988-Q3",
                                     "the second half of 2022|DATE|2022-H2",
                                     "week 48 of 2022|DATE|2022-W48", "the 20th century|DATE|19"));
  const Timex* week = Find(doc, "week 48 of 2022");
  ASSERT_NE(week, nullptr);
  EXPECT_EQ(week->anchor.grain, Grain::kWeek);
  EXPECT_EQ(week->anchor.begin, sys_days{2022_y / 11 / 28});
  EXPECT_EQ(week->anchor.end, sys_days{2022_y / 12 / 5});
  EXPECT_EQ(week->rule.view(), "time.week.iso");
  // Week 53 exists in 2020 only.
  EXPECT_EQ(At(Time("It starts in week 53 of 2020."), "week 53 of 2020"), "DATE|2020-W53");
  EXPECT_EQ(Find(Time("It starts in week 53 of 2022."), "week 53 of 2022"), nullptr);
}

TEST(TimeStage, AnchoredExpressionsCountFromThePreviousDate) {
  Document doc = Time(
      "The talks opened on March 3, 2008. Two days later they collapsed, and a week later "
      "they resumed.");
  // Both count from March 3: an anchored expression is never an anchor itself.
  EXPECT_EQ(At(doc, "Two days later"), "DATE|2008-03-05");
  EXPECT_EQ(At(doc, "a week later"), "DATE|2008-03-10");
  // Without an earlier date, in the past, the duration (counted from an
  // event the text does not date; the DCT plus two days would be after the
  // report); ahead, the DCT-relative reading.
  EXPECT_EQ(At(Time("Two days later they collapsed."), "Two days"), "DURATION|P2D");
  EXPECT_EQ(At(Time("Two days later they will meet again."), "Two days later"), "DATE|2022-12-01");
  // Quarterly results: "a year ago" is the quarter last named, a year before.
  EXPECT_EQ(At(Time("Profit rose in the third quarter from $5 million a year ago."), "a year ago"),
            "DATE|2021-Q3");
}

TEST(TimeStage, RangesAreTwoExpressions) {
  EXPECT_THAT(All(Time("He led it from 2008 to 2014.")),
              ::testing::ElementsAre("2008|DATE|2008", "2014|DATE|2014"));
  EXPECT_THAT(All(Time("It ran from March 3, 2008 until May 2009.")),
              ::testing::ElementsAre("March 3, 2008|DATE|2008-03-03", "May 2009|DATE|2009-05"));
}

TEST(TimeStage, WeekdayTenseCue) {
  // No parser yet: the nearest auxiliary or verb ending picks the direction
  // (documented in time_matcher.h).
  EXPECT_EQ(At(Time("The ministers met on Friday."), "Friday"), "DATE|2022-11-25");
  EXPECT_EQ(At(Time("The ministers will meet on Friday."), "Friday"), "DATE|2022-12-02");
}

TEST(TimeStage, DeadlineTriggerLooksAhead) {
  // From November 2022 the nearest June is the past one; "by June" with no
  // past tense is the next.
  EXPECT_EQ(At(Time("The loan is due by June."), "June"), "DATE|2023-06");
  EXPECT_EQ(At(Time("Prices were high in June."), "June"), "DATE|2022-06");
  EXPECT_EQ(At(Time("The loan was repaid by June."), "June"), "DATE|2022-06");
}

TEST(TimeStage, FrontedExpressionTakesTheTenseOfItsReportingVerb) {
  EXPECT_EQ(
      At(Time("In September, it announced plans to buy the firm.", "1989-10-30"), "September"),
      "DATE|1989-09");
}

TEST(TimeStage, NarrativeTextDatesMonthsByThePreviousYear) {
  // Mostly old dates: a history. A month without a year is in the year last named.
  Document doc = Time(
      "The war began in 1939. France fell in 1940. In 1941 the invasion started. In 1944 the "
      "Allies landed. In mid-December, the last offensive began. Two days later it stalled.");
  EXPECT_EQ(At(doc, "mid-December"), "DATE|1944-12");
  Document seasons = Time(
      "The war began in 1939. France fell in 1940. In 1941 the invasion started. In 1943 the "
      "tide turned; in the summer the Allies landed in Sicily.");
  EXPECT_EQ(At(seasons, "the summer"), "DATE|1943-SU");
  // A news report that mentions one old year keeps the DCT's.
  Document news = Time("The firm, founded in 1959, said in March that sales fell.");
  EXPECT_EQ(At(news, "March"), "DATE|2022-03");
}

TEST(TimeStage, ThatYearAndTheYearEnded) {
  EXPECT_EQ(At(Time("Imports rose in 1988. Exports fell that year."), "that year"), "DATE|1988");
  // No earlier date to point at: not an expression.
  EXPECT_EQ(Find(Time("Exports fell that year."), "that year"), nullptr);
  EXPECT_EQ(At(Time("Net rose in the year ended June 30."), "the year"), "DURATION|P1Y");
  // "the year" alone is the year of the report (TimeBank annotates it so).
  EXPECT_EQ(At(Time("Net rose during the year."), "the year"), "DATE|2022");
}

TEST(TimeStage, TheLastQuarterIsADateThePastYearADuration) {
  Document doc = Time("Profits rose in the last quarter but fell over the past year.");
  EXPECT_EQ(At(doc, "the last quarter"), "DATE|2022-Q3");
  EXPECT_EQ(At(doc, "the past year"), "DURATION|P1Y");
  EXPECT_EQ(At(Time("Sales will grow over the next month."), "the next month"), "DURATION|P1M");
}

TEST(TimeStage, PossessiveWeekdayIsThePastOne) {
  // "Wednesday's ruling": the day of an event already reported, even in a
  // sentence about the future.
  EXPECT_EQ(At(Time("They will appeal Wednesday's ruling."), "Wednesday"), "DATE|2022-11-23");
  EXPECT_EQ(At(Time("They will appeal on Wednesday."), "Wednesday"), "DATE|2022-11-30");
}

TEST(TimeStage, DeadlineBeforeAWeekdayLooksAheadUnlessPluperfect) {
  EXPECT_EQ(At(Time("The agency postponed any action until Friday."), "Friday"), "DATE|2022-12-02");
  EXPECT_EQ(At(Time("It extended its deadline until 9 a.m. Friday."), "9 a.m. Friday"),
            "TIME|2022-12-02T09:00");
  EXPECT_EQ(At(Time("Until Friday, they had not called him a suspect."), "Friday"),
            "DATE|2022-11-25");
}

TEST(TimeStage, NextToIsNoTenseCue) {
  // "next" marks the future only before a time word.
  EXPECT_EQ(At(Time("Blasts next to the embassies on Friday."), "Friday"), "DATE|2022-11-25");
}

TEST(TimeStage, ClockTimeTakesItsDayAcrossAParenthesis) {
  EXPECT_EQ(At(Time("The blast occurred at 10:35 a.m. (0735 GMT) Friday."), "10:35 a.m."),
            "TIME|2022-11-25T10:35");
}

TEST(TimeStage, EffectiveDatesLookAhead) {
  EXPECT_EQ(
      At(Time("It created an office of the chairman, effective Feb. 1.", "1989-10-26"), "Feb. 1"),
      "DATE|1990-02-01");
}

TEST(TimeStage, QuartersOfResultsReportsComparedWithAYearBefore) {
  Document doc = Time(
      "Net income in the third quarter was $24 million, compared with a loss of $3 million "
      "last year. In the year-ago third quarter it lost money. It earned $5 million in the "
      "1988 quarter. Next year's first quarter will be better.",
      "1989-11-02");
  EXPECT_EQ(At(doc, "last year"), "DATE|1988-Q3");
  EXPECT_EQ(At(doc, "the year-ago third quarter"), "DATE|1988-Q3");
  EXPECT_EQ(At(doc, "Next year's first quarter"), "DATE|1990-Q1");
  EXPECT_EQ(At(doc, "the 1988 quarter"), "DATE|1988-Q3");
  // Without a quarter before it, "last year" is the year.
  EXPECT_EQ(At(Time("Sales were $3 million last year.", "1989-11-02"), "last year"), "DATE|1988");
}

TEST(TimeStage, ABareParticipleTakesTheTenseOfItsVerb) {
  const std::string rising =
      "Nashua's stock has fluctuated sharply, rising to a high of $42.875 a share in June from "
      "$29.75 in March.";
  EXPECT_EQ(At(ParsedTime(rising, "1989-10-30"), "March"), "DATE|1989-03");
  const std::string departing =
      "Two new flights would leave Bombay from March 30, with the third departing each Thursday "
      "from August 6.";
  EXPECT_EQ(At(ParsedTime(departing, "1998-02-13"), "August 6"), "DATE|1998-08-06");
}

TEST(TimeStage, ThePreviousWeekdayCountsFromTheDayNamedBefore) {
  Document doc =
      Time("The index fell 2% on Friday, down 4.5% from the previous Friday.", "1989-10-30");
  EXPECT_EQ(At(doc, "Friday"), "DATE|1989-10-27");
  EXPECT_EQ(At(doc, "the previous Friday"), "DATE|1989-10-20");
}

TEST(TimeStage, FiscalYearNamedByADeicticIsThatYear) {
  EXPECT_EQ(
      At(Time("It expects higher sales in the current fiscal year."), "the current fiscal year"),
      "DATE|2022");
  EXPECT_EQ(At(Time("Sales fell in the last fiscal year."), "the last fiscal year"), "DATE|2021");
  EXPECT_EQ(At(Time("It will hire in the next fiscal year."), "the next fiscal year"), "DATE|2023");
  EXPECT_EQ(At(Time("The firm's current chief resigned."), "current"), "DATE|PRESENT_REF");
}

TEST(TimeStage, CountsInHundredsAndThousands) {
  Document doc =
      Time("They kept the secret for more than two thousand years and three hundred days.");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("more than two thousand years|DURATION|P2000Y",
                                               "three hundred days|DURATION|P300D"));
}

TEST(TimeStage, AndAHalfIsPartOfTheDuration) {
  EXPECT_THAT(All(Time("It lasted a minute and a half, then two and a half years.")),
              ::testing::ElementsAre("a minute and a half|DURATION|PT1M30S",
                                     "two and a half years|DURATION|P2Y6M"));
  EXPECT_EQ(At(Time("The flight took an hour and a half."), "an hour and a half"),
            "DURATION|PT1H30M");
  // Not for a unit that has no exact half, and not a separate half.
  EXPECT_EQ(At(Time("It took a week and a half."), "a week"), "DURATION|P1W");
}

TEST(TimeStage, RangesOfCountsAreOneDurationWithoutACount) {
  EXPECT_EQ(At(Time("Shipments resume within two to three weeks."), "two to three weeks"),
            "DURATION|PXW");
  EXPECT_EQ(
      At(Time("Acquisitions made during the next 12 to 18 months."), "the next 12 to 18 months"),
      "DURATION|PXM");
  EXPECT_EQ(At(Time("It lasted five or six days."), "five or six days"), "DURATION|PXD");
  EXPECT_EQ(At(Time("You may, in a year or two, save lives."), "a year or two"), "DURATION|PXY");
  // "or so" keeps the count.
  EXPECT_EQ(At(Time("Then, a week or so ago, he picked Saturday."), "a week or so ago"),
            "DATE|2022-W47");
  // Two durations, not a range.
  EXPECT_THAT(All(Time("It took 24 hours or 10 days.")),
              ::testing::ElementsAre("24 hours|DURATION|PT24H", "10 days|DURATION|P10D"));
}

TEST(TimeStage, TheDayBeforeOrAfterADay) {
  Document doc = Time("The day before last Tuesday's hearing, he went to Miami.", "2000-02-24");
  EXPECT_THAT(All(doc), ::testing::ElementsAre("The day before last Tuesday|DATE|2000-02-21"));
  EXPECT_EQ(At(Time("They met the day after Nov. 3, 2008."), "the day after Nov. 3, 2008"),
            "DATE|2008-11-04");
  EXPECT_THAT(All(Time("He came the day after the election.")), ::testing::IsEmpty());
}

TEST(TimeStage, ModifiedPartsOfTheDay) {
  EXPECT_EQ(At(Time("In London at mid-afternoon yesterday, shares were up.", "1989-11-02"),
               "mid-afternoon yesterday"),
            "TIME|1989-11-01TAF");
  EXPECT_EQ(
      At(Time("By mid afternoon, sources were saying it was over.", "1998-03-06"), "mid afternoon"),
      "TIME|1998-03-06TAF");
  EXPECT_EQ(At(Time("Trading slowed by mid-morning."), "mid-morning"), "TIME|2022-11-29TMO");
}

TEST(TimeStage, PluralWeekdaysAreSets) {
  EXPECT_THAT(All(Time("Flights leave on Tuesday nights and on Sundays.")),
              ::testing::ElementsAre("Tuesday nights|SET|XXXX-WXX-2TNI", "Sundays|SET|XXXX-WXX-7"));
  EXPECT_THAT(
      All(Time("Flights leave on Monday and Tuesday nights.")),
      ::testing::ElementsAre("Monday|SET|XXXX-WXX-1TNI", "Tuesday nights|SET|XXXX-WXX-2TNI"));
  // One night of each: dates.
  EXPECT_THAT(All(Time("They met on Monday and Tuesday night.")),
              ::testing::ElementsAre("Monday|DATE|2022-11-28", "Tuesday night|TIME|2022-11-29TNI"));
}

TEST(TimeStage, APublicationNamedDailyIsNoSet) {
  EXPECT_THAT(All(Time("It was on the front page of the Communist Party daily Granma.")),
              ::testing::IsEmpty());
  EXPECT_EQ(At(Time("He reports daily to the board."), "daily"), "SET|P1D");
}

TEST(TimeStage, YearsEnd) {
  EXPECT_EQ(At(Time("Rules should be in place by year's end."), "year's end"), "DATE|2022");
}

TEST(TimeStage, VerbsThatPutOffAnEventLookAhead) {
  // "has extended ... through January": the perfect of a verb that moves an
  // event later dates the event ahead.
  EXPECT_EQ(At(ParsedTime("The lenders have extended the loans through January.", "1989-10-30"),
               "January"),
            "DATE|1990-01");
  EXPECT_EQ(
      At(ParsedTime("The board has postponed the vote until January.", "1989-10-30"), "January"),
      "DATE|1990-01");
}

TEST(TimeStage, ThisPastAndThisComingAreDeictic) {
  EXPECT_EQ(
      At(Time("It scrapped the business this past spring.", "1989-10-30"), "this past spring"),
      "DATE|1989-SP");
  EXPECT_EQ(At(Time("Women's Day is this coming Sunday."), "this coming Sunday"),
            "DATE|2022-12-04");
}

TEST(TimeStage, BarePluralUnitAgoIsSomeTimeBefore) {
  EXPECT_EQ(At(Time("The firm, which just months ago was failing, is now sound."), "months ago"),
            "DATE|PAST_REF");
}

TEST(TimeStage, VagueCountsInDurations) {
  EXPECT_EQ(At(Time("It followed a several-year tenure."), "several-year"), "DURATION|PXY");
  EXPECT_EQ(At(Time("Over the next couple of years, sales will grow."), "the next couple of years"),
            "DURATION|P2Y");
}

TEST(TimeStage, MoreFuzzyFutures) {
  EXPECT_THAT(
      All(Time("It bodes ill for coming quarters; it will pay at a later date, as soon as "
               "possible.")),
      ::testing::ElementsAre("coming quarters|DATE|FUTURE_REF", "a later date|DATE|FUTURE_REF",
                             "as soon as possible|DATE|FUTURE_REF"));
  // "as soon as" alone is no expression; the day after it is.
  EXPECT_THAT(All(Time("He may leave as soon as Tuesday.")),
              ::testing::ElementsAre("Tuesday|DATE|2022-11-29"));
}

TEST(TimeStage, ADayNumberConjoinedToADate) {
  EXPECT_THAT(All(Time("The summit is on April 24 and 25.", "1999-02-10")),
              ::testing::ElementsAre("April 24|DATE|1999-04-24", "25|DATE|1999-04-25"));
  EXPECT_THAT(All(Time("On April 24 and 25 people were hurt.", "1999-05-10")),
              ::testing::ElementsAre("April 24|DATE|1999-04-24"));
}

TEST(TimeStage, SoonIsAFutureOnlySeenFromTheDct) {
  EXPECT_EQ(At(Time("The budget will soon move into surplus."), "soon"), "DATE|FUTURE_REF");
  // Counted from an event, or from the story's past: no expression.
  EXPECT_THAT(All(Time("He had probably been killed soon after being captured.")),
              ::testing::IsEmpty());
  EXPECT_THAT(All(Time("He was taken to a hospital and was soon released.")), ::testing::IsEmpty());
  EXPECT_EQ(At(Time("He may show up someday."), "someday"), "DATE|FUTURE_REF");
}

TEST(TimeStage, FractionsAreNoDurations) {
  EXPECT_THAT(All(Time("They account for more than a quarter of the entire market.")),
              ::testing::IsEmpty());
  // A share of a time unit is one duration.
  EXPECT_EQ(At(Time("It took a quarter of a century."), "a quarter of a century"), "DURATION|P25Y");
  EXPECT_EQ(At(Time("The talks lasted a quarter of an hour."), "a quarter of an hour"),
            "DURATION|PT15M");
  // "the year" is a year named shortly before, not one in the background.
  EXPECT_EQ(At(Time("The firm, founded in 1998, reported a loss for the year."), "the year"),
            "DATE|2022");
  EXPECT_EQ(At(Time("Sales have doubled since 2019. Profit for the year rose."), "the year"),
            "DATE|2022");
  EXPECT_EQ(At(Time("The war started in 1946. Later in the year, Chiang fled."), "the year"),
            "DATE|1946");
  EXPECT_EQ(At(Time("It made money after several quarters of losses."), "several quarters"),
            "DURATION|PXM");
}

TEST(TimeStage, ACapitalisedUnitAfterDigitsIsATitle) {
  EXPECT_THAT(All(Time("Gonzalez said on CBS's 60 Minutes that he was sad.")),
              ::testing::IsEmpty());
  EXPECT_EQ(At(Time("60 Minutes later it was over."), "60 Minutes"), "DURATION|PT60M");
}

TEST(TimeStage, OneDayAfterAModalIsSomeFutureDay) {
  EXPECT_EQ(At(Time("Islam will one day be the second largest religion."), "one day"),
            "DATE|FUTURE_REF");
  EXPECT_EQ(At(Time("The strike lasted one day."), "one day"), "DURATION|P1D");
}

TEST(TimeStage, AnHourInThePartOfTheDay) {
  Document doc = Time("The father will leave at 4 in the morning (4 a.m. EDT Thursday), he said.",
                      "2000-04-05");
  EXPECT_EQ(At(doc, "4 in the morning"), "TIME|2000-04-06T04:00");
  EXPECT_EQ(At(Time("They met at 10 in the evening."), "10 in the evening"),
            "TIME|2022-11-29T22:00");
  // Without a preposition of time before it the number is a count.
  EXPECT_EQ(At(Time("The rebels killed 12 in the morning."), "the morning"), "TIME|2022-11-29TMO");
}

TEST(TimeStage, ThenCurrentIsPast) {
  EXPECT_EQ(
      At(Time("They may buy shares at 50% of the then current market price."), "then current"),
      "DATE|PAST_REF");
}

TEST(TimeStage, LaterInAPastClauseWithNothingToCountFromIsADuration) {
  // Not the DCT plus 300 days (a date after the report), nor a chain of such.
  EXPECT_THAT(All(Time("Three hundred days later he returned. Two days later he left.")),
              ::testing::ElementsAre("Three hundred days|DURATION|P300D", "Two days|DURATION|P2D"));
  // With a date to count from, the date.
  EXPECT_EQ(At(Time("The fire started on March 3. Two days later it was out."), "Two days later"),
            "DATE|2022-03-05");
}

TEST(TimeStage, PluralOrdinalQuartersAreSets) {
  EXPECT_EQ(At(Time("Business is usually done in the second and fourth quarters.", "1989-10-26"),
               "fourth quarters"),
            "SET|XXXX-Q4");
  EXPECT_THAT(All(Time("Business is usually done in the second and fourth quarters.")),
              ::testing::ElementsAre("second|SET|XXXX-Q2", "fourth quarters|SET|XXXX-Q4"));
  // One quarter is a date.
  EXPECT_EQ(At(Time("Profit rose in the third quarter.", "1989-10-26"), "the third quarter"),
            "DATE|1989-Q3");
}

TEST(TimeStage, PartOfADayNamedByItsDate) {
  EXPECT_EQ(At(Time("He was shot to death on the night of Oct. 23 in his kitchen.", "1999-05-05"),
               "the night of Oct. 23"),
            "TIME|1998-10-23TNI");
}

TEST(TimeStage, AMonthOfThatYear) {
  Document doc = Time(
      "Italy entered the war in 1940. In August of that year it invaded Somaliland.", "2009-12-19");
  EXPECT_EQ(At(doc, "August of that year"), "DATE|1940-08");
  // Without a year named before, the month alone.
  EXPECT_EQ(At(Time("In August of that year it rained.", "2009-12-19"), "August"), "DATE|2009-08");
}

TEST(TimeStage, AQuarterNamedByItsLastDay) {
  // May to July: mostly the second calendar quarter.
  EXPECT_EQ(
      At(Time("In the quarter ended July 31, it earned $1 million.", "1989-10-30"), "the quarter"),
      "DATE|1989-Q2");
  EXPECT_EQ(At(Time("For the quarter ended Sept. 30, it lost money.", "1989-10-30"), "the quarter"),
            "DATE|1989-Q3");
}

TEST(TimeStage, ATitleOfTheYearIsNoYear) {
  EXPECT_THAT(All(Time("He was named Person of the Year by the magazine.")), ::testing::IsEmpty());
  EXPECT_EQ(At(Time("Sales of the year rose.", "1989-11-02"), "the year"), "DATE|1989");
}

TEST(TimeStage, NamesAfterEasterAndGoodFridayAreNoDays) {
  EXPECT_THAT(All(Time("The Good Friday Agreement ended decades of violence.")),
              ::testing::IsEmpty());
  EXPECT_THAT(All(Time("Irish rebels staged the Easter Uprising.")), ::testing::IsEmpty());
  EXPECT_EQ(At(Time("The agreement was signed on Good Friday.", "1998-04-12"), "Good Friday"),
            "DATE|1998-04-10");
}

TEST(TimeStage, ACountAfterACommaIsNoYear) {
  // Four digits after "Christmas," or "January," before a noun are a count.
  EXPECT_THAT(All(Time("By Christmas, 2000 troops will be home.")),
              ::testing::ElementsAre("Christmas|DATE|2022-12-25"));
  EXPECT_THAT(All(Time("In January, 1500 workers lost their jobs.", "2022-03-15")),
              ::testing::ElementsAre("January|DATE|2022-01"));
  // The year itself, after a month or a day.
  EXPECT_EQ(At(Time("The offensive began in January, 1918."), "January, 1918"), "DATE|1918-01");
  EXPECT_EQ(At(Time("On Oct. 16, 1989 stocks fell."), "Oct. 16, 1989"), "DATE|1989-10-16");
}

TEST(TimeStage, TheYearIsTheYearOfTheReport) {
  EXPECT_EQ(At(Time("For the year, pet food volume was flat.", "1989-11-02"), "the year"),
            "DATE|1989");
  EXPECT_EQ(
      At(Time("It will have lower earnings for the fiscal year.", "1989-11-02"), "the fiscal year"),
      "DATE|1989");
  // Named otherwise: no year of the report.
  EXPECT_EQ(At(Time("Revenue for the year ended June 30 rose.", "1989-11-02"), "the year"),
            "DURATION|P1Y");
  EXPECT_THAT(All(Time("It was the year of the dragon.", "1989-11-02")), ::testing::IsEmpty());
  EXPECT_THAT(All(Time("He had left the year before.", "1989-11-02")), ::testing::IsEmpty());
  // After a year far from the DCT, that year.
  EXPECT_EQ(
      At(Time("The troops surrendered in 1946. Later in the year, Chiang returned.", "2009-12-19"),
         "the year"),
      "DATE|1946");
}

TEST(TimeStage, PreAndPostYears) {
  EXPECT_EQ(At(Time("The post-1959 politics split families."), "post-1959"), "DATE|1959");
  EXPECT_EQ(At(Time("It restored the pre-1914 borders."), "pre-1914"), "DATE|1914");
}

TEST(TimeStage, APastPlanDatesItsDayByTheNearestOne) {
  // Friday 2000-01-07: the Saturday planned is the next day.
  EXPECT_EQ(At(ParsedTime("Protesters planned a large demonstration in Little Havana on Saturday.",
                          "2000-01-07"),
               "Saturday"),
            "DATE|2000-01-08");
  EXPECT_EQ(At(ParsedTime("Protesters held a large demonstration in Little Havana on Saturday.",
                          "2000-01-07"),
               "Saturday"),
            "DATE|2000-01-01");
  // A day fronted before the plan dates the planning (Wednesday 1998-09-30).
  EXPECT_EQ(At(ParsedTime("On Friday, the Kenyan government planned to pay the first 32 death "
                          "claims.",
                          "1998-09-30"),
               "Friday"),
            "DATE|1998-09-25");
}

TEST(TimeStage, AVagueCountLaterIsADuration) {
  EXPECT_EQ(At(Time("He resigned. A few days later, the firm announced losses."), "A few days"),
            "DURATION|PXD");
  EXPECT_EQ(At(Time("They met a few days ago."), "a few days ago"), "DATE|PAST_REF");
  EXPECT_EQ(At(Time("We will know a few days from now."), "a few days from now"),
            "DATE|FUTURE_REF");
  EXPECT_EQ(At(Time("It ends two days from now."), "two days from now"), "DATE|2022-12-01");
}

TEST(TimeStage, PartOfADecadeIsDatedByTheDecade) {
  EXPECT_THAT(All(Time("Sales were flat in the last half of the '80s.", "1989-10-26")),
              ::testing::ElementsAre("the last half of the '80s|DATE|198X"));
  EXPECT_THAT(All(Time("Growth slowed in the second half of the 1970s.")),
              ::testing::ElementsAre("the second half of the 1970s|DATE|197X"));
}

}  // namespace
}  // namespace tkg
