#include "extract/claims/claim_stage.h"

#include <gtest/gtest.h>

#include "extract/lexicon.h"
#include "tests/testing/documents.h"

namespace tkg {
namespace {

Document AnnotateClaims(std::string text, std::string_view date = "2022-11-29") {
  return testing::Annotate(std::move(text), date,
                           {"clean", "segment", "entities", "time", "claims"});
}

struct Seen {
  std::string speaker, cue, content, kind, date, rule;
};

std::vector<Seen> Claims(const Document& doc) {
  std::vector<Seen> out;
  for (const Claim& c : doc.claims()) {
    out.push_back(Seen{std::string(doc.Slice(c.speaker)), c.cue_lemma,
                       std::string(doc.Slice(c.content)), std::string(ClaimKindName(c.kind)),
                       c.date.value, std::string(c.rule.view())});
  }
  return out;
}

TEST(ClaimStage, DirectQuoteThenTagInBothOrders) {
  auto a = Claims(AnnotateClaims("“NATO’s door is open,” Stoltenberg said."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "Stoltenberg");
  EXPECT_EQ(a[0].content, "NATO’s door is open");  // the comma belongs to the frame
  EXPECT_EQ(a[0].kind, "direct");
  EXPECT_EQ(a[0].date, "2022-11-29");
  auto b = Claims(AnnotateClaims("\"We want to thank you,\" said Bolden to the gathered crowd."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].speaker, "Bolden");
  EXPECT_EQ(b[0].content, "We want to thank you");
}

TEST(ClaimStage, TheSpeakerOfAnAppositionIsTheNameBeforeTheComma) {
  // With the parse, the speaker is the subject's whole phrase.
  Document doc = testing::Annotate(
      "Scott Forestall, an Apple employee, said iOS devices would no longer require a "
      "computer.",
      "2022-11-29", {"clean", "segment", "syntax", "entities", "time", "claims"});
  ASSERT_EQ(doc.claims().size(), 1u);
  const Claim& c = doc.claims()[0];
  EXPECT_EQ(doc.Slice(c.speaker), "Scott Forestall, an Apple employee");
  ASSERT_GE(c.speaker_entity, 0);
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].id,
            "person/scott-forestall");  // not org/apple
}

TEST(ClaimStage, ContentThenCommaThenSaidThenSpeaker) {
  auto c = Claims(AnnotateClaims(
      "The lapses raise serious questions, said Paul Dewar, an Ottawa New Democrat MP."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "Paul Dewar");
  EXPECT_EQ(c[0].content, "The lapses raise serious questions");
  EXPECT_EQ(c[0].rule, "claims.content_first");
}

TEST(ClaimStage, AnAdverbialClauseOpeningTheContentStaysInIt) {
  auto c = Claims(AnnotateClaims(
      "Tom Molomby said that, as the parents came from India, they should be declared not "
      "guilty."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "Tom Molomby");
  // The passive "be declared" is no second reporting clause.
  EXPECT_EQ(c[0].content, "as the parents came from India, they should be declared not guilty");
}

Document AnnotateParsed(std::string text) {
  return testing::Annotate(std::move(text), "2022-11-29",
                           {"clean", "segment", "syntax", "entities", "time", "claims"});
}

TEST(ClaimStage, WithTheParseAClauseAfterTheCueNeedsNoThat) {
  auto c = Claims(AnnotateParsed(
      "The scientists found crop yields would fall sharply. They estimated by 2050, world "
      "food needs would increase by 50 percent."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "The scientists");
  EXPECT_EQ(c[0].content, "crop yields would fall sharply");
  EXPECT_EQ(c[1].speaker, "They");
  EXPECT_EQ(c[1].content, "by 2050, world food needs would increase by 50 percent");
  // Without a clause of its own after the verb, no claim: "found the car".
  EXPECT_TRUE(Claims(AnnotateParsed("The police found the car near the river.")).empty());
}

TEST(ClaimStage, ATagBetweenSubjectAndVerbClaimsTheWholeClause) {
  for (bool parsed : {false, true}) {
    std::string text =
        "The plan, he said, would cost more than $2 billion. Institutional recipients, said "
        "Maurer, are required to exhibit the photographs. The new rules, the minister told "
        "reporters on Monday, will take effect in January.";
    auto c = Claims(parsed ? AnnotateParsed(text) : AnnotateClaims(text));
    ASSERT_EQ(c.size(), 3u) << parsed;
    EXPECT_EQ(c[0].speaker, "he");
    EXPECT_EQ(c[0].content, "The plan, he said, would cost more than $2 billion");
    EXPECT_EQ(c[0].rule, "claims.mid_tag");
    EXPECT_EQ(c[1].speaker, "Maurer");
    EXPECT_EQ(c[1].content,
              "Institutional recipients, said Maurer, are required to exhibit the photographs");
    EXPECT_EQ(c[2].speaker, "the minister");
    // The Monday in the tag, inside the content, dates the claim (the past
    // Monday by the tense of "told", which needs the parse: without it the
    // "will" of the clause makes it the next one).
    if (parsed) {
      EXPECT_EQ(c[2].date, "2022-11-28");
    }
  }
}

TEST(ClaimStage, AMediumThatQuotesReportsTheWordsToo) {
  // Active: the medium quotes the people it names; their claim, then its.
  auto a = Claims(AnnotateParsed(
      "The Guardian cited several examples. It quoted critics like campaigner Caitlin Boswell, "
      "with Boswell stating: \"This latest move is clumsy and unthinking.\""));
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[1].speaker, "It");
  EXPECT_EQ(a[1].rule, "claims.relay");
  EXPECT_EQ(a[1].cue, "quote");
  EXPECT_EQ(a[2].speaker, "Boswell");
  EXPECT_EQ(a[1].content, a[2].content);
  EXPECT_EQ(a[2].content, "This latest move is clumsy and unthinking.");
  // Passive: "was quoted by X", the quotation in the next paragraph; not the
  // speaker's next act ("criticized ...") further on.
  auto b = Claims(AnnotateParsed(
      "Rick Santorum himself has acknowledged and discussed the existence and prevalence of the "
      "santorum neologism phenomenon; he was quoted by The Canadian Press on his assessment of "
      "Google's response;\n\n\"To have a business allow that type of filth to be purveyed "
      "through their website is something that they say they can't handle. I suspect that's not "
      "true.\" Santorum criticized the response of the press in a 2011 radio interview, saying, "
      "\"It's offensive.\""));
  int relayed = 0;
  for (const Seen& c : b) {
    if (c.rule != "claims.relay") continue;
    ++relayed;
    EXPECT_EQ(c.speaker, "The Canadian Press");  // the name, not "... on his assessment"
    EXPECT_EQ(c.content.rfind("To have a business", 0), 0u) << c.content;
  }
  EXPECT_EQ(relayed, 1);
  // "According to S, quoting R, C": C is S's and R's; "quoting R" is not C.
  auto d = Claims(AnnotateParsed(
      "According to Yonhap news agency, quoting the Korean Central News Agency (KCNA), the "
      "military has been placed on high alert."));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].speaker, "Yonhap news agency");
  EXPECT_EQ(d[0].content, "the military has been placed on high alert");
  EXPECT_EQ(d[1].speaker, "the Korean Central News Agency (KCNA)");
  EXPECT_EQ(d[1].content, d[0].content);
}

TEST(ClaimStage, AReportHoldingAnotherWholeClaimIsAClaimToo) {
  auto c = Claims(AnnotateParsed(
      "Whitmore told LA Weekly that on October 6 after traveling back from Florida, Montalvo "
      "\"walked into the station and turned himself in\", and told the police, \"everything he "
      "did\". Whitmore stated to LA Weekly that the crime involved five hard drives."));
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].speaker, "Whitmore");
  EXPECT_EQ(c[0].content,
            "on October 6 after traveling back from Florida, Montalvo \"walked into the station "
            "and turned himself in\", and told the police, \"everything he did\"");
  EXPECT_EQ(c[1].speaker, "Montalvo");
  EXPECT_EQ(c[1].content, "everything he did");
  // "stated to LA Weekly that C": the addressee is not what was stated.
  EXPECT_EQ(c[2].content, "the crime involved five hard drives");
}

TEST(ClaimStage, AParticipleSpeaksForTheSubjectOfTheVerbsItFollows) {
  auto c = Claims(AnnotateParsed(
      "Jobs acknowledged that some users were experiencing antenna issues, but dismissed the "
      "existence of an “Antennagate,” saying that similar problems plague all cellular phones."));
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[2].speaker, "Jobs");
  EXPECT_EQ(c[2].cue, "say");
  EXPECT_EQ(c[2].content, "similar problems plague all cellular phones");
}

