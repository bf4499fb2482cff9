/**
 * loadCompose on the repository's own docker-compose.yml. The file changes often, so only generic properties are
 * asserted; the required variables are read from its `${X?…}` / `${X:?…}` occurrences (comments excluded).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InterpolationError, loadCompose } from '../../src/compose/index.js';

const file = fileURLToPath(new URL('../../../docker-compose.yml', import.meta.url));
const code = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => !/^\s*#/.test(l))
  .join('\n');
/** variable → the messages the file gives for it */
const required = new Map<string, Set<string>>();
for (const m of code.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?([^}]*)\}/g)) {
  const [, name = '', reason = ''] = m;
  required.set(name, (required.get(name) ?? new Set()).add(reason));
}
const env = Object.fromEntries([...required.keys()].map((k) => [k, `value-of-${k.toLowerCase()}`]));

describe('docker-compose.yml through loadCompose', () => {
  it('has required variables to test with', () => {
    expect(required.size).toBeGreaterThan(0);
  });

  it('loads and validates with every required variable set', () => {
    const project = loadCompose({ file, env });
    expect(project.name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    expect(project.services.length).toBeGreaterThan(0);
    for (const s of project.services) {
      expect(s.name).toMatch(/^[a-zA-Z0-9._-]+$/);
      expect(s.image ?? s.build, `${s.name}: image or build`).toBeDefined();
      expect(s.replicas).toBeGreaterThanOrEqual(0);
      for (const d of s.dependsOn) expect(project.service(d.service).name).toBe(d.service);
    }
    const api = project.service('api');
    expect(api.healthcheck?.test[0]).toMatch(/^CMD(-SHELL)?$/);
    expect(api.healthcheck?.intervalMs).toBeGreaterThan(0);
    // the required values made it into the model
    expect(JSON.stringify(project.raw)).toContain('value-of-');
  });

  it.each([...required.keys()])('stops with compose’s message when %s is unset', (name) => {
    let error: unknown;
    try {
      loadCompose({ file, env: { ...env, [name]: undefined } });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InterpolationError);
    expect((error as InterpolationError).variable).toBe(name);
    const message = (error as Error).message;
    const expected = [...(required.get(name) ?? [])].map((reason) =>
      reason
        ? `required variable ${name} is missing a value: ${reason}`
        : `required variable ${name} is missing a value`,
    );
    expect(
      expected.some((e) => message.endsWith(e)),
      message,
    ).toBe(true);
    expect(message.startsWith(`${file}: error while interpolating `)).toBe(true);
  });
});
