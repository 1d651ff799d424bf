#include "core/status.h"

#include <gtest/gtest.h>

#include "core/result.h"

namespace tkg {
namespace {

TEST(Status, OkHasNoMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, ErrorCarriesCodeAndMessage) {
  Status s = Status::NotFound("no such file: a.txt");
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_EQ(s.ToString(), "NotFound: no such file: a.txt");
  EXPECT_EQ(s.WithPrefix("ingest").message(), "ingest: no such file: a.txt");
  EXPECT_TRUE(Status().WithPrefix("x").ok());
}

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd");
  return x / 2;
}

Status UseHalf(int x, int* out) {
  TKG_ASSIGN_OR_RETURN(int h, Half(x));
  *out = h;
  return Status();
}

TEST(Result, ValueOrError) {
  Result<int> r = Half(8);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 4);
  Result<int> e = Half(3);
  EXPECT_FALSE(e.ok());
  EXPECT_TRUE(e.status().IsInvalidArgument());
  int out = 0;
  EXPECT_TRUE(UseHalf(10, &out).ok());
  EXPECT_EQ(out, 5);
  EXPECT_EQ(UseHalf(7, &out).message(), "odd");
}

}  // namespace
}  // namespace tkg