TEST(ClaimStage, ThePeopleAReportCitesSaidItToo) {
  auto c = Claims(AnnotateParsed(
      "Citing people familiar with the situation, The Wall Street Journal reported that "
      "Papermaster had been pushed out."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "people familiar with the situation");
  EXPECT_EQ(c[0].cue, "cite");
  EXPECT_EQ(c[0].rule, "claims.relay");
  EXPECT_EQ(c[1].speaker, "The Wall Street Journal");
  EXPECT_EQ(c[0].content, c[1].content);
  // What is cited as a reason is no source.
  for (const Seen& x : Claims(AnnotateParsed(
           "Citing privacy rules, U.S. officials have not said how many were refused."))) {
    EXPECT_NE(x.rule, "claims.relay");
  }
}

TEST(ClaimStage, QuotedWordsModifyingTheSpeakerAndARelativeClauseOnTheSource) {
  auto c = Claims(AnnotateParsed(
      "According to The New York Times, who first broke the news, an anonymous individual "
      "“with direct knowledge of the situation” claimed that the executive had been ousted."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "The New York Times");
  EXPECT_EQ(c[0].content.rfind("an anonymous individual", 0), 0u) << c[0].content;
  EXPECT_EQ(c[1].speaker, "an anonymous individual “with direct knowledge of the situation”");
  EXPECT_EQ(c[1].content, "the executive had been ousted");
}

TEST(ClaimStage, ADocumentSpeaksForTheOneOrganisationWhoseDocumentItIs) {
  Document doc = AnnotateParsed(
      "A leaked internal letter seen by Sky News says the claims may be withdrawn. The Home "
      "Office letter reads \"we may extend the use of the questionnaire\".");
  ASSERT_EQ(doc.claims().size(), 2u);
  for (const Claim& c : doc.claims()) {
    ASSERT_GE(c.speaker_entity, 0) << doc.Slice(c.speaker);
    EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].name, "Home Office");
  }
}

TEST(ClaimStage, AMediumRelaysOnlyWhatItsQuotingGoverns) {
  for (const char* text :
       {"The Guardian quoted critics like Caitlin Boswell, but Prime Minister David Cameron said "
        "the policy would stay.",
        "Jones quoted Shakespeare before Smith said the plan was dead.",
        "He quoted a price of $5 to Smith, who said that was too high.",
        "Rick Santorum was quoted by CNN, but he later told Fox News that the remark was taken out "
        "of context."}) {
    for (const Seen& c : Claims(AnnotateParsed(text))) EXPECT_NE(c.rule, "claims.relay") << text;
  }
}

TEST(ClaimStage, ASpeakerEndsBeforeItsExamplesAndARestrictiveParticiple) {
  auto c = Claims(AnnotateParsed(
      "The results of the national iodine study published in the Medical Journal of Australia "
      "this week show that children are iodine deficient. Articles in academic journals "
      "including Social Science & Medicine have described homeopathy as a form of quackery. "
      "The annual report of the ministry, released by the government, says that prices will "
      "rise."));
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].speaker, "The results of the national iodine study");
  EXPECT_EQ(c[1].speaker, "Articles in academic journals");
  // (set off by commas: the participle's phrase stays)
  EXPECT_EQ(c[2].speaker, "The annual report of the ministry, released by the government");
}

TEST(ClaimStage, ReviewedEdgesOfTheSpeakerRules) {
  // A parenthetical with a cue of its own is not the speaker, and a
  // speakerless claim before it passes on no speaker.
  auto a = Claims(AnnotateParsed("The union, despite calls for calm, said that talks would fail."));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].speaker, "The union");
  EXPECT_EQ(a[1].content, "talks would fail");
  // A bare title is not the one of a longer title ("Prime Minister").
  Document b = AnnotateParsed(
      "Prime Minister Stephen Harper said taxes would fall. The minister said he would resign.");
  ASSERT_EQ(b.claims().size(), 2u);
  EXPECT_LT(b.claims()[1].speaker_entity, 0);
  // "said to" an infinitive: the content is the infinitive, not a clause in it.
  auto c = Claims(AnnotateParsed("Officials said to expect delays on a line that runs north."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].content, "to expect delays on a line that runs north");
  // The participle's subject is the nearest verb's, passive too.
  auto d = Claims(AnnotateParsed(
      "Smith resigned in May, and Jones was appointed in his place, saying he was honoured."));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].speaker, "Jones");
  // The relative clause's noun without the clause it is the predicate of.
  auto e = Claims(AnnotateParsed("It was a move that the United Nations has criticised."));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].content, "a move");
}

TEST(ClaimStage, ACueEndingARelativeClauseStatesTheNounItModifies) {
  auto c = Claims(AnnotateParsed(
      "Malaysia and Indonesia have maintained a policy of turning away boats of migrants which, "
      "according to AFP, the United Nations and the United States have both criticised."));
  // "maintained a policy" is no speech; "have both criticised" is.
  const Seen* found = nullptr;
  for (const Seen& x : c) {
    EXPECT_NE(x.cue, "maintain");
    if (x.cue == "criticise") found = &x;
  }
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->speaker, "the United Nations and the United States");
  EXPECT_EQ(found->content, "a policy of turning away boats of migrants");
  EXPECT_EQ(found->rule, "claims.relative_object");
}

TEST(ClaimStage, ANounCueAfterAPrepositionHasNoSpeaker) {
  auto c = Claims(AnnotateParsed(
      "iPhone 4 will only be available on AT&T's network, despite calls for Apple to let the "
      "iPhone be used on other carriers."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "");  // not "iPhone 4"
  EXPECT_EQ(c[0].content.rfind("Apple to let the iPhone", 0), 0u) << c[0].content;
}

TEST(ClaimStage, ExamplesAfterSuchAsAreNotTheSpeaker) {
  auto c = Claims(AnnotateParsed(
      "Even Macintosh support sites such as Mac News suggest waiting for the first update. "
      "Other sites such as Gawker.com stated that they will keep hosting the video."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "Macintosh support sites");
  EXPECT_EQ(c[1].speaker, "Other sites");
}

TEST(ClaimStage, ReportedSpeechInsideAReportIsAClaimToo) {
  auto c = Claims(AnnotateParsed(
      "The New York Times reported that a person familiar with the situation said Jobs's health "
      "has ups and downs."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "The New York Times");
  EXPECT_EQ(c[1].speaker, "a person familiar with the situation");
  EXPECT_EQ(c[1].content, "Jobs's health has ups and downs");
  // Not inside a quotation or what an interviewee or "I" says.
  auto d = Claims(AnnotateParsed("Smith said: “They say you can be modern.”"));
  EXPECT_EQ(d.size(), 1u);
}

TEST(ClaimStage, AnOpeningAdverbialIsNoPartOfTheSpeaker) {
  Document doc = AnnotateParsed(
      "After the leak, CEO of the Refugee Council Enver Solomon told Sky News that any process "
      "must be well thought out.");
  ASSERT_EQ(doc.claims().size(), 1u);
  const Claim& c = doc.claims()[0];
  EXPECT_EQ(doc.Slice(c.speaker), "CEO of the Refugee Council Enver Solomon");
  ASSERT_GE(c.speaker_entity, 0);
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].id, "person/enver-solomon");
}

TEST(ClaimStage, ANounCueAfterAVerbHasNoSpeaker) {
  auto c =
      Claims(AnnotateParsed("The report has prompted calls for all edible salt to be "
                            "iodised."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "");  // not "prompted"
  EXPECT_EQ(c[0].content, "all edible salt to be iodised");
}

TEST(ClaimStage, AVerbTakingANounPhraseStatesTheObjectNotTheAdjuncts) {
  auto c = Claims(AnnotateParsed(
      "Sunak defended the government's record whilst promising an update. Rathbun requested "
      "donations via a statement made on his blog. Trump asked the Council to help the girls."));
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].content, "the government's record");
  EXPECT_EQ(c[1].content, "donations");
  EXPECT_EQ(c[2].content, "the Council to help the girls");  // what it was asked to do stays
}

TEST(ClaimStage, AndThenAPhraseAndAnotherCueEndsTheContent) {
  auto c = Claims(AnnotateParsed(
      "The European Commission welcomed Apple's announcement and in a reaction to the news said "
      "it was pleased."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].content, "Apple's announcement");
  EXPECT_EQ(c[1].speaker, "The European Commission");  // the first verb's subject
  EXPECT_EQ(c[1].content, "it was pleased");
  auto d = Claims(AnnotateParsed(
      "The Commission welcomed the plan and in a statement Commissioner Neelie Kroes said "
      "“the market is open.”"));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].content, "the plan");
  // However the parse hangs "and in a reaction ..." on the object, and the
  // second report is coordinated, not held in the first one's words; the
  // same without the parse (--fast) finds the quotation and does not crash.
  const std::string kroes =
      "The European Commission welcomed Apple's announcement and in a reaction to the news "
      "European Commissioner for Competition Neelie Kroes said \u201cthe Commission is very much "
      "in favour of solutions which allow consumers to benefit.\u201d";
  auto e = Claims(AnnotateParsed(kroes));
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].speaker, "The European Commission");
  EXPECT_EQ(e[0].content, "Apple's announcement");
  EXPECT_TRUE(e[1].speaker.ends_with("Neelie Kroes")) << e[1].speaker;
  bool quoted = false;
  for (const Seen& x : Claims(AnnotateClaims(kroes))) {
    quoted = quoted || x.content.starts_with("the Commission is very much");
  }
  EXPECT_TRUE(quoted);
}

