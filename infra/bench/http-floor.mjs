// @ts-check
// `node infra/bench/http-floor.mjs [seconds, default 10]` (after a build; no stack needed): issue 9, goal 1's
// floor. What HTTP and Nest alone cost per create on this machine, on Express (the other apps' platform) and on
// Fastify (@nestjs/platform-fastify, api-service's since issue 9), side by side and twice in alternation (the
// machine is noisy): each side a Nest app of its own (http-floor/app.mjs: api-service's CreateProductDto and
// ValidationPipe settings, no database), loaded by autocannon with 32 keep-alive connections as `npm run bench`
// loads POST /products, its CPU read from /proc. A create in api-service costs this floor plus its own work (guards, logs, the statement).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpuPerUnit, readCpu } from './pipeline/cpu.mjs';
import { httpLoad } from './pipeline/http-load.mjs';
import { createBody, runTag } from './pipeline/products.mjs';

const seconds = Number(process.argv[2] ?? 10);
const tag = runTag();
const rows = [];
for (const [i, platform] of ['express', 'fastify', 'express', 'fastify'].entries()) {
  const port = 23100 + i;
  const app = fork(new URL('./http-floor/app.mjs', import.meta.url), [platform, String(port)], { stdio: 'inherit' });
  try {
    await once(app, 'message');
    const pids = { app: /** @type {number} */ (app.pid) };
    /** @param {number} s */
    const creates = (s) =>
      httpLoad({
        baseUrl: `http://127.0.0.1:${port}`,
        method: 'POST',
        next: (n) => ({ path: '/products', body: createBody(`HF-${tag}-${i}-${s}-${n}`) }),
        connections: 32,
        seconds: s,
      });
    await creates(2); // warm-up, outside the CPU reading
    const before = readCpu(pids);
    const load = await creates(seconds);
    const cpu = cpuPerUnit(before, readCpu(pids), load.count);
    rows.push({
      platform,
      'req/s': load.perSecond,
      p50: load.p50Ms,
      p99: load.p99Ms,
      non2xx: load.non2xx,
      'CPU ms/req': cpu?.app,
    });
  } finally {
    app.kill();
  }
}
console.table(rows);
