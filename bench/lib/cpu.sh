# shellcheck shell=bash
# CPU accounting shared by the bench scripts. Sourced, not run.

# CPU seconds (user + system) a process has used
cpu_of() { awk '{sub(/^.*\) /, ""); print ($12 + $13) / 100}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# every postgres process alive, plus what the ones that ended used (the postmaster's cutime and cstime: a backend of a
# closed connection, such as pgbench's)
cpu_postgres() {
  local s=0 p
  for p in $(pgrep -x postgres); do s=$(awk -v a="$s" -v b="$(cpu_of "$p")" 'BEGIN{print a+b}'); done
  p=$(pgrep -x -o postgres)
  awk -v a="$s" '{sub(/^.*\) /, ""); print a + ($14 + $15) / 100}' "/proc/$p/stat"
}

# CPU seconds of a process by thread group ("name cpu" lines; the digits that number threads of one pool dropped, so
# "vert.x-eventloop-thread-0" and "-1" are one group; the kernel cuts names at 15 characters)
cpu_threads() {
  local t
  for t in /proc/"$1"/task/*; do
    awk '{match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); rest = substr($0, RSTART + RLENGTH + 1)
          split(rest, f, " "); gsub(/[0-9]+$/, "", name); gsub(/[ #-]+$/, "", name); print name "\t" (f[12] + f[13]) / 100}' \
      "$t/stat" 2>/dev/null
  done | awk -F'\t' '{s[$1] += $2} END {for (k in s) print k "\t" s[k]}'
}

# what a process's thread groups used between two cpu_threads listings, the biggest first: "name 1.23 s, ..."
cpu_threads_delta() { # before-listing after-listing [top]
  awk -F'\t' 'NR == FNR {a[$1] = $2; next} $2 - a[$1] > 0 {printf "%.2f\t%s\n", $2 - a[$1], $1}' <(echo "$1") <(echo "$2") |
    sort -rn | head -n "${3:-8}" | awk -F'\t' '{printf "%s%s %s s", (NR > 1 ? ", " : ""), $2, $1} END {print ""}'
}
