/**
 * Command line of the auth-webhook benchmark (webhook.ts), pure so it is unit-tested: `--help` and mistakes are
 * answered before the benchmark starts its Redis.
 */
import { parseArgs } from 'node:util';

export const WEBHOOK_BENCH_USAGE = `usage: npm run bench:webhook [-- --duration <s>] [--connections <n>]
       npm run bench:webhook -w api [-- …]
       npx tsx api/bench/webhook.ts [--duration <s>] [--connections <n>] [<seconds>]

Benchmarks the Hasura auth webhook (GET /api/hasura/auth) of a real app with a real logged-in session in a real,
throwaway Redis it starts itself (no stack needed), with autocannon. Prints requests/s, p50/p99 latency and
non-2xx/error counts. Not a test: the figures depend on the machine.

options:
  --duration <s>      seconds of load (default: 10; a bare <seconds> argument means the same)
  --connections <n>   concurrent connections (default: 50)
  -h, --help          print this help and exit

examples:
  npm run bench:webhook
  npx tsx api/bench/webhook.ts --duration 5 --connections 10
`;

/** A command-line mistake: webhook.ts prints `bench:webhook: <message>` and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type WebhookBenchArgs = { help: true } | { help: false; seconds: number; connections: number };

const positiveInt = (s: string, what: string): number => {
  const n = Number(s);
  if (!/^\d+$/.test(s.trim()) || !(n > 0)) throw new UsageError(`${what}: not a positive integer: ${s}`);
  return n;
};

export function parseWebhookBenchArgs(argv: string[]): WebhookBenchArgs {
  let parsed: {
    values: { help: boolean; duration?: string | undefined; connections?: string | undefined };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        duration: { type: 'string' },
        connections: { type: 'string', default: '50' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    // node:util's messages go on about positionals after `--`; the first sentence says it.
    if (err instanceof TypeError) throw new UsageError(err.message.split(/\.\s/)[0] ?? err.message);
    throw err;
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals.slice(1).join(' ')}`);
  const [bare] = positionals;
  if (bare !== undefined && values.duration !== undefined)
    throw new UsageError('give --duration or <seconds>, not both');
  return {
    help: false,
    seconds: positiveInt(values.duration ?? bare ?? '10', '--duration'),
    connections: positiveInt(values.connections ?? '50', '--connections'),
  };
}