TEST(ClaimStage, ANounPhraseSpeaksThroughAParticiple) {
  auto c = Claims(AnnotateParsed(
      "In response to critics saying that Apple had been slow, Jobs said the phone was new. "
      "Officials tell BBC News every claim will be assessed, with the paper reporting that no "
      "one will be refused."));
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].speaker, "critics");
  EXPECT_EQ(c[0].content, "Apple had been slow");
  EXPECT_EQ(c[2].speaker, "Officials");
  EXPECT_EQ(c[2].content, "every claim will be assessed");  // not the paper's report
  EXPECT_EQ(c[3].speaker, "the paper");
  EXPECT_EQ(c[3].content, "no one will be refused");
  // Without "that" (or "with" and a clause) the participle is no cue:
  // "a message stating the hours" takes a quotation only.
  EXPECT_TRUE(Claims(AnnotateParsed("He read a message stating the opening hours.")).empty());
}

TEST(ClaimStage, SensesOfCueVerbsThatReportNoSpeech) {
  // Welcoming or questioning people, adding words to a name.
  auto c = Claims(AnnotateParsed(
      "Jobs welcomed everyone to the event. Police arrested and questioned the student. The "
      "agency renamed the system, adding the words \"and Emergency\" to the name."));
  EXPECT_TRUE(c.empty()) << c[0].cue << ": " << c[0].content;
  // The speech senses stay.
  auto d = Claims(AnnotateParsed(
      "The Commission welcomed the decision. Critics questioned the plan. Levinson, a member "
      "of the board, adds, “Steve will continue to serve Apple.”"));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[2].content, "Steve will continue to serve Apple.");
}

TEST(ClaimStage, APossessorAfterWelcomeOrQuestionIsNoPersonObject) {
  // What is welcomed or questioned is the possessed thing: a claim.
  auto c = Claims(AnnotateParsed(
      "The mayor welcomed the man's decision to resign. Smith welcomed Jones's decision to "
      "resign. Lawyers questioned the witness's account of the night."));
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].content, "the man's decision to resign");
  EXPECT_EQ(c[2].speaker, "Lawyers");
}

TEST(ClaimStage, APassiveAgentSaysTheAsPhrase) {
  auto c = Claims(
      AnnotateParsed("The new iPhone was praised by Jobs as “the biggest leap we've taken.”"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "Jobs");
  EXPECT_EQ(c[0].content, "as “the biggest leap we've taken.”");
}

TEST(ClaimStage, TheOtherPartyOfADatedAnnouncementSpeaksThatDay) {
  Document doc = testing::Annotate(
      "Apple Inc. announced Monday it has settled its dispute with Apple Corps. “We are "
      "pleased,” said Neil Aspinall, manager of Apple Corps. “It is a good day,” said Tom "
      "Jones, a fan.",
      "2007-02-06", {"clean", "segment", "syntax", "entities", "time", "claims"});
  auto c = Claims(doc);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].date, "2007-02-05");
  EXPECT_EQ(c[1].speaker, "Neil Aspinall");
  EXPECT_EQ(c[1].date, "2007-02-05");  // Apple Corps is the announcement's other party
  EXPECT_EQ(c[2].date, "2007-02-06");  // an unrelated voice: the publication day
}

TEST(ClaimStage, AStatementOnAWebsiteIsItsOwners) {
  Document doc = AnnotateParsed(
      "A statement on Apple's website states: “Apple has lost a visionary and creative "
      "genius.”");
  ASSERT_EQ(doc.claims().size(), 1u);
  const Claim& c = doc.claims()[0];
  ASSERT_GE(c.speaker_entity, 0);
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].id, "org/apple");
}

TEST(ClaimStage, ATimeAfterAnInvertedTagClosesIt) {
  auto c = Claims(AnnotateClaims(
      "Prices fell. The change will occur within the next six months, Apple announced this "
      "morning."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "Apple");
  EXPECT_EQ(c[0].content, "The change will occur within the next six months");
}

TEST(ClaimStage, AParagraphAfterACueAndAColonIsABlockQuotation) {
  auto c = Claims(AnnotateClaims(
      "In a statement, the Church denied these allegations:\n\nShe certainly wasn't 'forced' "
      "to be there. She was never forced to work in the engine room. They also claimed Paris "
      "was a volunteer."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "the Church");
  EXPECT_EQ(c[0].kind, "direct");
  EXPECT_EQ(c[0].rule, "claims.direct.colon_block");
  EXPECT_EQ(c[0].content,
            "She certainly wasn't 'forced' to be there. She was never forced to work in the "
            "engine room.");
  EXPECT_EQ(c[1].content, "Paris was a volunteer");
  // A colon inside the paragraph introduces no block.
  auto d = Claims(AnnotateClaims("He denied the charge: it was false.\n\nThe court met."));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "claims.speaker_first");
  EXPECT_EQ(d[0].content, "the charge: it was false");
}

TEST(ClaimStage, SignaturesAfterADashAndFirstPersonPullQuotes) {
  auto c = Claims(AnnotateParsed(
      "Rick Santorum spoke in 2003.\n\nIt is offensive beyond anything any public figure should "
      "tolerate, and the media laughs about it. — Rick Santorum\n\nI was hauled in and told "
      "that my mum had attacked the church. Valeska Paris\n\nThe ship sailed."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "Rick Santorum");
  EXPECT_EQ(c[0].kind, "direct");
  EXPECT_EQ(c[0].content,
            "It is offensive beyond anything any public figure should tolerate, and the media "
            "laughs about it.");
  EXPECT_EQ(c[1].speaker, "Valeska Paris");
  EXPECT_EQ(c[1].content, "I was hauled in and told that my mum had attacked the church.");
  // A report of someone else's words in the third person is not signed by
  // the name after it.
  auto d = Claims(AnnotateParsed(
      "Intro.\n\nThe mayor told the council that the bridge was unsafe. John Smith\n\nEnd."));
  ASSERT_EQ(d.size(), 1u);  // the mayor's own claim only
  EXPECT_EQ(d[0].speaker, "The mayor");
  EXPECT_EQ(d[0].content, "the bridge was unsafe");
  // A wire or staff credit after a dash signs no quotation.
  auto e = Claims(AnnotateParsed(
      "Intro.\n\nPrices rose sharply on Monday as traders bet on a rate cut. — Reuters\n\nThe "
      "storm destroyed dozens of homes along the coast. — Staff reporter\n\nEnd."));
  EXPECT_TRUE(e.empty()) << e[0].speaker << ": " << e[0].content;
}

TEST(ClaimStage, ASourcesListCitesReportsAndDatesWhatTheirTitlesSay) {
  Document doc = AnnotateParsed(
      "Paul Dewar, an Ottawa New Democrat MP, said the lapses raise serious questions.\n\n"
      "Sources\n\n\"Document found on street not secret, say feds\" — The Canadian Press, "
      "August 15, 2008\n\nPeter Zimonjic. \"MP calls for probe into misplaced documents\" — "
      "Edmonton Sun, August 16, 2008");
  auto c = Claims(doc);
  // No publisher signs a title as its quotation; the titles' own reports
  // are claims, dated by the line's date.
  for (const Seen& x : c) {
    EXPECT_NE(x.speaker, "The Canadian Press");
    EXPECT_NE(x.speaker, "Edmonton Sun");
  }
  const Claim* mp = nullptr;
  const Claim* feds = nullptr;
  for (const Claim& x : doc.claims()) {
    if (doc.Slice(x.speaker) == "MP") mp = &x;
    if (doc.Slice(x.speaker) == "feds") feds = &x;
  }
  ASSERT_NE(mp, nullptr);
  EXPECT_EQ(doc.Slice(mp->content), "probe into misplaced documents");
  EXPECT_EQ(mp->date.value, "2008-08-16");
  // A title alone is the one person the document introduced with it.
  ASSERT_GE(mp->speaker_entity, 0);
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(mp->speaker_entity)].id, "person/paul-dewar");
  ASSERT_NE(feds, nullptr);  // "C, say feds": the title ends with its speaker
  EXPECT_EQ(doc.Slice(feds->content), "Document found on street not secret");
  EXPECT_EQ(feds->date.value, "2008-08-15");
  // Inner marks stay; the first date after the title dates it.
  auto o = Claims(AnnotateParsed(
      "Text.\n\nSources\n\n“Obama says ‘no’ to new taxes” — Reuters, March 3, 2009 (accessed "
      "April 1, 2010)"));
  ASSERT_EQ(o.size(), 1u);
  EXPECT_EQ(o[0].content, "‘no’ to new taxes");
  EXPECT_EQ(o[0].date, "2009-03-03");
}

