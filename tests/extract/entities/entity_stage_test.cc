#include "extract/entities/entity_stage.h"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/lexicon.h"
#include "tests/testing/documents.h"

namespace tkg {
namespace {

using ::testing::Contains;

Document AnnotateEntities(std::string text) {
  return testing::Annotate(std::move(text), "2022-11-29", {"clean", "segment", "entities"});
}

const Entity* ById(const Document& doc, std::string_view id) {
  for (const Entity& e : doc.entities()) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

// The entity id of the mention with exactly this text, or "".
std::string EntityOf(const Document& doc, std::string_view text) {
  for (const Mention& m : doc.mentions()) {
    if (doc.Slice(m.span) == text && m.entity >= 0) {
      return doc.entities()[static_cast<std::size_t>(m.entity)].id;
    }
  }
  return "";
}

TEST(EntityStage, NatoSampleEntitiesAliasesAndRoles) {
  std::string text;
  ASSERT_TRUE(ReadFile("samples/nato-bucharest-2022-11-29.txt", &text).ok());
  Document doc = AnnotateEntities(text);
  for (const char* id :
       {"org/nato", "person/jens-stoltenberg", "place/russia", "place/ukraine", "place/romania",
        "place/bucharest", "person/dmytro-kuleba", "person/rastislav-kacer", "place/slovakia",
        "place/finland", "place/sweden", "place/turkey", "place/hungary"}) {
    EXPECT_NE(ById(doc, id), nullptr) << id;
  }
  const Entity* jens = ById(doc, "person/jens-stoltenberg");
  ASSERT_NE(jens, nullptr);
  EXPECT_EQ(jens->name, "Jens Stoltenberg");
  EXPECT_THAT(jens->aliases, Contains("NATO chief"));
  EXPECT_THAT(jens->aliases, Contains("Stoltenberg"));
  ASSERT_EQ(jens->roles.size(), 1u);
  EXPECT_EQ(jens->roles[0].title, "Secretary-General");
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(jens->roles[0].org)].id, "org/nato");
  EXPECT_THAT(ById(doc, "org/nato")->aliases, Contains("the alliance"));
  EXPECT_THAT(ById(doc, "place/russia")->aliases, Contains("Moscow"));
  EXPECT_THAT(ById(doc, "place/ukraine")->aliases, Contains("Kyiv"));
  EXPECT_THAT(ById(doc, "place/slovakia")->aliases, Contains("Slovak"));
  const Entity* kuleba = ById(doc, "person/dmytro-kuleba");
  ASSERT_EQ(kuleba->roles.size(), 1u);
  EXPECT_EQ(kuleba->roles[0].title, "Foreign Minister");
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(kuleba->roles[0].org)].id, "place/ukraine");
  // "He added ..." resolves to Stoltenberg, the most salient person.
  EXPECT_EQ(EntityOf(doc, "He"), "person/jens-stoltenberg");
}

TEST(EntityStage, CapitalIsItsCountryUnlessItIsAPlace) {
  Document doc = AnnotateEntities("Allies sent aid for Kyiv. Ministers met in Bucharest.");
  EXPECT_EQ(EntityOf(doc, "Kyiv"), "place/ukraine");
  EXPECT_EQ(EntityOf(doc, "Bucharest"), "place/bucharest");
}

TEST(EntityStage, ShortAcronymsMatchOnlyInCapitals) {
  Document doc = AnnotateEntities("He told us about the US and the UN.");
  EXPECT_EQ(EntityOf(doc, "US"), "place/united-states");
  EXPECT_EQ(EntityOf(doc, "UN"), "org/un");
  EXPECT_EQ(EntityOf(doc, "us"), "");
}

TEST(EntityStage, OneWordSpeakersAndDiacritics) {
  Document doc =
      AnnotateEntities("Slovak Foreign Minister Rastislav Kačer spoke. Later, Smith said no.");
  EXPECT_EQ(EntityOf(doc, "Rastislav Kačer"), "person/rastislav-kacer");
  EXPECT_EQ(EntityOf(doc, "Smith"), "person/smith");
  Document lone = AnnotateEntities("Tiger is popular.");
  EXPECT_TRUE(lone.entities().empty());  // an unknown single word is no entity
}

TEST(EntityStage, AnArabicSurnameKeepsItsArticle) {
  Document doc = AnnotateEntities(
      "Civil Defense Authority director General Suleiman al-Amr spoke. Al-Amr left.");
  EXPECT_EQ(EntityOf(doc, "Suleiman al-Amr"), "person/suleiman-al-amr");
  EXPECT_EQ(EntityOf(doc, "Suleiman"), "");  // no person of the first name alone
}

// A person whose surname is a city: the tagger's full name wins over the
// city (with the parse: the given name is a proper noun no list knows), and
// the surname alone is the person again, except after "in", "to", ...
TEST(EntityStage, APersonWhoseSurnameIsACity) {
  Document doc = testing::Annotate(
      "Valeska Paris, an Australian woman and former Scientologist, has claimed she was held on "
      "a ship. Paris claims she was forced to work in the engine room. She later flew to Paris.",
      "2015-05-07", {"clean", "segment", "syntax", "entities"});
  EXPECT_EQ(EntityOf(doc, "Valeska Paris"), "person/valeska-paris");
  std::vector<std::string> paris;
  for (const Mention& m : doc.mentions()) {
    if (doc.Slice(m.span) == "Paris" && m.entity >= 0) {
      paris.push_back(doc.entities()[static_cast<std::size_t>(m.entity)].id);
    }
  }
  EXPECT_THAT(paris, ::testing::ElementsAre("person/valeska-paris", "place/paris"));
}

