// Lab 5: constant load from inside the stack, with metrics pushed to Prometheus:
//   docker compose exec k6 k6 run --out experimental-prometheus-rw /scripts/prom_test.js
// The k6 service sets K6_PROMETHEUS_RW_SERVER_URL and K6_PROMETHEUS_RW_TREND_STATS.
import http from 'k6/http';
import { sleep } from 'k6';

export const options = {
  vus: 10,
  duration: '5m',
};

export default function () {
  http.get('http://api:8000/do_work?delay_ms=100');
  sleep(1);
}
