#!/usr/bin/env bash
# Throughput of the cleaner and classifier workers against a real broker.
#
# Loads the committed 2,000-article sample N times into a fresh raw topic with P partitions, then starts
# the cleaner, waits until it has produced (or dead-lettered) every record, and does the same for the
# classifier on the cleaned topic. Prints records/s per worker, measured from the worker's first consumed
# record to its last acknowledged one (from /metrics), so broker start-up and group join are excluded.
#
#   crates/kafka/bench/worker-throughput.sh [--brokers HOST:PORT] [--copies N] [--partitions P]
#                                           [--parallelism T] [--exactly-once]
#
# Without --brokers it starts its own broker with scripts/kafka-local (stopped at exit). Uses release
# builds (cargo build --release). Example, 2 cores: --copies 5 --partitions 4 --parallelism 2.
set -euo pipefail
cd "$(dirname "$0")/../../.."

brokers="" copies=5 partitions=4 parallelism=2 eos=()
while (($#)); do
    case "$1" in
        --brokers) brokers="$2"; shift 2 ;;
        --copies) copies="$2"; shift 2 ;;
        --partitions) partitions="$2"; shift 2 ;;
        --parallelism) parallelism="$2"; shift 2 ;;
        --exactly-once) eos=(--exactly-once); shift ;;
        *) echo "unknown argument $1" >&2; exit 64 ;;
    esac
done

cargo build --release -q -p newsflow -p newsflow-cleaner -p newsflow-classifier
target="${CARGO_TARGET_DIR:-target}/release"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ -n "${own_broker:-}" ]]; then scripts/kafka-local stop --dir "$work/kafka" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "$brokers" ]]; then
    own_broker=1
    brokers="$(scripts/kafka-local start --dir "$work/kafka" | tail -1)"
fi
run="bench-$$-$(date +%s)"

# Input: the sample N times, ids made unique per copy.
for ((i = 0; i < copies; i++)); do
    zcat tests/data/corpus-2000.jsonl.gz | python3 -c '
import json, sys
copy = sys.argv[1]
for line in sys.stdin:
    if not line.strip():
        continue
    record = json.loads(line)
    if isinstance(record, dict) and isinstance(record.get("id"), str):
        record["id"] = record["id"] + "#" + copy
    print(json.dumps(record, ensure_ascii=False))
' "$i"
done > "$work/input.jsonl"
total=$(wc -l < "$work/input.jsonl")

# Topics with P partitions (created by `newsflow produce --partitions`).
for t in cleaned enriched dlq; do
    "$target/newsflow" produce /dev/null --topic "$run.$t" --brokers "$brokers" --partitions "$partitions" 2>/dev/null
done
"$target/newsflow" produce "$work/input.jsonl" --topic "$run.raw" --brokers "$brokers" --partitions "$partitions" 2>/dev/null

metric() { { curl -s "http://$1/metrics" || true; } | awk -v n="$2" '$1 ~ "^"n"[{ ]" || $1 == n {s += $2} END {print s + 0}'; }

measure() { # name binary input output http
    local name="$1" binary="$2" input="$3" output="$4" http="$5"
    "$target/$binary" --brokers "$brokers" --group-id "$run.$binary" --input-topic "$input" \
        --output-topic "$output" --dlq-topic "$run.dlq" --http-addr "$http" \
        --parallelism "$parallelism" --log-format json "${eos[@]}" 2>"$work/$binary.log" &
    pids+=($!)
    local pid=$! start="" done_count=0 consumed=0 now
    while true; do
        consumed=$(metric "$http" newsflow_records_consumed_total)
        now=$(date +%s.%N)
        if [[ -z "$start" && "$consumed" != "0" ]]; then start="$now"; fi
        done_count=$(( $(metric "$http" newsflow_records_produced_total) + $(metric "$http" newsflow_records_dead_lettered_total) ))
        if (( done_count >= $6 )); then break; fi
        sleep 0.05
    done
    local elapsed
    elapsed=$(python3 -c "print(max(float('$now') - float('$start'), 1e-9))")
    python3 -c "print(f'$name: {int($6)} records in {float($elapsed):.2f}s = {int($6)/float($elapsed):.0f} records/s (partitions $partitions, parallelism $parallelism${eos:+, exactly-once})')"
    kill -TERM "$pid"; wait "$pid" || true
}

measure cleaner cleaner "$run.raw" "$run.cleaned" 127.0.0.1:19501 "$total"
cleaned=$("$target/newsflow" tail --topic "$run.cleaned" --brokers "$brokers" --from-beginning --idle-timeout 3 --json | wc -l)
measure classifier classifier "$run.cleaned" "$run.enriched" 127.0.0.1:19502 "$cleaned"
