from fastapi import FastAPI
from prometheus_client import Counter, make_asgi_app

app = FastAPI()
hits = Counter('hits_total', 'Hits')
app.mount("/metrics", make_asgi_app())
