// Helpers for extraction tests: the shared Resources (loaded once from the
// source tree's extract/data) and Documents built by hand and run through a
// chosen prefix of the stages.
//
//   Document doc = testing::Annotate("He said it on Tuesday.", "2022-11-29",
//                                    {"clean", "segment", "time"});

#ifndef TKG_TESTS_TESTING_DOCUMENTS_H_
#define TKG_TESTS_TESTING_DOCUMENTS_H_

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/time_anchor.h"
#include "extract/document.h"
#include "extract/pipeline.h"
#include "extract/resources.h"

namespace tkg::testing {

// The resources of extract/data/en; aborts the test binary if they do not load.
const std::shared_ptr<const Resources>& SharedResources();

// A document with id "test" and publication date `date` ("" for none).
Document MakeDocument(std::string text, std::string_view date = "");

// Builds the named stages ("clean", "segment", "entities", "time", "claims",
// "facts") in the order given and runs them on a new document. Fails the
// current test (ADD_FAILURE) if a stage is unknown or returns an error.
Document Annotate(std::string text, std::string_view date,
                  std::initializer_list<std::string_view> stages);

// The texts of the document's tokens, sentences, timexes.
std::vector<std::string> TokenTexts(const Document& doc);
std::vector<std::string> SentenceTexts(const Document& doc);

}  // namespace tkg::testing

#endif  // TKG_TESTS_TESTING_DOCUMENTS_H_
