/** One sample line of Prometheus' text exposition format: `name{label="value",…} 12.5`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * The samples of a scrape. Hand-written on purpose: parse-prometheus-text-format 1.1.1 drops the
 * labels, `_sum` and `_count` of a labelled histogram, which is exactly what these tests read.
 */
export function parseSamples(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = line.startsWith('#') ? null : SAMPLE.exec(line);
    if (!match) return [];
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map(([, k, v]) => [k, v]));
    return [{ name: match[1], labels, value: Number(match[3]) }];
  });
}

/** The sum of the samples called `name` whose labels include `labels` (0 when there is none). */
export function sampleSum(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** The metric families a scrape declares (`# TYPE <name> <type>`), also those with no sample yet. */
export function metricFamilies(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) \S+$/gm)].map((m) => m[1]));
}

/** GET <baseUrl>/metrics as text. */
export async function scrapeText(baseUrl: string): Promise<string> {
  // /metrics is an operational route: it needs the admin scope, as Prometheus is configured to send.
  const { testKeys } = await import('./api.js'); // on use: the parser's unit spec runs without the test stack's keys
  const response = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${testKeys.admin}` } });
  if (!response.ok) throw new Error(`${baseUrl}/metrics answered ${response.status}`);
  return response.text();
}

/** GET <baseUrl>/metrics, parsed. */
export async function scrape(baseUrl: string): Promise<Sample[]> {
  return parseSamples(await scrapeText(baseUrl));
}
