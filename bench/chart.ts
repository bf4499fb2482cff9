/**
 * bench/results.svg: grouped bars of requests/s, one panel per data size × concurrency, one group per operation,
 * one bar per target. The y axis is logarithmic (a season's catalog is two orders of magnitude slower than a course
 * detail) and shared by every panel so they can be compared. Plain SVG, no chart library.
 */
import { TARGET_LABELS, type Report, type TargetName } from './report.js';

const COLORS: Record<TargetName, string> = {
  gateway: '#9ecae1',
  engine: '#3182bd',
  postgraphile: '#e6550d',
  raw: '#31a354',
};

const WIDTH = 980;
const LEFT = 64;
const RIGHT = 16;
const PANEL = 250;
const TOP = 56;
const AXIS_LABELS = 40;

export const escapeXml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Decades [10^lo, 10^hi] that hold every positive value (at least one decade). */
export function decades(values: readonly number[]): { lo: number; hi: number } {
  const xs = values.filter((v) => v > 0);
  if (xs.length === 0) return { lo: 0, hi: 1 };
  const lo = Math.floor(Math.log10(Math.min(...xs)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...xs))));
  return { lo, hi };
}

/** Pixel offset from the panel's bottom for a value on a log axis of `height` pixels spanning 10^lo…10^hi. */
export function logY(value: number, lo: number, hi: number, height: number): number {
  if (value <= 0) return 0;
  const t = (Math.log10(value) - lo) / (hi - lo);
  return Math.max(0, Math.min(1, t)) * height;
}

export const formatRate = (v: number): string =>
  v >= 10_000
    ? `${(v / 1000).toFixed(0)}k`
    : v >= 1000
      ? `${(v / 1000).toFixed(1)}k`
      : v >= 10
        ? v.toFixed(0)
        : v.toFixed(1);

/** Axis label of 10^d: 0.1, 1, 10, 100, 1k, 10k. */
export const decadeLabel = (d: number): string =>
  d >= 3 ? `${10 ** (d - 3)}k` : d >= 0 ? String(10 ** d) : (10 ** d).toFixed(-d);

export function renderChart(report: Report): string {
  const ops = report.operations.map((o) => o.id);
  const targets = report.method.targets;
  const panels = report.method.sizes.flatMap((size) =>
    report.method.connections.map((connections) => ({ size, connections })),
  );
  const { lo, hi } = decades(report.runs.map((r) => r.requestsPerSec));
  const plotH = PANEL - AXIS_LABELS - 28;
  const height = TOP + panels.length * PANEL + 8;
  const plotW = WIDTH - LEFT - RIGHT;
  const groupW = plotW / Math.max(1, ops.length);
  const barW = Math.min(30, (groupW - 16) / Math.max(1, targets.length));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="${LEFT}" y="20" font-size="14" font-weight="bold">requests/s (log scale), ${escapeXml(report.date.slice(0, 10))}</text>`,
  ];
  targets.forEach((t, i) => {
    const x = LEFT + i * 160;
    out.push(`<rect x="${x}" y="32" width="12" height="12" fill="${COLORS[t]}"/>`);
    out.push(`<text x="${x + 16}" y="42">${escapeXml(TARGET_LABELS[t])}</text>`);
  });
  out.push(`<text x="${LEFT + targets.length * 160}" y="42" fill="#b00">* the run had errors (RESULTS.md)</text>`);
  panels.forEach((p, pi) => {
    const y0 = TOP + pi * PANEL + 20;
    const base = y0 + plotH;
    const dataset = report.datasets.find((d) => d.size === p.size);
    const courses = dataset ? ` (${dataset.courses.toLocaleString('en-US')} courses)` : '';
    out.push(
      `<text x="${LEFT}" y="${y0 - 6}" font-weight="bold">${p.size}× data${courses}, ${p.connections} connections</text>`,
    );
    for (let d = lo; d <= hi; d++) {
      const y = base - logY(10 ** d, lo, hi, plotH);
      out.push(`<line x1="${LEFT}" y1="${y.toFixed(1)}" x2="${WIDTH - RIGHT}" y2="${y.toFixed(1)}" stroke="#ddd"/>`);
      out.push(`<text x="${LEFT - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${decadeLabel(d)}</text>`);
    }
    ops.forEach((op, gi) => {
      const gx = LEFT + gi * groupW + (groupW - barW * targets.length) / 2;
      targets.forEach((t, ti) => {
        const run = report.runs.find(
          (r) => r.size === p.size && r.connections === p.connections && r.op === op && r.target === t,
        );
        if (!run) return;
        const h = logY(run.requestsPerSec, lo, hi, plotH);
        const x = gx + ti * barW;
        out.push(
          `<rect x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[t]}">` +
            `<title>${escapeXml(`${TARGET_LABELS[t]}, ${op}: ${run.requestsPerSec.toFixed(1)} req/s`)}</title></rect>`,
        );
        out.push(
          `<text x="${(x + (barW - 2) / 2).toFixed(1)}" y="${(base - h - 3).toFixed(1)}" font-size="9" text-anchor="middle"${run.errors > 0 ? ' fill="#b00"' : ''}>${formatRate(run.requestsPerSec)}${run.errors > 0 ? '*' : ''}</text>`,
        );
      });
      out.push(
        `<text x="${(LEFT + gi * groupW + groupW / 2).toFixed(1)}" y="${base + 16}" text-anchor="middle">${escapeXml(op)}</text>`,
      );
    });
    out.push(`<line x1="${LEFT}" y1="${base}" x2="${WIDTH - RIGHT}" y2="${base}" stroke="#333"/>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