// A surname misspelt by one letter is the person named in full, when no
// other surname is that close.
TEST(EntityStage, CapitalisedGroupNounsAreGroupsNotPersons) {
  Document doc = AnnotateEntities(
      "Nancy Pelosi spoke. Nearly all Republican Senators have announced their votes, and "
      "Senators will be asked to vote today.");
  int persons = 0;
  for (const Entity& e : doc.entities()) {
    if (e.type == EntityType::kPerson) {
      ++persons;
      EXPECT_EQ(e.name, "Nancy Pelosi");
    }
  }
  EXPECT_EQ(persons, 1);
  // "Madam Speaker": an honorific and a title, nobody's name.
  Document madam = AnnotateEntities(
      "Madam Speaker, this afternoon Senators will vote. Madam Speaker, the Congress has not "
      "failed. Madam Speaker, I yield back.");
  for (const Entity& e : madam.entities()) EXPECT_NE(e.name, "Madam") << e.id;
  EXPECT_EQ(EntityOf(doc, "Republican Senators").rfind("group/", 0), 0u)
      << EntityOf(doc, "Republican Senators");
}

TEST(EntityStage, AGivenNameFirstMakesAPersonOfATaggedName) {
  Document doc = AnnotateEntities(
      "Joshua Abraham Norton was a citizen of San Francisco. Norton made a living as a "
      "businessman. Norton later lost his fortune.");
  EXPECT_EQ(EntityOf(doc, "Joshua Abraham Norton"), "person/joshua-abraham-norton");
}

TEST(EntityStage, ATitleOfAnOrganisationThenAPersonIsTwoNames) {
  Document doc = AnnotateEntities(
      "After the leak, CEO of the Refugee Council Enver Solomon told Sky News it was wrong.");
  EXPECT_EQ(EntityOf(doc, "Refugee Council"), "org/refugee-council");
  EXPECT_EQ(EntityOf(doc, "Enver Solomon"), "person/enver-solomon");
  // Without a title, only before a given name the lists know.
  Document bare = AnnotateEntities("The Refugee Council Enver Solomon report was read.");
  EXPECT_EQ(EntityOf(bare, "Enver Solomon"), "");
}

TEST(EntityStage, AWordThatEndsOneNameAndStartsAnotherIsTheSurname) {
  // "Warhol Polaroids" (typed a person's name) does not make "Warhol" alone
  // ambiguous: a name alone is a surname far more often than a first name.
  Document doc = AnnotateEntities(
      "Andy Warhol took pictures. The Warhol Polaroids hang in the hall. Warhol liked them.");
  EXPECT_EQ(EntityOf(doc, "Warhol"), "person/andy-warhol");
}

