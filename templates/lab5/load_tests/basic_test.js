// Lab 5: ramping load test against the FastAPI service, run from the host:
//   k6 run load_tests/basic_test.js
import http from 'k6/http';
import { sleep, check } from 'k6';
import { Rate } from 'k6/metrics';

// Custom metric: the share of failed iterations.
const errorRate = new Rate('errors');

const BASE_URL = __ENV.BASE_URL || 'http://localhost:8000';

export const options = {
  stages: [
    { duration: '30s', target: 20 }, // ramp up to 20 users
    { duration: '1m', target: 20 },  // hold 20 users
    { duration: '30s', target: 50 }, // ramp up to 50 users
    { duration: '1m', target: 50 },  // hold 50 users
    { duration: '30s', target: 0 },  // ramp down
  ],
  thresholds: {
    http_req_duration: ['p(95)<500'], // 95% of requests under 500 ms
    errors: ['rate<0.1'],             // fewer than 10% errors
  },
};

export default function () {
  const delay = Math.floor(Math.random() * 200) + 50; // 50-250 ms
  const res = http.get(`${BASE_URL}/do_work?delay_ms=${delay}`);

  const success = check(res, {
    'status is 200': (r) => r.status === 200,
    'duration < 500ms': (r) => r.timings.duration < 500,
  });

  errorRate.add(!success);
  sleep(1);
}
