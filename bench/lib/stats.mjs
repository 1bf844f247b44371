// Percentiles by nearest rank, in milliseconds rounded to 0.1.

export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

const round = (v) => (v === undefined ? undefined : Math.round(v * 10) / 10);

/** { p50, p95, min, max, samples } of timings in ms. */
export function summarize(values) {
  return {
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    samples: values.length,
  };
}