TEST(EntityStage, ASurnameMisspeltByOneLetterIsThePerson) {
  Document doc = AnnotateEntities(
      "Kevin Maurer, the treasurer, spoke first. Recipients must show the photographs, said "
      "Mauer.");
  EXPECT_EQ(EntityOf(doc, "Kevin Maurer"), "person/kevin-maurer");
  EXPECT_EQ(EntityOf(doc, "Mauer"), "person/kevin-maurer");
  // Two surnames that close: neither.
  Document two = AnnotateEntities(
      "Kevin Maurer and Anna Mauser spoke first. Recipients must show the photographs, said "
      "Mauer.");
  EXPECT_NE(EntityOf(two, "Mauer"), "person/kevin-maurer");
  EXPECT_NE(EntityOf(two, "Mauer"), "person/anna-mauser");
  // Also when the tagger takes the misspelt word for a place, next to a
  // reporting verb.
  Document water =
      AnnotateEntities("Kathryn Waters spoke first. \"The plan will fail\", Water said.");
  EXPECT_EQ(EntityOf(water, "Water"), "person/kathryn-waters");
  // After an honorific, a longer surname two edits away, however often it is
  // written ("Ms Bauchtman" for "Lydia Buchtmann"); not without the title,
  // nor when two full names are that close.
  Document ms = AnnotateEntities(
      "Lydia Buchtmann, a spokeswoman, spoke first. Ms Bauchtman said salt helps. Ms Bauchtman "
      "said so again.");
  EXPECT_EQ(EntityOf(ms, "Bauchtman"), "person/lydia-buchtmann");
  Document bare = AnnotateEntities(
      "Lydia Buchtmann, a spokeswoman, spoke first. Bauchtman said salt helps. Bauchtman said "
      "so again.");
  EXPECT_NE(EntityOf(bare, "Bauchtman"), "person/lydia-buchtmann");
  Document both = AnnotateEntities(
      "Lydia Buchtmann and Anna Bachtmann spoke first. Ms Bauchtman said salt helps.");
  EXPECT_NE(EntityOf(both, "Bauchtman"), "person/lydia-buchtmann");
  EXPECT_NE(EntityOf(both, "Bauchtman"), "person/anna-bachtmann");
  // Nor across the honorific's gender.
  Document him = AnnotateEntities(
      "Peter Christensen spoke first. Ms Christiansen, his rival, said he was wrong.");
  EXPECT_NE(EntityOf(him, "Christiansen"), "person/peter-christensen");
  // A first name spelt two ways is one person, named as written most often.
  Document kw = AnnotateEntities(
      "Full interview with Kristin Wilkins. Kristen Wilkins, the curator, opened the show. "
      "Kristen Wilkins spoke. Wilkins said the show would run until March.");
  EXPECT_EQ(EntityOf(kw, "Kristin Wilkins"), EntityOf(kw, "Kristen Wilkins"));
  EXPECT_EQ(EntityOf(kw, "Wilkins"), EntityOf(kw, "Kristen Wilkins"));
  EXPECT_FALSE(EntityOf(kw, "Wilkins").empty());
  // Not two people each written once, nor first names of other genders.
  Document bb = AnnotateEntities("Brian Smith and Bryan Smith are brothers.");
  EXPECT_NE(EntityOf(bb, "Brian Smith"), EntityOf(bb, "Bryan Smith"));
  Document mm = AnnotateEntities(
      "Mark Davis met Mary Davis. Mary Davis spoke. Mary Davis left. Mark Davis stayed.");
  EXPECT_NE(EntityOf(mm, "Mark Davis"), EntityOf(mm, "Mary Davis"));
  // Other surnames one letter apart are other people: a letter more
  // ("Davies" after "David Davis"), another letter ("Smyth" after "Jon
  // Smith"), a known name ("Davis" after "Tom Davies").
  for (const auto& [text, one] : std::vector<std::pair<std::string, std::string>>{
           {"David Davis spoke first. The plan will fail, Davies said.", "Davies"},
           {"Jon Smith spoke first. The plan will fail, Smyth said.", "Smyth"},
           {"Tom Davies spoke first. The plan will fail, Davis said.", "Davis"}}) {
    Document d = AnnotateEntities(text);
    const std::string full = EntityOf(d, text.substr(0, text.find(" spoke")));
    EXPECT_FALSE(full.empty()) << text;
    EXPECT_NE(EntityOf(d, one), full) << text;
  }
}

// Names no list knows are found and typed by the mention tagger; list names keep their ids.
TEST(EntityStage, TaggerFindsUnknownNamesBesideListNames) {
  Document doc = AnnotateEntities(
      "The report was written by Daniel Okafor of the Brennan Institute in Sheffield and "
      "sent to NATO.");
  EXPECT_EQ(EntityOf(doc, "Sheffield"), "place/sheffield");  // one word: dropped without the tagger
  EXPECT_EQ(EntityOf(doc, "Brennan Institute"), "org/brennan-institute");
  EXPECT_EQ(EntityOf(doc, "Daniel Okafor"), "person/daniel-okafor");
  EXPECT_EQ(EntityOf(doc, "NATO"), "org/nato");
  const Mention* sheffield = nullptr;
  for (const Mention& m : doc.mentions()) {
    if (doc.Slice(m.span) == "Sheffield") sheffield = &m;
  }
  ASSERT_NE(sheffield, nullptr);
  EXPECT_EQ(sheffield->rule.view(), "entities.name.tagger");
  EXPECT_EQ(sheffield->type, EntityType::kPlace);
}

TEST(EntityStage, GazetteerNamesOfSeveralWordsBeatTheirParts) {
  // "New England" and "South Australia" are in the gazetteer (WordNet), not in
  // the curated lists: one place each, not a person "New" and a place.
  Document doc = AnnotateEntities(
      "Town meetings in New England and South Australia drew crowds. John Brown spoke.");
  EXPECT_EQ(EntityOf(doc, "New England"), "place/new-england");
  EXPECT_EQ(EntityOf(doc, "South Australia"), "place/south-australia");
  EXPECT_EQ(EntityOf(doc, "New"), "");
  // A person the gazetteer knows keeps the name as written, not WordNet's
  // headword ("Brown").
  EXPECT_EQ(EntityOf(doc, "John Brown"), "person/john-brown");
}

TEST(EntityStage, PluralDemonymsArePeopleAndAdjectivesTheCountry) {
  Document doc =
      AnnotateEntities("Americans will judge the American elections. The Swiss government agreed.");
  EXPECT_EQ(EntityOf(doc, "Americans"), "group/americans");
  EXPECT_EQ(EntityOf(doc, "American"), "place/united-states");
  EXPECT_EQ(EntityOf(doc, "Swiss"), "place/switzerland");  // not a plural
}

TEST(EntityStage, CommonCapitalisedWordsAndEventsAreNoPersonsOrOrganisations) {
  Document doc = AnnotateEntities(
      "By 500 BC the city was rich. You lose 15 IQ points. The area is famous for its "
      "World War II wrecks and hosted the Summer Olympic Games in 2004.");
  EXPECT_EQ(EntityOf(doc, "BC"), "");
  EXPECT_EQ(EntityOf(doc, "IQ"), "");
  const Entity* war = ById(doc, "other/world-war-ii");
  ASSERT_NE(war, nullptr);
  EXPECT_EQ(war->type, EntityType::kOther);
  const Entity* games = ById(doc, "other/summer-olympic-games");
  ASSERT_NE(games, nullptr);
  EXPECT_EQ(games->type, EntityType::kOther);
}

