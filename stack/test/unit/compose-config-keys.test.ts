/**
 * Every setting the API and its worker read reaches their containers, and every variable an operator can set is
 * documented: api/src/config.ts CONFIG_KEYS == the `api` and `worker` services' environment in docker-compose.yml,
 * and the variables docker-compose.yml interpolates == the variables of .env.example (both ways).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../../api/src/config.js';
import { loadCompose, parseDotenv } from '../../src/compose/index.js';

const REPO = join(import.meta.dirname, '..', '..', '..');
const composeText = readFileSync(join(REPO, 'docker-compose.yml'), 'utf8');
const example = parseDotenv(readFileSync(join(REPO, '.env.example'), 'utf8'));
/** Variables the file interpolates (comments excluded), and those its secrets are read from. */
const uncommented = composeText.replace(/^\s*#.*$/gm, '');
const referenced = new Set([
  ...[...uncommented.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ''),
  ...[...uncommented.matchAll(/^\s+environment: ([A-Z_][A-Z0-9_]*)$/gm)].map((m) => m[1] ?? ''),
]);
// .env.example's own values (a variable missing there gets a dummy, and the tests below name it).
const project = loadCompose({
  file: join(REPO, 'docker-compose.yml'),
  env: { ...Object.fromEntries([...referenced].map((v) => [v, 'x'])), ...example },
});
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe('docker-compose.yml passes every API setting', () => {
  for (const service of ['api', 'worker']) {
    it(`the ${service} service's environment is exactly CONFIG_KEYS`, () => {
      expect(sorted(Object.keys(project.service(service).environment))).toEqual(sorted(Object.keys(CONFIG_KEYS)));
    });
  }

  it('every key an operator may change is a variable of the file (the others are fixed by the deployment)', () => {
    const fixed = new Set([
      'API_HOST',
      'API_PORT',
      'METRICS_HOST',
      'METRICS_PORT',
      'API_BASE_URL',
      'GRAPHQL_URL',
      'CATALOG_DIR',
      'WORKER_HEARTBEAT_FILE',
    ]);
    const raw = (project.raw['x-api-env'] ?? {}) as Record<string, unknown>;
    const block = composeText.slice(composeText.indexOf('x-api-env:'), composeText.indexOf('x-api-labels:'));
    for (const key of Object.keys(CONFIG_KEYS)) {
      const line = block.split('\n').find((l) => l.trim().startsWith(`${key}:`)) ?? '';
      if (fixed.has(key)) expect(line, key).not.toContain('${');
      else expect(line, `${key} should come from a variable`).toContain('${');
    }
    expect(Object.keys(raw).length).toBeGreaterThan(0);
  });
});

describe('.env.example documents the variables of docker-compose.yml', () => {
  it('every variable the file uses is in .env.example', () => {
    expect(sorted(referenced).filter((v) => !(v in example))).toEqual([]);
  });

  it('every variable of .env.example is used by the file', () => {
    expect(sorted(Object.keys(example)).filter((v) => !referenced.has(v))).toEqual([]);
  });

  it('every variable of .env.example has a comment above it (or shares one with its group)', () => {
    const lines = readFileSync(join(REPO, '.env.example'), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/^[A-Z_]+=/.test(line)) return;
      let j = i - 1;
      while (j >= 0 && /^[A-Z_]+=/.test(lines[j] ?? '')) j -= 1;
      expect(lines[j]?.startsWith('#'), `${line.split('=')[0]} has no comment`).toBe(true);
    });
  });
});
