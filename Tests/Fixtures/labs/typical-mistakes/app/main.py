import asyncio
import random
import time

from fastapi import FastAPI, HTTPException
from prometheus_client import Counter, Gauge, Histogram, make_asgi_app

app = FastAPI(title="BigData Lab API")

request_count = Counter(
    'http_requests_total',
    'Total de peticiones HTTP',
    ['method', 'endpoint', 'status']
)

request_duration = Histogram(
    'http_request_duration_seconds',
    'Duración de peticiones HTTP',
    ['method', 'endpoint']
)

active_requests = Gauge('http_requests_active', 'Número de peticiones activas')

work_duration = Histogram(
    'work_duration_seconds',
    'Duración del trabajo simulado',
    buckets=[0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]
)

errors_total = Counter('errors_total', 'Total de errores', ['type'])


@app.middleware("http")
async def track_metrics(request, call_next):
    active_requests.inc()
    start_time = time.time()
    try:
        response = await call_next(request)
        duration = time.time() - start_time
        request_count.labels(method=request.method, endpoint=request.url.path,
                             status=response.status_code).inc()
        request_duration.labels(method=request.method, endpoint=request.url.path).observe(duration)
        return response
    finally:
        active_requests.dec()


@app.get("/do_work")
async def do_work(delay_ms: int = 100, fail_rate: float = 0.0):
    start = time.time()
    if random.random() < fail_rate:
        errors_total.labels(type='simulated_error').inc()
        raise HTTPException(status_code=500, detail="Simulated error")
    await asyncio.sleep(delay_ms / 1000.0)
    work_duration.observe(time.time() - start)
    return {"status": "completed"}


app.mount("/metrics", make_asgi_app())
