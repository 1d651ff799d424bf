// Runs a real program of the machine (rapper, xmllint, chromium) through the
// shell for a test and returns its exit status and output (stdout and
// stderr together).

#ifndef TKG_TESTS_TESTING_RUN_TOOL_H_
#define TKG_TESTS_TESTING_RUN_TOOL_H_

#include <stdio.h>

#include <fstream>
#include <string>

#include <sys/wait.h>

namespace tkg::testing {

struct ToolRun {
  int status = -1;  // the exit status; -1 when the program did not run or was killed
  std::string output;
};

// Runs `command` with /bin/sh, stderr merged into stdout.
inline ToolRun RunTool(const std::string& command) {
  ToolRun r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) r.output.append(buf, n);
  const int w = pclose(p);
  if (w != -1 && WIFEXITED(w)) r.status = WEXITSTATUS(w);
  return r;
}

inline bool WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  return out.good();
}

// `s` quoted for /bin/sh.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

}  // namespace tkg::testing

#endif  // TKG_TESTS_TESTING_RUN_TOOL_H_