TEST(ClaimStage, WithTheParseTheSpeakersNextActEndsTheContent) {
  // "but did not say ...": a predicate of the speaker, coordinated with the
  // cue in its tense, is not what was confirmed.
  auto c = Claims(AnnotateParsed(
      "Apple confirmed that Papermaster, 49, had left the company, but did not say whether he "
      "decided to leave or was forced out."));
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].content, "Papermaster, 49, had left the company");
  // A second verb of the content in another tense stays in it, even when the
  // parse hangs it on the cue.
  c = Claims(AnnotateParsed(
      "Paris claims that she was working from 6:00am to midnight and due to lack of sleep ended "
      "up being a walking zombie."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].content,
            "she was working from 6:00am to midnight and due to lack of sleep ended up being a "
            "walking zombie");
}

TEST(ClaimStage, AnAdverbialAfterTheCueIsNotTheContent) {
  // "..., said on Tuesday, after ...": when it was said; the content comes first.
  for (bool parsed : {false, true}) {
    const std::string text =
        "The port will reopen on Thursday, the harbour authority said on Tuesday, after a storm "
        "closed it for three days.";
    auto c = Claims(parsed ? AnnotateParsed(text) : AnnotateClaims(text));
    ASSERT_EQ(c.size(), 1u) << parsed;
    EXPECT_EQ(c[0].speaker, "the harbour authority");
    EXPECT_EQ(c[0].content, "The port will reopen on Thursday");
  }
  // With "that" after it, what follows "that" is.
  auto d = Claims(AnnotateClaims("The minister said after the meeting that talks would resume."));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].content, "talks would resume");
  auto e = Claims(AnnotateClaims(
      "The wiki says, in a satirical fashion, that the incident was prompted by the video."));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].content, "the incident was prompted by the video");
  // Without "that", the clause after the adverbial is.
  for (bool parsed : {false, true}) {
    for (const auto& [text, content] : std::vector<std::pair<std::string, std::string>>{
             {"Officials said, after the vote, the plan would proceed.", "the plan would proceed"},
             {"The minister said, as expected, the talks had failed.", "the talks had failed"},
             {"The airline said because of the storm the flights were cancelled.",
              "the flights were cancelled"}}) {
      auto f = Claims(parsed ? AnnotateParsed(text) : AnnotateClaims(text));
      ASSERT_EQ(f.size(), 1u) << text << parsed;
      EXPECT_EQ(f[0].content, content) << parsed;
    }
  }
  // An explicit "that" wins over a clause inside the adverbial.
  for (const std::string text :
       {"Police said in a statement they released on Friday that the man had been arrested.",
        "She said, in an interview she gave to the BBC, that the man had been arrested."}) {
    auto g = Claims(AnnotateParsed(text));
    ASSERT_EQ(g.size(), 1u) << text;
    EXPECT_EQ(g[0].content, "the man had been arrested");
  }
  // "tells about 'X'" is a topic, not a quotation ("described as 'X'" is).
  EXPECT_TRUE(
      Claims(AnnotateParsed("Biologist Nick Bos tells about 'self-medicating' ants in a study."))
          .empty());
}

TEST(ClaimStage, ApposedSpeakersBeforeTheCueKeepTheirClaim) {
  Document doc = AnnotateParsed(
      "Ukraine\u2019s foreign minister, Dmytro Kuleba, said that the weapons must come faster. "
      "Paul Dewar, an MP, said Canada, like its allies, would send aid.");
  ASSERT_EQ(doc.claims().size(), 2u);
  std::vector<std::string> ids;
  for (const Claim& c : doc.claims()) {
    ASSERT_GE(c.speaker_entity, 0);
    ids.push_back(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"person/dmytro-kuleba", "person/paul-dewar"}));
  EXPECT_EQ(doc.Slice(doc.claims()[1].content), "Canada, like its allies, would send aid");
}

TEST(ClaimStage, AQuotedSentenceAfterAnIndirectClaimIsItsOwnDirectQuote) {
  // The opening mark stands on the wrong side of its space ('," For'); the
  // next mark closes: it opens. The claim before it keeps its place.
  const std::string text =
      "John Burrows, the panel chair, said the flag was never open to choice. Burrows also said "
      "kits would be sent to schools,\" For example, schools can run their own referendums\". "
      "People were encouraged to submit designs.";
  for (bool parsed : {false, true}) {
    auto c = Claims(parsed ? AnnotateParsed(text) : AnnotateClaims(text));
    ASSERT_EQ(c.size(), 4u) << parsed;
    EXPECT_EQ(c[0].content, "the flag was never open to choice");
    EXPECT_EQ(c[1].content, "kits would be sent to schools");
    EXPECT_EQ(c[1].kind, "indirect");
    EXPECT_EQ(c[2].speaker, "Burrows");
    EXPECT_EQ(c[2].content, "For example, schools can run their own referendums");
    EXPECT_EQ(c[2].kind, "direct");
    // The last sentence names no source.
    EXPECT_EQ(c[3].speaker, "");
    EXPECT_EQ(c[3].content, "to submit designs");
  }
}

TEST(ClaimStage, TagToSomeoneThenQuote) {
  // Whom or what it was said to or about sits between the cue and the
  // quotation, which is the content.
  for (bool parsed : {false, true}) {
    const std::string text =
        "Colette Heald told The Huffington Post, \"The projections are worrying.\" Stan "
        "remarked to reporters, \"We will keep it.\" Stan commented on the cocktail, \"It "
        "sold well.\"";
    auto c = Claims(parsed ? AnnotateParsed(text) : AnnotateClaims(text));
    ASSERT_EQ(c.size(), 3u) << parsed;
    EXPECT_EQ(c[0].speaker, "Colette Heald");
    EXPECT_EQ(c[0].content, "The projections are worrying.");
    EXPECT_EQ(c[1].content, "We will keep it.");
    EXPECT_EQ(c[2].content, "It sold well.");
    for (const auto& x : c) EXPECT_EQ(x.kind, "direct");
  }
}

TEST(ClaimStage, DescribedAsAndASpeakerAfterALongContent) {
  // "described X as Y" says Y of X; a verb coordinated with an earlier one
  // shares its subject (with the parse).
  auto c = Claims(AnnotateParsed(
      "Ballmer expressed condolences for Jobs and described him as \u201cone of the founders of "
      "our industry\u201d."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "Ballmer");
  EXPECT_EQ(c[0].content, "him as \u201cone of the founders of our industry\u201d");
  EXPECT_EQ(c[0].kind, "mixed");
  // "C, said S" even when the parse takes a subject from inside C.
  auto d = Claims(AnnotateParsed(
      "The so-called grip, however, has not been as big an issue for other phones as it has for "
      "iPhone 4, said Mike Gikas of Consumer Reports."));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].speaker, "Mike Gikas of Consumer Reports");
  EXPECT_EQ(d[0].content,
            "The so-called grip, however, has not been as big an issue for other phones as it has "
            "for iPhone 4");
}

TEST(ClaimStage, ADateInsideAQuotationDatesNoClaim) {
  auto c = Claims(AnnotateParsed(
      "\"Seventeen years ago, this would not have been possible,\" said Ambassador Mohib.\n\n"
      "\"They represent our aspirations.\"\n\nA statement showing \u201cSteve Jobs "
      "1955-2011\u201d states: \u201cApple has lost a visionary.\u201d"));
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[1].content, "They represent our aspirations.");
  EXPECT_EQ(c[2].content, "Apple has lost a visionary.");
  for (const Seen& x : c) EXPECT_EQ(x.date, "2022-11-29") << x.content;
}

TEST(ClaimStage, AClosingMarkOfTheWrongShapeBeforeTheTag) {
  // '..., “said S': the mark glued to the verb closes; the speaker ends
  // before "during".
  auto c = Claims(AnnotateClaims(
      "\u201cWe are going to move the digital hub into the cloud, \u201csaid Steve Jobs during "
      "the keynote."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "Steve Jobs");
  EXPECT_EQ(c[0].content, "We are going to move the digital hub into the cloud");
  EXPECT_EQ(c[0].kind, "direct");
}

TEST(ClaimStage, AParticipleAfterAQuotationStartsTheNextClaim) {
  // 'notes, “Q”, highlighting ...': the quotation is the content.
  auto c = Claims(AnnotateClaims(
      "The Department of Agriculture notes, \"Ozone causes more damage to plants than other "
      "pollutants\", highlighting the study."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].content, "Ozone causes more damage to plants than other pollutants");
  EXPECT_EQ(c[0].kind, "direct");
  // '... an “Antennagate,” saying that ...': two claims of one speaker.
  auto d = Claims(AnnotateParsed(
      "Jobs dismissed the existence of an \u201cAntennagate,\u201d saying that similar "
      "problems affect other phones."));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].content, "the existence of an \u201cAntennagate,\u201d");
  EXPECT_EQ(d[1].content, "similar problems affect other phones");
  EXPECT_EQ(d[1].speaker, "Jobs");
}

