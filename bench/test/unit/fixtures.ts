import type { Report, Run, TargetName } from '../../report.js';

const rss = (t: TargetName): Record<string, number> =>
  t === 'gateway' ? { engine: 120, gateway: 90 } : t === 'engine' ? { engine: 130 } : { [t]: 200 };

export function run(size: number, op: string, connections: number, target: TargetName, rps: number, p50 = 10): Run {
  return {
    size,
    op,
    connections,
    target,
    position: 0,
    loadavg1: 3,
    requests: rps * 5,
    requestsPerSec: rps,
    p50Ms: p50,
    p99Ms: p50 * 3,
    errors: 0,
    errorKinds: {},
    warmupSeconds: 1,
    seconds: 5,
    peakRssMb: rss(target),
  };
}

/** A small report: one data set, two operations, one concurrency, every target. */
export function report(): Report {
  const runs: Run[] = [
    run(1, 'a', 10, 'gateway', 800, 12),
    run(1, 'a', 10, 'engine', 1000, 10),
    run(1, 'a', 10, 'postgraphile', 500),
    run(1, 'a', 10, 'raw', 2000),
    run(1, 'b', 10, 'gateway', 40, 230),
    run(1, 'b', 10, 'engine', 50, 200),
    run(1, 'b', 10, 'postgraphile', 10),
    run(1, 'b', 10, 'raw', 25),
  ];
  return {
    date: '2026-11-24T06:00:00.000Z',
    machine: {
      cpus: 2,
      cpuModel: 'Test CPU',
      memoryGb: 4,
      os: 'Linux test',
      loadavgStart: [1, 2, 3],
      loadavgEnd: [2, 2, 3],
    },
    versions: { node: 'v20.0.0', postgraphile: '5.1.5' },
    method: {
      seconds: 5,
      warmupSeconds: 1,
      maxSeconds: 40,
      connections: [10],
      sizes: [1],
      targets: ['gateway', 'engine', 'postgraphile', 'raw'],
      db: 'bouncer',
      poolSize: 20,
      quick: false,
    },
    operations: [
      { id: 'a', title: 'op a', role: 'anonymous' },
      { id: 'b', title: 'op <b>', role: 'student' },
    ],
    datasets: [
      {
        size: 1,
        seedScale: 1,
        courses: 10000,
        rows: 120000,
        seedSeconds: 4,
        sample: { season: '202701' },
        equivalence: [{ op: 'a', target: 'raw', equal: true, rows: 3, idleMs: 2 }],
        gatewayMarkedDown: 2,
      },
    ],
    runs,
    runtimeSeconds: 600,
  };
}
