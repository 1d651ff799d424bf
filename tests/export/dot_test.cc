// Tests of export/dot.h. Golden file: tests/data/golden/export/fixture.dot
// (TKG_UPDATE_GOLDEN=1 rewrites it; see fixture.h).

#include "export/dot.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "export/escape.h"
#include "export/render.h"
#include "tests/export/fixture.h"
#include "tests/testing/status_matchers.h"

namespace tkg {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Dot(const GraphView& g, const DotOptions& options = {}) {
  std::ostringstream out;
  Status s = WriteDot(g, options, out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

TEST(Escape, CutCharsCountsCodePointsAndPrefersWordEnds) {
  EXPECT_EQ(CutChars("short", 10), "short");
  EXPECT_EQ(CutChars("anything", 0), "anything");
  EXPECT_EQ(CutChars("ééééééééé", 4), "ééé…");
  EXPECT_EQ(CutChars("relentless attacks on infrastructure", 20), "relentless attacks…");
  EXPECT_EQ(CutChars("abcdefghijklmnopqrstuvwxyz", 6), "abcde…");
}

TEST(Escape, WrapWordsAndHtmlEscape) {
  EXPECT_EQ(WrapWords("one two three four", 9), "one two\nthree\nfour");
  EXPECT_EQ(WrapWords("averyveryverylongword x", 5), "averyveryverylongword\nx");
  EXPECT_EQ(WrapWords("a\nb  c", 0), "a\nb  c");
  EXPECT_EQ(HtmlEscape("<a href='x'>\"&\"</a>\r"),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
  EXPECT_EQ(ValidUtf8("ok \xed\xa0\x80 \xc0\xaf"), "ok \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD");
}

TEST(DotQuote, EscapesQuotesBackslashesAndNewlines) {
  EXPECT_EQ(DotQuote(""), "\"\"");
  EXPECT_EQ(DotQuote("a \"b\"\nc"), "\"a \\\"b\\\"\\nc\"");
  EXPECT_EQ(DotQuote("C:\\dir\\"), "\"C:\\\\dir\\\\\"");
  EXPECT_EQ(DotQuote("line\r\n"), "\"line\\n\"");
  EXPECT_EQ(DotQuote("a\tb"), "\"a b\"");
}

TEST(DotQuote, DropsControlCharactersAndKeepsUtf8) {
  EXPECT_EQ(DotQuote(std::string("a\0b\x1b[0m\x7f", 8)), "\"ab[0m\"");
  EXPECT_EQ(DotQuote("Kačer \u200F שלום “q”"), "\"Kačer \u200F שלום “q”\"");
  EXPECT_EQ(DotQuote("\xC2\x85"), "\"\"");  // U+0085, a C1 control
  EXPECT_EQ(DotQuote("bad \xff byte"), "\"bad \uFFFD byte\"");
}

TEST(DotQuote, WritesAmpersandsAsEntitiesAndLeavesAngleBrackets) {
  // Graphviz decodes entities in ordinary labels, so "&" must be "&amp;".
  EXPECT_EQ(DotQuote("AT&T &amp; <script>"), "\"AT&amp;T &amp;amp; <script>\"");
}

TEST(DotQuote, SplitsLongStringsIntoConcatenatedPieces) {
  const std::string text(20000, 'x');
  const std::string q = DotQuote(text);
  EXPECT_EQ(q, "\"" + std::string(8000, 'x') + "\" + \"" + std::string(8000, 'x') + "\" + \"" +
                   std::string(4000, 'x') + "\"");
  // Never inside an escape or a UTF-8 sequence.
  std::string mixed;
  for (int i = 0; i < 3000; ++i) mixed += "é\"\\ü";
  const std::string m = DotQuote(mixed);
  std::size_t pieces = 0;
  for (std::size_t p = m.find("\" + \""); p != std::string::npos; p = m.find("\" + \"", p + 1)) {
    ++pieces;
    // The quote closing a piece is not escaped: an even run of backslashes.
    std::size_t backslashes = 0;
    while (m[p - 1 - backslashes] == '\\') ++backslashes;
    EXPECT_EQ(backslashes % 2, 0U);
  }
  EXPECT_GT(pieces, 0U);
  EXPECT_EQ(m.find("\xc3\" + "), std::string::npos);

  GraphView g;
  g.nodes.push_back({text, mixed, EntityType::kPerson, {}});
  std::ostringstream out;
  ASSERT_OK(WriteDot(g, DotOptions{}, out));
  Result<std::string> svg = RenderDot(out.str(), "svg");
  ASSERT_OK(svg);
  EXPECT_THAT(*svg, HasSubstr("<title>" + text + "</title>"));
  std::string escaped;
  for (int i = 0; i < 3000; ++i) escaped += "é&quot;\\ü";
  EXPECT_THAT(*svg, HasSubstr(escaped));
}

TEST(WriteDot, MatchesGoldenFile) {
  DotOptions options;
  options.title = "tkg: NATO";
  testing::ExpectGolden("fixture.dot", Dot(testing::FixtureGraph(), options));
}

TEST(WriteDot, HeaderHasLayoutAttributes) {
  const std::string dot = Dot(GraphView{});
  EXPECT_THAT(dot, HasSubstr("digraph tkg {\n"));
  EXPECT_THAT(dot, HasSubstr("graph [label=\"tkg\", labelloc=t, fontname=\"Helvetica\", "
                             "rankdir=LR, overlap=false, splines=true];"));
  EXPECT_THAT(dot, ::testing::EndsWith("}\n"));
}

TEST(WriteDot, StylesEntitiesByType) {
  GraphView g = testing::FixtureGraph();
  g.nodes.push_back({"other/x", "X", EntityType::kOther, {"ignored role"}});
  const std::string dot = Dot(g);
  EXPECT_THAT(dot, HasSubstr("\"person/jens-stoltenberg\" [label=\"Jens Stoltenberg\\n"
                             "Secretary-General of NATO (2022-11-29)\", shape=ellipse, "
                             "style=filled, fillcolor=lightblue];"));
  EXPECT_THAT(dot, HasSubstr("\"org/nato\" [label=\"NATO\", shape=box, style=filled, "
                             "fillcolor=lightgoldenrod];"));
  EXPECT_THAT(dot, HasSubstr("shape=hexagon, style=filled, fillcolor=palegreen"));
  EXPECT_THAT(dot, HasSubstr("shape=octagon, style=filled, fillcolor=lightpink"));
  EXPECT_THAT(dot, HasSubstr("\"other/x\" [label=\"X\", shape=plaintext];"));
}

TEST(WriteDot, LabelsFactEdgesWithDateModalityAndPolarity) {
  const std::string dot = Dot(testing::FixtureGraph());
  EXPECT_THAT(dot, HasSubstr("\"o1\" [label=\"a 2008 decision\", shape=note"));
  EXPECT_THAT(dot, HasSubstr("\"group/nato-ministers\" -> \"o1\" [label=\"confirmed · 2008\"];"));
  EXPECT_THAT(dot,
              HasSubstr("\"place/ukraine\" -> \"org/nato\" [label=\"will join · (future)\"];"));
  EXPECT_THAT(dot, HasSubstr("\"org/nato\" -> \"o2\" [label=\"not set · 2022-11-29\"];"));
}

TEST(WriteDot, DrawsStatementsAsBoxesWithSpeakerAndAboutEdges) {
  const std::string dot = Dot(testing::FixtureGraph());
  EXPECT_THAT(dot, HasSubstr("\"s1\" [label=\"“Ukraine will become a member\\nof NATO”\", "
                             "shape=box"));
  EXPECT_THAT(dot, HasSubstr("\"person/jens-stoltenberg\" -> \"s1\" [label=\"said · "
                             "2022-11-29\"];"));
  EXPECT_THAT(dot, HasSubstr("\"person/jens-stoltenberg\" -> \"s2\" [label=\"promise · "
                             "2022-11-29\"];"));
  EXPECT_THAT(dot, HasSubstr("\"s1\" -> \"place/ukraine\" [style=dashed"));
  EXPECT_THAT(dot, HasSubstr("\"s1\" -> \"org/nato\" [style=dashed"));
  EXPECT_THAT(dot, HasSubstr("\"s2\" -> \"org/nato\" [style=dashed"));
  // Russia is no node: no edge, and no node made up for it.
  EXPECT_THAT(dot, Not(HasSubstr("place/russia")));
}

TEST(WriteDot, CutsLongStatementsToMaxLabel) {
  GraphView g;
  GraphView::SaidEdge s;
  s.content = testing::LongText();
  g.said.push_back(s);
  DotOptions options;
  options.max_label = 40;
  options.wrap_width = 0;
  const std::string dot = Dot(g, options);
  const std::string expected = CutChars(testing::LongText(), 40);
  EXPECT_LE(CountChars(expected), 40U);
  EXPECT_GE(CountChars(expected), 30U);
  EXPECT_THAT(expected, ::testing::EndsWith("…"));
  EXPECT_THAT(dot, HasSubstr("\"s1\" [label=\"" + expected + "\""));
}

TEST(WriteDot, LeavesOutDatesWithoutInterval) {
  GraphView g = testing::FixtureGraph();
  g.said[0].date = testing::Dated(ValueOnlyAnchor("XXXX-XX-XX"), DateBasis::kUnknown);
  g.facts[0].time = testing::Dated(ValueOnlyAnchor("FUTURE_REF"), DateBasis::kInferred);
  const std::string dot = Dot(g);
  EXPECT_THAT(dot, HasSubstr("\"person/jens-stoltenberg\" -> \"s1\" [label=\"said\"];"));
  EXPECT_THAT(dot, HasSubstr("\"group/nato-ministers\" -> \"o1\" [label=\"confirmed\"];"));
  EXPECT_THAT(dot, Not(HasSubstr("XXXX")));
  EXPECT_THAT(dot, Not(HasSubstr("FUTURE_REF")));
}

TEST(WriteDot, GeneratedIdsAvoidEntityIds) {
  GraphView g;
  g.nodes.push_back({"s1", "Odd id", EntityType::kOther, {}});
  GraphView::SaidEdge s;
  s.speaker = "s1";
  s.content = "x";
  g.said.push_back(s);
  const std::string dot = Dot(g);
  EXPECT_THAT(dot, HasSubstr("\"s1\" -> \"s2\" [label=\"said\"];"));
}

TEST(WriteDot, DeclaresEndpointsThatAreNoEntity) {
  GraphView g;
  GraphView::FactEdge f;
  f.subject = "org/missing";
  f.object = "place/missing";
  f.relation = "left";
  g.facts.push_back(f);
  const std::string dot = Dot(g);
  EXPECT_THAT(dot, HasSubstr("\"org/missing\" [label=\"org/missing\", shape=plaintext];"));
  EXPECT_THAT(dot, HasSubstr("\"place/missing\" [label=\"place/missing\", shape=plaintext];"));
}

TEST(WriteDot, FixtureIsValidForDotNeatoAndSfdp) {
  const std::string dot = Dot(testing::FixtureGraph());
  for (const char* program : {"dot", "neato", "sfdp"}) {
    Result<std::string> svg = RenderDot(dot, "svg", program);
    ASSERT_OK(svg) << program;
    EXPECT_THAT(*svg, HasSubstr("Jens Stoltenberg")) << program;
    EXPECT_THAT(*svg, HasSubstr("confirmed · 2008")) << program;
  }
}

TEST(WriteDot, HostileTextIsEscapedAndStillRenders) {
  GraphView g;
  g.nodes.push_back({"person/\"evil\"\\id\n",
                     testing::HostileText(),
                     EntityType::kPerson,
                     {testing::HostileText()}});
  g.nodes.push_back({"org/long", testing::LongText(), EntityType::kOrg, {}});
  GraphView::FactEdge f;
  f.subject = "person/\"evil\"\\id\n";
  f.object_text = testing::HostileText();
  f.relation = testing::kScript;
  f.time = testing::Nov29();
  g.facts.push_back(f);
  GraphView::SaidEdge s;
  s.speaker = "person/\"evil\"\\id\n";
  s.content = testing::HostileText() + " " + testing::LongText();
  s.cue = "&amp;";
  s.kind = StoredClaimKind::kDirect;
  s.about = {"org/long"};
  g.said.push_back(s);
  DotOptions options;
  options.title = testing::HostileText();
  options.max_label = 6000;
  const std::string dot = Dot(g, options);
  // No raw newline or carriage return inside any quoted string: every line
  // of the output is a whole statement.
  EXPECT_THAT(dot, Not(HasSubstr("\r")));
  EXPECT_THAT(dot, HasSubstr("He said \\\"no\\\" \\\\ back\\\\slash\\nnew line tab "));

  for (const char* program : {"dot", "neato", "sfdp"}) {
    Result<std::string> svg = RenderDot(dot, "svg", program);
    ASSERT_OK(svg) << program;
    // The SVG shows the text literally: Graphviz escapes it for XML.
    EXPECT_THAT(*svg, Not(HasSubstr(testing::kScript))) << program;
    EXPECT_THAT(*svg, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;")) << program;
    EXPECT_THAT(*svg, HasSubstr("&amp;amp; AT&amp;T")) << program;
    EXPECT_THAT(*svg, HasSubstr("He said &quot;no&quot; \\ back\\slash")) << program;
    EXPECT_THAT(*svg, HasSubstr(std::string(testing::kRtlMark) + "שלום")) << program;
    EXPECT_THAT(*svg, HasSubstr(testing::LongText())) << program;
  }
}

}  // namespace
}  // namespace tkg

namespace tkg {
namespace {

TEST(WriteDot, ClustersStatementsByDocumentOrYear) {
  GraphView g = testing::FixtureGraph();
  g.said[1].sources = {testing::MakeSource("doc-2", "Hostile \"title\" <script>", "", 0.5F)};
  g.said[1].date = testing::Dated(YearAnchor(date::year{2008}), DateBasis::kExplicit);
  DotOptions by_doc;
  by_doc.cluster = DotOptions::Cluster::kDocument;
  const std::string doc = Dot(g, by_doc);
  EXPECT_THAT(doc, HasSubstr("subgraph \"cluster_1\" {\n    label=\"doc-1: NATO confirms 2008 "
                             "decision\";"));
  EXPECT_THAT(doc, HasSubstr("subgraph \"cluster_2\" {\n    label=\"doc-2: Hostile \\\"title\\\" "
                             "<script>\";"));
  // The statement box sits in its cluster; the speaker stays outside.
  const std::size_t c1 = doc.find("subgraph \"cluster_1\"");
  const std::size_t c2 = doc.find("subgraph \"cluster_2\"");
  EXPECT_LT(c1, doc.find("\"s1\" [label="));
  EXPECT_GT(c2, doc.find("\"s1\" [label="));
  EXPECT_GT(doc.find("\"s2\" [label="), c2);
  EXPECT_LT(doc.find("\"person/jens-stoltenberg\" [label="), c1);

  DotOptions by_year;
  by_year.cluster = DotOptions::Cluster::kYear;
  const std::string year = Dot(g, by_year);
  EXPECT_THAT(year, HasSubstr("label=\"2022\";"));
  EXPECT_THAT(year, HasSubstr("label=\"2008\";"));
  // Without clustering nothing changes.
  EXPECT_THAT(Dot(g), Not(HasSubstr("subgraph")));
  for (const std::string* dot : {&doc, &year}) {
    for (const char* program : {"dot", "neato", "sfdp"}) {
      Result<std::string> svg = RenderDot(*dot, "svg", program);
      ASSERT_OK(svg) << program;
      EXPECT_THAT(*svg, HasSubstr("Jens Stoltenberg")) << program;
    }
    Result<std::string> svg = RenderDot(*dot, "svg");
    ASSERT_OK(svg);
    EXPECT_THAT(*svg, HasSubstr("class=\"cluster\""));
  }
}

}  // namespace
}  // namespace tkg
