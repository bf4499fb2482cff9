/**
 * The local stack follows docker-compose.yml: a service added to the file runs locally (with the program of its
 * image, or listed as not run with the reason), a service removed from it is gone, the start order follows
 * depends_on, and an interpolation error (`${VAR?message}` unset) stops the start with compose's message before
 * anything runs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompose } from '../../src/compose/index.js';
import { planStack } from '../../src/local/plan.js';
import { programTable } from '../../src/local/programs.js';
import { REPO, startLocalStack } from '../../src/local/run.js';

const FILE = join(import.meta.dirname, 'fixtures', 'local', 'docker-compose.yml');
const env = { DB_PASSWORD: 'fixture' };
const plan = (overrides: unknown[] = []) => planStack(loadCompose({ file: FILE, env, overrides }), programTable(REPO));
const statuses = (p: ReturnType<typeof plan>) => Object.fromEntries(p.services.map((s) => [s.service.name, s.status]));

describe('the local stack plan', () => {
  it('runs every service of the file with its image program, dependencies first', () => {
    const p = plan();
    expect(statuses(p)).toEqual({ db: 'run', cache: 'run', app: 'run', job: 'run', admin: 'not run' });
    expect(p.services.find((s) => s.service.name === 'admin')?.note).toMatch(/not packaged for Debian/);
    expect(p.services.find((s) => s.service.name === 'job')?.note).toMatch(/api\/Dockerfile/);
    const order = p.order.map((s) => s.service.name);
    expect(order.indexOf('db')).toBeLessThan(order.indexOf('app'));
    expect(order.indexOf('cache')).toBeLessThan(order.indexOf('app'));
  });

  it('a service added to the file appears, a removed one disappears', () => {
    const added = plan([{ services: { search: { image: 'redis:7.4.5-alpine' } } }]);
    expect(statuses(added)['search']).toBe('run');
    const { services } = loadCompose({ file: FILE, env });
    expect(services.map((s) => s.name)).not.toContain('search');
  });

  it('only the asked services and their dependencies run; the rest is listed as not asked', () => {
    const p = planStack(loadCompose({ file: FILE, env }), programTable(REPO), { only: ['app'] });
    expect(statuses(p)).toEqual({ db: 'run', cache: 'run', app: 'run', job: 'not asked', admin: 'not asked' });
  });

  it('an image with no local program is an error naming the service and the table', () => {
    expect(() => plan([{ services: { mystery: { image: 'example/unknown:1' } } }])).toThrow(
      /service mystery: no local program for image example\/unknown:1.*programs\.ts/,
    );
  });

  it("stops the start with compose's message when a required variable is unset", async () => {
    await expect(
      startLocalStack({
        dir: mkdtempSync(join(tmpdir(), 'ct-plan-')),
        env: {},
        composeFile: FILE,
        ephemeral: true,
        log: () => undefined,
      }),
    ).rejects.toThrow(/required variable DB_PASSWORD is missing a value: DB_PASSWORD is required for the fixture/);
  });
});
