/// `prometheus/alert_rules.yml` of seed 000 (the alerting lab), typed from the lab text.
enum PrometheusSeedAlertRules {
    static let text = """
    groups:
      - name: fastapi_alerts
        interval: 30s
        rules:
          # Servicio caído
          - alert: ServiceDown
            expr: up{job="fastapi"} == 0
            for: 1m
            labels:
              severity: critical
            annotations:
              summary: "Servicio {{ $labels.job }} caído"
              description: "El servicio {{ $labels.job }} no responde desde hace más de 1 minuto"

          - alert: HighErrorRate
            expr: |
              (
                sum(rate(http_requests_total{status=~"5.."}[5m]))
                /
                sum(rate(http_requests_total[5m]))
              ) > 0.05
            for: 2m
            labels:
              severity: warning
            annotations:
              summary: "Tasa de error alta"
              description: "Tasa de error es {{ $value | humanizePercentage }} (>5%)"

          - alert: HighLatency
            expr: |
              histogram_quantile(0.95,
                sum(rate(http_request_duration_seconds_bucket[5m])) by (le)
              ) > 1
            for: 5m
            labels:
              severity: warning
            annotations:
              summary: "Latencia p95 alta"
              description: "Latencia p95 es {{ $value }}s (>1s)"

          - alert: TooManyActiveRequests
            expr: http_requests_active > 100
            for: 2m
            labels:
              severity: warning
            annotations:
              summary: "Demasiadas peticiones activas"
              description: "{{ $value }} peticiones activas (>100)"

      - name: system_alerts
        interval: 30s
        rules:
          - alert: HighCPUUsage
            expr: |
              100 - (avg by (instance) (irate(node_cpu_seconds_total{mode="idle"}[5m])) * 100) > 80
            for: 5m
            labels:
              severity: warning
            annotations:
              summary: "Uso de CPU alto en {{ $labels.instance }}"
              description: "CPU al {{ $value }}% (>80%)"

          - alert: HighMemoryUsage
            expr: |
              (
                (node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)
                /
                node_memory_MemTotal_bytes
              ) * 100 > 85
            for: 5m
            labels:
              severity: warning
            annotations:
              summary: "Uso de memoria alto"
              description: "Memoria al {{ $value }}% (>85%)"

          - alert: DiskSpaceLow
            expr: |
              (
                (node_filesystem_size_bytes{mountpoint="/"} - node_filesystem_avail_bytes)
                /
                node_filesystem_size_bytes
              ) * 100 > 85
            for: 10m
            labels:
              severity: critical
            annotations:
              summary: "Espacio en disco bajo"
              description: "Disco al {{ $value }}% (>85%)"

      - name: redis_alerts
        interval: 30s
        rules:
          - alert: RedisDown
            expr: up{job="redis"} == 0
            for: 1m
            labels:
              severity: critical
            annotations:
              summary: "Redis caído"
              description: "Redis no responde"

          - alert: RedisMemoryHigh
            expr: redis_memory_used_bytes / redis_memory_max_bytes > 0.9
            for: 5m
            labels:
              severity: warning
            annotations:
              summary: "Memoria de Redis alta"
              description: "Memoria al {{ $value | humanizePercentage }}"
    """
}
