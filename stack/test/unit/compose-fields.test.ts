/**
 * The small parsers behind the model: port specs (ranges expanded), Go durations, compose's word splitting of
 * string commands, and healthcheck forms and defaults.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCompose, parseDurationMs, splitShellWords, type PortDef } from '../../src/compose/index.js';

const dir = mkdtempSync(join(tmpdir(), 'compose-fields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** One service `a` with the given YAML lines (indented under it), loaded and validated. */
function service(lines: string) {
  const path = join(dir, `c${n++}.yml`);
  writeFileSync(path, `services:\n  a:\n    image: x\n${lines.replace(/^/gm, '    ')}\n`);
  return loadCompose({ file: path, env: {} }).service('a');
}
const tcp = (target: number, published?: number, hostIp?: string): PortDef => ({
  target,
  protocol: 'tcp',
  mode: 'ingress',
  ...(published === undefined ? {} : { published }),
  ...(hostIp === undefined ? {} : { hostIp }),
});

describe('ports', () => {
  it.each<[string, PortDef[]]>([
    ["'80:80'", [tcp(80, 80)]],
    ["'8080'", [tcp(8080)]],
    ['8080', [tcp(8080)]],
    ["'127.0.0.1:8443:8443'", [tcp(8443, 8443, '127.0.0.1')]],
    ["'127.0.0.1::5432'", [tcp(5432, undefined, '127.0.0.1')]],
    ["'[::1]:53:53/udp'", [{ ...tcp(53, 53, '::1'), protocol: 'udp' }]],
    ["'1000-1002:1000-1002'", [tcp(1000, 1000), tcp(1001, 1001), tcp(1002, 1002)]],
    ["'2000-2001:3000-3001/udp'", [3000, 3001].map((t, i) => ({ ...tcp(t, 2000 + i), protocol: 'udp' as const }))],
    ["'3000-3001'", [tcp(3000), tcp(3001)]],
    ['{ target: 80, published: 8080, mode: host }', [{ ...tcp(80, 8080), mode: 'host' }]],
    ["{ target: '81', protocol: udp }", [{ ...tcp(81), protocol: 'udp' }]],
  ])('%s', (spec, expected) => {
    expect(service(`ports:\n  - ${spec}`).ports).toEqual(expected);
  });

  it.each(["'70000:80'", "'1000-1002:2000'", "'::1:53:53'", "'80/sctp'", "'a:b'"])('%s is refused', (spec) => {
    expect(() => service(`ports:\n  - ${spec}`)).toThrow(/services\.a\.ports\[0\]/);
  });
});

describe('parseDurationMs', () => {
  it.each<[string, number | undefined]>([
    ['10s', 10_000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
    ['2.5s', 2500],
    ['1h2m3s4ms', 3_723_004],
    ['100us', 0.1],
    ['0', 0],
    ['10', undefined],
    ['s', undefined],
    ['-1s', undefined],
    ['1d', undefined],
    ['', undefined],
  ])('%s → %s', (s, ms) => {
    expect(parseDurationMs(s)).toBe(ms);
  });
});

describe('splitShellWords', () => {
  it.each<[string, string[] | RegExp]>([
    ['node server.js', ['node', 'server.js']],
    ['  a   b\tc  ', ['a', 'b', 'c']],
    [`echo "a b" 'c d'`, ['echo', 'a b', 'c d']],
    [`echo "it's" 'say "hi"'`, ['echo', "it's", 'say "hi"']],
    [`a\\ b "x\\"y" 'lit\\n'`, ['a b', 'x"y', 'lit\\n']],
    [`x "" ''`, ['x', '', '']],
    [`pre"mid"post`, ['premidpost']],
    ['sh -c "a && b"', ['sh', '-c', 'a && b']],
    [`echo "open`, /unterminated " quote/],
    ['a | b', /shell operator "\|"/],
    ['a\\', /trailing backslash/],
  ])('%s', (line, expected) => {
    const words = splitShellWords(line);
    if (expected instanceof RegExp) expect(Array.isArray(words) ? words : words.error).toMatch(expected);
    else expect(words).toEqual(expected);
  });
});

describe('healthcheck', () => {
  it('defaults as Docker: 30s, 30s, 3 retries, start period 0, start interval 5s', () => {
    expect(service("healthcheck:\n  test: ['CMD', 'true']").healthcheck).toEqual({
      test: ['CMD', 'true'],
      intervalMs: 30_000,
      timeoutMs: 30_000,
      retries: 3,
      startPeriodMs: 0,
      startIntervalMs: 5000,
    });
  });

  it.each([
    "healthcheck:\n  test: ['NONE']",
    "healthcheck:\n  disable: true\n  test: ['CMD', 'true']",
    'healthcheck:\n  interval: 1s',
  ])('is undefined for %j', (yaml) => {
    expect(service(yaml).healthcheck).toBeUndefined();
  });

  it('reads start_interval and numeric-string retries', () => {
    const h = service("healthcheck:\n  test: 'true'\n  start_interval: 250ms\n  retries: '7'").healthcheck;
    expect(h).toMatchObject({ test: ['CMD-SHELL', 'true'], startIntervalMs: 250, retries: 7 });
  });

  it('refuses a CMD-SHELL with several arguments', () => {
    expect(() => service("healthcheck:\n  test: ['CMD-SHELL', 'a', 'b']")).toThrow(/services\.a\.healthcheck\.test/);
  });
});
