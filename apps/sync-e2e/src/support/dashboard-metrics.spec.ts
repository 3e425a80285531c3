import { describe, expect, it } from 'vitest';
import { familyOf, metricsInExpression } from './dashboard-metrics.js';

describe('metricsInExpression', () => {
  it('finds the metric under functions, grouping, matchers and ranges', () => {
    expect(
      metricsInExpression(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{app="x"}[5m])))',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
  });

  it('finds both sides of a division and a bare gauge', () => {
    expect(metricsInExpression('sum(rate(a_sum[5m])) / sum(rate(a_count[5m]))')).toEqual(['a_sum', 'a_count']);
    expect(metricsInExpression('max(outbox_unpublished_events) > 60')).toEqual(['outbox_unpublished_events']);
  });
});

describe('familyOf', () => {
  it("maps a histogram's series to its family", () => {
    const families = new Set(['h', 'c_total']);
    expect(familyOf('h_bucket', families)).toBe('h');
    expect(familyOf('c_total', families)).toBe('c_total');
    expect(familyOf('missing', families)).toBeUndefined();
  });
});
