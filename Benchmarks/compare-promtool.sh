#!/bin/sh
# Runs labctl and promtool side by side on the same generated inputs and prints the ratio.
#
#   Benchmarks/compare-promtool.sh [LABCTL]      (default .build/release/labctl; build with
#                                                 `swift build -c release` first)
#
# Inputs (generated into a temporary directory): a 200,000-series exposition (~20 MB) for
# `check metrics` from stdin, a 10,000-rule file for `check rules`, a prometheus.yml with 2,000
# scrape jobs for `check config`. Each command runs 5 times (RUNS), alternating labctl and promtool;
# the table shows the median wall time, the median peak RSS and labctl / promtool for both.
# Only the rows named in ONLY (a space-separated subset of "metrics rules config") run when it is set.
# Skips (exit 0) when promtool is not installed. Needs /usr/bin/time (GNU) and awk.
set -eu

LABCTL=${1:-.build/release/labctl}
RUNS=${RUNS:-5}
if ! command -v promtool >/dev/null 2>&1; then
    echo "promtool not installed; skipping (apt-get install prometheus)"
    exit 0
fi
if [ ! -x "$LABCTL" ]; then
    echo "no labctl binary at $LABCTL (swift build -c release)" >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "GNU time (/usr/bin/time) is needed" >&2
    exit 2
fi

DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT

# 2,000 counter families x 100 series, HELP and TYPE each (the shape of labctl-bench check-metrics).
awk 'BEGIN { for (f = 0; f < 2000; f++) {
    printf "# HELP app_requests_%d_total Requests handled by handler %d.\n# TYPE app_requests_%d_total counter\n", f, f, f
    for (s = 0; s < 100; s++)
        printf "app_requests_%d_total{method=\"GET\",path=\"/api/v1/items/%d\",status=\"%d\",instance=\"host-%d:9100\"} %d.5\n", f, s % 7 * 10 + s, 200 + s % 5, s, f * 1000 + s
} }' > "$DIR/metrics.prom"

# 10,000 rules, 100 per group, half recording and half alerting.
awk 'BEGIN { print "groups:"; for (i = 0; i < 10000; i++) {
    if (i % 100 == 0) printf "  - name: group_%d\n    interval: 30s\n    rules:\n", i / 100
    if (i % 2 == 0) {
        printf "      - record: job:http_requests_%d:rate5m\n", i
        printf "        expr: sum by (job, le) (rate(http_requests_%d_total{status=~\"5..\", job=\"api\"}[5m]))\n", i
        printf "        labels:\n          team: web\n"
    } else {
        printf "      - alert: HighErrorRate%d\n", i
        printf "        expr: sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m])) > 0.05\n"
        printf "        for: 5m\n        labels:\n          severity: warning\n        annotations:\n"
        printf "          summary: \"High error rate on {{ $labels.job }}\"\n"
    }
} }' > "$DIR/rules.yml"

# prometheus.yml with 2,000 static scrape jobs.
awk 'BEGIN { print "global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\nscrape_configs:"
    for (j = 0; j < 2000; j++) {
        printf "  - job_name: job_%d\n    metrics_path: /metrics\n    scrape_interval: 30s\n", j
        printf "    static_configs:\n      - targets: [\"host-%d:9100\", \"host-%d:9101\"]\n        labels:\n          env: lab\n", j, j
    }
}' > "$DIR/prometheus.yml"

# timed LABEL INPUT TOOL ARGS... : one run; appends "seconds kib" to $DIR/<label>.times. The wall time
# is read from the nanosecond clock around the run (GNU time's %e has only centisecond resolution,
# too coarse for 50 ms runs); the peak RSS is GNU time's %M.
timed() {
    label=$1; input=$2; shift 2
    start=$(date +%s%N)
    if [ -n "$input" ]; then
        /usr/bin/time -f "%M" -o "$DIR/one" "$@" < "$input" > /dev/null 2>&1 || true
    else
        /usr/bin/time -f "%M" -o "$DIR/one" "$@" > /dev/null 2>&1 || true
    fi
    end=$(date +%s%N)
    kib=$(tail -n 1 "$DIR/one")
    awk -v a="$start" -v b="$end" -v k="$kib" 'BEGIN { printf "%.4f %d\n", (b - a) / 1e9, k }' >> "$DIR/$label.times"
}

median() {  # column N of a file of numbers
    sort -n -k "$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

compare() {
    name=$1; input=$2; shift 2
    lab=$1; prom=$2
    : > "$DIR/lab.times"; : > "$DIR/prom.times"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        # shellcheck disable=SC2086
        timed lab "$input" "$LABCTL" $lab
        # shellcheck disable=SC2086
        timed prom "$input" promtool $prom
        i=$((i + 1))
    done
    ls=$(median "$DIR/lab.times" 1); lm=$(median "$DIR/lab.times" 2)
    ps=$(median "$DIR/prom.times" 1); pm=$(median "$DIR/prom.times" 2)
    awk -v n="$name" -v ls="$ls" -v lm="$lm" -v ps="$ps" -v pm="$pm" 'BEGIN {
        r = ps > 0 ? ls / ps : 0
        m = pm > 0 ? lm / pm : 0
        printf "| %-32s | %7.3f s, %4d MiB | %7.3f s, %4d MiB | %5.2f | %5.2f |\n", n, ls, lm / 1024, ps, pm / 1024, r, m }'
}

echo "labctl: $LABCTL; $(promtool --version 2>&1 | head -n 1); $RUNS paired runs, median"
echo "| input                            | labctl              | promtool            | wall ratio | RSS ratio |"
echo "|----------------------------------|---------------------|---------------------|-------|-------|"
ONLY=${ONLY:-metrics rules config}
wanted() { case " $ONLY " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
if wanted metrics; then
compare "check metrics, 200,000 series" "$DIR/metrics.prom" "check metrics" "check metrics"
fi
if wanted rules; then
    compare "check rules, 10,000 rules ($(($(wc -c < "$DIR/rules.yml") / 1000)) kB)" "" \
        "check rules $DIR/rules.yml" "check rules $DIR/rules.yml"
fi
if wanted config; then
    compare "check config, 2,000 jobs ($(($(wc -c < "$DIR/prometheus.yml") / 1000)) kB)" "" \
        "check config $DIR/prometheus.yml" "check config $DIR/prometheus.yml"
fi
