// @ts-check
// `node infra/bench/ack-trip.mjs [creates, default 40]` (after a build; EMPTIES the test profile as `npm run bench`
// does; run it under the stack lock): issue 9, goal 3. Where an idle `Prefer: wait-for-sync` create's time goes,
// from the apps' own log lines, joined by the change's trace id: api-service receives the request (its "request
// completed" line less `responseTime`) → product-consumer has applied it ("applied …") → api-service has recorded
// its ack ("ack …") → api-service has answered. One create every 250 ms; medians and 90th percentiles.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../run.mjs';
import { WRITER_AUTH } from './pipeline/auth.mjs';
import { createBody, runTag } from './pipeline/products.mjs';
import { openStack } from './pipeline/stack.mjs';
import { percentile } from './pipeline/stats.mjs';

const creates = Number(process.argv[2] ?? 40);
const stack = await openStack({ useRunning: false, build: false, profile: false });
const tag = runTag();
try {
  for (let i = 0; i < creates; i++) {
    const response = await fetch(`${stack.apiUrl}/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'wait-for-sync=5000', ...WRITER_AUTH },
      body: JSON.stringify(createBody(`AT-${tag}-${i}`)),
    });
    if (response.status !== 201) throw new Error(`create answered ${response.status}`);
    await sleep(250);
  }
} finally {
  await stack.stop();
}

/** @type {Map<string, Record<string, number>>} the hops' times per trace id */
const traces = new Map();
for (const app of ['api-service', 'product-consumer'])
  for (const line of readFileSync(`${repoRoot}.local/bench/${app}.log`, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const { trace_id: trace, time, msg, req, responseTime } = JSON.parse(line);
    if (!trace) continue;
    const at = Date.parse(time);
    const hops = traces.get(trace) ?? {};
    traces.set(trace, hops);
    if (msg === 'request completed' && req?.method === 'POST')
      Object.assign(hops, { received: at - responseTime, answered: at });
    else if (app === 'product-consumer' && msg.startsWith('applied ')) hops.applied = at;
    else if (app === 'api-service' && msg.startsWith('ack ')) hops.acked = at;
  }
const complete = [...traces.values()].filter((h) => ['received', 'applied', 'acked', 'answered'].every((k) => k in h));
console.log(`${complete.length} of ${creates} creates traced through every hop`);
for (const [from, to, what] of [
  ['received', 'applied', 'request → applied in product_catalog (the write, the relay, the consumer)'],
  ['applied', 'acked', 'applied → ack recorded in api-service (the ack send, the fetch, the upsert)'],
  ['acked', 'answered', 'ack recorded → answered (NOTIFY, the wake-up read, the response)'],
  ['received', 'answered', 'request → answered'],
]) {
  const ms = complete.map((h) => h[to] - h[from]);
  console.log(`${what}: p50 ${percentile(ms, 50)} ms, p90 ${percentile(ms, 90)} ms`);
}
