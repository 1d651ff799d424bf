#include "extract/io/html.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/io/readers.h"
#include "extract/lexicon.h"

namespace tkg {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string TextOf(std::string_view html) {
  auto a = HtmlToText(html, "t.html");
  EXPECT_TRUE(a.ok()) << a.status().message();
  return a.ok() ? a->text : "";
}

TEST(HtmlToText, KeepsTheArticleAndItsMetadata) {
  std::string html;
  ASSERT_TRUE(ReadFile("tests/data/html/harbour.html", &html).ok());
  auto a = HtmlToText(html, "harbour.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text,
            "Port of Valmora to reopen after storm\n\n"
            "By Ana Ruiz \u00b7 29 November 2022\n\n"
            "The port of Valmora will reopen on Thursday, the harbour authority said on "
            "Tuesday, after a storm closed it for three days.\n\n"
            "\u201cThe cranes are safe and the channel is clear,\u201d said Marta Quell, the "
            "authority\u2019s director.\nShips will be let in from 6 a.m.\n\n"
            "Fishermen & ferry crews welcomed the decision \u2014 most had waited since "
            "Saturday.");
  EXPECT_EQ(a->title, "Port of Valmora to reopen after storm");
  EXPECT_EQ(a->date, "2022-11-29T08:15:00Z");
  EXPECT_EQ(a->url, "https://ledger.example/news/valmora-port");
  EXPECT_EQ(a->source, "The Coastal Ledger");
}

TEST(HtmlToText, WithoutArticleMarkupTheBodyLosesItsPageParts) {
  const std::string text = TextOf(
      "<html><head><title>Budget vote\n  delayed</title></head><body>"
      "<header>Site name</header><div id=\"main-menu\">Home | World</div>"
      "<div><p>The vote was delayed.</p><p>It is now set for <b>Monday</b>.</p></div>"
      "<div style=\"display: none\">hidden</div><span hidden>also hidden</span>"
      "<footer>Contact us</footer></body></html>");
  // No <h1>: the page title is the headline, on the first line.
  EXPECT_EQ(text, "Budget vote delayed\n\nThe vote was delayed.\n\nIt is now set for Monday.");
}

TEST(HtmlToText, DatesFromJsonLdMetaOrTimeAndBadOnesSkipped) {
  auto a = HtmlToText(
      "<meta name=\"date\" content=\"29/11/2022\">"
      "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebPage\"}, "
      "{\"@type\": [\"NewsArticle\"], \"datePublished\": \"2021-03-04\", "
      "\"headline\": \"A &amp; B\"}]}</script><p>Text.</p>",
      "t.html");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->date, "2021-03-04");
  EXPECT_EQ(a->title, "A & B");
  auto b = HtmlToText(
      "<meta name=\"date\" content=\"not a date\"><article><p>Text <time "
      "datetime=\"2020-02-29T10:00\">then</time>.</p></article>",
      "t.html");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->date, "2020-02-29T10:00");
  auto c = HtmlToText("<p>No date at all.</p>", "t.html");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->date, "");
}

TEST(HtmlToText, CharacterReferences) {
  EXPECT_EQ(TextOf("<p>AT&T &amp; Q&A: caf&eacute; &#233; &#xE9; &#146;s &unknown; &lt;b&gt;</p>"),
            "AT&T & Q&A: caf\u00e9 \u00e9 \u00e9 \u2019s &unknown; <b>");
  // Soft hyphens and zero-width marks go; a no-break space is a space.
  EXPECT_EQ(TextOf("<p>co&shy;operation&zwj; 10&nbsp;km &#0; &#xD800;</p>"),
            "cooperation 10 km \ufffd \ufffd");
}

TEST(HtmlToText, BrokenMarkupIsToleratedAndLiteralAnglesKept) {
  EXPECT_EQ(TextOf("<p>a < b and c > d<p>second <i>para"), "a < b and c > d\n\nsecond para");
  EXPECT_EQ(TextOf("<p>unfinished <a href=\"x"), "unfinished");
  EXPECT_EQ(TextOf("<script>never closed <p>x</p>"), "");
  EXPECT_EQ(TextOf("<!-- never closed <p>x</p>"), "");
  EXPECT_EQ(TextOf(""), "");
  EXPECT_EQ(TextOf("<pre>line one\nline two</pre>"), "line one\nline two");
}

TEST(HtmlToText, Encodings) {
  // Declared windows-1252 / ISO-8859-1: converted ("\x92" is a right quote).
  EXPECT_EQ(TextOf("<meta charset=\"windows-1252\"><p>caf\xe9 \x93ok\x94 it\x92s</p>"),
            "caf\u00e9 \u201cok\u201d it\u2019s");
  EXPECT_EQ(TextOf("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                   "<p>na\xefve</p>"),
            "na\u00efve");
  // Undeclared bytes that are not UTF-8, or another charset: a clear error.
  auto bad = HtmlToText("<p>caf\xe9</p>", "page.html");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("page.html: invalid UTF-8 at byte 6"));
  auto sjis = HtmlToText("<meta charset=\"shift_jis\"><p>x</p>", "page.html");
  ASSERT_FALSE(sjis.ok());
  EXPECT_THAT(sjis.status().message(), HasSubstr("charset 'shift_jis'"));
}

TEST(HtmlToText, ReaderTakesThePagesDateOverTheDefault) {
  ReadOptions opts;
  opts.default_date = "2000-01-01";
  opts.default_source = "fallback";
  int seen = 0;
  Status s = ForEachDocument("tests/data/html/harbour.html", opts, [&](ReadItem item) {
    ++seen;
    EXPECT_TRUE(item.doc.ok());
    if (!item.doc.ok()) return Status();
    EXPECT_EQ(item.id, "harbour");
    EXPECT_EQ(item.doc->meta.date_text, "2022-11-29T08:15:00Z");
    EXPECT_EQ(item.doc->meta.source, "The Coastal Ledger");
    EXPECT_EQ(item.doc->meta.url, "https://ledger.example/news/valmora-port");
    EXPECT_THAT(item.doc->text, Not(HasSubstr("Share on social media")));
    EXPECT_THAT(item.doc->text, Not(HasSubstr("Storm season starts early")));
    EXPECT_THAT(item.doc->text, Not(HasSubstr("Waves at the pier")));
    return Status();
  });
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(DetectFormat("page.HTM"), InputFormat::kHtml);
}

}  // namespace
}  // namespace tkg
