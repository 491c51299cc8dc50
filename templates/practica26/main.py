"""Práctica 26 (<<labctl:student>>): the <<labctl:project>> API with metrics, profiling and alerts.

Run it with: uvicorn main:app --host 0.0.0.0 --port 8000
"""
import asyncio
import time
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Request
from prometheus_fastapi_instrumentator import Instrumentator

from monitoring.alerts import AlertManager, AlertRule, email_alert
from monitoring.metrics import APIMetrics, monitor_performance
from monitoring.profiler import APIProfiler, memory_profile_async

# Your assignment (written by labctl init)
DOMAIN_CONFIG = {
    "app_name": "<<labctl:project>>",
    "prefix": "<<labctl:prefix>>",
    "domain": "<<labctl:domain>>",
    "entity": "<<labctl:entity>>",
}

SYSTEM_METRICS_PERIOD_SECONDS = 30

metrics = APIMetrics(
    app_name=DOMAIN_CONFIG["app_name"],
    prefix=DOMAIN_CONFIG["prefix"],
    domain=DOMAIN_CONFIG["domain"],
)
profiler = APIProfiler(prefix=DOMAIN_CONFIG["prefix"])
alert_manager = AlertManager(prefix=DOMAIN_CONFIG["prefix"])

# In-process alerts of the domain (Prometheus evaluates alert_rules.yml as well)
alert_manager.add_rule(AlertRule(
    name=f"{DOMAIN_CONFIG['prefix']}_high_response_time",
    metric_name="response_time",
    threshold=2.0,  # seconds
    comparison="gt",
    duration=60,
    action=email_alert,
))
alert_manager.add_rule(AlertRule(
    name=f"{DOMAIN_CONFIG['prefix']}_high_cpu",
    metric_name="cpu_usage",
    threshold=80.0,  # percent
    comparison="gt",
    duration=120,
    action=email_alert,
))

# The slowest response seen since the last alert check, fed to the in-process alerts.
_window = {"max_response_time": 0.0}


async def update_system_metrics():
    """Refreshes the system metrics and evaluates the in-process alerts periodically."""
    while True:
        metrics.update_system_metrics()
        alert_manager.check_alerts({
            "cpu_usage": metrics.system_metrics['cpu_usage']._value.get(),
            "response_time": _window["max_response_time"],
        })
        _window["max_response_time"] = 0.0
        await asyncio.sleep(SYSTEM_METRICS_PERIOD_SECONDS)


@asynccontextmanager
async def lifespan(_app: FastAPI):
    # The background task starts with the server's event loop and stops with it.
    task = asyncio.create_task(update_system_metrics())
    try:
        yield
    finally:
        task.cancel()


app = FastAPI(title=f"API {DOMAIN_CONFIG['entity']}", lifespan=lifespan)

# Default HTTP metrics and the /metrics endpoint
Instrumentator().instrument(app).expose(app)


@app.middleware("http")
async def metrics_middleware(request: Request, call_next):
    if request.url.path == "/metrics":
        return await call_next(request)
    start_time = time.perf_counter()
    metrics.active_connections.inc()
    status = 500
    try:
        response = await call_next(request)
        status = response.status_code
        return response
    finally:
        duration = time.perf_counter() - start_time
        metrics.active_connections.dec()
        _window["max_response_time"] = max(_window["max_response_time"], duration)
        route = request.scope.get("route")
        endpoint = getattr(route, "path", "unmatched")
        metrics.record_request(method=request.method, endpoint=endpoint, status=status, duration=duration)


@app.get("/metrics-dashboard")
async def get_metrics_dashboard():
    """Profiling reports and configuration, as JSON."""
    return {
        "prefix": DOMAIN_CONFIG["prefix"],
        "domain": DOMAIN_CONFIG["domain"],
        "entity": DOMAIN_CONFIG["entity"],
        "profiles": profiler.get_profile_report(),
        "system_status": "healthy",
    }


_store: dict = {}


@app.post(f"/{DOMAIN_CONFIG['entity']}/")
@profiler.profile_function(f"create_{DOMAIN_CONFIG['entity']}")
@memory_profile_async(profiler, f"create_{DOMAIN_CONFIG['entity']}")
@monitor_performance(metrics, operation=f"create_{DOMAIN_CONFIG['entity']}")
async def create_entity(entity_data: dict):
    """Creates an entity (your existing logic goes here)."""
    entity_id = str(len(_store) + 1)
    _store[entity_id] = entity_data
    metrics.record_business_event('entities_created')
    metrics.record_business_event('business_event')
    metrics.business_gauge.set(len(_store))
    return {"id": entity_id, "message": f"{DOMAIN_CONFIG['entity']} creado exitosamente"}


@app.put(f"/{DOMAIN_CONFIG['entity']}/{{entity_id}}")
@profiler.profile_function(f"update_{DOMAIN_CONFIG['entity']}")
@monitor_performance(metrics, operation=f"update_{DOMAIN_CONFIG['entity']}")
async def update_entity(entity_id: str, entity_data: dict):
    """Updates an entity."""
    if entity_id not in _store:
        raise HTTPException(status_code=404, detail=f"{DOMAIN_CONFIG['entity']} {entity_id} no existe")
    _store[entity_id] = entity_data
    metrics.record_business_event('entities_updated')
    return {"id": entity_id, "message": f"{DOMAIN_CONFIG['entity']} actualizado"}