TEST(EntityStage, HeadMentionSkipsPrepositionalComplements) {
  Document doc = AnnotateEntities("Several ministers from the 30-member alliance agreed.");
  std::int32_t m = HeadMention(doc, *testing::SharedResources(),
                               Span{0, static_cast<std::uint32_t>(doc.text().find(" agreed"))});
  ASSERT_GE(m, 0);
  EXPECT_EQ(doc.Slice(doc.mentions()[static_cast<std::size_t>(m)].span), "ministers");
}

// The entity id of the n-th (0-based) mention with exactly this text, or "".
std::string EntityOfNth(const Document& doc, std::string_view text, int n) {
  for (const Mention& m : doc.mentions()) {
    if (doc.Slice(m.span) != text) continue;
    if (n-- > 0) continue;
    return m.entity >= 0 ? doc.entities()[static_cast<std::size_t>(m.entity)].id : "";
  }
  return "";
}

Document AnnotateParsed(std::string text) {
  return testing::Annotate(std::move(text), "2022-11-29",
                           {"clean", "segment", "syntax", "entities"});
}

TEST(EntityStage, AGivenNameAloneIsAPersonWhenTheParseSaysProperNoun) {
  Document doc = AnnotateParsed(
      "Thomas Sam and his wife were charged. Gloria developed severe eczema at four months. "
      "Gloria was taken to a hospital. Will it rain? Frank talks were held in May.");
  EXPECT_EQ(EntityOf(doc, "Gloria"), "person/gloria");
  for (const Entity& e : doc.entities()) {
    EXPECT_NE(e.id, "person/will");
    EXPECT_NE(e.id, "person/frank");
    EXPECT_NE(e.id, "person/may");
  }
  // Once, at the start of a sentence, it stays unknown.
  Document once = AnnotateParsed("Thomas Sam was charged. Marlena did it.");
  EXPECT_EQ(EntityOf(once, "Marlena"), "");
}

TEST(EntityStagePronouns, GenderPicksTheAgreeingPerson) {
  for (bool parsed : {false, true}) {
    std::string text =
        "Mary Smith met John Brown in Paris. She said the talks went well. He disagreed.";
    Document doc = parsed ? AnnotateParsed(text) : AnnotateEntities(text);
    EXPECT_EQ(EntityOf(doc, "She"), "person/mary-smith") << parsed;
    EXPECT_EQ(EntityOf(doc, "He"), "person/john-brown") << parsed;
  }
}

TEST(EntityStagePronouns, TheTopicStaysAheadOfAPersonMentionedInPassing) {
  Document doc = AnnotateParsed(
      "Jens Stoltenberg arrived in Bucharest on Tuesday. He met Dmytro Kuleba at the airport. "
      "He said NATO would not back down.");
  EXPECT_EQ(EntityOfNth(doc, "He", 0), "person/jens-stoltenberg");
  EXPECT_EQ(EntityOfNth(doc, "He", 1), "person/jens-stoltenberg");
}

TEST(EntityStagePronouns, GenderIsLearntFromResolvedPronouns) {
  // Neither given name is in the lists. "She" goes to the subject, Kiri
  // Tane, who is female from then on, so "He" skips her for Oren Vale.
  Document doc = AnnotateParsed("Kiri Tane met Oren Vale. She spoke first. He spoke next.");
  EXPECT_EQ(EntityOf(doc, "She"), "person/kiri-tane");
  EXPECT_EQ(EntityOf(doc, "He"), "person/oren-vale");
}

TEST(EntityStagePronouns, TheTagOfAQuotationIsNotSomeoneNamedInIt) {
  for (bool parsed : {false, true}) {
    std::string text =
        "Professor Cres Eastman spoke to reporters. \u201cI have told Minister John Brown that "
        "all salt should be iodised,\u201d he said.";
    Document doc = parsed ? AnnotateParsed(text) : AnnotateEntities(text);
    EXPECT_EQ(EntityOf(doc, "he"), "person/cres-eastman") << parsed;
  }
}

TEST(EntityStagePronouns, ANameQuotedWithAMisplacedMarkIsNotTheNextSubject) {
  // ',"' opens the quotation (the next mark closes); "Quill Polaroid" is
  // inside it, so "She" is the speaker, not the subject of the quote.
  for (bool parsed : {false, true}) {
    const std::string text =
        "Kirsty Wilde, the curator, met us.\n\nWilde said,\" Quill Polaroid liked the "
        "flash\". She explained the process.";
    Document doc = parsed ? AnnotateParsed(text) : AnnotateEntities(text);
    EXPECT_EQ(EntityOf(doc, "She"), "person/kirsty-wilde") << parsed;
  }
}

TEST(EntityStagePronouns, AKnownGenderBeatsAnUnknownOneForSheAndHe) {
  // "Devin" is in no list of given names; "Maria" is a woman's: with the
  // parse, "She" is Maria Ruiz although Devin Thurlow was named last.
  Document doc = AnnotateParsed(
      "Maria Ruiz founded the studio. The team includes Devin Thurlow. She had several ideas.");
  EXPECT_EQ(EntityOf(doc, "She"), "person/maria-ruiz");
}