TEST(ClaimStage, DirectivesWithWhomAndParticiples) {
  // "pleaded with him to C": whom, then what; "..., urging X to C": the
  // participle speaks for its clause's subject (with the parse).
  auto c = Claims(AnnotateParsed(
      "His sister pleaded with him to send Gloria to a doctor. The mayor spoke on Monday, "
      "urging residents to stay indoors."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "His sister");
  EXPECT_EQ(c[0].content, "him to send Gloria to a doctor");
  EXPECT_EQ(c[1].speaker, "The mayor");
  EXPECT_EQ(c[1].cue, "urge");
  EXPECT_EQ(c[1].content, "residents to stay indoors");
}

TEST(ClaimStage, AThatCueAfterAQuotationTagsIt) {
  // "promises" takes "that" or a quotation; after one it is the tag.
  auto c = Claims(AnnotateClaims(
      "\"It is going to be a tough league,\" promises the 47-year-old Mr. Campaneris."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "the 47-year-old Mr. Campaneris");
  EXPECT_EQ(c[0].content, "It is going to be a tough league");
}

TEST(ClaimStage, ReviewedEdgeCases) {
  // A colon and an opening mark that opens nothing: no quotation, no crash.
  for (const std::string text : {"Mary Smith: \"", "Mary Smith: \u201c\n\nNext.", "Tom Brown: `"}) {
    EXPECT_TRUE(Claims(AnnotateParsed(text)).empty()) << text;
    EXPECT_TRUE(Claims(AnnotateClaims(text)).empty()) << text;
  }
  // "C, according to S" holds only C.
  auto a = Claims(AnnotateParsed("He said, according to the report, that the deal was off."));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].content, "He said");
  // A quoted title after a comma is no quoted sentence: the content goes on.
  auto b =
      Claims(AnnotateParsed("He said the film, \"Gone With The Wind Again\", was his favourite."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].content, "the film, \"Gone With The Wind Again\", was his favourite");
}

TEST(ClaimStage, TagThenQuoteAcrossSentencesAndParagraphs) {
  auto c =
      Claims(AnnotateClaims("He said, \"It felt good out there.\n\nWe could have scored.\" "
                            "After the match, the coach left."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].content, "It felt good out there.\n\nWe could have scored.");
  EXPECT_EQ(c[0].rule, "claims.direct.tag_then_quote");
}

TEST(ClaimStage, MixedIndirectAndCoordinatedCues) {
  std::string text =
      "In a statement on Tuesday, NATO ministers meeting in the Romanian capital, Bucharest, "
      "condemned Russia’s “persistent attacks” and confirmed a 2008 decision that Ukraine will "
      "join the alliance.";
  auto c = Claims(AnnotateClaims(text, "2022-12-01"));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "NATO ministers");
  EXPECT_EQ(c[0].content, "Russia’s “persistent attacks”");
  EXPECT_EQ(c[0].kind, "mixed");
  EXPECT_EQ(c[1].speaker, "NATO ministers");  // shared by "and confirmed"
  EXPECT_EQ(c[1].content, "a 2008 decision that Ukraine will join the alliance");
  EXPECT_EQ(c[1].kind, "indirect");
  // "on Tuesday" dates both speech acts (explicit), not the publication date.
  EXPECT_EQ(c[0].date, "2022-11-29");
  EXPECT_EQ(c[1].date, "2022-11-29");
}

TEST(ClaimStage, AccordingToPassiveAndContentFirst) {
  auto a = Claims(AnnotateClaims("According to the ministry, prices will rise."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "the ministry");
  EXPECT_EQ(a[0].content, "prices will rise");
  auto b = Claims(AnnotateClaims("Prices will rise, according to the ministry."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].content, "Prices will rise");
  auto p = Claims(AnnotateClaims("His comments were echoed by several ministers."));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].speaker, "several ministers");
  EXPECT_EQ(p[0].content, "His comments");
  auto m = Claims(AnnotateClaims("“Russia does not have a veto” on joining, Stoltenberg said."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, "mixed");
  EXPECT_EQ(m[0].content, "“Russia does not have a veto” on joining");
}

TEST(ClaimStage, NotSpeechActs) {
  EXPECT_TRUE(
      Claims(AnnotateClaims("He did not say anything. She will announce it soon.")).empty());
}

TEST(ClaimStage, PronounSpeakersAndContinuations) {
  Document doc = AnnotateClaims(
      "Jens Stoltenberg met the press. He added that talks would go on. “We stay,” he said. "
      "“We will not leave.”");
  ASSERT_EQ(doc.claims().size(), 3u);
  for (const Claim& c : doc.claims()) {
    ASSERT_GE(c.speaker_entity, 0);
    EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].id,
              "person/jens-stoltenberg");
  }
  EXPECT_EQ(doc.Slice(doc.claims()[2].content), "We will not leave.");
  EXPECT_EQ(doc.claims()[2].rule.view(), "claims.direct.continuation");
}

TEST(ClaimStage, HeadlinePullQuoteAndBodyAreOneClaim) {
  std::string text;
  ASSERT_TRUE(ReadFile("samples/nato-bucharest-2022-11-29.txt", &text).ok());
  Document doc = AnnotateClaims(text);
  int back_down = 0;
  for (const Claim& c : doc.claims()) {
    if (doc.Slice(c.content).find("We will not back down") == std::string_view::npos) continue;
    ++back_down;
    EXPECT_FALSE(c.display);  // the body's claim is kept
    EXPECT_EQ(c.kind, ClaimKind::kDirect);
    EXPECT_EQ(c.evidence.size(), 2u);  // headline and pull-quote
  }
  EXPECT_EQ(back_down, 1);
  EXPECT_GE(doc.claims().size(), 13u);
}

TEST(ClaimStage, SignedQuotationsAndNameLines) {
  // "“Q” - Name" after a closing mark, and a paragraph whose last line is a
  // name with a title (a pull-quote box): the name speaks, in direct speech.
  auto a = Claims(AnnotateClaims(
      "The council voted on Monday.\n\n\"We have waited long enough for this. It is a good "
      "day.\" - Maria Lopez\n\nThe vote was close."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "Maria Lopez");
  EXPECT_EQ(a[0].content, "We have waited long enough for this. It is a good day.");
  EXPECT_EQ(a[0].kind, "direct");
  EXPECT_EQ(a[0].rule, "claims.direct.byline");
  auto b = Claims(AnnotateClaims(
      "The agency closed the site.\n\nThis was a hard decision, but the right one for the "
      "public. Charles Bolden, NASA Administrator\n\nThe shuttles will be moved."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].speaker, "Charles Bolden");
  EXPECT_EQ(b[0].content, "This was a hard decision, but the right one for the public.");
  EXPECT_EQ(b[0].kind, "direct");
  // A name ending a paragraph of narration with a verb in it is no signature.
  EXPECT_TRUE(
      Claims(AnnotateClaims("The agency closed the site. Charles Bolden left early.")).empty());
}

TEST(ClaimStage, InterviewAnswersBelongToTheInterviewee) {
  Document doc = AnnotateClaims(
      "Painter Anna Berg talks about her new show\n\n"
      "Wikinews interviewed the painter about her work.\n\nWhat inspired the series?\n\n"
      "Mostly the sea. I grew up near it.\n\nHow long did it take?\n\nAbout two years, with "
      "breaks.\n\nWill you exhibit abroad?\n\nYes, in Oslo next spring.");
  auto c = Claims(doc);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].content, "Mostly the sea. I grew up near it.");
  EXPECT_EQ(c[2].content, "Yes, in Oslo next spring.");
  for (const Seen& s : c) {
    EXPECT_EQ(s.kind, "direct");
    EXPECT_EQ(s.rule, "claims.direct.interview_answer");
    EXPECT_TRUE(s.speaker.ends_with("Anna Berg")) << s.speaker;  // named in the headline
    EXPECT_EQ(s.date, "2022-11-29");  // the opening names no day: the publication's
  }
  // A stray closing mark in an answer ('says, 'Frank, thank you."') does
  // not make the answer someone else's quotation.
  auto stray = Claims(AnnotateClaims(
      "Painter Anna Berg talks about her new show\n\nWikinews interviewed the painter.\n\n"
      "What inspired the series?\n\nMostly the sea. When someone comes up and says, 'Anna, thank "
      "you, your work is great.\"\n\nHow "
      "long did it take?\n\nAbout two years.\n\nWill you exhibit abroad?\n\nYes, in Oslo."));
  ASSERT_EQ(stray.size(), 3u);
  EXPECT_EQ(stray[0].rule, "claims.direct.interview_answer");
  EXPECT_TRUE(stray[0].content.starts_with("Mostly the sea.")) << stray[0].content;
  // The day the opening says the interview took place dates every answer.
  Document dated = AnnotateClaims(
      "Painter Anna Berg talks about her new show\n\n"
      "Wikinews interviewed the painter on November 18 about her work.\n\nWhat inspired the "
      "series?\n\nMostly the sea. I grew up near it.\n\nHow long did it take?\n\nAbout two "
      "years, with breaks.\n\nWill you exhibit abroad?\n\nYes, in Oslo next spring.");
  ASSERT_EQ(dated.claims().size(), 3u);
  for (const Claim& cl : dated.claims()) {
    EXPECT_EQ(cl.date.value, "2022-11-18");
    EXPECT_EQ(cl.date_basis, DateBasis::kInferred);
  }
  // No person in the headline: whom the opening says was interviewed, not
  // the first person the text names.
  auto bar = Claims(AnnotateClaims(
      "Bar owner talks about new cocktail\n\n"
      "Wikinews interviewed one of the owners of a city bar about a drink named after Rick "
      "Santorum.\n\nWhat inspired you?\n\nThe news, mostly.\n\nHow long did it take?\n\nA few "
      "weeks.\n\nWill you keep it?\n\nYes, for now."));
  ASSERT_EQ(bar.size(), 3u);
  for (const Seen& b : bar) EXPECT_EQ(b.speaker, "one of the owners of a city bar");
  // One question in a news story makes no interview.
  EXPECT_TRUE(Claims(AnnotateClaims("Why did the bridge fall?\n\nEngineers are looking into "
                                    "it.\n\nThe bridge reopens in May."))
                  .empty());
}

