// Assertions for Status and Result, in the style of LevelDB's testutil.h.
//   ASSERT_OK(store.Put(x));
//   EXPECT_OK(result);            // a Result<T>
//   EXPECT_THAT(s, StatusIs(Status::Code::kNotFound));

#ifndef TKG_TESTS_TESTING_STATUS_MATCHERS_H_
#define TKG_TESTS_TESTING_STATUS_MATCHERS_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/result.h"
#include "core/status.h"

namespace tkg::testing {

inline const Status& ToStatus(const Status& s) { return s; }
template <typename T>
const Status& ToStatus(const Result<T>& r) {
  return r.status();
}

MATCHER_P(StatusIs, code, "") {
  const Status& s = ::tkg::testing::ToStatus(arg);
  *result_listener << "status is " << s.ToString();
  return s.code() == code;
}

}  // namespace tkg::testing

#define ASSERT_OK(expr) \
  ASSERT_TRUE(::tkg::testing::ToStatus(expr).ok()) << ::tkg::testing::ToStatus(expr).ToString()
#define EXPECT_OK(expr) \
  EXPECT_TRUE(::tkg::testing::ToStatus(expr).ok()) << ::tkg::testing::ToStatus(expr).ToString()

#endif  // TKG_TESTS_TESTING_STATUS_MATCHERS_H_
