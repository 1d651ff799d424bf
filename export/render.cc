#include "export/render.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include <sys/types.h>
#include <sys/wait.h>

extern char** environ;

namespace tkg {
namespace {

// dot's stderr is kept up to this size for the error message.
constexpr std::size_t kMaxStderr = 64 * 1024;

// An owned file descriptor, closed on destruction.
class Fd {
 public:
  Fd() = default;
  ~Fd() { Close(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;

  // Takes ownership of `fd`, closing the one held before.
  void Reset(int fd) {
    Close();
    fd_ = fd;
  }
  int get() const { return fd_; }
  bool open() const { return fd_ >= 0; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// A pipe whose two ends are close-on-exec, so that they leak into no other
// child; posix_spawn's dup2 onto 0/1/2 clears the flag on the child's copy.
bool MakePipe(Fd* read_end, Fd* write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  read_end->Reset(fds[0]);
  write_end->Reset(fds[1]);
  return true;
}

void SetNonBlocking(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) (void)::fcntl(fd, F_SETFL, flags | O_NONBLOCK);  // best effort
}

std::string ErrnoText(int err) { return std::strerror(err); }

std::string NotInstalled(const std::string& program) {
  return "Graphviz '" + program + "' is not installed (apt-get install graphviz)";
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// Blocks SIGPIPE in the calling thread while it writes to the child's stdin,
// so that a child that exits early (bad input) gives EPIPE instead of killing
// the process. On destruction a SIGPIPE raised meanwhile is consumed and the
// old mask restored. This leaves the process-wide disposition alone.
class SigPipeGuard {
 public:
  SigPipeGuard() {
    sigemptyset(&pipe_set_);
    sigaddset(&pipe_set_, SIGPIPE);
    sigset_t pending;
    sigemptyset(&pending);
    if (sigpending(&pending) == 0) was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    blocked_ = pthread_sigmask(SIG_BLOCK, &pipe_set_, &old_) == 0;
  }
  ~SigPipeGuard() {
    if (!blocked_) return;
    if (!was_pending_) {
      sigset_t pending;
      sigemptyset(&pending);
      if (sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1) {
        const timespec zero{0, 0};
        while (sigtimedwait(&pipe_set_, nullptr, &zero) < 0 && errno == EINTR) {
        }
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigPipeGuard(const SigPipeGuard&) = delete;
  SigPipeGuard& operator=(const SigPipeGuard&) = delete;

 private:
  sigset_t pipe_set_;
  sigset_t old_;
  bool was_pending_ = false;
  bool blocked_ = false;
};

// Reads what is available from `fd` into *out (at most `limit` bytes kept).
// Closes `fd` at end of file or on an error.
void Drain(Fd* fd, std::string* out, std::size_t limit) {
  char buf[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd->get(), buf, sizeof(buf));
    if (n > 0) {
      const auto got = static_cast<std::size_t>(n);
      if (out->size() < limit) out->append(buf, std::min(got, limit - out->size()));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    fd->Close();  // end of file, or an error we cannot recover from
    return;
  }
}

// The status of the child `pid`, waiting for it to exit.
int WaitFor(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return status;
}

}  // namespace

Result<std::string> RenderDot(std::string_view dot_text, std::string_view format,
                              const std::string& dot_program) {
  if (format != "svg" && format != "png") {
    return Status::InvalidArgument("cannot render format '" + std::string(format) +
                                   "' (svg or png)");
  }
  Fd in_read, in_write, out_read, out_write, err_read, err_write;
  if (!MakePipe(&in_read, &in_write) || !MakePipe(&out_read, &out_write) ||
      !MakePipe(&err_read, &err_write)) {
    return Status::IoError("cannot create a pipe for " + dot_program + ": " + ErrnoText(errno));
  }

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  if (posix_spawn_file_actions_init(&actions) != 0) {
    return Status::IoError("cannot prepare to run " + dot_program);
  }
  if (posix_spawnattr_init(&attr) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return Status::IoError("cannot prepare to run " + dot_program);
  }
  posix_spawn_file_actions_adddup2(&actions, in_read.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_write.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_write.get(), STDERR_FILENO);
  // The child starts with no blocked signals and SIGPIPE at its default, even
  // when this process blocks or ignores it.
  sigset_t empty, defaults;
  sigemptyset(&empty);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &empty);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::string program = dot_program;
  std::string type_flag = "-T" + std::string(format);
  char* argv[] = {program.data(), type_flag.data(), nullptr};
  pid_t pid = 0;
  const int spawn_error = posix_spawnp(&pid, program.c_str(), &actions, &attr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawn_error == ENOENT) return Status::NotFound(NotInstalled(dot_program));
  if (spawn_error != 0) {
    return Status::IoError("cannot run " + dot_program + ": " + ErrnoText(spawn_error));
  }
  // The child holds its copies; ours must go so that EOF reaches each side.
  in_read.Close();
  out_write.Close();
  err_write.Close();
  SetNonBlocking(in_write.get());
  SetNonBlocking(out_read.get());
  SetNonBlocking(err_read.get());

  // Write stdin and read stdout and stderr together: dot may fill its output
  // pipe before it has read all of its input, so sequential I/O could
  // deadlock.
  std::string output, errors;
  std::size_t written = 0;
  if (dot_text.empty()) in_write.Close();
  {
    SigPipeGuard guard;
    while (out_read.open() || err_read.open()) {
      pollfd fds[3];
      nfds_t n = 0;
      int in_slot = -1, out_slot = -1, err_slot = -1;
      if (in_write.open()) {
        in_slot = static_cast<int>(n);
        fds[n++] = {in_write.get(), POLLOUT, 0};
      }
      if (out_read.open()) {
        out_slot = static_cast<int>(n);
        fds[n++] = {out_read.get(), POLLIN, 0};
      }
      if (err_read.open()) {
        err_slot = static_cast<int>(n);
        fds[n++] = {err_read.get(), POLLIN, 0};
      }
      if (::poll(fds, n, -1) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (in_slot >= 0 && fds[in_slot].revents != 0) {
        const std::size_t chunk = std::min<std::size_t>(dot_text.size() - written, 64 * 1024);
        const ssize_t w = ::write(in_write.get(), dot_text.data() + written, chunk);
        if (w > 0) {
          written += static_cast<std::size_t>(w);
          if (written == dot_text.size()) in_write.Close();
        } else if (w < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
          in_write.Close();  // EPIPE: dot stopped reading; its exit status tells why
        }
      }
      if (out_slot >= 0 && fds[out_slot].revents != 0) Drain(&out_read, &output, SIZE_MAX);
      if (err_slot >= 0 && fds[err_slot].revents != 0) Drain(&err_read, &errors, kMaxStderr);
    }
    in_write.Close();
  }
  out_read.Close();
  err_read.Close();

  const int status = WaitFor(pid);
  const std::string command = dot_program + " " + type_flag;
  if (status < 0) return Status::IoError("cannot wait for " + command + ": " + ErrnoText(errno));
  if (WIFEXITED(status)) {
    const int code = WEXITSTATUS(status);
    if (code == 0) return output;
    // 127: the shell convention for "command not found", which an exec
    // wrapper in the program's place reports.
    if (code == 127) return Status::NotFound(NotInstalled(dot_program));
    return Status::IoError(command + " failed (exit status " + std::to_string(code) +
                           "): " + Trim(errors));
  }
  if (WIFSIGNALED(status)) {
    return Status::IoError(command + " was killed by signal " + std::to_string(WTERMSIG(status)) +
                           ": " + Trim(errors));
  }
  return Status::IoError(command + " ended abnormally: " + Trim(errors));
}

}  // namespace tkg
