import { describe, expect, it } from 'vitest';
import { parseWebhookBenchArgs, UsageError, WEBHOOK_BENCH_USAGE } from '../../bench/webhook-args.js';

describe('bench:webhook arguments', () => {
  it('answers --help and -h with options, defaults and an example', () => {
    expect(parseWebhookBenchArgs(['--help'])).toEqual({ help: true });
    expect(parseWebhookBenchArgs(['-h'])).toEqual({ help: true });
    for (const s of ['--duration <s>', '--connections <n>', '(default: 10', '(default: 50)', 'examples:'])
      expect(WEBHOOK_BENCH_USAGE).toContain(s);
  });

  it('defaults to 10 s at 50 connections; takes options or the old bare seconds', () => {
    expect(parseWebhookBenchArgs([])).toEqual({ help: false, seconds: 10, connections: 50 });
    expect(parseWebhookBenchArgs(['--duration', '3', '--connections', '8'])).toEqual({
      help: false,
      seconds: 3,
      connections: 8,
    });
    expect(parseWebhookBenchArgs(['5'])).toMatchObject({ seconds: 5 });
  });

  it('refuses unknown options, extra arguments and bad numbers with a one-line UsageError', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--conections', '8'], /^Unknown option '--conections'$/],
      [['5', '6'], /^unexpected argument: 6$/],
      [['--duration', '5', '6'], /not both/],
      [['--duration', '0'], /^--duration: not a positive integer/],
      [['--connections', 'many'], /^--connections: not a positive integer/],
      [['--duration'], /--duration/],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseWebhookBenchArgs(argv), argv.join(' ')).toThrow(UsageError);
      expect(() => parseWebhookBenchArgs(argv), argv.join(' ')).toThrow(message);
    }
  });
});
