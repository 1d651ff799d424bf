// HTML articles to plain text and metadata, for the readers (readers.h).
//
// A news page holds one article among menus, share buttons, scripts and
// related links. HtmlToText keeps the article:
//   - the text of the <article> with the most paragraph text (not a teaser
//     in a "trending" box, not a reader's comment), else of <main> (or
//     role="main"), else of <body>; with three or more articles none of
//     which holds half their text (a live blog), <main> or <body> whole;
//   - without scripts, styles, figures, navigation, asides, dialogs,
//     elements marked hidden, and elements whose class or id names a part
//     of the page rather than the story (share, social, related, comments,
//     newsletter, ad, promo, trending, breadcrumb, footer ...; blogs'
//     taxonomy classes such as "tag-social-media" are not read); and
//     without forms, the page's header and footer, and sidebar, menu,
//     navigation, masthead, paywall, cookie or subscription parts unless
//     such an element holds most of the text (pages wrapped in
//     <form id="aspnetForm"> or <div class="site has-sidebar">);
//   - end tags that HTML lets a page leave out are implied (<p> ends at the
//     next block, <li> at the next item, cells and rows alike), so an
//     unclosed element that is left out takes nothing after it;
//   - block elements (p, div, h1-h6, li, blockquote, tr, ...) become
//     paragraphs separated by a blank line, <br> a line break; other
//     whitespace collapses to one space; character references are decoded
//     (named ones of HTML 4 and the common typographic ones, numeric ones
//     with the windows-1252 remapping of &#128;-&#159; that browsers apply);
//   - the headline first, on its own line, as the clean stage expects of a
//     text file: the article's <h1> (moved there once when a kicker or a
//     byline comes before it), else the page's title.
// and reads the metadata news pages carry: the title (og:title, JSON-LD
// "headline", <title>), the publication date (JSON-LD "datePublished",
// article:published_time and similar <meta> names, <time datetime> in the
// article), the canonical URL and the site name (og:site_name, JSON-LD
// publisher).
//
// Bytes: UTF-8, or windows-1252 / ISO-8859-1 / US-ASCII when the page
// declares it (<meta charset>, http-equiv), converted to UTF-8. Other
// declared encodings are refused; undeclared bytes that are not UTF-8 are an
// error naming the offset; a UTF-8 byte order mark wins over a declared
// charset. The scan is linear in the bytes with no regular expressions;
// unclosed and stray tags are tolerated.
//
// Byte spans of the extraction refer to the returned text, which is what the
// store keeps as the document's text.

#ifndef TKG_EXTRACT_IO_HTML_H_
#define TKG_EXTRACT_IO_HTML_H_

#include <string>
#include <string_view>

#include "core/result.h"

namespace tkg {

struct HtmlArticle {
  std::string text;    // headline line, blank line, paragraphs separated by blank lines
  std::string title;   // "" when the page has none
  std::string date;    // as written on the page ("2022-11-29T08:15:00Z"); "" when none
  std::string url;     // canonical URL; "" when none
  std::string source;  // site name; "" when none
};

// `name` is used in error messages (the file name).
Result<HtmlArticle> HtmlToText(std::string_view html, std::string_view name);

}  // namespace tkg

#endif  // TKG_EXTRACT_IO_HTML_H_