TEST(EntityStagePronouns, TheTopicOfTheTextWinsOverAPassingName) {
  // A biography: Byron is named again and again; "he" after a passing
  // mention of a friend is still Byron.
  Document doc = AnnotateParsed(
      "George Byron was born in London. Byron went to school in Aberdeen. Byron wrote poems at "
      "Harrow. The school gave Byron a prize. The headmaster praised John Clare, a boy of noble "
      "birth. The following autumn, he went up to Trinity College.");
  EXPECT_EQ(EntityOf(doc, "he"), "person/george-byron");
}

TEST(EntityStagePronouns, AnObjectPronounIsNotTheSubjectOfItsClause) {
  Document doc = AnnotateParsed("Peter Green said that John Brown praised him.");
  EXPECT_EQ(EntityOf(doc, "him"), "person/peter-green");
}

TEST(EntityStagePronouns, ASubjectPronounIsNoNameItsClauseHolds) {
  // Principle C: "He described Montalvo" is not Montalvo, though Montalvo is
  // the more recent name.
  Document doc = AnnotateParsed(
      "Daniel Montalvo left the church. Montalvo was arrested. Mark Rathbun asked for donations "
      "to help Montalvo. He described Montalvo as a brave man.");
  EXPECT_EQ(EntityOf(doc, "He"), "person/mark-rathbun");
  // A citation in brackets is no argument of the clause.
  Document cite = AnnotateParsed(
      "Charles Fillmore taught at Berkeley. In 1968, he published his theory (Fillmore 1968).");
  EXPECT_EQ(EntityOf(cite, "he"), "person/charles-fillmore");
}

TEST(EntityStagePronouns, ASpeakerIsNoNameItsQuotationHolds) {
  Document doc = AnnotateParsed(
      "Andy Warhol made prints. Warhol was famous. For Kevin Allton, a teacher, Warhol was a "
      "legend. He said, \"Andy Warhol was the center of the Zeitgeist.\"");
  EXPECT_EQ(EntityOf(doc, "He"), "person/kevin-allton");
}

TEST(EntityStage, ATitleOfAnOrganisationAfterANameIsARole) {
  Document doc = AnnotateEntities(
      "\"We wish them well,\" said Neil Aspinall, manager of Apple Corps. Jane Doe, the "
      "chief executive of Acme Corp., declined to comment.");
  const Entity* neil = ById(doc, "person/neil-aspinall");
  ASSERT_NE(neil, nullptr);
  ASSERT_EQ(neil->roles.size(), 1u);
  EXPECT_EQ(neil->roles[0].title, "Manager");
  ASSERT_GE(neil->roles[0].org, 0);
  EXPECT_EQ(doc.entities()[static_cast<std::size_t>(neil->roles[0].org)].id, "org/apple-corps");
  const Entity* jane = ById(doc, "person/jane-doe");
  ASSERT_NE(jane, nullptr);
  ASSERT_EQ(jane->roles.size(), 1u);
  EXPECT_EQ(jane->roles[0].title, "Chief Executive");
  // A comma and a title with nothing it heads: no role.
  Document bare = AnnotateEntities("John Smith, a manager, spoke.");
  const Entity* john = ById(bare, "person/john-smith");
  ASSERT_NE(john, nullptr);
  EXPECT_TRUE(john->roles.empty());
}

TEST(EntityStage, AnAcronymInBracketsNamesTheWordsItSpells) {
  Document doc = AnnotateEntities(
      "Requests came from the deputies of Movimento 5 Stelle (M5S) of the council. Later the "
      "M5S party asked for more.");
  EXPECT_EQ(EntityOf(doc, "Movimento 5 Stelle"), "org/movimento-5-stelle");
  EXPECT_EQ(EntityOfNth(doc, "M5S", 1), "org/movimento-5-stelle");
  // Initials that do not spell it: no link ("UAAR" is the Italian name's).
  Document other = AnnotateEntities(
      "The Union of Rationalist Atheists and Agnostics (UAAR) objected. UAAR said no.");
  EXPECT_NE(EntityOf(other, "UAAR"), EntityOf(other, "Union of Rationalist Atheists"));
}

TEST(EntityStagePronouns, TheyGoesToAGroupNotAPerson) {
  Document doc = AnnotateParsed(
      "NATO foreign ministers met in Bucharest. Jens Stoltenberg spoke. They condemned the "
      "attacks.");
  std::string they = EntityOf(doc, "They");
  EXPECT_FALSE(they.empty());
  EXPECT_NE(they, "person/jens-stoltenberg");
  EXPECT_EQ(they, EntityOf(doc, "NATO foreign ministers"));
}