TEST(ClaimStage, QuotationAfterAnIndirectClaimContinuesIt) {
  auto c = Claims(AnnotateClaims(
      "Ms Lee said prices would keep rising this year.\n\n\"We have no choice but to raise "
      "rates.\""));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1].speaker, "Ms Lee");
  EXPECT_EQ(c[1].content, "We have no choice but to raise rates.");
  EXPECT_EQ(c[1].kind, "direct");
  EXPECT_EQ(c[1].rule, "claims.direct.continuation");
}

TEST(ClaimStage, NounLikeCuesNeedThatAndTagCuesNeedThatOrAQuote) {
  // "states" and "claims" are cues before "that" (or a quotation) only.
  auto a = Claims(AnnotateClaims(
      "The report states that most schools lack funds. Students from the United States "
      "visited. The union's claims were rejected."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "The report");
  EXPECT_EQ(a[0].cue, "state");
  EXPECT_EQ(a[0].content, "most schools lack funds");
  // ... or between a name and a clause: "Berg claims she ...".
  auto v = Claims(AnnotateClaims("Anna Berg claims she was kept on board for years."));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].cue, "claim");
  EXPECT_EQ(v[0].content, "she was kept on board for years");
  // "added" reports speech with "that" or a quotation, not with an object.
  auto b = Claims(AnnotateClaims(
      "Apple added audio recording to its computers. Jobs added that sales were strong."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].speaker, "Jobs");
  EXPECT_EQ(b[0].content, "sales were strong");
  // WordNet's communication verbs: "revealed", "recommends".
  auto w = Claims(AnnotateClaims(
      "A new study has revealed that many children lack iodine. The WHO recommends that every "
      "country should iodise salt."));
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].cue, "reveal");
  EXPECT_EQ(w[1].cue, "recommend");
  EXPECT_EQ(w[1].content, "every country should iodise salt");
}

TEST(ClaimStage, PassivesAndAdverbsAreNoSpeakers) {
  EXPECT_TRUE(Claims(AnnotateClaims("No deaths were reported in the attacks. The plan was "
                                    "reportedly rejected. The photos were quickly posted "
                                    "online. They were twice denied visas."))
                  .empty());
  EXPECT_TRUE(Claims(AnnotateClaims("He came upon a blog written by a former member.")).empty());
  // Where, or to whom, is not what was said.
  EXPECT_TRUE(Claims(AnnotateClaims("Mark Zuckerberg tweeted to Mohamed on Thursday.")).empty());
}

TEST(ClaimStage, ParticiplesAndTitlesWithNames) {
  // ", saying (that) C": the clause's subject speaks.
  auto a =
      Claims(AnnotateClaims("Jobs dismissed the reports, saying that similar problems affect other "
                            "phones."));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].speaker, "Jobs");
  EXPECT_EQ(a[1].cue, "say");
  EXPECT_EQ(a[1].content, "similar problems affect other phones");
  // A title with the name beside it: the name is the speaker's entity.
  Document doc = AnnotateClaims(
      "The chairman of the council, Cres Eastman, says it is crucial that children get enough "
      "iodine.");
  ASSERT_EQ(doc.claims().size(), 1u);
  const Claim& c = doc.claims()[0];
  ASSERT_GE(c.speaker_entity, 0);
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].name, "Cres Eastman");
}

TEST(ClaimStage, AccordingToHoldsTheClaimItReports) {
  auto c = Claims(AnnotateClaims(
      "According to the Herald, Professor John Burrows said the flag has never been open to "
      "public choice."));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "the Herald");
  EXPECT_EQ(c[0].rule, "claims.according_to");
  EXPECT_EQ(c[1].speaker, "Professor John Burrows");
  EXPECT_EQ(c[1].content, "the flag has never been open to public choice");
  // With an apposition (and the parse): the report holds the whole
  // reporting clause, and the speaker starts after the source.
  auto e = Claims(AnnotateParsed(
      "According to the Herald, John Burrows, the chairman of the panel, said the flag has "
      "never been open."));
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].content,
            "John Burrows, the chairman of the panel, said the flag has never been open");
  EXPECT_EQ(e[1].speaker, "John Burrows, the chairman of the panel");
  // Without a comma, the source ends where a new phrase begins.
  auto d = Claims(AnnotateClaims(
      "According to Rathbun the property was returned by mail. According to the ministry over "
      "345 pilgrims have died."));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].speaker, "Rathbun");
  EXPECT_EQ(d[0].content, "the property was returned by mail");
  EXPECT_EQ(d[1].speaker, "the ministry");
  EXPECT_EQ(d[1].content, "over 345 pilgrims have died");
}

TEST(ClaimStage, WithAParseTheSpeakerIsTheCueSubject) {
  // The subject phrase with its participle clause, whole (the pattern alone
  // stops at "released").
  Document doc = testing::Annotate(
      "The annual report of the ministry, released by the government, says that prices will "
      "rise.",
      "2022-11-29", {"clean", "segment", "syntax", "entities", "time", "claims"});
  ASSERT_FALSE(doc.syntax().empty());
  ASSERT_EQ(doc.claims().size(), 1u);
  EXPECT_EQ(doc.Slice(doc.claims()[0].speaker),
            "The annual report of the ministry, released by the government");
  EXPECT_EQ(doc.Slice(doc.claims()[0].content), "prices will rise");
}

TEST(ClaimStage, MisdirectedClosingMarkAndToldAddressee) {
  // “Q. “ -- an opening-shaped mark after a full stop, with a space after
  // it, closes the quotation, so the next one opens where it should.
  auto a = Claims(AnnotateClaims(
      "The statement read: “Apple has lost a genius. His spirit will live on. “ President "
      "Barack Obama said “Steve was among the greatest of American innovators”. Gates also "
      "wrote."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "President Barack Obama");
  EXPECT_EQ(a[0].content, "Steve was among the greatest of American innovators");
  EXPECT_EQ(a[0].kind, "direct");
  // "told X C": the addressee is not what was said.
  auto b = Claims(AnnotateClaims(
      "Enver Solomon told Sky News any process must be well thought out. Whitmore told LA "
      "Weekly in a statement that the case was closed."));
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].content, "any process must be well thought out");
  EXPECT_EQ(b[1].content, "the case was closed");
}

TEST(ClaimStage, AYearHoldingThePublicationDayDoesNotDateTheClaim) {
  auto a = Claims(AnnotateClaims("In 2022, the minister said that prices would rise."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].date, "2022-11-29");  // the publication day, more precise
  auto b = Claims(AnnotateClaims("In 2019, the minister said that prices would rise."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].date, "2019");
}

TEST(ClaimStage, LaterClaimsTakeTheDayOfARecentEventInTheLead) {
  auto a = Claims(AnnotateClaims(
      "On Monday, Apple announced that the phone would ship in March. The company said that "
      "prices would not change."));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].date, "2022-11-28");  // explicit
  EXPECT_EQ(a[1].date, "2022-11-28");  // inferred: said at that event
  // A day weeks before is an episode the story recalls, not its event.
  auto b = Claims(AnnotateClaims(
      "On November 2, Apple announced that the phone would ship in March. The company said "
      "that prices would not change."));
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].date, "2022-11-02");
  EXPECT_EQ(b[1].date, "2022-11-29");
}

TEST(ClaimStage, WithoutPublicationDateTheDateIsUnknown) {
  Document doc = AnnotateClaims("“It rained,” Smith said.", "");
  ASSERT_EQ(doc.claims().size(), 1u);
  EXPECT_FALSE(doc.claims()[0].date.has_interval());
  EXPECT_EQ(doc.claims()[0].date_basis, DateBasis::kUnknown);
}

