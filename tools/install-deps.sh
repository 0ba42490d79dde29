#!/bin/sh
# shellcheck disable=SC2086 # $PKGS and $missing are word lists, unquoted on purpose
# tools/install-deps.sh - install the Debian 12 packages LumPy needs, only the
# missing ones. `make test`, `make demo` and `make sanitize` call it every time,
# so when everything is present it must be a fast no-op (one dpkg-query call).
#
#   sh tools/install-deps.sh            install what is missing (apt-get; sudo if not root)
#   sh tools/install-deps.sh --check    only list what is missing; exit 1 if anything is
#
# Packages and why:
#   gcc make libc6-dev                  compiler and build (gcc only Recommends libc6-dev)
#   libasan8 libubsan1                  AddressSanitizer/UBSan runtimes for `make sanitize`
#                                       (gcc 12 pulls them in through libgcc-12-dev; listed
#                                       so that a missing one is reported by name)
#   pkg-config liblua5.4-dev lua5.4     the Lua 5.4 headers and interpreter
#   liblua5.3-dev lua5.3                `make test-lua`: the specs under Lua 5.3, LuaJIT 2.1,
#   libluajit-5.1-dev luajit            5.2 and 5.1 too, each built against its own headers
#   liblua5.2-dev lua5.2
#   liblua5.1-0-dev lua5.1
#   libopenblas-dev liblapacke-dev      BLAS/LAPACK for np.linalg (the default build)
#   libblas-dev liblapack-dev           the reference BLAS/LAPACK, libopenblas64-dev
#   libopenblas64-dev liblapacke64-dev  and liblapacke64-dev (ILP64) and libblis-dev:
#   libblis-dev                         `make test-blas` runs the linalg specs with each
#   libfftw3-dev                        FFTW for np.fft (later issues)
#   libsleef-dev                        SLEEF: vector exp/log/sin/... of the AVX2 and
#                                       AVX-512 kernel levels (src/simd/kernels.c)
#   gcc-aarch64-linux-gnu qemu-user     `make cross-aarch64`: the C core and kernels
#                                       cross-built for aarch64 and tested under qemu
#   valgrind libdlpack-dev              `make test-embed`: the embedding example under
#                                       valgrind; dlpack.h for the DLPack layout test
#   lua-busted                          the spec runner
#   luarocks                            `luarocks make` / `make check-rock`
#   python3-numpy                       fixtures and benchmarks only
#   zlib1g-dev                          zlib: the deflated members of .npz files
set -eu

PKGS="gcc make libc6-dev libasan8 libubsan1 pkg-config
liblua5.4-dev lua5.4 liblua5.3-dev lua5.3 libluajit-5.1-dev luajit
liblua5.2-dev lua5.2 liblua5.1-0-dev lua5.1 libopenblas-dev liblapacke-dev libfftw3-dev libsleef-dev
libblas-dev liblapack-dev libopenblas64-dev liblapacke64-dev libblis-dev
lua-busted luarocks python3-numpy gcc-aarch64-linux-gnu qemu-user
valgrind libdlpack-dev zlib1g-dev"

check_only=0
case "${1:-}" in
  --check) check_only=1 ;;
  "") ;;
  *) echo "usage: sh tools/install-deps.sh [--check]" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: dpkg-query not found: this script knows only Debian 12." >&2
  echo "install-deps: install the equivalents of:" $PKGS >&2
  exit 0
fi

# One query for all packages. Lines look like "lua5.4 ii " when installed;
# packages dpkg has never heard of are simply absent (stderr silenced).
status=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' $PKGS 2>/dev/null || true)
nl='
'
missing=""
for p in $PKGS; do
  case "$nl$status" in
    *"$nl$p ii"*) ;;
    *) missing="$missing $p" ;;
  esac
done

[ -z "$missing" ] && exit 0

echo "install-deps: missing:$missing" >&2
[ "$check_only" = 1 ] && exit 1

if [ "$(id -u)" = 0 ]; then
  run() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
  run() { sudo "$@"; }
else
  echo "install-deps: not root and no sudo; as root run: apt-get install$missing" >&2
  exit 1
fi

log=$(mktemp "${TMPDIR:-/tmp}/lumpy-install-deps.XXXXXX")
trap 'rm -f "$log"' EXIT
# Quiet: apt's progress goes to the log, errors go to stderr as they happen,
# and the whole log is shown if a step fails.
apt_get() {
  if ! run env DEBIAN_FRONTEND=noninteractive apt-get -q -y \
         -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300 "$@" >>"$log"; then
    echo "install-deps: 'apt-get $*' failed; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
}
apt_get update
apt_get install $missing

# Make sure apt really installed everything (a renamed package would otherwise
# only show up later as a confusing build error).
status=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' $PKGS 2>/dev/null || true)
for p in $missing; do
  case "$nl$status" in
    *"$nl$p ii"*) ;;
    *) echo "install-deps: $p is still not installed" >&2; exit 1 ;;
  esac
done
echo "install-deps: installed:$missing" >&2
