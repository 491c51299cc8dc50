"""Lab 8: a batch job that pushes its metrics to the Pushgateway when it finishes."""
import os
import random
import sys
import time

from prometheus_client import CollectorRegistry, Gauge, push_to_gateway

PUSHGATEWAY = os.getenv("PUSHGATEWAY_ADDR", "localhost:9091")


def process_data() -> int:
    """Stands in for the real work: returns how many records were processed."""
    records = random.randint(1000, 5000)
    time.sleep(records / 10000.0)
    return records


def run_batch_job() -> int:
    registry = CollectorRegistry()
    duration = Gauge('job_duration_seconds', 'Job duration', registry=registry)
    last_success = Gauge('job_last_success_timestamp_seconds', 'Last successful run (Unix time)',
                         registry=registry)
    last_failure = Gauge('job_last_failure_timestamp_seconds', 'Last failed run (Unix time)',
                         registry=registry)
    records_processed = Gauge('job_records_processed', 'Records processed by the last run',
                              registry=registry)

    start = time.time()
    status = 0
    try:
        count = process_data()
        records_processed.set(count)
        last_success.set_to_current_time()
    except Exception as error:  # the failure is recorded, then reported through the exit status
        print(f"batch job failed: {error}", file=sys.stderr)
        last_failure.set_to_current_time()
        status = 1
    finally:
        duration.set(time.time() - start)
        push_to_gateway(PUSHGATEWAY, job='batch_processor', registry=registry)
    return status


if __name__ == "__main__":
    sys.exit(run_batch_job())
