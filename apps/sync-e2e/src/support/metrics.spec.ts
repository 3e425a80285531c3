import { describe, expect, it } from 'vitest';
import { metricFamilies, parseSamples, sampleSum } from './metrics.js';

const text = `# HELP h Request duration
# TYPE h histogram
h_bucket{le="0.1",route="/products/:id",app="api-service"} 1
h_bucket{le="+Inf",route="/products/:id",app="api-service"} 2
h_sum{route="/products/:id",app="api-service"} 0.3
h_count{route="/products/:id",app="api-service"} 2
h_count{route="/products",app="api-service"} 5
c_total{reason="say \\"no\\", twice"} 3
g 1.5e3
`;

describe('parseSamples / sampleSum', () => {
  const samples = parseSamples(text);

  it('reads every sample line with its labels, comments skipped', () => {
    expect(samples).toHaveLength(7);
    expect(samples[3]).toEqual({ name: 'h_count', labels: { route: '/products/:id', app: 'api-service' }, value: 2 });
    expect(samples[5].labels).toEqual({ reason: 'say \\"no\\", twice' });
    expect(samples[6]).toEqual({ name: 'g', labels: {}, value: 1500 });
  });

  it('sums the samples matching a name and some labels', () => {
    expect(sampleSum(samples, 'h_count')).toBe(7);
    expect(sampleSum(samples, 'h_count', { route: '/products' })).toBe(5);
    expect(sampleSum(samples, 'h_count', { route: '/nothing' })).toBe(0);
  });
});

describe('metricFamilies', () => {
  it('names every declared family, with or without samples', () => {
    expect(metricFamilies(`${text}# HELP empty_total nothing yet\n# TYPE empty_total counter\n`)).toEqual(
      new Set(['h', 'empty_total']),
    );
  });
});
