// Lab 6: cache test through Nginx, 100 distinct keys so the hit rate climbs as keys get cached:
//   k6 run load_tests/cache_test.js
import http from 'k6/http';

const BASE_URL = __ENV.BASE_URL || 'http://localhost';

export const options = { vus: 50, duration: '30s' };

export default function () {
  const key = 'key_' + Math.floor(Math.random() * 100);
  http.get(`${BASE_URL}/cached_work?key=${key}&delay_ms=500`);
}
