#include "extract/io/html.h"

#include <algorithm>
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

TEST(HtmlToText, UnclosedElementsEndWhereHtmlEndsThem) {
  // An unclosed <li> ends at the next <li> or at its list's end; an unclosed
  // hidden <p> at the next block: the rest of the article stays.
  EXPECT_EQ(TextOf("<article><p>First.<ul><li class=\"share-item\">Share<li>Kept item</ul>"
                   "<p hidden>Hidden<p>Second.</p></article>"),
            "First.\n\nKept item\n\nSecond.");
  // A stray end tag changes nothing; an end tag closes what is open inside it.
  EXPECT_EQ(TextOf("<article><div class=\"promo\"><span>Buy</div></span><p>Story.</p></article>"),
            "Story.");
}

TEST(HtmlToText, AttributeValuesWithoutQuotes) {
  // An apostrophe inside an unquoted value is not a quote.
  EXPECT_EQ(TextOf("<p><img alt=O'Brien src=x.jpg>Mr O'Brien spoke.</p><p>Next.</p>"),
            "Mr O'Brien spoke.\n\nNext.");
  // A value ending in '/' is not a self-closing tag: the link keeps its
  // address and its text.
  auto a = HtmlToText(
      "<link rel=canonical href=https://x.example/flood/><p><a href=/flood/>Flood</a> news.</p>",
      "t.html");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->url, "https://x.example/flood/");
  EXPECT_EQ(a->text, "Flood news.");
}

TEST(HtmlToText, TheArticleIsTheOneWithTheStoryNotATeaser) {
  EXPECT_EQ(TextOf("<body><div class=\"trending-box\"><article><p>Teaser.</p></article></div>"
                   "<main><article><h1>Dam opens</h1><p>The dam opened on Monday after "
                   "years of work.</p><p>Farmers cheered.</p></article></main></body>"),
            "Dam opens\n\nThe dam opened on Monday after years of work.\n\nFarmers cheered.");
  // Of two articles, the one with more paragraph text.
  EXPECT_EQ(TextOf("<article><p>Short teaser.</p></article><article><p>The long story, "
                   "told at length.</p></article>"),
            "The long story, told at length.");
}

TEST(HtmlToText, PageWrappersThatLookLikePagePartsKeepTheStory) {
  // ASP.NET pages wrap everything in a form, WordPress themes in
  // <div class="site has-sidebar">: a part holding most of the text stays.
  EXPECT_EQ(TextOf("<body><form id=\"aspnetForm\"><div id=\"page\" class=\"site has-sidebar\">"
                   "<div class=\"sidebar\">Popular now</div><p>The council met on Monday.</p>"
                   "<p>It voted to close the bridge.</p></div></form></body>"),
            "The council met on Monday.\n\nIt voted to close the bridge.");
  // A form holding a small part of the page still goes.
  EXPECT_EQ(TextOf("<body><p>The council met on Monday and voted.</p>"
                   "<form><p>Sign up</p></form></body>"),
            "The council met on Monday and voted.");
}

TEST(HtmlToText, TheHeadlineMovesToTheFrontOnce) {
  const std::string text = TextOf(
      "<article><p class=\"kicker\">Politics</p><h1>Vote delayed</h1><p>The vote was "
      "delayed.</p></article>");
  EXPECT_EQ(text, "Vote delayed\n\nPolitics\n\nThe vote was delayed.");
}

TEST(HtmlToText, ByteOrderMarkAndJsonLdVariants) {
  // A UTF-8 byte order mark wins over a <meta charset> that says otherwise.
  EXPECT_EQ(TextOf("\xEF\xBB\xBF<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>"), "caf\u00e9");
  // The article as the mainEntity of a WebPage, and a live blog posting.
  auto a = HtmlToText(
      "<script type=\"application/ld+json\">{\"@type\": \"WebPage\", \"mainEntity\": "
      "{\"@type\": \"LiveBlogPosting\", \"datePublished\": \"2023-05-06\", \"headline\": "
      "\"Live: the storm\"}}</script><p>Text.</p>",
      "t.html");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->date, "2023-05-06");
  EXPECT_EQ(a->title, "Live: the storm");
}

TEST(HtmlToText, CommentsAreNeverTheStory) {
  // A blog's post carries taxonomy classes ("tag-social-media"); a reader's
  // long comment is marked up as an article too, in the comments area.
  const std::string comment(400, 'x');
  EXPECT_EQ(TextOf("<body><main><article class=\"post tag-social-media\"><h1>Bridge</h1>"
                   "<p>The council approved the bridge.</p></article>"
                   "<div id=\"comments\" class=\"comments-area\"><article class=\"comment-body\">"
                   "<p>" +
                   comment + "</p></article></div></main></body>"),
            "Bridge\n\nThe council approved the bridge.");
  // Without article markup too.
  EXPECT_EQ(TextOf("<body><div class=\"story\"><p>The council approved it.</p></div>"
                   "<div id=\"comments\"><p>" +
                   comment + "</p></div></body>"),
            "The council approved it.");
}

TEST(HtmlToText, ALiveBlogIsReadWhole) {
  std::string html = "<body><main><h1>Storm live</h1>";
  for (int k = 0; k < 5; ++k) {
    html +=
        "<article class=\"block\"><p>Update " + std::to_string(k) + ": power cut.</p></article>";
  }
  html += "</main></body>";
  const std::string text = TextOf(html);
  EXPECT_THAT(text, HasSubstr("Update 0: power cut."));
  EXPECT_THAT(text, HasSubstr("Update 4: power cut."));
}

TEST(HtmlToText, AnH1ThatRunsOnStaysInPlace) {
  // Closed by </h2>: it would swallow the story; it is left where it is.
  EXPECT_EQ(TextOf("<article><p class=\"kicker\">Politics</p><h1>Vote delayed</h2>"
                   "<p>The vote was delayed.</p></article>"),
            "Politics\n\nVote delayed\n\nThe vote was delayed.");
}

TEST(HtmlToText, DeepNestingWithImpliedEndTags) {
  // Many open elements and many items whose list end is implied: every
  // item is kept (the scan for implied end tags looks a bounded depth).
  std::string html = "<body><ul>";
  for (int k = 0; k < 20000; ++k) html += "<div>";
  for (int k = 0; k < 20000; ++k) html += "<li>i";
  const std::string text = TextOf(html);
  EXPECT_EQ(std::count(text.begin(), text.end(), 'i'), 20000);
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
