#!/usr/bin/env bash
# Whole-CLI benchmark: builds a corpus, then reports MB/s, files/s and peak RSS for
# `copylint check --format json`, start-to-exit time for one 10 KB article, linear
# cost on a 100 MB file, a 10 MB single line and a file of a million short lines,
# and ripgrep scanning the same corpus for the rule files' phrases when installed.
#
#   bench/run.sh [WORK_DIR]        (default: /tmp/copylint-bench)
#   FILES=2000 SIZE=10000 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-/tmp/copylint-bench}
FILES=${FILES:-2000}
SIZE=${SIZE:-10000}
mkdir -p "$WORK"

cargo build --release --quiet
BIN=$PWD/target/release/copylint
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time (/usr/bin/time, Debian package: time)"; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(uname -sr)"
echo "copylint: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

if [ ! -f "$WORK/corpus/.done-$FILES-$SIZE" ]; then
  rm -rf "$WORK/corpus"
  python3 bench/gen_corpus.py "$WORK/corpus" "$FILES" "$SIZE"
  touch "$WORK/corpus/.done-$FILES-$SIZE"
fi
if [ ! -f "$WORK/stress/.done" ]; then
  mkdir -p "$WORK/stress"
  python3 - "$WORK" <<'PY'
import glob, sys
work = sys.argv[1]
files = sorted(glob.glob(f"{work}/corpus/*.txt"))
text = "".join(open(f, encoding="utf-8").read() for f in files)
with open(f"{work}/stress/big-100mb.txt", "w", encoding="utf-8") as f:
    n = 0
    while n < 100_000_000:
        f.write(text)
        n += len(text.encode())
line = text[:10_500_000].replace("\r", " ").replace("\n", " ")
line = line.encode()[:10_000_000].decode("utf-8", "ignore").rsplit(" ", 1)[0]
open(f"{work}/stress/line-10mb.txt", "w", encoding="utf-8").write(line + "\n")
words = text.split()
with open(f"{work}/stress/lines-1m.txt", "w", encoding="utf-8") as f:
    for i in range(1_000_000):
        k = (i * 3) % (len(words) - 3)
        f.write(" ".join(words[k:k + 3]) + "\n")
PY
  touch "$WORK/stress/.done"
fi

# run LABEL BYTES FILES CMD...: wall time, MB/s, files/s, peak RSS.
run() {
  local label=$1 bytes=$2 files=$3
  shift 3
  local log="$WORK/time.log"
  "$TIME" -v "$@" > /dev/null 2> "$log" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$log")
  awk -v l="$label" -v b="$bytes" -v f="$files" -v w="$wall" -v r="$rss" 'BEGIN {
    printf "%-34s %8.2f s %9.1f MB/s %9.0f files/s %6d MB peak RSS\n", l, w, b/1e6/w, f/w, r }'
}

CORPUS_BYTES=$(cat "$WORK"/corpus/*.txt | wc -c)
echo
echo "corpus: $FILES files, $(awk -v b="$CORPUS_BYTES" 'BEGIN {printf "%.1f", b/1e6}') MB"
run "check --format json (corpus)" "$CORPUS_BYTES" "$FILES" "$BIN" check --no-config --format json "$WORK/corpus"
for f in big-100mb line-10mb lines-1m; do
  b=$(wc -c < "$WORK/stress/$f.txt")
  run "check --format json ($f)" "$b" 1 "$BIN" check --no-config --format json "$WORK/stress/$f.txt"
done

ALL=("$WORK"/corpus/*.txt)
ONE=${ALL[0]}
echo
echo "one 10 KB article, process start to exit:"
if command -v hyperfine > /dev/null; then
  hyperfine -N -i --warmup 5 --runs 50 --style basic "$BIN check --no-config --format json $ONE" 2>&1 \
    | grep -E "Time|Range"
else
  start=$(date +%s%N)
  for _ in $(seq 50); do "$BIN" check --no-config --format json "$ONE" > /dev/null || true; done
  echo "  mean $(( ($(date +%s%N) - start) / 50000 )) µs over 50 runs (hyperfine not installed)"
fi

if command -v rg > /dev/null; then
  # The literal phrases of the rule files, as ripgrep patterns.
  python3 - "$WORK/phrases.txt" <<'PY'
import glob, sys, tomllib
out = set()
for f in glob.glob("lints/*.toml"):
    d = tomllib.load(open(f, "rb"))
    out.update(d.get("phrases", []))
    out.update(d.get("substitutions", {}).keys())
open(sys.argv[1], "w").write("\n".join(sorted(out)) + "\n")
PY
  echo
  echo "ripgrep, same corpus, the rule files' $(wc -l < "$WORK/phrases.txt") phrases (-i -F -w):"
  run "rg (corpus)" "$CORPUS_BYTES" "$FILES" rg -i -F -w -c -f "$WORK/phrases.txt" "$WORK/corpus"
fi
