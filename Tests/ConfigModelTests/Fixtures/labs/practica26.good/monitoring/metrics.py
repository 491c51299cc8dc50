from prometheus_fastapi_instrumentator import Instrumentator
from prometheus_client import Counter, Histogram, Gauge


class APIMetrics:
    def __init__(self, app_name: str, domain: str):
        self.domain = domain
        self.request_counter = Counter(
            f'{domain}_requests_total',
            'Total de requests por endpoint',
            ['method', 'endpoint', 'status']
        )
        self.response_time = Histogram(
            f'{domain}_response_duration_seconds',
            'Tiempo de respuesta por endpoint',
            ['method', 'endpoint'],
            buckets=[0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]
        )
        self.system_metrics = {
            'cpu_usage': Gauge(f'{domain}_cpu_usage_percent', 'Uso de CPU'),
            'memory_usage': Gauge(f'{domain}_memory_usage_bytes', 'Uso de memoria'),
        }
