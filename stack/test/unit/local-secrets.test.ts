/**
 * `npm start` on a fresh clone: the state directory (.stack/) does not exist yet, and the local secrets must be
 * generated into it instead of the start crashing on ENOENT; a second start keeps the same secrets.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localSecrets } from '../../src/local/env.js';
import { REPO } from '../../src/local/run.js';

let base = '';
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('local secrets on a fresh clone', () => {
  it('creates the missing state directory, writes the secrets owner-only, and keeps them on the next start', () => {
    base = mkdtempSync(join(tmpdir(), 'ct-secrets-'));
    const dir = join(base, '.stack');
    const first = localSecrets(REPO, dir);
    expect(Object.keys(first).length).toBeGreaterThan(0);
    const file = join(dir, 'secrets.env');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('Never commit');
    expect(localSecrets(REPO, dir)).toEqual(first);
  });
});
