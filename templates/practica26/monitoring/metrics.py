"""Prometheus metrics of the API, named with the student's prefix (Práctica 26)."""
import time
from functools import wraps

import psutil
from prometheus_client import Counter, Gauge, Histogram


class APIMetrics:
    """Every metric of the API. Names start with `prefix` (your assigned metric prefix)."""

    def __init__(self, app_name: str, prefix: str, domain: str = ""):
        self.app_name = app_name
        self.prefix = prefix
        self.domain = domain

        # Request metrics
        self.request_counter = Counter(
            f'{prefix}_requests_total',
            'Total de requests por endpoint',
            ['method', 'endpoint', 'status'],
        )
        self.response_time = Histogram(
            f'{prefix}_response_duration_seconds',
            'Tiempo de respuesta por endpoint',
            ['method', 'endpoint'],
            buckets=[0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0],
        )
        self.active_connections = Gauge(
            f'{prefix}_active_connections',
            'Conexiones activas',
        )
        # Time spent in decorated functions (see monitor_performance); separate from the
        # request metrics so that a request is not counted twice.
        self.operation_time = Histogram(
            f'{prefix}_operation_duration_seconds',
            'Tiempo de las operaciones instrumentadas',
            ['operation', 'outcome'],
            buckets=[0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0],
        )

        # System metrics, refreshed by update_system_metrics()
        self.system_metrics = {
            'cpu_usage': Gauge(f'{prefix}_cpu_usage_percent', 'Uso de CPU'),
            'memory_usage': Gauge(f'{prefix}_memory_usage_bytes', 'Uso de memoria'),
            'disk_usage': Gauge(f'{prefix}_disk_usage_percent', 'Uso de disco'),
        }

        # Business metrics of the domain
        self.business_metrics = self._create_business_metrics()
        self.business_gauge = Gauge(
            f'{prefix}_<<labctl:business_gauge>>',
            'Indicador de negocio del dominio <<labctl:domain>>',
        )

    def _create_business_metrics(self):
        """Creates the business metrics of the domain: event name -> (metric, label names)."""
        return {
            'entities_created': (Counter(
                f'{self.prefix}_entities_created_total',
                'Total de entidades creadas',
            ), ()),
            'entities_updated': (Counter(
                f'{self.prefix}_entities_updated_total',
                'Total de entidades actualizadas',
            ), ()),
            'business_event': (Counter(
                f'{self.prefix}_<<labctl:business_counter>>_total',
                'Eventos de negocio del dominio <<labctl:domain>> (<<labctl:entity>>)',
            ), ()),
            'api_errors': (Counter(
                f'{self.prefix}_api_errors_total',
                'Total de errores de API',
                ['error_type'],
            ), ('error_type',)),
        }

    def record_request(self, method: str, endpoint: str, status: int, duration: float):
        """Counts one request and observes its duration."""
        self.request_counter.labels(method=method, endpoint=endpoint, status=str(status)).inc()
        self.response_time.labels(method=method, endpoint=endpoint).observe(duration)

    def update_system_metrics(self):
        """Reads CPU, memory and disk usage of the host."""
        self.system_metrics['cpu_usage'].set(psutil.cpu_percent())
        self.system_metrics['memory_usage'].set(psutil.virtual_memory().used)
        self.system_metrics['disk_usage'].set(psutil.disk_usage('/').percent)

    def record_business_event(self, event_type: str, **labels):
        """Counts a business event; labelled metrics need exactly their labels."""
        entry = self.business_metrics.get(event_type)
        if entry is None:
            raise KeyError(f"unknown business event {event_type!r}")
        metric, label_names = entry
        if label_names:
            metric.labels(**{name: labels.get(name, "unknown") for name in label_names}).inc()
        else:
            metric.inc()


def monitor_performance(metrics: APIMetrics, operation: str = ""):
    """Decorator for async endpoints: times the function and counts its exceptions by type."""

    def decorator(func):
        name = operation or func.__name__

        @wraps(func)
        async def wrapper(*args, **kwargs):
            start_time = time.perf_counter()
            try:
                result = await func(*args, **kwargs)
            except Exception as error:
                metrics.operation_time.labels(operation=name, outcome='error').observe(
                    time.perf_counter() - start_time)
                metrics.record_business_event('api_errors', error_type=type(error).__name__)
                raise
            metrics.operation_time.labels(operation=name, outcome='success').observe(
                time.perf_counter() - start_time)
            return result

        return wrapper

    return decorator
