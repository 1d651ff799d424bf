# Shared helpers for the end-to-end CLI tests. Each test script sources this
# file; ctest runs it with $TKG (the built binary) and $SRC (the source root).
set -euo pipefail

: "${TKG:?set TKG to the tkg binary}"
: "${SRC:?set SRC to the source root}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tkg-cli-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export TKG_DB="$WORK/tkg.db"
NATO="$SRC/samples/nato-bucharest-2022-11-29.txt"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# expect_status N command...: runs the command, checks its exit status, and
# leaves its stdout in $WORK/out and stderr in $WORK/err.
expect_status() {
  local want=$1
  shift
  set +e
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  set -e
  if [ "$got" -ne "$want" ]; then
    echo "--- stdout" >&2; head -c 2000 "$WORK/out" >&2
    echo "--- stderr" >&2; head -c 2000 "$WORK/err" >&2
    fail "'$*' exited $got, expected $want"
  fi
}

# expect_in FILE TEXT: FILE contains TEXT (fixed string).
expect_in() {
  grep -qF -- "$2" "$1" || { echo "--- $1" >&2; head -c 3000 "$1" >&2; fail "'$2' not found in $1"; }
}

# expect_not_in FILE TEXT
expect_not_in() {
  if grep -qF -- "$2" "$1"; then fail "'$2' unexpectedly found in $1"; fi
}

# count_in FILE TEXT: how many lines contain TEXT.
count_in() { grep -cF -- "$2" "$1" || true; }

# compare_golden DIR FILE...: each $WORK/FILE equals DIR/FILE; with
# TKG_UPDATE_GOLDEN=1, copies them into DIR first (review the diff).
compare_golden() {
  local dir=$1
  shift
  if [ "${TKG_UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$dir"
    for f in "$@"; do cp "$WORK/$f" "$dir/"; done
    echo "golden files updated in $dir"
  fi
  for f in "$@"; do
    diff -u "$dir/$f" "$WORK/$f" || fail "$f differs from $dir/$f (TKG_UPDATE_GOLDEN=1 to accept)"
  done
}