TEST(ClaimStage, ItAndTheyAfterAnOrganisationSpeaker) {
  Document doc = AnnotateParsed(
      "The Church of Scientology denied the allegations. They also claimed that Paris was a "
      "volunteer. The Korean Central News Agency reported that troops were ready. It added "
      "that the order was final.");
  ASSERT_EQ(doc.claims().size(), 4u);
  auto speaker_id = [&](std::size_t k) {
    const Claim& c = doc.claims()[k];
    return c.speaker_entity < 0 ? std::string()
                                : doc.entities()[static_cast<std::size_t>(c.speaker_entity)].id;
  };
  int pronouns = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const std::string_view sp = doc.Slice(doc.claims()[k].speaker);
    if (sp == "They") {
      EXPECT_EQ(speaker_id(k), "org/church-of-scientology");
      ++pronouns;
    } else if (sp == "It") {
      EXPECT_EQ(speaker_id(k), "org/korean-central-news-agency");
      ++pronouns;
    }
  }
  EXPECT_EQ(pronouns, 2);
  // No entity: "it" names the phrase of the speaker before ("The company").
  Document common = AnnotateParsed(
      "The company said that prices would rise. “It is hard,” it said, “but we will manage.”");
  int tags = 0;
  for (const Claim& c : common.claims()) {
    if (common.Slice(c.speaker) != "it") continue;
    ++tags;
    EXPECT_EQ(common.Slice(c.speaker_antecedent), "The company");
  }
  EXPECT_GE(tags, 1);
}

TEST(ClaimStage, TheyAfterACommonNounSpeakerNamesThatPhrase) {
  Document doc = AnnotateParsed(
      "The pollsters say the results confirm the problem. They call for urgent action.");
  ASSERT_EQ(doc.claims().size(), 2u);
  const Claim& they = doc.claims()[1];
  EXPECT_EQ(doc.Slice(they.speaker), "They");
  EXPECT_LT(they.speaker_entity, 0);
  EXPECT_EQ(doc.Slice(they.speaker_antecedent), "The pollsters");
  // A singular phrase is no antecedent for "they".
  Document sing = AnnotateParsed(
      "The report says the results confirm the problem. They call for urgent action.");
  ASSERT_EQ(sing.claims().size(), 2u);
  EXPECT_TRUE(sing.claims()[1].speaker_antecedent.empty());
}

TEST(ClaimStage, ASpeakerNameHoldingAPrepositionIsWhole) {
  Document doc =
      AnnotateParsed("The U.S. Department of Agriculture says ozone causes more damage to plants.");
  ASSERT_EQ(doc.claims().size(), 1u);
  const Claim& c = doc.claims()[0];
  ASSERT_GE(c.speaker_entity, 0);
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].type, EntityType::kOrg);
}

TEST(ClaimStage, TheSecondPartOfASplitQuotationIsTheSameSpeakers) {
  auto a = Claims(AnnotateClaims(
      "\"We are so interested,\" Rodaba Noori told the press, \"to show that Afghan women can "
      "make robots too.\""));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].speaker, "Rodaba Noori");
  EXPECT_EQ(a[0].content, "We are so interested");
  EXPECT_EQ(a[1].speaker, "Rodaba Noori");
  EXPECT_EQ(a[1].cue, "tell");
  EXPECT_EQ(a[1].content, "to show that Afghan women can make robots too.");
  EXPECT_EQ(a[1].kind, "direct");
  // A second part with a tag of its own is not the first speaker's.
  for (const Seen& c : Claims(AnnotateClaims("\"It is a mess,\" she said, \"and nobody cares,\" "
                                             "he said."))) {
    EXPECT_NE(c.content, "and nobody cares") << c.speaker;
  }
}

TEST(ClaimStage, InTheWordsOfASourceTheQuotationIsTheContent) {
  auto a = Claims(AnnotateClaims(
      "Her skin broke, and in the words of the Crown prosecutor, Mark Tedeschi, QC, \"Gloria "
      "cried for months.\""));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "the Crown prosecutor, Mark Tedeschi, QC");
  EXPECT_EQ(a[0].content, "Gloria cried for months.");
  EXPECT_EQ(a[0].kind, "direct");
}

TEST(ClaimStage, ASentenceEndingInAColonIntroducesTheQuotedParagraph) {
  auto a = Claims(AnnotateClaims(
      "US President Barack Obama tweeted using his @POTUS account:\n\n\"Cool clock, Ahmed. "
      "Want to bring it to the White House?\"\n\nTwitter gave Mohamed the option."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "US President Barack Obama");
  EXPECT_EQ(a[0].cue, "tweet");
  EXPECT_EQ(a[0].content, "Cool clock, Ahmed. Want to bring it to the White House?");
}

TEST(ClaimStage, CalledXQuotedIsAMixedClaimButANameIsNot) {
  auto a = Claims(AnnotateParsed(
      "Nunzio Galantino has called the sentence \"dangerous\" and \"ideological\"."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "Nunzio Galantino");
  EXPECT_EQ(a[0].content, "the sentence \"dangerous\" and \"ideological\"");
  EXPECT_EQ(a[0].kind, "mixed");
  EXPECT_EQ(a[0].rule, "claims.mixed.label");
  auto b = Claims(AnnotateParsed(
      "They sell a cocktail called “Santorum”. The drink was called a “disaster” by critics. "
      "The phone has a new screen, dubbed a “retina display”, which is sharp."));
  for (const Seen& c : b) EXPECT_NE(c.rule, "claims.mixed.label") << c.content;
}

TEST(ClaimStage, CourtRulingsAndAttributedCauses) {
  Document doc = AnnotateParsed(
      "A Greek court has ruled that worshippers may now associate. Richard Doherty attributes "
      "the success of Apple to its patience. A quote attributed to him went viral.");
  auto c = Claims(doc);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "A Greek court");
  EXPECT_EQ(c[0].cue, "rule");
  EXPECT_EQ(c[0].content, "worshippers may now associate");
  // The court is not Greece: a demonym before a common noun is no speaker.
  EXPECT_LT(doc.claims()[0].speaker_entity, 0);
  EXPECT_EQ(c[1].speaker, "Richard Doherty");
  EXPECT_EQ(c[1].content, "the success of Apple to its patience");
}

TEST(ClaimStage, AnEventDatesItsOwnSpeakersLaterClaimsOnly) {
  // The day of an explicitly dated claim goes to later past-tense claims of
  // the same speaker or of someone in its organisation, not to others'.
  auto a = Claims(AnnotateParsed(
      "On Monday, Apple announced that it had settled the dispute. Apple CEO Steve Jobs said "
      "that the company loved the Beatles. Critics said that the deal was late."));
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].date, "2022-11-28");
  EXPECT_EQ(a[1].date, "2022-11-28");  // Apple's CEO, at Apple's announcement
  EXPECT_EQ(a[2].date, "2022-11-29");  // others: the publication day
  // A sentence that dates an event ("at an event") and names its subject.
  auto b = Claims(AnnotateParsed(
      "NASA celebrated the anniversary on Monday at an event in Florida. NASA Administrator "
      "Charles Bolden said that four museums would get orbiters. Senator John Cornyn said that "
      "Houston was slighted."));
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].speaker, "NASA Administrator Charles Bolden");
  EXPECT_EQ(b[0].date, "2022-11-28");
  EXPECT_EQ(b[1].date, "2022-11-29");
}

TEST(ClaimStage, ATitleOfAPlaceBeforeANameIsThatPersonsTitle) {
  Document doc = AnnotateParsed(
      "NASA Administrator Charles Bolden spoke first. Governor of Washington Chris Gregoire said "
      "that the museum deserved a shuttle.");
  ASSERT_EQ(doc.claims().size(), 1u);
  const Claim& c = doc.claims()[0];
  ASSERT_GE(c.speaker_entity, 0);
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].id, "person/chris-gregoire");
}

TEST(ClaimStage, AVerbWithASpeechActObjectIntroducesTheQuotation) {
  Document doc = AnnotateParsed(
      "In his resignation, Jobs left this farewell, “I have made some of the best friends of my "
      "life at Apple.” Senator John Cornyn issued a statement regarding the decision. \"I am "
      "disappointed with NASA's decision.\"");
  auto c = Claims(doc);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "Jobs");
  EXPECT_EQ(c[0].content, "I have made some of the best friends of my life at Apple.");
  EXPECT_EQ(c[0].rule, "claims.direct.speech_noun");
  EXPECT_EQ(doc.Slice(doc.claims()[0].cue), "left this farewell");
  EXPECT_EQ(c[1].speaker, "Senator John Cornyn");
  EXPECT_EQ(c[1].content, "I am disappointed with NASA's decision.");
  // A quotation after a comma and a conjunction still ends the claim.
  auto d = Claims(AnnotateParsed(
      "The Home Office letter reads \"we may extend the questionnaire\", but no plans exist."));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].content, "we may extend the questionnaire");
}

TEST(ClaimStage, NoClaimFromAdverbsRelativePronounsNounsOrNegatedCues) {
  auto a = Claims(AnnotateParsed(
      "Rather than recall the devices or offer a fix, Jobs said that Apple will offer a case. "
      "The plan was dropped over fears it would cost too much, which the ministry today rejects, "
      "and strain the budget. The hall becomes a light show that can be seen from afar. Jobs has "
      "not yet mentioned what prompted his decision, but said he will still be the CEO."));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].speaker, "Jobs");
  EXPECT_EQ(a[0].content, "Apple will offer a case");
  EXPECT_EQ(a[1].cue, "say");
  EXPECT_EQ(a[1].content, "he will still be the CEO");
}

