import { readFileSync } from 'node:fs';

/** Words of PromQL that are not metric names. */
const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'offset',
  'bool',
]);

/**
 * The metric names a PromQL expression reads: what is left once label matchers (`{…}`), ranges
 * (`[…]`), grouping clauses (`by (…)`), strings, numbers and function calls are taken out.
 */
export function metricsInExpression(expr: string): string[] {
  const bare = expr
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ')
    .replace(/"[^"]*"/g, ' ');
  return [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)]
    .map((m) => m[1])
    .filter((word) => !PROMQL_WORDS.has(word));
}

/** Every metric the Grafana dashboard's panels query (`deploy/observability/grafana/dashboards/*.json`). */
export function dashboardMetrics(path: string): string[] {
  const dashboard = JSON.parse(readFileSync(path, 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
  const exprs = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr);
  return [...new Set(exprs.flatMap(metricsInExpression))].sort();
}

/** A histogram is exported as `<name>_bucket`, `_sum` and `_count` under one `# TYPE <name> histogram`. */
export function familyOf(metric: string, families: Set<string>): string | undefined {
  if (families.has(metric)) return metric;
  const base = metric.replace(/_(bucket|sum|count)$/, '');
  return families.has(base) ? base : undefined;
}
