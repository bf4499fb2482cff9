/** Totals and the per-directory table. */
import type { CaseReport, Totals, Verdict } from './types.js';

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

export function totals(cases: readonly CaseReport[]): Totals {
  const t = { files: cases.length, pass: 0, fail: 0, 'error-soft': 0, skip: 0 };
  for (const c of cases) t[c.verdict]++;
  return { ...t, passPct: pct(t.pass, t.files), skipPct: pct(t.skip, t.files) };
}

export function byDirectory(cases: readonly CaseReport[]): Record<string, Totals> {
  const groups = new Map<string, CaseReport[]>();
  for (const c of cases) groups.set(c.directory, [...(groups.get(c.directory) ?? []), c]);
  return Object.fromEntries([...groups].map(([d, cs]) => [d, totals(cs)]));
}

export function table(dirs: Record<string, Totals>, all: Totals): string {
  const head = ['directory', 'files', 'pass', 'fail', 'err-soft', 'skip', 'pass %'];
  const rows = Object.entries(dirs).map(([d, t]) => [
    d,
    String(t.files),
    String(t.pass),
    String(t.fail),
    String(t['error-soft']),
    String(t.skip),
    t.passPct.toFixed(1),
  ]);
  rows.push([
    'TOTAL',
    String(all.files),
    String(all.pass),
    String(all.fail),
    String(all['error-soft']),
    String(all.skip),
    all.passPct.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Totals per transport: each file judged on its runs over that transport only (files never run over it left out). */
export function byTransport(cases: readonly CaseReport[]): Record<string, Totals> {
  const out: Record<string, Totals> = {};
  const transports = [...new Set(cases.flatMap((c) => c.runs.map((r) => r.transport)))].sort();
  for (const t of transports) {
    const per = cases
      .map((c) => ({ c, runs: c.runs.filter((r) => r.transport === t) }))
      .filter(({ runs }) => runs.length > 0)
      .map(({ c, runs }) => {
        const ran = runs.filter((r) => r.verdict !== 'skip');
        const order: Verdict[] = ['fail', 'error-soft', 'pass'];
        const verdict: Verdict = order.find((v) => ran.some((r) => r.verdict === v)) ?? 'skip';
        return { ...c, verdict, runs };
      });
    out[t] = totals(per);
  }
  return out;
}
