// Tests of the N-Quads, GEXF, vis-timeline, CSV and HTML exports, each
// checked by a real consumer: rapper (raptor2-utils) parses the N-Quads,
// xmllint (libxml2-utils) the GEXF, Python's csv module the CSV and headless
// Chromium the HTML viewer. Golden files: tests/data/golden/export/fixture.*
// (TKG_UPDATE_GOLDEN=1 rewrites them; see fixture.h).

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "export/escape.h"
#include "export/gexf.h"
#include "export/html.h"
#include "export/json_views.h"
#include "export/nquads.h"
#include "export/timeline_formats.h"
#include "tests/export/fixture.h"
#include "tests/testing/run_tool.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace tkg {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunTool;
using testing::ShellQuote;
using testing::ToolRun;

Id128 IdOf(const std::string& s) { return IdBuilder("test").Add(s).Finish(); }

// Who said what when, matching FixtureGraph's two statements, plus one with
// an unresolved speaker.
std::vector<SaidRow> FixtureSaid() {
  std::vector<SaidRow> rows;
  SaidRow member;
  member.statement = IdOf("member");
  member.holder = IdOf("person/jens-stoltenberg");
  member.speaker = "Jens Stoltenberg";
  member.speaker_id = "person/jens-stoltenberg";
  member.speaker_text = "Stoltenberg";
  member.kind = StoredClaimKind::kDirect;
  member.cue = "say";
  member.content = "Ukraine will become a member of NATO";
  member.date = testing::Nov29();
  member.about = {"place/ukraine", "org/nato"};
  member.sources = {
      testing::MakeSource("doc-1", "NATO confirms 2008 decision", "https://example.org/1", 0.9F),
      testing::MakeSource("doc-3", "Stoltenberg in Bucharest", "https://example.org/3", 0.85F)};
  member.confidence = 0.9F;
  rows.push_back(member);

  SaidRow anon;
  anon.statement = IdOf("faster");
  anon.holder = IdOf("a diplomat");
  anon.speaker = "a diplomat";
  anon.speaker_text = "a diplomat";
  anon.kind = StoredClaimKind::kMixed;
  anon.cue = "call for";
  anon.content = "weapons to come “faster, faster, faster”";
  anon.date = testing::Dated(YearAnchor(date::year{2008}), DateBasis::kExplicit);
  anon.sources = {testing::MakeSource("doc-2", "", "", 0.6F)};
  anon.confidence = 0.6F;
  rows.push_back(anon);
  return rows;
}

std::vector<FactRow> FixtureFacts() {
  std::vector<FactRow> rows;
  FactRow f;
  f.statement = IdOf("confirmed");
  f.st.subject = {"group/nato-ministers", "NATO ministers"};
  f.st.relation_lemma = "confirm";
  f.st.relation_text = "confirmed";
  f.st.object = {"", "a 2008 decision"};
  f.st.time = testing::Dated(YearAnchor(date::year{2008}), DateBasis::kExplicit);
  f.said_by = {"Example News"};
  f.sources = {
      testing::MakeSource("doc-1", "NATO confirms 2008 decision", "https://example.org/1", 0.8F)};
  rows.push_back(f);
  FactRow join;
  join.statement = IdOf("join");
  join.st.subject = {"place/ukraine", "Ukraine"};
  join.st.relation_lemma = "join";
  join.st.relation_text = "will join";
  join.st.object = {"org/nato", "NATO"};
  join.st.modality = Modality::kFuture;
  join.st.time.anchor = ValueOnlyAnchor("FUTURE_REF");
  rows.push_back(join);
  return rows;
}