TEST(EntityStagePronouns, ManyNamesAndPronounsStayLinear) {
  // Thousands of distinct people each followed by a pronoun: every pronoun
  // goes to the person of its own sentence, and the candidate list stays
  // bounded (a quadratic resolver would time out here).
  std::string text, last;
  const int n = 3000;
  for (int i = 0; i < n; ++i) {
    last = "Q";
    last += static_cast<char>('a' + i % 26);
    last += static_cast<char>('a' + i / 26 % 26);
    last += static_cast<char>('a' + i / 676 % 26);
    last += "ola";
    text += "Jens " + last + " arrived. He spoke. ";
  }
  Document doc = AnnotateEntities(text);
  int linked = 0;
  for (const Mention& m : doc.mentions()) {
    if (m.kind == MentionKind::kPronoun && m.entity >= 0) ++linked;
  }
  EXPECT_EQ(linked, n);
  EXPECT_EQ(EntityOfNth(doc, "He", n - 1), "person/jens-q" + last.substr(1));
}

TEST(EntityStagePronouns, WithoutAParseTheSubjectIsGuessedAfterAnOpeningClause) {
  // Stoltenberg is named first, but the main clause's subject is Cook, so the
  // next "He" continues with Cook, not with the first sentence's subject.
  Document doc = AnnotateEntities(
      "Jens Stoltenberg met Tim Cook. Before meeting Stoltenberg again, Cook thanked the hosts. "
      "He said the talks went well.");
  EXPECT_EQ(EntityOf(doc, "He"), "person/tim-cook");
}

TEST(EntityStagePronouns, CitationMarksDoNotPushTheTopicBack) {
  // "[1]" lines between two sentences are no sentences for salience: "he"
  // stays with the subject, not with "Smith" embedded in "the care of".
  Document doc = AnnotateEntities(
      "Jens Stoltenberg spoke first.\n\n[1]\n\n[2]\n\n[3]\n\nPlaced in the care of a Mr Smith, he "
      "waited.");
  EXPECT_EQ(EntityOf(doc, "he"), "person/jens-stoltenberg");
}

TEST(EntityStagePronouns, APluralNameIsNoAntecedentForShe) {
  Document doc = AnnotateEntities(
      "Anne Morel met the Republican Senators. Republican Senators spoke. She left.");
  EXPECT_EQ(EntityOf(doc, "She"), "person/anne-morel");
}

TEST(EntityStagePronouns, TheSurnameIsNoGivenName) {
  // "Cooper" is a given name in the list; in "Yvette Cooper" it is the
  // surname, and the name's gender is unknown, not male.
  Document doc = AnnotateEntities(
      "Shadow Home Secretary Yvette Cooper said her party had supported the idea. She "
      "continued to press the point.");
  EXPECT_EQ(EntityOf(doc, "her"), "person/yvette-cooper");
  EXPECT_EQ(EntityOf(doc, "She"), "person/yvette-cooper");
}

TEST(EntityStage, TheOrganisationWordAloneIsTheOrganisationItHeads) {
  Document doc = AnnotateEntities(
      "Valeska Paris said the Church of Scientology held her. The Church denied it, and the "
      "Saudi Interior Ministry said nothing. The Ministry later agreed.");
  EXPECT_EQ(EntityOf(doc, "Church"), "org/church-of-scientology");
  EXPECT_EQ(EntityOf(doc, "Ministry"), EntityOf(doc, "Saudi Interior Ministry"));
  EXPECT_NE(EntityOf(doc, "Ministry"), "");
  // Two parties: "the Party" is neither.
  Document two =
      AnnotateEntities("The Labour Party and the Conservative Party met. The Party said nothing.");
  EXPECT_NE(EntityOf(two, "Party"), EntityOf(two, "Labour Party"));
  EXPECT_NE(EntityOf(two, "Party"), EntityOf(two, "Conservative Party"));
}

TEST(EntityStage, ATitleBeforeASurnameLinksToTheFullName) {
  Document doc = AnnotateEntities(
      "NASA Administrator Charles Bolden announced the locations. Later, Administrator Bolden "
      "said the choice was hard. Foreign Minister Dmytro Kuleba spoke. Minister Kuleba left.");
  EXPECT_EQ(EntityOf(doc, "Bolden"), "person/charles-bolden");
  EXPECT_EQ(EntityOf(doc, "Kuleba"), "person/dmytro-kuleba");
  // A title before an unknown surname still names a person.
  Document alone = AnnotateEntities("President Obama spoke on Monday.");
  EXPECT_EQ(EntityOf(alone, "Obama"), "person/obama");
}

TEST(EntityStage, AnUnknownNameFoundInPlacesIsAPlace) {
  Document doc = AnnotateEntities(
      "Coron is in the province of Palawan. Fishing was introduced in Coron, and ships sank in "
      "Coron waters. Coron grew.");
  EXPECT_EQ(EntityOf(doc, "Coron"), "place/coron");
  // Once after "in", or with a reporting verb, it stays a person.
  Document person = AnnotateEntities(
      "Smith arrived. We met Dunleavy in Boston and later in Dunleavy's office. Dunleavy said "
      "nothing.");
  EXPECT_NE(EntityOf(person, "Dunleavy"), "place/dunleavy");
  Document named = AnnotateEntities("They hiked up Mount Hood and along the Wildwood Trail.");
  EXPECT_EQ(EntityOf(named, "Mount Hood"), "place/mount-hood");
  EXPECT_EQ(EntityOf(named, "Wildwood Trail"), "place/wildwood-trail");
}

