#!/bin/sh
# tools/simd-config.sh - turn the NumPy-style build options CPU_BASELINE and
# CPU_DISPATCH into the SIMD levels the Makefile compiles src/simd/kernels.c
# at, and the compiler flags of each. Called by the Makefile:
#
#   sh tools/simd-config.sh QUERY ARCH "CPU_BASELINE" "CPU_DISPATCH" CC
#
# QUERY is one of
#   base        the baseline level (every file is compiled for it)
#   dispatch    the levels above the baseline, lowest first
#   flags LEVEL the compiler flags of LEVEL (cumulative)
#   features LEVEL  the CPU features LEVEL needs (cumulative, NumPy's names)
#   levels      every level of the architecture
#   allfeatures every feature name of the architecture
# Errors print a line starting "error:" and exit 1.
#
# The levels, lowest first. x86-64: SSE2 is the ABI's own floor; SSE42 is
# x86-64-v2; AVX2 adds AVX, F16C and FMA3 (x86-64-v3's vector part);
# AVX512_SKX is AVX-512 F/CD/BW/DQ/VL (x86-64-v4). aarch64: ASIMD (NEON) only.
#
# CPU_BASELINE: "min" (default: SSE42 on x86-64, ASIMD on aarch64), "none"
#   (SSE2: the ABI floor), "native" (the highest level the build machine's
#   compiler enables with -march=native), "max", or level / feature names
#   (the baseline becomes the lowest level that has all of them).
# CPU_DISPATCH: "max" (default: every level above the baseline), "none",
#   level names, and "-NAME" to drop every level that needs feature NAME,
#   e.g. "max -AVX512F".
set -eu

query=$1; shift
[ "$query" = flags ] || [ "$query" = features ] && { what=$1; shift; }
arch=$1 baseline=${2:-min} dispatch=${3:-max} cc=${4:-cc}

case "$arch" in
  x86_64|amd64) LEVELS="SSE2 SSE42 AVX2 AVX512_SKX" ;;
  aarch64|arm64) LEVELS="ASIMD" ;;
  *) LEVELS="GENERIC" ;;
esac

# features and flags that each level adds to the one below it
own_features() {
  case $1 in
    SSE2) echo "SSE SSE2" ;;
    SSE42) echo "SSE3 SSSE3 SSE41 POPCNT SSE42" ;;
    AVX2) echo "AVX F16C FMA3 AVX2" ;;
    AVX512_SKX) echo "AVX512F AVX512CD AVX512BW AVX512DQ AVX512VL" ;;
    ASIMD) echo "NEON NEON_FP16 NEON_VFPV4 ASIMD" ;;
    GENERIC) echo "" ;;
  esac
}
own_flags() {
  case $1 in
    SSE42) echo "-msse3 -mssse3 -msse4.1 -mpopcnt -msse4.2" ;;
    AVX2) echo "-mavx -mf16c -mfma -mavx2" ;;
    AVX512_SKX) echo "-mavx512f -mavx512cd -mavx512bw -mavx512dq -mavx512vl -mprefer-vector-width=256" ;;
    *) echo "" ;;
  esac
}
# cumulative: the level's and every lower level's
cumulative() {   # $1 own_features|own_flags, $2 level
  out=""
  for l in $LEVELS; do
    out="$out $($1 "$l")"
    [ "$l" = "$2" ] && break
  done
  echo $out
}
index_of() {
  i=0
  for l in $LEVELS; do
    [ "$l" = "$1" ] && { echo $i; return; }
    i=$((i + 1))
  done
  echo -1
}
# the lowest level that has feature or level NAME; empty if none
level_of() {
  for l in $LEVELS; do
    [ "$l" = "$1" ] && { echo "$l"; return; }
    for f in $(own_features "$l"); do
      [ "$f" = "$1" ] && { echo "$l"; return; }
    done
  done
  return 0
}
die() { echo "error: $*"; exit 1; }

first=${LEVELS%% *}
last=${LEVELS##* }
min=$first
[ "$first" = SSE2 ] && min=SSE42

# ---- the baseline
case "$baseline" in
  min|"") base=$min ;;
  none) base=$first ;;
  max) base=$last ;;
  native)
    base=$first
    macros=$($cc -march=native -dM -E - </dev/null 2>/dev/null || true)
    case "$arch" in
      x86_64|amd64)
        echo "$macros" | grep -q '__SSE4_2__' && base=SSE42
        echo "$macros" | grep -q '__AVX2__' && echo "$macros" | grep -q '__FMA__' && base=AVX2
        echo "$macros" | grep -q '__AVX512VL__' && echo "$macros" | grep -q '__AVX512BW__' &&
          echo "$macros" | grep -q '__AVX512DQ__' && base=AVX512_SKX ;;
    esac ;;
  *)
    base=$first
    for name in $baseline; do
      l=$(level_of "$name")
      [ -n "$l" ] || die "CPU_BASELINE: unknown CPU feature or level '$name' (levels: $LEVELS)"
      [ "$(index_of "$l")" -gt "$(index_of "$base")" ] && base=$l
    done ;;
esac

# ---- the dispatched levels
levels=""
drops=""
for word in $dispatch; do
  case "$word" in
    max) for l in $LEVELS; do levels="$levels $l"; done ;;
    none) ;;
    -*) name=${word#-}
        [ -n "$(level_of "$name")" ] || die "CPU_DISPATCH: unknown CPU feature or level '$name'"
        drops="$drops $name" ;;
    *) l=$(level_of "$word")
       [ -n "$l" ] || die "CPU_DISPATCH: unknown CPU feature or level '$word' (levels: $LEVELS)"
       levels="$levels $l" ;;
  esac
done
bi=$(index_of "$base")
chosen=""
for l in $LEVELS; do
  [ "$(index_of "$l")" -gt "$bi" ] || continue
  case " $levels " in *" $l "*) ;; *) continue ;; esac
  keep=1
  for d in $drops; do
    case " $(cumulative own_features "$l") $l " in *" $d "*) keep=0 ;; esac
  done
  [ $keep = 1 ] && chosen="$chosen $l"
done

case "$query" in
  base) echo "$base" ;;
  dispatch) echo $chosen ;;
  flags) [ "$(index_of "$what")" -ge 0 ] || die "no level '$what'"
         if [ "$what" = "$base" ] && [ "$baseline" = native ]; then echo "-march=native"
         else cumulative own_flags "$what"; fi ;;
  features) [ "$(index_of "$what")" -ge 0 ] || die "no level '$what'"
            cumulative own_features "$what" ;;
  levels) echo $LEVELS ;;
  allfeatures) cumulative own_features "$last" ;;
  *) die "unknown query '$query'" ;;
esac