std::string NQuads(const RdfInput& in) {
  std::ostringstream out;
  Status s = WriteNQuads(in, out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

std::string Gexf(const GraphView& g, const GexfOptions& o = {}) {
  std::ostringstream out;
  Status s = WriteGexf(g, o, out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

std::size_t Lines(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n' ? 1 : 0;
  return n;
}

// rapper's count of the quads in `nq` (it exits non-zero on a syntax error).
ToolRun Rapper(const testing::TempDir& dir, const std::string& nq, const std::string& args) {
  const std::string path = dir.Sub("data.nq");
  EXPECT_TRUE(testing::WriteFile(path, nq));
  return RunTool("rapper -i nquads " + args + " " + ShellQuote(path));
}

// xmllint's answer to an XPath expression, without the newline it adds.
ToolRun Xpath(const std::string& path, const std::string& expr) {
  ToolRun r = RunTool("xmllint --xpath " + ShellQuote(expr) + " " + ShellQuote(path));
  if (!r.output.empty() && r.output.back() == '\n') r.output.pop_back();
  return r;
}

// ---------------------------------------------------------------- N-Quads

TEST(NQuads, LiteralsAndIrisAreEscaped) {
  EXPECT_EQ(NQuadsLiteral("a \"b\" \\ c\nd\re\tf"), "\"a \\\"b\\\" \\\\ c\\nd\\re\\tf\"");
  EXPECT_EQ(NQuadsLiteral(std::string("x\x01y\x7f", 4)), "\"x\\u0001y\\u007F\"");
  EXPECT_EQ(NQuadsLiteral("Kačer \u200F"), "\"Kačer \u200F\"");
  EXPECT_EQ(NQuadsLiteral("bad \xff"), "\"bad \uFFFD\"");
  EXPECT_EQ(IriEncode("person/jens-stoltenberg"), "person/jens-stoltenberg");
  EXPECT_EQ(IriEncode("a b<c>\"{|}^`\\é"), "a%20b%3Cc%3E%22%7B%7C%7D%5E%60%5C%C3%A9");
}

TEST(NQuads, FixtureMatchesGoldenAndParses) {
  RdfInput in;
  in.entities = testing::FixtureGraph().nodes;
  in.said = FixtureSaid();
  in.facts = FixtureFacts();
  const std::string nq = NQuads(in);
  testing::ExpectGolden("fixture.nq", nq);

  // Each claim is a named graph holding its statement; provenance in the
  // default graph.
  const std::string claim =
      "<urn:tkg:claim:" + IdOf("person/jens-stoltenberg").Hex() + "-" + IdOf("member").Hex() + ">";
  const std::string statement = "<urn:tkg:statement:" + IdOf("member").Hex() + ">";
  EXPECT_THAT(nq, HasSubstr(statement +
                            " <urn:tkg:vocab#text> \"Ukraine will become a member of "
                            "NATO\" " +
                            claim + " .\n"));
  EXPECT_THAT(nq, HasSubstr(claim + " <urn:tkg:vocab#speaker> <urn:tkg:entity:person/"
                                    "jens-stoltenberg> .\n"));
  EXPECT_THAT(nq, HasSubstr(claim + " <urn:tkg:vocab#cue> \"say\" .\n"));
  EXPECT_THAT(nq, HasSubstr(claim + " <urn:tkg:vocab#date> "
                                    "\"2022-11-29\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"));
  EXPECT_THAT(nq, HasSubstr(claim + " <urn:tkg:vocab#sourceCount> "
                                    "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"));
  EXPECT_THAT(
      nq, HasSubstr(claim + " <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:tkg:doc:doc-3> .\n"));
  // A year keeps its precision.
  EXPECT_THAT(nq, HasSubstr("\"2008\"^^<http://www.w3.org/2001/XMLSchema#gYear>"));
  // A fact is its triple in its own graph.
  EXPECT_THAT(nq, HasSubstr("<urn:tkg:entity:place/ukraine> <urn:tkg:relation:join> "
                            "<urn:tkg:entity:org/nato> <urn:tkg:fact:" +
                            IdOf("join").Hex() + "> .\n"));

  testing::TempDir dir;
  ToolRun count = Rapper(dir, nq, "-c");
  ASSERT_EQ(count.status, 0) << count.output;
  EXPECT_THAT(count.output, HasSubstr("returned " + std::to_string(Lines(nq)) + " triples"));
}

TEST(NQuads, HostileTextParsesAndRoundTrips) {
  RdfInput in;
  in.entities.push_back(
      {"person/\"evil\" <id>\n", testing::HostileText(), EntityType::kPerson, {testing::kScript}});
  SaidRow r = FixtureSaid()[0];
  r.speaker_id = "person/\"evil\" <id>\n";
  r.speaker = testing::HostileText();
  r.speaker_text = testing::kScript;
  r.cue = "say\" . <x> <y> <z> .";
  r.content = testing::HostileText() + " " + testing::LongText();
  r.about = {"org/a b}c"};
  r.sources[0].doc_id = "doc with spaces/<and> \"quotes\"";
  r.sources[0].title = testing::HostileText();
  r.sources[0].url = "javascript:alert(1)";
  in.said.push_back(r);
  FactRow f = FixtureFacts()[0];
  f.st.subject = {"", testing::HostileText()};
  f.st.relation_lemma = "a relation with spaces & <brackets>";
  f.st.object.text = testing::HostileText();
  f.said_by = {testing::kScript};
  in.facts.push_back(f);
  const std::string nq = NQuads(in);

  testing::TempDir dir;
  ToolRun count = Rapper(dir, nq, "-c");
  ASSERT_EQ(count.status, 0) << count.output << "\n" << nq;
  EXPECT_THAT(count.output, HasSubstr("returned " + std::to_string(Lines(nq)) + " triples"));
  // Re-serialised by rapper, the text is still there in one piece.
  ToolRun round = Rapper(dir, nq, "-o nquads");
  ASSERT_EQ(round.status, 0) << round.output;
  EXPECT_THAT(round.output, HasSubstr("\"He said \\\"no\\\" \\\\ back\\\\slash\\nnew line\\r\\ttab "
                                      "<script>alert(1)</script> &amp; AT&T \\u200F\\u05E9"));
  EXPECT_THAT(round.output,
              HasSubstr("<urn:tkg:doc:doc%20with%20spaces/%3Cand%3E%20%22quotes%22>"));
}

// ------------------------------------------------------------------- GEXF

TEST(Gexf, FixtureMatchesGoldenAndIsDynamicGexf13) {
  const std::string gexf = Gexf(testing::FixtureGraph());
  testing::ExpectGolden("fixture.gexf", gexf);
  testing::TempDir dir;
  const std::string path = dir.Sub("g.gexf");
  ASSERT_TRUE(testing::WriteFile(path, gexf));
  ToolRun lint = RunTool("xmllint --noout " + ShellQuote(path));
  ASSERT_EQ(lint.status, 0) << lint.output;

  auto xp = [&](const std::string& e) {
    ToolRun r = Xpath(path, e);
    EXPECT_EQ(r.status, 0) << e << ": " << r.output;
    return r.output;
  };
  EXPECT_EQ(xp("string(/*[local-name()='gexf']/@version)"), "1.3");
  EXPECT_EQ(xp("string(//*[local-name()='graph']/@mode)"), "dynamic");
  EXPECT_EQ(xp("string(//*[local-name()='graph']/@timeformat)"), "date");
  // 4 entities, 2 object texts, 2 statements.
  EXPECT_EQ(xp("count(//*[local-name()='node'])"), "8");
  // The 2008 fact spans the year; the said edges the day.
  EXPECT_EQ(xp("string(//*[local-name()='edge'][starts-with(@label,'confirmed')]/@start)"),
            "2008-01-01");
  EXPECT_EQ(xp("string(//*[local-name()='edge'][starts-with(@label,'confirmed')]/@end)"),
            "2008-12-31");
  EXPECT_EQ(xp("string(//*[local-name()='edge'][@label='said · 2022-11-29']/@start)"),
            "2022-11-29");
  // A node spans its dated edges: NATO ministers from its 2008 fact.
  EXPECT_EQ(xp("string(//*[local-name()='node'][@id='group/nato-ministers']/@start)"),
            "2008-01-01");
  // Stoltenberg's type attribute, and the undated future fact has no start.
  EXPECT_EQ(xp("string(//*[local-name()='node'][@id='person/jens-stoltenberg']"
               "//*[local-name()='attvalue'][@for='type']/@value)"),
            "PERSON");
  EXPECT_EQ(xp("count(//*[local-name()='edge'][starts-with(@label,'will join')]/@start)"), "0");
  EXPECT_EQ(xp("string(//*[local-name()='edge'][starts-with(@label,'will join')]"
               "//*[local-name()='attvalue'][@for='modality']/@value)"),
            "future");
}

TEST(Gexf, HostileTextIsWellFormedAndReadsBack) {
  GraphView g;
  const std::string id = "person/\"evil\" <id>\n&";
  g.nodes.push_back({id, testing::HostileText(), EntityType::kPerson, {testing::kScript}});
  GraphView::SaidEdge s;
  s.speaker = id;
  s.content = testing::HostileText() + " \xEF\xBF\xBF " + testing::LongText();
  s.cue = "&amp;";
  s.date = testing::Nov29();
  g.said.push_back(s);
  GexfOptions o;
  o.title = testing::HostileText();
  o.max_label = 6000;
  const std::string gexf = Gexf(g, o);
  EXPECT_THAT(gexf, Not(HasSubstr(testing::kScript)));
  testing::TempDir dir;
  const std::string path = dir.Sub("g.gexf");
  ASSERT_TRUE(testing::WriteFile(path, gexf));
  ToolRun lint = RunTool("xmllint --noout " + ShellQuote(path));
  ASSERT_EQ(lint.status, 0) << lint.output;
  ToolRun label = Xpath(path, "string(//*[local-name()='node'][1]/@label)");
  ASSERT_EQ(label.status, 0) << label.output;
  // xmllint gives the attribute back as written (newline included).
  EXPECT_EQ(label.output,
            "He said \"no\" \\ back\\slash\nnew line tab <script>alert(1)</script> "
            "&amp; AT&T \u200Fשלום");
  ToolRun edge = Xpath(path, "string(//*[local-name()='edge'][1]/@source)");
  EXPECT_EQ(edge.output, "person/\"evil\" <id>\n&");
  ToolRun stmt = Xpath(path, "string(//*[local-name()='node'][2]/@label)");
  EXPECT_THAT(stmt.output, HasSubstr(testing::LongText()));
}

// ----------------------------------------------------- vis-timeline, CSV

TEST(VisTimeline, FixtureMatchesGoldenWithRealPrecision) {
  const ojson j = VisTimeline(testing::FixtureTimeline(), "speaker");
  testing::ExpectGolden("fixture.vis.json", j.dump(2) + "\n");
  ASSERT_EQ(j["items"].size(), 4U);  // the undated event is no item
  EXPECT_EQ(j["items"][0]["start"], "2008-01-01");
  EXPECT_EQ(j["items"][0]["end"], "2009-01-01");
  EXPECT_EQ(j["items"][0]["type"], "range");
  EXPECT_EQ(j["items"][2]["start"], "2022-11-29");
  EXPECT_EQ(j["items"][2]["type"], "box");
  EXPECT_EQ(j["items"][2]["group"], "Jens Stoltenberg");
  const ojson by_entity = VisTimeline(testing::FixtureTimeline(), "entity");
  EXPECT_EQ(by_entity["items"][0]["group"], "NATO ministers");
  EXPECT_EQ(by_entity["items"][1]["group"], "other");
}

TEST(VisTimeline, HostileTextIsHtmlEscaped) {
  Timeline t = testing::FixtureTimeline();
  t.dated[2].title = testing::HostileText() + " " + testing::LongText();
  t.dated[2].speaker = std::string("<img src=x onerror=alert(1)>");
  const ojson j = VisTimeline(t, "speaker");
  const std::string dump = j.dump();
  EXPECT_THAT(dump, Not(HasSubstr("<script>")));
  EXPECT_THAT(dump, Not(HasSubstr("<img")));
  EXPECT_EQ(j["items"][2]["group"], "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_THAT(j["items"][2]["title"].get<std::string>(),
              HasSubstr("He said &quot;no&quot; \\ back\\slash\nnew line tab "
                        "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; AT&amp;T \u200Fשלום"));
  // The item's label is cut; the tooltip keeps the whole text.
  EXPECT_LE(CountChars(j["items"][2]["content"].get<std::string>()), 120U);
  EXPECT_THAT(j["items"][2]["title"].get<std::string>(), HasSubstr(testing::LongText()));
}

TEST(TimelineCsv, FixtureMatchesGoldenAndParses) {
  const std::string csv = TimelineCsv(testing::FixtureTimeline());
  testing::ExpectGolden("fixture.csv", csv);
  testing::TempDir dir;
  ASSERT_TRUE(testing::WriteFile(dir.Sub("t.csv"), csv));
  ToolRun py = RunTool(
      "python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline=\"\"))); "
      "print(len(r), r[0][\"value\"], r[0][\"granularity\"], r[0][\"begin\"], r[0][\"end\"], "
      "r[4][\"value\"], r[2][\"sources\"])' " +
      ShellQuote(dir.Sub("t.csv")));
  ASSERT_EQ(py.status, 0) << py.output;
  EXPECT_EQ(py.output, "5 2008 year 2008-01-01 2008-12-31 FUTURE_REF 2\n");
}

TEST(TimelineCsv, HostileTextParsesBackAndCannotRunFormulas) {
  Timeline t = testing::FixtureTimeline();
  t.dated[0].title = testing::HostileText();
  t.dated[0].text = "=HYPERLINK(\"http://evil\",\"x\")";
  t.dated[0].speaker = std::string("a,b\r\n\"c\"");
  t.dated[1].text = "\r=1+1";
  const std::string csv = TimelineCsv(t);
  testing::TempDir dir;
  ASSERT_TRUE(testing::WriteFile(dir.Sub("t.csv"), csv));
  ToolRun py = RunTool(
      "python3 -c 'import csv,sys,json; r=list(csv.DictReader(open(sys.argv[1], newline=\"\"))); "
      "print(json.dumps([len(r), r[0][\"title\"], r[0][\"text\"], r[0][\"speaker\"], "
      "r[1][\"text\"]]))' " +
      ShellQuote(dir.Sub("t.csv")));
  ASSERT_EQ(py.status, 0) << py.output;
  const ojson got = ojson::parse(py.output);
  EXPECT_EQ(got[0], 5);
  EXPECT_EQ(got[1],
            "He said \"no\" \\ back\\slash\nnew line\r\ttab <script>alert(1)</script> "
            "&amp; AT&T \u200Fשלום");
  EXPECT_EQ(got[2], "'=HYPERLINK(\"http://evil\",\"x\")");
  EXPECT_EQ(got[3], "a,b\r\n\"c\"");
  EXPECT_EQ(got[4], "'\r=1+1");
}

// ------------------------------------------------------------------- HTML

std::string Html(const HtmlInput& in) {
  std::ostringstream out;
  Status s = WriteHtml(in, out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

std::size_t Count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

// The DOM after the page's script ran, from headless Chromium.
ToolRun DumpDom(const testing::TempDir& dir, const std::string& file, const std::string& fragment) {
  return RunTool(
      // Chromium's own messages on stderr (D-Bus, GPU) are kept out of the DOM.
      "{ chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
      "--no-first-run --disable-dev-shm-usage --user-data-dir=" +
      ShellQuote(dir.Sub("profile")) + " --virtual-time-budget=5000 --dump-dom " +
      ShellQuote("file://" + file + fragment) + " 2>/dev/null; }");
}

TEST(InlineSvg, DropsPrologAndComments) {
  EXPECT_EQ(InlineSvg("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- Title: x -->\n<svg a=\"1\">"
                      "<!-- n --><g/></svg>\n"),
            "<svg a=\"1\"><g/></svg>\n");
  EXPECT_EQ(InlineSvg("no svg here"), "");
}

TEST(WriteHtml, FixtureRendersInChromium) {
  HtmlInput in;
  in.title = "NATO fixture";
  in.said = FixtureSaid();
  in.timeline = testing::FixtureTimeline();
  in.svg =
      "<?xml version=\"1.0\"?>\n<svg width=\"100pt\" height=\"50pt\"><text>graph "
      "here</text></svg>";
  const std::string html = Html(in);
  // Self-contained: nothing is fetched, and the page may not fetch anything.
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("href=")));
  EXPECT_THAT(html, Not(HasSubstr("url(")));
  EXPECT_THAT(html, HasSubstr("content=\"default-src 'none';"));
  testing::TempDir dir;
  const std::string path = dir.Sub("report.html");
  ASSERT_TRUE(testing::WriteFile(path, html));
  ToolRun dom = DumpDom(dir, path, "");
  ASSERT_EQ(dom.status, 0) << dom.output;
  EXPECT_THAT(dom.output, HasSubstr("data-ready=\"1\""));
  EXPECT_EQ(Count(dom.output, "<tr class=\"said-row\">"), 2U) << dom.output;
  EXPECT_EQ(Count(dom.output, "class=\"tl-item "), 4U);
  EXPECT_THAT(dom.output, HasSubstr("data-value=\"2008\" data-granularity=\"year\""));
  EXPECT_THAT(dom.output, HasSubstr("data-value=\"2022-WI\" data-granularity=\"season\""));
  EXPECT_THAT(dom.output, HasSubstr("<li class=\"tl-undated-item\">Ukraine will join NATO"));
  EXPECT_THAT(dom.output, HasSubstr("“Ukraine will become a member of NATO”"));
  EXPECT_THAT(dom.output, HasSubstr("2 of 2 statements"));
  EXPECT_THAT(dom.output, HasSubstr("graph here"));

  // Filters from the URL fragment.
  ToolRun filtered = DumpDom(dir, path, "#q=faster");
  ASSERT_EQ(filtered.status, 0) << filtered.output;
  EXPECT_EQ(Count(filtered.output, "<tr class=\"said-row\">"), 1U);
  EXPECT_THAT(filtered.output, HasSubstr("1 of 2 statements"));
  EXPECT_THAT(filtered.output, HasSubstr("faster, faster, faster"));
  ToolRun zoomed = DumpDom(dir, path, "#zoom=2&q=faster");
  EXPECT_EQ(Count(zoomed.output, "<tr class=\"said-row\">"), 1U);
  EXPECT_THAT(zoomed.output, HasSubstr("<span id=\"tl-zoom\">×2</span>"));
  ToolRun by_date = DumpDom(dir, path, "#from=2022-11&kind=direct");
  EXPECT_EQ(Count(by_date.output, "<tr class=\"said-row\">"), 1U);
  EXPECT_THAT(by_date.output, HasSubstr("member of NATO"));
}

TEST(WriteHtml, HostileTextIsShownAsTextAndNeverRuns) {
  HtmlInput in;
  in.title = testing::HostileText() + "</title><script>document.title='pwned'</script>";
  in.said = FixtureSaid();
  in.said[0].speaker = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
  in.said[0].content = testing::HostileText() +
                       " </script><script>document.body.setAttribute("
                       "'data-pwned','1')</script> " +
                       testing::LongText();
  in.timeline = testing::FixtureTimeline();
  in.timeline.dated[0].title = "</script><b id=pwned>x</b>" + testing::HostileText();
  in.timeline.undated[0].title = "<!-- " + testing::HostileText() + " \u2028\u2029";
  in.svg = "<svg><text>&lt;script&gt;</text></svg>";
  const std::string html = Html(in);
  EXPECT_EQ(Count(html, "<script"), 2U);  // our data and our code, nothing else
  EXPECT_EQ(Count(html, "</script>"), 2U);
  EXPECT_THAT(html, Not(HasSubstr("<img")));

  testing::TempDir dir;
  const std::string path = dir.Sub("report.html");
  ASSERT_TRUE(testing::WriteFile(path, html));
  ToolRun dom = DumpDom(dir, path, "");
  ASSERT_EQ(dom.status, 0) << dom.output;
  EXPECT_THAT(dom.output, HasSubstr("data-ready=\"1\""));
  EXPECT_THAT(dom.output, Not(HasSubstr("data-pwned=\"1\"")));
  EXPECT_THAT(dom.output, Not(HasSubstr("<b id=\"pwned\"")));
  EXPECT_THAT(dom.output, Not(HasSubstr("<img")));
  EXPECT_EQ(Count(dom.output, "<tr class=\"said-row\">"), 2U);
  EXPECT_THAT(dom.output, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; AT&amp;T"));
  EXPECT_THAT(dom.output, HasSubstr("&lt;img src=x onerror="));
  EXPECT_THAT(dom.output, HasSubstr(std::string(testing::kRtlMark) + "שלום"));
  EXPECT_THAT(dom.output, HasSubstr(testing::LongText()));
}

}  // namespace
}  // namespace tkg
