"""BigData Lab API: a FastAPI service that exposes Prometheus metrics on /metrics (Lab 1)."""
import asyncio
import random
import time

from fastapi import FastAPI, HTTPException, Request
from prometheus_client import Counter, Gauge, Histogram, make_asgi_app

app = FastAPI(title="BigData Lab API")

# --- Metrics -----------------------------------------------------------------

request_count = Counter(
    'http_requests_total',
    'Total de peticiones HTTP',
    ['method', 'endpoint', 'status'],
)

request_duration = Histogram(
    'http_request_duration_seconds',
    'Duración de peticiones HTTP',
    ['method', 'endpoint'],
)

active_requests = Gauge(
    'http_requests_active',
    'Número de peticiones activas',
)

work_duration = Histogram(
    'work_duration_seconds',
    'Duración del trabajo simulado',
    buckets=[0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0],
)

errors_total = Counter(
    'errors_total',
    'Total de errores',
    ['type'],
)

# Known routes are used as the endpoint label; anything else is grouped as "other"
# so that random URLs cannot create unbounded label values.
KNOWN_ENDPOINTS = {"/", "/health", "/do_work", "/cpu_intensive"}


def endpoint_label(path: str) -> str:
    return path if path in KNOWN_ENDPOINTS else "other"


# --- Middleware ----------------------------------------------------------------

@app.middleware("http")
async def track_metrics(request: Request, call_next):
    if request.url.path.startswith("/metrics"):
        return await call_next(request)
    endpoint = endpoint_label(request.url.path)
    active_requests.inc()
    start_time = time.perf_counter()
    status = 500
    try:
        response = await call_next(request)
        status = response.status_code
        return response
    except Exception:
        errors_total.labels(type='unhandled_exception').inc()
        raise
    finally:
        duration = time.perf_counter() - start_time
        request_count.labels(method=request.method, endpoint=endpoint, status=str(status)).inc()
        request_duration.labels(method=request.method, endpoint=endpoint).observe(duration)
        active_requests.dec()


# --- Business endpoints -------------------------------------------------------------

@app.get("/")
async def root():
    return {"message": "BigData Lab API", "version": "1.0"}


@app.get("/health")
async def health():
    return {"status": "healthy"}


@app.get("/do_work")
async def do_work(delay_ms: int = 100, fail_rate: float = 0.0):
    """Simulated work with a configurable delay (ms) and failure probability (0.0 to 1.0)."""
    start = time.perf_counter()
    if random.random() < fail_rate:
        errors_total.labels(type='simulated_error').inc()
        raise HTTPException(status_code=500, detail="Simulated error")
    await asyncio.sleep(max(delay_ms, 0) / 1000.0)
    duration = time.perf_counter() - start
    work_duration.observe(duration)
    return {
        "status": "completed",
        "delay_ms": delay_ms,
        "actual_duration_ms": round(duration * 1000, 2),
    }


@app.get("/cpu_intensive")
async def cpu_intensive(iterations: int = 1000000):
    """Simulated CPU load."""
    start = time.perf_counter()
    result = sum(i ** 2 for i in range(max(iterations, 0)))
    duration = time.perf_counter() - start
    work_duration.observe(duration)
    return {"result": result, "duration_ms": round(duration * 1000, 2)}


# --- /metrics --------------------------------------------------------------------

app.mount("/metrics", make_asgi_app())

if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=8000)
