import { authFor } from './api.js';
import { e2eEnv } from './env.js';

type Summary = { count: number; firstIds: string[] };
export interface ReconciliationReport {
  inSync: boolean;
  sourceProducts: number;
  replicaProducts: number;
  missing: Summary;
  extra: Summary;
  differing: Summary;
  ahead: Summary;
  repaired?: number;
}

/** GET /reconciliation, or with 'POST' /reconciliation/repair; any answer but 200 throws, naming it. */
export async function reconciliation(method: 'GET' | 'POST' = 'GET'): Promise<ReconciliationReport> {
  const path = `/reconciliation${method === 'POST' ? '/repair' : ''}`;
  const response = await fetch(`${e2eEnv.apiUrl}${path}`, { method, headers: authFor(method, path) });
  if (response.status !== 200)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ReconciliationReport;
}
