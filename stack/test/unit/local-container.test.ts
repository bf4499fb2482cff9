/**
 * A replica's container view: container paths in strings become local paths only where a path starts (mounts,
 * tmpfs, secrets, the image's own files), the wildcard address becomes the replica's, the container's own loopback
 * only inside it (healthchecks); names resolve for programs that cannot use the Node preload; the API image's
 * Dockerfile gives the command the local stack runs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompose } from '../../src/compose/index.js';
import { containerView } from '../../src/local/container.js';
import { readImageConfig } from '../../src/local/dockerfile.js';
import { resolveHosts } from '../../src/local/programs/common.js';
import { REPO } from '../../src/local/run.js';

const FILE = join(import.meta.dirname, 'fixtures', 'local', 'docker-compose.yml');
const overrides = [
  {
    services: {
      app: {
        volumes: ['./data:/srv/data:ro', 'cache:/var/cache'],
        tmpfs: ['/tmp'],
        secrets: ['token'],
      },
    },
    volumes: { cache: {} },
    secrets: { token: { environment: 'TOKEN' } },
  },
];
const service = loadCompose({ file: FILE, env: { DB_PASSWORD: 'x', TOKEN: 't' }, overrides }).service('app');
const runDir = mkdtempSync(join(tmpdir(), 'ct-view-'));
const view = containerView({
  service,
  replica: 2,
  address: '127.9.3.2',
  volumesDir: join(runDir, 'volumes'),
  runDir,
  secretValue: () => 's3cret',
  imageMounts: { '/app': REPO },
});

describe('containerView', () => {
  it('names the replica and maps mounts, tmpfs, secrets and image files', () => {
    expect(view.name).toBe('app-2');
    expect(view.hostPath('/srv/data/x.json')).toBe(join(import.meta.dirname, 'fixtures', 'local', 'data', 'x.json'));
    expect(view.hostPath('/var/cache')).toBe(join(runDir, 'volumes', 'cache'));
    expect(view.hostPath('/tmp/heartbeat')).toBe(join(runDir, 'tmpfs', 'tmp', 'heartbeat'));
    expect(readFileSync(view.hostPath('/run/secrets/token'), 'utf8')).toBe('s3cret');
    expect(view.hostPath('/app/api/src/main.ts')).toBe(join(REPO, 'api', 'src', 'main.ts'));
    expect(view.hostPath('/etc/hosts')).toBe('/etc/hosts');
  });

  it('rewrites container paths where a path starts, not inside other words or URLs', () => {
    expect(view.localize('--import=file:///app/x.mjs')).toBe(`--import=file://${REPO}/x.mjs`);
    expect(view.localize("statSync('/tmp/hb')")).toBe(`statSync('${join(runDir, 'tmpfs', 'tmp')}/hb')`);
    expect(view.localize('http://api:4096/tmp/x')).toBe('http://api:4096/tmp/x');
    expect(view.localize('/tmpfoo')).toBe('/tmpfoo');
  });

  it('gives the wildcard address to the replica; its loopback only inside the container', () => {
    expect(view.localize('0.0.0.0')).toBe('127.9.3.2');
    expect(view.localize('http://127.0.0.1:8443')).toBe('http://127.0.0.1:8443');
    expect(view.inside('pg_isready -h 127.0.0.1')).toBe('pg_isready -h 127.9.3.2');
    expect(view.inside('http://localhost:4096/api/ping')).toBe('http://127.9.3.2:4096/api/ping');
    expect(view.inside('127.0.0.10')).toBe('127.0.0.10');
  });
});

describe('name resolution for native programs', () => {
  const hosts = { db: '127.9.1.1', api: '127.9.3.250' };
  it('replaces a bare name and a URL host, nothing else', () => {
    expect(resolveHosts('db', hosts)).toBe('127.9.1.1');
    expect(resolveHosts('postgres://u:p@db:5432/coursetable', hosts)).toBe('postgres://u:p@127.9.1.1:5432/coursetable');
    expect(resolveHosts('http://api:4096/x', hosts)).toBe('http://127.9.3.250:4096/x');
    expect(resolveHosts('dbname', hosts)).toBe('dbname');
    expect(resolveHosts('http://example.com/db', hosts)).toBe('http://example.com/db');
  });
});

describe("the API image's Dockerfile", () => {
  it("gives the final stage's environment, working directory and command", () => {
    const image = readImageConfig(join(REPO, 'api', 'Dockerfile'));
    expect(image.workdir).toBe('/app/api');
    expect(image.cmd).toEqual(['node', 'src/main.ts']);
    expect(image.env['NODE_OPTIONS']).toBe('--import=file:///app/node_modules/tsx/dist/loader.mjs');
    expect(image.env['NODE_ENV']).toBe('production');
  });
});