TEST(EntityStage, TheScientistsAreTheTeamNamedJustBefore) {
  Document doc = AnnotateEntities(
      "A research team from MIT has analysed the effects of ozone. The scientists found large "
      "losses. Years later, the doctors disagreed.");
  const std::string team = EntityOf(doc, "research team");
  ASSERT_NE(team, "");
  EXPECT_EQ(EntityOf(doc, "scientists"), team);
  // Too far from the team, and already named before: their own group.
  EXPECT_NE(EntityOf(doc, "doctors"), team);
}

TEST(EntityStage, APlaceNameAfterAGivenNameIsTheSurname) {
  Document doc = AnnotateEntities(
      "Michael Jordan said he would retire. Officials in Jordan said the border was closed.");
  EXPECT_EQ(EntityOf(doc, "Michael Jordan"), "person/michael-jordan");
  EXPECT_EQ(EntityOf(doc, "Jordan"), "place/jordan");  // the second, alone
  // A function word listed as a given name ("The") and a demonym do not:
  // no person "The Canadian", and a made-up press no list knows is no one.
  Document press = AnnotateEntities(
      "The story ran in the press — The Canadian Press, May 2. The Albanian Herald, May 3.");
  EXPECT_EQ(EntityOf(press, "The Canadian Press"), "org/the-canadian-press");
  EXPECT_EQ(EntityOf(press, "The Albanian Herald").rfind("person/", 0), std::string::npos);
}

TEST(EntityStage, TheCityIsTheCityOrMunicipalityNamedJustBefore) {
  Document doc = AnnotateEntities(
      "A school in Milan. Image: Friedrich.\n\n" + std::string(60, 'x') +
      " The schools of Livorno owed taxes. The request was advanced by the Municipality of "
      "Livorno in 2010.\n\nThe city reasoned that the schools were commercial.");
  EXPECT_EQ(EntityOf(doc, "The city"), EntityOf(doc, "Municipality of Livorno"));
  EXPECT_NE(EntityOf(doc, "The city"), "");
  // A city named long before is not the one meant.
  std::string far = "Officials in Milan met on Monday.";
  for (int k = 0; k < 30; ++k) far += " The weather was fine and the talks went on.";
  far += " The city said nothing.";
  EXPECT_EQ(EntityOf(AnnotateEntities(far), "The city"), "");
  // "The city of Lyon" names its city; it does not refer back.
  EXPECT_NE(EntityOf(AnnotateEntities("Officials in Paris met on Monday. The city of Lyon said "
                                      "nothing."),
                     "The city"),
            "place/paris");
}

TEST(EntityStage, CompanyBeforeADataOrPeopleNounIsTheCompany) {
  Document doc = AnnotateEntities(
      "Apple Inc. announced a free case on Friday. According to company statistics, few "
      "customers called.");
  EXPECT_EQ(EntityOf(doc, "company"), "org/apple");
}

TEST(EntityStage, TheCompanyIsTheNearestCompany) {
  // A listed company.
  Document listed = AnnotateEntities(
      "Greenpeace criticised Toyota. Toyota recalled 2 million cars, the company said.");
  EXPECT_EQ(EntityOf(listed, "the company"), "org/toyota");
  // A name no list knows, with a company word.
  Document named = AnnotateEntities(
      "Apple sued Infogear Technology Corp. in May. Infogear Technology Corp. lost. The company "
      "appealed.");
  EXPECT_EQ(EntityOf(named, "The company"), EntityOf(named, "Infogear Technology Corp."));
  EXPECT_NE(EntityOf(named, "The company"), "");
  // An organisation of another kind is no company.
  Document ministry = AnnotateEntities(
      "The Zorbian Interior Ministry said the company had paid. The company denied it.");
  EXPECT_EQ(EntityOf(ministry, "The company"), "");
  // "in the company of" is no reference.
  Document idiom = AnnotateEntities("Apple grew. He travelled in the company of friends.");
  EXPECT_EQ(EntityOf(idiom, "the company"), "");
}

TEST(EntityStage, ADescriptionPassesOverAPossessorToTheOrganisationJustBefore) {
  Document doc = AnnotateEntities(
      "Consumer Reports declined to give Apple's newest phone a rating. The group said the "
      "move was a first step.");
  EXPECT_EQ(EntityOf(doc, "The group"), "org/consumer-reports");
  // The possessor when it is the only one, or when the other is far before.
  Document only = AnnotateEntities("Critics praised Apple's newest phone. The group said so.");
  EXPECT_EQ(EntityOf(only, "The group"), "org/apple");
}

TEST(EntityStage, TheGovernmentIsTheLastCountryWhenNoGovernmentIsNamed) {
  Document doc = AnnotateEntities(
      "Documents were found on a street in Canada. The government said they were not secret.");
  EXPECT_EQ(EntityOf(doc, "The government"), EntityOf(doc, "Canada"));
  EXPECT_NE(EntityOf(doc, "Canada"), "");
  // A named government wins ("the Kremlin" after Russia).
  Document named = AnnotateEntities(
      "Russia shelled Kyiv. The Kremlin denied it. The government "
      "said nothing more.");
  EXPECT_EQ(EntityOf(named, "The government"), "org/kremlin");
}

