# Shared helpers for bench/*/run scripts. Source it; needs gcc (build-essential).
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
OUT_DIR=${VPNNS_OUT:-$REPO_DIR/out}
BENCHPAIR=$BENCH_DIR/.build/benchpair
RUNS=${RUNS:-200}

bench_build_tools() {
    mkdir -p "$BENCH_DIR/.build"
    if [ ! -x "$BENCHPAIR" ] || [ "$BENCH_DIR/tools/benchpair.c" -nt "$BENCHPAIR" ]; then
        gcc -O2 -Wall -o "$BENCHPAIR" "$BENCH_DIR/tools/benchpair.c" || exit 1
    fi
}

# bench_compare TITLE GOAL_RATIO -- NAME CMD... ::: BASELINE_NAME CMD...
# Prints medians of both and ours/baseline for wall and CPU; the first command is "ours".
bench_compare() {
    local title=$1 goal=$2; shift 2
    local result
    result=$("$BENCHPAIR" -n "$RUNS" "$@") || { echo "  $title: FAILED"; return 1; }
    echo "$result" | awk -v title="$title" -v goal="$goal" '
        { name[NR]=$1; wall[NR]=$2; cpu[NR]=$3; rss[NR]=$4 }
        END {
            printf "  %s\n", title
            for (i = 1; i <= NR; i++)
                printf "    %-28s wall %8.3f ms   cpu %8.3f ms   peak RSS %6d KiB\n", name[i], wall[i], cpu[i], rss[i]
            w = wall[1] / wall[2]; c = (cpu[2] > 0 ? cpu[1] / cpu[2] : 0)
            if (goal == "-") printf "    ratio wall %.2fx (no goal)   cpu %.2fx\n", w, c
            else printf "    ratio wall %.2fx (goal <= %s)  %s   cpu %.2fx\n", w, goal, (w <= goal ? "met" : "MISSED"), c
        }'
}

# bench_single TITLE -- NAME CMD...: one command's startup figures (no baseline).
bench_single() {
    local title=$1; shift
    "$BENCHPAIR" -n "$RUNS" "$@" | awk -v title="$title" \
        '{ printf "  %-34s wall %8.3f ms   cpu %8.3f ms   peak RSS %6d KiB\n", title, $2, $3, $4 }'
}
