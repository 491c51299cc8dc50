"""Monitoring package of Práctica 26: metrics, profiling and in-process alerts for <<labctl:prefix>>."""
from .alerts import AlertManager, AlertRule, email_alert, log_alert
from .metrics import APIMetrics, monitor_performance
from .profiler import APIProfiler, memory_profile_async

__all__ = [
    "APIMetrics",
    "monitor_performance",
    "APIProfiler",
    "memory_profile_async",
    "AlertManager",
    "AlertRule",
    "email_alert",
    "log_alert",
]