TEST(ClaimStage, ContentBoundariesAroundAdverbialClausesAndParticiples) {
  // A "when" clause on a verb of the content is part of it.
  auto a = Claims(AnnotateParsed(
      "Wilkins explained Warhol's obsession with celebrities began when he first collected head "
      "shots."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].content,
            "Warhol's obsession with celebrities began when he first collected head shots");
  // ", as Apple have done" after "described as “Q”" is the writer's.
  auto b = Claims(AnnotateParsed(
      "Users pay what Steve Jobs described as “a nominal charge”, as Apple have done in the "
      "past."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].content, "as “a nominal charge”");
  // A participle after a quotation's closing comma ends the content.
  auto c = Claims(AnnotateParsed(
      "Analyst Shawn Wu says the company “priced it really aggressively,” referring to the base "
      "price."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].content, "the company “priced it really aggressively,”");
}

TEST(ClaimStage, ADocumentSpeaksForItsAuthor) {
  Document doc = AnnotateParsed(
      "A statement from Apple Computer stated that the two companies now differ. A report by the "
      "World Health Organization says that iodine deficiency is common.");
  ASSERT_EQ(doc.claims().size(), 2u);
  for (const Claim& c : doc.claims()) {
    ASSERT_GE(c.speaker_entity, 0) << doc.Slice(c.speaker);
    EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].type, EntityType::kOrg);
  }
}

TEST(ClaimStage, ReviewedFalseClaimsStayOut) {
  // Speech nouns of verbs that do not produce them, or with a source of
  // their own; "called" as phoning or convening; a quoted number after
  // "according to" is no whole content; a quoted word after a tag is no
  // second part.
  for (const char* text :
       {"The newspaper published a letter from a reader: “The council has failed us.”",
        "Smith ignored the warning, “Do not enter.”",
        "She read a statement from her lawyer: “My client is innocent.”",
        "The court heard an appeal on Monday. “The sentence was too harsh.”",
        "Smith called the police “immediately” after the crash.",
        "He called his mother “every day” during the war.",
        "Obama called Putin on Tuesday to discuss “the crisis”.",
        "Smith called the meeting “to discuss the budget”."}) {
    for (const Seen& c : Claims(AnnotateParsed(text))) {
      ADD_FAILURE() << text << " -> " << c.speaker << " | " << c.content;
    }
  }
  auto a = Claims(AnnotateParsed("According to officials, “at least 40” people died in the fire."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].content, "“at least 40” people died in the fire");
  auto b =
      Claims(AnnotateParsed("“We are done,” Smith said, “finished” being his favourite word."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].content, "We are done");
}

TEST(ClaimStage, ReviewedSpeakersAndDates) {
  // A letter's author, not its addressee.
  Document letter = AnnotateParsed("A letter from Smith to Boris Johnson says the deal is dead.");
  ASSERT_EQ(letter.claims().size(), 1u);
  const Claim& l = letter.claims()[0];
  if (l.speaker_entity >= 0) {
    EXPECT_NE(letter.entities()[static_cast<std::size_t>(l.speaker_entity)].id,
              "person/boris-johnson");
  }
  // "It" is not the spokesman; "They" is not Apple past nearer plural
  // subjects or a coordination.
  for (const char* text : {"A spokesman said the firm would appeal. It said the fine was unfair.",
                           "Apple said sales rose. Investors cheered. They said the results were "
                           "strong.",
                           "Apple and Samsung said they would settle. They said the terms were "
                           "secret."}) {
    Document doc = AnnotateParsed(text);
    ASSERT_EQ(doc.claims().size(), 2u) << text;
    const Claim& c = doc.claims()[1];
    EXPECT_LT(c.speaker_entity, 0) << text;
    EXPECT_TRUE(c.speaker_antecedent.empty()) << text;
  }
  // The pronoun's speaker is known before the event dates: the same day.
  auto d = Claims(AnnotateParsed(
      "Apple announced on Monday that it had settled the case. It said the terms were secret."));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].date, "2022-11-28");
  EXPECT_EQ(d[1].date, "2022-11-28");
  // An arrest at a meeting is no event of the police's statements.
  auto p = Claims(
      AnnotateParsed("Police arrested a man at a meeting on Monday. Police said he was armed."));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].date, "2022-11-29");
}

TEST(ClaimStage, OneBeforeANounIsPartOfTheSpeaker) {
  auto c = Claims(AnnotateClaims("According to one analyst, the market will recover."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "one analyst");
  EXPECT_EQ(c[0].content, "the market will recover");
  auto left = Claims(AnnotateClaims("The market will recover, one analyst said."));
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].speaker, "one analyst");
}

TEST(ClaimStage, RecalledIsSpeechOnlyBeforeThatOrAQuotation) {
  EXPECT_TRUE(Claims(AnnotateClaims("Toyota recalled 2 million cars on Monday.")).empty());
  auto c = Claims(AnnotateClaims("Smith recalled that the war had ended in May."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "Smith");
  EXPECT_EQ(c[0].cue, "recall");
}

TEST(ClaimStage, AnAgentlessPassiveIsAClaimWithoutSpeaker) {
  for (bool parsed : {false, true}) {
    const std::string text =
        "She was told to disconnect from her mother. Homeopathy has been described as "
        "pseudoscience. He is credited with the success of the iPad, but he left. He was asked "
        "about the plan. The chips are said to be faster.";
    Document doc = parsed ? AnnotateParsed(text) : AnnotateClaims(text);
    auto c = Claims(doc);
    ASSERT_EQ(c.size(), 4u) << parsed;
    EXPECT_EQ(c[0].content, "to disconnect from her mother");
    EXPECT_EQ(c[0].cue, "tell");
    EXPECT_EQ(c[1].content, "pseudoscience");
    EXPECT_EQ(c[2].content, "the success of the iPad");  // not ", but he left"
    EXPECT_EQ(c[3].content, "to be faster");
    for (const Seen& x : c) {
      EXPECT_EQ(x.speaker, "") << x.content;
      EXPECT_EQ(x.rule, "claims.passive_unspecified");
      EXPECT_EQ(x.kind, "indirect");
    }
  }
  // With an agent it is the agent's claim, as before, wherever the agent
  // stands; "asked to comment" asks, it claims nothing.
  for (const char* text :
       {"The plan was described by Smith as a failure.", "He was accused of fraud by prosecutors.",
        "He was urged to resign by lawmakers.", "He was asked to comment but declined."}) {
    for (const Seen& x : Claims(AnnotateClaims(text))) {
      EXPECT_NE(x.rule, "claims.passive_unspecified") << text;
    }
  }
}

TEST(ClaimStage, ANameBeforeACommaIsNoAppositionOfANamedSpeaker) {
  Document doc = AnnotateClaims(
      "According to a report in Ars Technica, an internal memo at Apple showed the company "
      "passed Wal-Mart.");
  bool found = false;
  for (const Claim& c : doc.claims()) {
    if (c.cue_lemma != "show") continue;
    found = true;
    ASSERT_GE(c.speaker_entity, 0);
    EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].id, "org/apple");
  }
  EXPECT_TRUE(found);
  // A description without a name of its own still takes the name before it.
  Document rel = AnnotateParsed("He met Tom Devocht, who said he would help him.");
  ASSERT_EQ(rel.claims().size(), 1u);
  ASSERT_GE(rel.claims()[0].speaker_entity, 0);
  EXPECT_EQ(rel.entities()[static_cast<std::size_t>(rel.claims()[0].speaker_entity)].id,
            "person/tom-devocht");
}

TEST(ClaimStage, AnAppositionBeforeTheTagIsTheSpeakerNotTheOpeningPhrase) {
  auto c = Claims(AnnotateParsed(
      "Lukaku won the award. After the match, Hernan Dario Gomez, Panama coach, said, \"We "
      "have learned a lot.\""));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].speaker, "Hernan Dario Gomez, Panama coach");
  EXPECT_EQ(c[0].content, "We have learned a lot.");
}

TEST(ClaimStage, NamesJoinedByAndSpeakTogether) {
  // (With the parse: its subject is the whole coordination.)
  Document doc = AnnotateParsed("Apple and Samsung said they would settle.");
  ASSERT_EQ(doc.claims().size(), 1u);
  EXPECT_EQ(doc.Slice(doc.claims()[0].speaker), "Apple and Samsung");
  EXPECT_LT(doc.claims()[0].speaker_entity, 0);  // not Samsung alone
  // A description with "and" after a comma is still the named person's.
  Document one = AnnotateParsed(
      "K.C. Maurer, chief financial officer and treasurer at the Andy Warhol Foundation, said "
      "500 institutions were invited.");
  ASSERT_EQ(one.claims().size(), 1u);
  ASSERT_GE(one.claims()[0].speaker_entity, 0);
  EXPECT_EQ(one.entities()[static_cast<std::size_t>(one.claims()[0].speaker_entity)].id,
            "person/k-c-maurer");
}

}  // namespace
}  // namespace tkg
