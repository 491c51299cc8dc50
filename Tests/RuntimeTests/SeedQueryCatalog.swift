/// What a seed query should give over the simulated FastAPI stack (`SeedQueryTests.workload`).
enum SeedQueryOutcome {
    /// A non-empty result whose every value lies in the range (NaN fails).
    case values(ClosedRange<Double>)
    /// A non-empty result whose values sum to a request rate within 10% of this one.
    case rate(Double)
    /// Nothing: the seed's query cannot match the data (explained where it is used).
    case empty
    /// A threshold (alert condition) that may or may not hold: only "no error" is checked.
    case mayBeEmpty
}

/// A seed query and its expected outcomes as an instant query at the end of the simulation and
/// as a range query over all of it.
struct SeedQuery {
    let expr: String
    let instant: SeedQueryOutcome
    let range: SeedQueryOutcome

    init(_ expr: String, _ both: SeedQueryOutcome) {
        self.expr = expr
        self.instant = both
        self.range = both
    }

    init(_ expr: String, instant: SeedQueryOutcome, range: SeedQueryOutcome) {
        self.expr = expr
        self.instant = instant
        self.range = range
    }
}

/// Every PromQL expression of the seed documents, in order.
///
/// This is a documented copy of `Tests/PromQLTests/SeedExpressionTests.swift`'s list (test targets
/// cannot share files); `testCatalogMatchesSeedExpressionList` checks the count, and the two
/// Grafana-only expressions of that file are left out here because they are not PromQL.
enum SeedQueryCatalog {
    /// Requests per second of the simulated FastAPI service.
    static let apiRate = 2 + 1 + 5 + 1 + 2 + 1.0 / 15
    static let percent = SeedQueryOutcome.values(0...100)
    static let ratio = SeedQueryOutcome.values(0...1)
    static let nonNegative = SeedQueryOutcome.values(0...1e13)
    /// Quantiles of the FastAPI histogram lie between 0 and its largest finite bucket.
    static let latency = SeedQueryOutcome.values(0...10)
    /// The FastAPI service's error percentage (5% of `/do_work`, about 2.3% overall).
    static let errorPercent = SeedQueryOutcome.values(0.5...6)
    static let errorRatio = SeedQueryOutcome.values(0.005...0.06)
    /// Mb/s on eth0 (1 MiB/s received, half of it sent).
    static let megabits = SeedQueryOutcome.values(2...12)

