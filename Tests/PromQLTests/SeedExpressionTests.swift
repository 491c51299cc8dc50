import PromQL
import XCTest

/// Every PromQL expression of the two course documents in ../shared/seeds (listed here, not read from
/// there). Grafana-only syntax in those documents (`label_values(…)`, `[$interval]`) is not PromQL and
/// must be rejected.
final class SeedExpressionTests: XCTestCase {
    static let expressions: [String] = [
        "http_requests_total",
        "http_requests_total{method=\"GET\", status=\"200\"}",
        "rate(http_requests_total[1m])",
        "rate(http_requests_total{endpoint=\"/do_work\"}[1m])",
        "irate(http_requests_total[5m])",
        "increase(http_requests_total[5m])",
        "histogram_quantile(0.95,\nrate(http_request_duration_seconds_bucket[5m])\n)",
        "histogram_quantile(0.99,\nrate(http_request_duration_seconds_bucket[5m])\n)",
        "sum by (endpoint) (rate(http_requests_total[1m]))",
        "avg by (method) (http_request_duration_seconds)",
        "max(http_requests_active)",
        "count(up == 1)",
        "sum(rate(http_requests_total{status=~\"5..\"}[1m]))\n/\nsum(rate(http_requests_total[1m]))\n* 100",
        "sum(rate(http_requests_total[1m]))",
        "sum(rate(http_requests_total{status=~\"5..\"}[1m]))\n/\nsum(rate(http_requests_total[1m]))",
        "histogram_quantile(0.95,\nsum by (le) (rate(http_request_duration_seconds_bucket[5m]))\n)",
        "http_requests_active",
        "http_requests_total offset 5m",
        "http_requests_total - (http_requests_total offset 1h)",
        "predict_linear(http_requests_total[1h], 4*3600)",
        "sum by (job) (rate(http_requests_total[1m])) > 100",
        "(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes) / node_memory_MemTotal_bytes > 0.8",
        "histogram_quantile(0.50, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
        "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
        "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
        "(\nsum(rate(http_requests_total{status=~\"5..\"}[1m]))\n/\nsum(rate(http_requests_total[1m]))\n) * 100",
        "sum by (status) (rate(http_requests_total[5m]))",
        "sum(rate(http_requests_total{endpoint=~\"$endpoint\"}[1m]))",
        "changes(process_start_time_seconds[5m]) > 0",
        "100 - (avg by (instance) (irate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100)",
        "sum by (mode) (rate(node_cpu_seconds_total[5m])) * 100",
        "node_load1   # 1 minuto",
        "node_load5   # 5 minutos",
        "node_load15  # 15 minutos",
        "node_load5 / count(node_cpu_seconds_total{mode=\"idle\"}) > 1",
        "node_memory_MemAvailable_bytes / 1024 / 1024 / 1024",
        "(\n(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)\n/\nnode_memory_MemTotal_bytes\n) * 100",
        "node_memory_MemTotal_bytes      # Total",
        "node_memory_MemFree_bytes       # Libre",
        "node_memory_Buffers_bytes       # Buffers",
        "node_memory_Cached_bytes        # Cache",
        "node_memory_SwapTotal_bytes - node_memory_SwapFree_bytes",
        "(\n(node_filesystem_size_bytes{fstype!=\"tmpfs\"} - node_filesystem_avail_bytes)\n/\nnode_filesystem_size_bytes\n) * 100",
        "node_filesystem_avail_bytes{mountpoint=\"/\"} / 1024 / 1024 / 1024",
        "rate(node_disk_read_bytes_total[5m]) / 1024 / 1024",
        "rate(node_disk_written_bytes_total[5m]) / 1024 / 1024",
        "rate(node_disk_reads_completed_total[5m])",
        "rate(node_disk_writes_completed_total[5m])",
        "rate(node_disk_read_time_seconds_total[5m]) / rate(node_disk_reads_completed_total[5m])",
        "rate(node_network_receive_bytes_total{device!=\"lo\"}[5m]) * 8 / 1024 / 1024",
        "rate(node_network_transmit_bytes_total{device!=\"lo\"}[5m]) * 8 / 1024 / 1024",
        "rate(node_network_receive_drop_total[5m])",
        "rate(node_network_transmit_drop_total[5m])",
        "rate(node_network_receive_errs_total[5m])",
        "rate(node_network_transmit_errs_total[5m])",
        "100 - (avg(irate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100)",
        "node_load1",
        "node_load5",
        "node_load15",
        "(1 - (node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)) * 100",
        "100 - ((node_filesystem_avail_bytes{mountpoint=\"/\"} / node_filesystem_size_bytes{mountpoint=\"/\"}) * 100)",
        "rate(node_network_receive_bytes_total{device!=\"lo\"}[5m]) * 8 / 1024 / 1024",
        "rate(node_network_transmit_bytes_total{device!=\"lo\"}[5m]) * 8 / 1024 / 1024",
        "rate(node_disk_read_bytes_total[5m]) / 1024 / 1024",
        "rate(node_disk_written_bytes_total[5m]) / 1024 / 1024",
        "k6_vus",
        "rate(k6_http_reqs_total[1m])",
        "k6_http_req_duration_p95",
        "rate(k6_http_reqs_total{status=~\"5..\"}[1m]) / rate(k6_http_reqs_total[1m])",
        "redis_connected_clients",
        "rate(redis_commands_processed_total[1m])",
        "rate(redis_keyspace_hits_total[5m])\n/\n(rate(redis_keyspace_hits_total[5m]) + rate(redis_keyspace_misses_total[5m]))\n* 100",
        "redis_memory_used_bytes / 1024 / 1024  # MB",
        "redis_latency_microseconds_sum / redis_latency_microseconds_count",
        "nginx_connections_active",
        "rate(nginx_http_requests_total[1m])",
        "rate(nginx_connections_accepted[5m]) - rate(nginx_connections_handled[5m])",
        "nginx_connections_reading",
        "nginx_connections_writing",
        "nginx_connections_waiting",
        "up{job=\"fastapi\"} == 0",
        "(\nsum(rate(http_requests_total{status=~\"5..\"}[5m]))\n/\nsum(rate(http_requests_total[5m]))\n) > 0.05",
        "histogram_quantile(0.95,\nsum(rate(http_request_duration_seconds_bucket[5m])) by (le)\n) > 1",
        "http_requests_active > 100",
        "100 - (avg by (instance) (irate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100) > 80",
        "(\n(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)\n/\nnode_memory_MemTotal_bytes\n) * 100 > 85",
        "(\n(node_filesystem_size_bytes{mountpoint=\"/\"} - node_filesystem_avail_bytes)\n/\nnode_filesystem_size_bytes\n) * 100 > 85",
        "up{job=\"redis\"} == 0",
        "redis_memory_used_bytes / redis_memory_max_bytes > 0.9",
        "job:http_latency:p95",
        "job:http_requests_rate:sum",
        "(\nsum(rate(http_requests_total{status!~\"5..\"}[30d]))\n/\nsum(rate(http_requests_total[30d]))\n) * 100",
        "(\nsum(rate(http_request_duration_seconds_bucket{le=\"0.5\"}[30d]))\n/\nsum(rate(http_request_duration_seconds_count[30d]))\n) * 100",
        "1 - (\n(1 - (\nsum(rate(http_requests_total{status!~\"5..\"}[30d]))\n/\nsum(rate(http_requests_total[30d]))\n))\n/\n0.001  # 0.1% error budget\n)",
        "rate(tu_prefijo_requests_total[5m])",
        "histogram_quantile(0.95, rate(tu_prefijo_response_duration_seconds_bucket[5m]))",
        "tu_prefijo_cpu_usage_percent",
        "tu_prefijo_memory_usage_bytes / 1024 / 1024",
    ]

    static let grafanaOnly: [String] = [
        "label_values(http_requests_total, endpoint)",
        "rate(http_requests_total[$interval])",
    ]

    func testSeedExpressionsParseAndRoundTrip() throws {
        let parser = Parser()
        XCTAssertGreaterThan(Self.expressions.count, 80)
        for text in Self.expressions {
            let tree = try parser.parseExpr(text)
            let again = try parser.parseExpr(tree.description)
            XCTAssertTrue(again.structurallyEquals(tree), text)
        }
    }

    func testGrafanaTemplatingIsNotPromQL() {
        for text in Self.grafanaOnly {
            XCTAssertThrowsError(try Parser().parseExpr(text), text)
        }
    }
}
