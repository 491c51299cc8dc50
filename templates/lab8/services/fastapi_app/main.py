"""BigData Lab API with a Redis cache and business metrics (Lab 8): Prometheus metrics on /metrics."""
import asyncio
import json
import os
import random
import time

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, Field
from prometheus_client import Counter, Gauge, Histogram, make_asgi_app
from redis import asyncio as aioredis
from redis.exceptions import RedisError

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

cache_hits = Counter('cache_hits_total', 'Total cache hits')
cache_misses = Counter('cache_misses_total', 'Total cache misses')

# --- Redis -------------------------------------------------------------------------

# The asyncio client does not block the event loop while it waits for Redis.
redis_client = aioredis.Redis(
    host=os.getenv("REDIS_HOST", "redis"),
    port=int(os.getenv("REDIS_PORT", "6379")),
    decode_responses=True,
)
CACHE_TTL_SECONDS = 60

# --- Business metrics ----------------------------------------------------------------

orders_total = Counter('orders_total', 'Total orders', ['status', 'payment_method'])
order_value = Histogram(
    'order_value_euros',
    'Order value in EUR',
    buckets=[5, 10, 25, 50, 100, 250, 500, 1000],
)
active_users = Gauge('active_users', 'Currently active users')
revenue_total = Counter('revenue_euros_total', 'Total revenue in EUR')

PAYMENT_METHODS = {"card", "paypal", "transfer"}


class Order(BaseModel):
    """An order as the client sends it."""

    id: str = Field(min_length=1, max_length=64)
    total_amount: float = Field(ge=0)
    payment: str = "card"

# Known routes are used as the endpoint label; anything else is grouped as "other"
# so that random URLs cannot create unbounded label values.
KNOWN_ENDPOINTS = {"/", "/health", "/do_work", "/cpu_intensive", "/cached_work", "/order"}


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


@app.get("/cached_work")
async def cached_work(key: str, delay_ms: int = 100):
    """Work cached in Redis for 60 seconds under work:<key>."""
    cache_key = f"work:{key}"
    try:
        cached = await redis_client.get(cache_key)
    except RedisError:
        errors_total.labels(type='redis_unavailable').inc()
        cached = None
    if cached:
        cache_hits.inc()
        return {"status": "cached", "result": json.loads(cached)}

    cache_misses.inc()
    await asyncio.sleep(max(delay_ms, 0) / 1000.0)
    result = {"key": key, "computed": True, "delay_ms": delay_ms}
    try:
        await redis_client.setex(cache_key, CACHE_TTL_SECONDS, json.dumps(result))
    except RedisError:
        errors_total.labels(type='redis_unavailable').inc()
    return {"status": "computed", "result": result}


@app.post("/order")
async def create_order(order: Order):
    """Records an order in the business metrics."""
    payment = order.payment if order.payment in PAYMENT_METHODS else "other"
    active_users.inc()
    try:
        orders_total.labels(status='completed', payment_method=payment).inc()
        order_value.observe(order.total_amount)
        revenue_total.inc(order.total_amount)
        return {"order_id": order.id}
    finally:
        active_users.dec()


# --- /metrics --------------------------------------------------------------------

app.mount("/metrics", make_asgi_app())

if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=8000)
