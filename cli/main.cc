// tkg: builds a timeline and claims knowledge graph from news articles.
// main() only dispatches to the subcommands (cli/cmd_*.cc) and turns their
// Status into the exit status: 0 ok, 1 runtime failure, 2 bad usage.

#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

void PrintUsage(std::ostream& out) {
  out << "usage: tkg <command> [flags]\n\ncommands:\n";
  for (const tkg::cli::Command& c : tkg::cli::Commands()) {
    std::string left = "  " + c.name;
    left.resize(13, ' ');
    out << left << c.summary << "\n";
  }
  out << "\n'tkg help <command>' shows a command's flags.\n"
         "exit status: 0 ok, 1 runtime failure, 2 bad usage\n";
}

void PrintCommandHelp(const tkg::cli::Command& c, std::ostream& out) {
  out << "usage: tkg " << c.name << " " << c.args << "\n\n"
      << c.summary << "\n\nflags:\n"
      << tkg::cli::FlagHelp(c.flags) << "  -h, --help              show this help\n";
}

const tkg::cli::Command* Find(const std::string& name) {
  for (const tkg::cli::Command& c : tkg::cli::Commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  std::string name = argv[1];
  if (name == "help" || name == "--help" || name == "-h") {
    if (argc >= 3) {
      if (const tkg::cli::Command* c = Find(argv[2])) {
        PrintCommandHelp(*c, std::cout);
        return kExitOk;
      }
      tkg::cli::PrintError(std::string("unknown command '") + argv[2] + "'");
      return kExitUsage;
    }
    PrintUsage(std::cout);
    return kExitOk;
  }
  if (name == "--version" || name == "version") {
    std::cout << "tkg " << TKG_VERSION << "\n";
    return kExitOk;
  }
  const tkg::cli::Command* cmd = Find(name);
  if (cmd == nullptr) {
    tkg::cli::PrintError("unknown command '" + name + "' (try 'tkg help')");
    return kExitUsage;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      PrintCommandHelp(*cmd, std::cout);
      return kExitOk;
    }
  }
  auto flags = tkg::cli::Flags::Parse(args, cmd->flags);
  if (!flags.ok()) {
    tkg::cli::PrintError("tkg " + cmd->name + ": " + flags.status().message());
    std::cerr << "usage: tkg " << cmd->name << " " << cmd->args << "\n";
    return kExitUsage;
  }
  tkg::Status s;
  try {
    s = cmd->run(*flags);
  } catch (const std::exception& e) {
    // Nothing in tkg throws on purpose; this only catches what a library or
    // the allocator threw, so that the user still gets a message.
    s = tkg::Status::IoError(std::string("unexpected exception: ") + e.what());
  }
  if (s.ok()) return kExitOk;
  if (!s.message().empty()) tkg::cli::PrintError(s.message());
  if (s.IsUsage()) {
    std::cerr << "usage: tkg " << cmd->name << " " << cmd->args << "\n";
    return kExitUsage;
  }
  return kExitFailure;
}
