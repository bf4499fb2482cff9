/**
 * Go `time.ParseDuration` syntax, which compose uses for healthcheck intervals and stop_grace_period: a sequence
 * of decimal numbers with units (`1m30s`, `500ms`, `2.5s`, `1h`), or a bare `0`. Negative durations are refused.
 */
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Milliseconds of a Go duration string; undefined if invalid. A bare number is only accepted as 0: compose-go
 * would read `30` as 30 nanoseconds, which is never what a file means.
 */
export function parseDurationMs(value: string | number): number | undefined {
  if (typeof value === 'number') return value === 0 ? 0 : undefined;
  const s = value.trim().replace(/^\+/, '');
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < s.length) {
    const m = PART.exec(s);
    if (!m?.[1] || !m[2]) return undefined;
    total += Number(m[1]) * (UNIT_MS[m[2]] ?? NaN);
  }
  return Number.isFinite(total) ? Math.round(total * 1e6) / 1e6 : undefined;
}