    static let queries: [SeedQuery] = [
        // Lab 3: PromQL basics.
        SeedQuery("http_requests_total", nonNegative),
        SeedQuery("http_requests_total{method=\"GET\", status=\"200\"}", nonNegative),
        SeedQuery("rate(http_requests_total[1m])", .values(0...8)),
        SeedQuery("rate(http_requests_total{endpoint=\"/do_work\"}[1m])", .values(0...7)),
        SeedQuery("irate(http_requests_total[5m])", .values(0...10)),
        SeedQuery("increase(http_requests_total[5m])", .values(0...2500)),
        SeedQuery("histogram_quantile(0.95,\nrate(http_request_duration_seconds_bucket[5m])\n)", latency),
        SeedQuery("histogram_quantile(0.99,\nrate(http_request_duration_seconds_bucket[5m])\n)", latency),
        SeedQuery("sum by (endpoint) (rate(http_requests_total[1m]))", .rate(apiRate)),
        // `http_request_duration_seconds` is a classic histogram: only its _bucket/_sum/_count
        // series exist, so the seed's selector of the bare name matches nothing.
        SeedQuery("avg by (method) (http_request_duration_seconds)", .empty),
        SeedQuery("max(http_requests_active)", .values(0...60)),
        // Five scraped targets; during the FastAPI downtime only four are up.
        SeedQuery("count(up == 1)", instant: .values(5...5), range: .values(4...5)),
        SeedQuery("sum(rate(http_requests_total{status=~\"5..\"}[1m]))\n/\nsum(rate(http_requests_total[1m]))\n* 100",
                  instant: errorPercent, range: percent),
        SeedQuery("sum(rate(http_requests_total[1m]))", .rate(apiRate)),
        SeedQuery("sum(rate(http_requests_total{status=~\"5..\"}[1m]))\n/\nsum(rate(http_requests_total[1m]))",
                  instant: errorRatio, range: ratio),
        SeedQuery("histogram_quantile(0.95,\nsum by (le) (rate(http_request_duration_seconds_bucket[5m]))\n)", latency),
        SeedQuery("http_requests_active", .values(0...60)),
        SeedQuery("http_requests_total offset 5m", nonNegative),
        // After the restart that ends the downtime, the difference is negative for a while.
        SeedQuery("http_requests_total - (http_requests_total offset 1h)", .values(-1e6...1e6)),
        SeedQuery("predict_linear(http_requests_total[1h], 4*3600)", .values(-1e7...1e7)),
        SeedQuery("sum by (job) (rate(http_requests_total[1m])) > 100", .mayBeEmpty),
        SeedQuery("(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes) / node_memory_MemTotal_bytes > 0.8",
                  .mayBeEmpty),
        // Lab 4: Grafana panels.
        SeedQuery("histogram_quantile(0.50, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))", latency),
        SeedQuery("histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))", latency),
        SeedQuery("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))", latency),
        SeedQuery("(\nsum(rate(http_requests_total{status=~\"5..\"}[1m]))\n/\nsum(rate(http_requests_total[1m]))\n) * 100",
                  instant: errorPercent, range: percent),
        SeedQuery("sum by (status) (rate(http_requests_total[5m]))", .rate(apiRate)),
        // `$endpoint` is a Grafana variable substituted before the query is sent; as PromQL the regex
        // anchors the end of the value before "endpoint", so nothing matches.
        SeedQuery("sum(rate(http_requests_total{endpoint=~\"$endpoint\"}[1m]))", .empty),
        // The FastAPI process restarts after its downtime: only the range query sees the change.
        SeedQuery("changes(process_start_time_seconds[5m]) > 0", instant: .mayBeEmpty, range: .values(1...2)),
        // Lab 5: node_exporter (2 CPUs at about 25% load).
        SeedQuery("100 - (avg by (instance) (irate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100)", .values(5...50)),
        SeedQuery("sum by (mode) (rate(node_cpu_seconds_total[5m])) * 100", .values(0...200)),
        SeedQuery("node_load1   # 1 minuto", .values(0...4)),
        SeedQuery("node_load5   # 5 minutos", .values(0...4)),
        SeedQuery("node_load15  # 15 minutos", .values(0...4)),
        // `node_load5` keeps its job/instance labels and `count(...)` has none, so one-to-one matching
        // finds no pair: the seed's query is always empty (it needs `scalar(count(...))` or `on()`).
        SeedQuery("node_load5 / count(node_cpu_seconds_total{mode=\"idle\"}) > 1", .empty),
        SeedQuery("node_memory_MemAvailable_bytes / 1024 / 1024 / 1024", .values(3...4.5)),
        SeedQuery("(\n(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)\n/\nnode_memory_MemTotal_bytes\n) * 100",
                  .values(50...60)),
        SeedQuery("node_memory_MemTotal_bytes      # Total", .values(8_589_934_592...8_589_934_592)),
        SeedQuery("node_memory_MemFree_bytes       # Libre", nonNegative),
        SeedQuery("node_memory_Buffers_bytes       # Buffers", nonNegative),
        SeedQuery("node_memory_Cached_bytes        # Cache", nonNegative),
        SeedQuery("node_memory_SwapTotal_bytes - node_memory_SwapFree_bytes", .values(1...1e9)),
        SeedQuery("(\n(node_filesystem_size_bytes{fstype!=\"tmpfs\"} - node_filesystem_avail_bytes)\n/\nnode_filesystem_size_bytes\n) * 100",
                  percent),
        SeedQuery("node_filesystem_avail_bytes{mountpoint=\"/\"} / 1024 / 1024 / 1024", .values(50...60)),
        SeedQuery("rate(node_disk_read_bytes_total[5m]) / 1024 / 1024", .values(0...2)),
        SeedQuery("rate(node_disk_written_bytes_total[5m]) / 1024 / 1024", .values(0...2)),
        SeedQuery("rate(node_disk_reads_completed_total[5m])", .values(5...30)),
        SeedQuery("rate(node_disk_writes_completed_total[5m])", .values(10...60)),
        SeedQuery("rate(node_disk_read_time_seconds_total[5m]) / rate(node_disk_reads_completed_total[5m])",
                  .values(0.0004...0.0006)),
        SeedQuery("rate(node_network_receive_bytes_total{device!=\"lo\"}[5m]) * 8 / 1024 / 1024", megabits),
        SeedQuery("rate(node_network_transmit_bytes_total{device!=\"lo\"}[5m]) * 8 / 1024 / 1024", megabits),
        SeedQuery("rate(node_network_receive_drop_total[5m])", .values(0...0.1)),
        SeedQuery("rate(node_network_transmit_drop_total[5m])", .values(0...0.1)),
        SeedQuery("rate(node_network_receive_errs_total[5m])", .values(0...0.1)),
        SeedQuery("rate(node_network_transmit_errs_total[5m])", .values(0...0.1)),
        SeedQuery("100 - (avg(irate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100)", .values(5...50)),
        SeedQuery("node_load1", .values(0...4)),
        SeedQuery("node_load5", .values(0...4)),
        SeedQuery("node_load15", .values(0...4)),
        SeedQuery("(1 - (node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)) * 100", .values(50...60)),
        SeedQuery("100 - ((node_filesystem_avail_bytes{mountpoint=\"/\"} / node_filesystem_size_bytes{mountpoint=\"/\"}) * 100)",
                  .values(40...50)),
        SeedQuery("rate(node_network_receive_bytes_total{device!=\"lo\"}[5m]) * 8 / 1024 / 1024", megabits),
        SeedQuery("rate(node_network_transmit_bytes_total{device!=\"lo\"}[5m]) * 8 / 1024 / 1024", megabits),
        SeedQuery("rate(node_disk_read_bytes_total[5m]) / 1024 / 1024", .values(0...2)),
        SeedQuery("rate(node_disk_written_bytes_total[5m]) / 1024 / 1024", .values(0...2)),
        // Lab 5: k6 through remote write (20 VUs, 100 requests/s, 1% errors).
        SeedQuery("k6_vus", .values(20...20)),
        SeedQuery("rate(k6_http_reqs_total[1m])", .rate(100)),
        SeedQuery("k6_http_req_duration_p95", .values(0.25...0.35)),
        // Both sides keep `status`, so each 5xx series is divided by itself: the seed's "error rate"
        // is 1 (it needs `sum(...) / sum(...)`).
        SeedQuery("rate(k6_http_reqs_total{status=~\"5..\"}[1m]) / rate(k6_http_reqs_total[1m])", .values(1...1)),
        // Lab 6: Redis and nginx exporters.
        SeedQuery("redis_connected_clients", .values(1...30)),
        SeedQuery("rate(redis_commands_processed_total[1m])", .rate(50)),
        SeedQuery("rate(redis_keyspace_hits_total[5m])\n/\n(rate(redis_keyspace_hits_total[5m]) + rate(redis_keyspace_misses_total[5m]))\n* 100",
                  .values(70...90)),
        SeedQuery("redis_memory_used_bytes / 1024 / 1024  # MB", .values(1...256)),
        SeedQuery("redis_latency_microseconds_sum / redis_latency_microseconds_count", .values(130...170)),
        SeedQuery("nginx_connections_active", .values(1...100)),
        SeedQuery("rate(nginx_http_requests_total[1m])", .rate(30)),
        SeedQuery("rate(nginx_connections_accepted[5m]) - rate(nginx_connections_handled[5m])", .values(0...0)),
        SeedQuery("nginx_connections_reading", .values(0...20)),
        SeedQuery("nginx_connections_writing", .values(1...20)),
        SeedQuery("nginx_connections_waiting", .values(0...50)),
        // Lab 7: alert rules. `up == 0` holds only during the FastAPI downtime.
        SeedQuery("up{job=\"fastapi\"} == 0", instant: .empty, range: .values(0...0)),
        SeedQuery("(\nsum(rate(http_requests_total{status=~\"5..\"}[5m]))\n/\nsum(rate(http_requests_total[5m]))\n) > 0.05",
                  .mayBeEmpty),
        SeedQuery("histogram_quantile(0.95,\nsum(rate(http_request_duration_seconds_bucket[5m])) by (le)\n) > 1", .mayBeEmpty),
        SeedQuery("http_requests_active > 100", .empty),
        SeedQuery("100 - (avg by (instance) (irate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100) > 80", .empty),
        SeedQuery("(\n(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)\n/\nnode_memory_MemTotal_bytes\n) * 100 > 85",
                  .empty),
        SeedQuery("(\n(node_filesystem_size_bytes{mountpoint=\"/\"} - node_filesystem_avail_bytes)\n/\nnode_filesystem_size_bytes\n) * 100 > 85",
                  .empty),
        // Redis restarts without downtime, so it is never down.
        SeedQuery("up{job=\"redis\"} == 0", .empty),
        SeedQuery("redis_memory_used_bytes / redis_memory_max_bytes > 0.9", .empty),
        // Lab 8: recording rules (recorded by the test from the seed's rule expressions) and SLOs.
        SeedQuery("job:http_latency:p95", latency),
        SeedQuery("job:http_requests_rate:sum", .rate(apiRate)),
        SeedQuery("(\nsum(rate(http_requests_total{status!~\"5..\"}[30d]))\n/\nsum(rate(http_requests_total[30d]))\n) * 100",
                  .values(94...99.5)),
        SeedQuery("(\nsum(rate(http_request_duration_seconds_bucket{le=\"0.5\"}[30d]))\n/\nsum(rate(http_request_duration_seconds_count[30d]))\n) * 100",
                  .values(85...100)),
        // 2.3% errors against a 0.1% budget: the budget is overspent about twenty times.
        SeedQuery("1 - (\n(1 - (\nsum(rate(http_requests_total{status!~\"5..\"}[30d]))\n/\nsum(rate(http_requests_total[30d]))\n))\n/\n0.001  # 0.1% error budget\n)",
                  .values(-60 ... -5)),
        // Práctica 26: prefixed metrics.
        SeedQuery("rate(tu_prefijo_requests_total[5m])", .rate(8.5)),
        SeedQuery("histogram_quantile(0.95, rate(tu_prefijo_response_duration_seconds_bucket[5m]))", latency),
        SeedQuery("tu_prefijo_cpu_usage_percent", percent),
        SeedQuery("tu_prefijo_memory_usage_bytes / 1024 / 1024", .values(40...100)),
    ]

    /// The seed's recording rules that Lab 8's queries read, as `(record, expr)`.
    static let recordingRules: [(String, String)] = [
        ("job:http_requests_rate:sum", "sum(rate(http_requests_total[1m]))"),
        ("job:http_latency:p95", "histogram_quantile(0.95,\n  sum by (le) (rate(http_request_duration_seconds_bucket[5m]))\n)"),
    ]
}