TEST(EntityStage, TheCompanyIsTheSubjectJustBeforeWithTheParse) {
  // "NBC" is no listed company and has no company word: with the parse, a
  // subject in the sentence or the two before, nearer than the listed Apple.
  Document doc =
      AnnotateParsed("Apple opened a store. NBC bought the rights on Monday, the company said.");
  EXPECT_EQ(EntityOf(doc, "the company"), "org/nbc");
  // Not as an object.
  Document object =
      AnnotateParsed("Apple opened a store. Viewers watched NBC on Monday, the company said.");
  EXPECT_EQ(EntityOf(object, "the company"), "org/apple");
}

TEST(EntityStage, AStudyOrInquiryIsNoPersonAndHeadsItsPhrase) {
  const std::string text =
      "The Australian National Iodine Nutrition Study found a decline. The Olympic Games "
      "organisers said nothing.";
  Document doc = AnnotateEntities(text);
  const std::string study = EntityOf(doc, "National Iodine Nutrition Study");
  ASSERT_NE(study, "");
  EXPECT_EQ(study.rfind("other/", 0), 0u) << study;
  // "The report" after it is the study; with no study named, nothing.
  Document report = AnnotateEntities(
      "The National Iodine Nutrition Study was published on Monday. The report says salt helps.");
  EXPECT_EQ(EntityOf(report, "The report"), EntityOf(report, "National Iodine Nutrition Study"));
  EXPECT_NE(EntityOf(report, "The report"), "");
  Document none = AnnotateEntities("Apple grew. The report says salt helps.");
  EXPECT_EQ(EntityOf(none, "The report"), "");
  // The study heads its phrase; a name of that kind before a noun does not.
  const std::string phrase = "The Australian National Iodine Nutrition Study";
  const std::int32_t head = HeadMention(doc, *testing::SharedResources(),
                                        Span{0, static_cast<std::uint32_t>(phrase.size())});
  ASSERT_GE(head, 0);
  EXPECT_EQ(doc.Slice(doc.mentions()[static_cast<std::size_t>(head)].span),
            "National Iodine Nutrition Study");
  const std::size_t at = text.find("The Olympic Games organisers");
  const std::int32_t org =
      HeadMention(doc, *testing::SharedResources(),
                  Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 28)});
  if (org >= 0) {
    EXPECT_NE(doc.Slice(doc.mentions()[static_cast<std::size_t>(org)].span), "Olympic Games");
  }
}

TEST(EntityStage, AOneWordNameTakesTheTypeItHasElsewhereInTheDocument) {
  Document doc = AnnotateEntities(
      "Foxconn said on Tuesday that it would hire 10,000 workers. Workers at Foxconn protested.");
  const Entity* e = nullptr;
  for (const Entity& x : doc.entities()) {
    if (x.name == "Foxconn") {
      EXPECT_EQ(e, nullptr) << "two entities named Foxconn";
      e = &x;
    }
  }
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kOrg);
  int mentions = 0;
  for (const Mention& m : doc.mentions()) {
    if (doc.Slice(m.span) == "Foxconn" && m.entity >= 0 &&
        &doc.entities()[static_cast<std::size_t>(m.entity)] == e) {
      ++mentions;
    }
  }
  EXPECT_EQ(mentions, 2);
}

TEST(EntityStage, PlaceWordsMonthsAndLoneNameWords) {
  // "Municipality of Culion": the place word and the name after "of".
  Document doc = AnnotateParsed(
      "Coron lost land to the Municipality of Culion. In September 1944, ships sank. Press "
      "okay. What is Government? Francis Hodgson was a Fellow at King's College. Police said "
      "he was armed.");
  // (Its type is the tagger's when the tagger finds the same span.)
  EXPECT_NE(EntityOf(doc, "Municipality of Culion"), "");
  // A month opening a sentence after a preposition is no place.
  EXPECT_EQ(EntityOf(doc, "September"), "");
  // The word that types a name, alone, names nothing; after a possessive
  // it ends a name.
  EXPECT_EQ(EntityOf(doc, "Press"), "");
  EXPECT_EQ(EntityOf(doc, "Government"), "");
  EXPECT_NE(EntityOf(doc, "Police"), "");  // before a verb it stays
  bool college = false;
  for (const Mention& m : doc.mentions()) {
    college = college || (m.entity >= 0 && doc.Slice(m.span).ends_with("College"));
  }
  EXPECT_TRUE(college);
}

TEST(EntityStage, AOneWordPlaceTheGazetteerKnowsIsAPlace) {
  Document doc = AnnotateEntities(
      "Children in South Australia, Western Australia and Queensland were tested.");
  EXPECT_EQ(EntityOf(doc, "Queensland"), "place/queensland");
  // A given name is no place; a surname stays its person's.
  Document florence = AnnotateEntities("The judge thanked Florence for her help.");
  EXPECT_EQ(EntityOf(florence, "Florence").rfind("place/", 0), std::string::npos);
  Document tesla = AnnotateEntities("Nikola Tesla was born in 1856. Tesla said he was poor.");
  EXPECT_EQ(EntityOf(tesla, "Tesla"), "person/nikola-tesla");
}

}  // namespace
}  // namespace tkg
