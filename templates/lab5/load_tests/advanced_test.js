// Lab 5: three scenarios one after the other (constant VUs, a spike, a constant arrival rate):
//   docker compose exec k6 k6 run --out experimental-prometheus-rw /scripts/advanced_test.js
import http from 'k6/http';
import { sleep } from 'k6';

export const options = {
  scenarios: {
    // Scenario 1: constant load
    constant_load: {
      executor: 'constant-vus',
      vus: 20,
      duration: '2m',
      startTime: '0s',
    },
    // Scenario 2: a sudden spike
    spike_test: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: '10s', target: 100 },
        { duration: '30s', target: 100 },
        { duration: '10s', target: 0 },
      ],
      startTime: '2m',
    },
    // Scenario 3: a constant request rate
    constant_rate: {
      executor: 'constant-arrival-rate',
      rate: 100, // 100 iterations per second
      timeUnit: '1s',
      duration: '1m',
      preAllocatedVUs: 50,
      maxVUs: 100,
      startTime: '4m',
    },
  },
};

const endpoints = [
  '/do_work?delay_ms=50',
  '/do_work?delay_ms=100',
  '/cpu_intensive?iterations=100000',
];

export default function () {
  const endpoint = endpoints[Math.floor(Math.random() * endpoints.length)];
  http.get(`http://api:8000${endpoint}`);
  sleep(0.1);
}
