/**
 * The production configuration as Traefik gets it, for the unit tests: the static file rendered by the real
 * traefik/docker-entrypoint.sh (run with /bin/sh, a fake `traefik` on PATH that prints its arguments), docker-compose.yml
 * loaded with the local stack's complete environment, and the containers the Docker (or Swarm) provider would list
 * for it (one per replica, with the service's labels, or its `deploy.labels` under Swarm).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCompose, type ComposeProject } from '../../stack/src/compose/index.js';
import { localEnv } from '../../stack/src/local/env.js';
import type { DockerContainer } from '../src/docker-provider.js';
import { COMPOSE_FILE, REPO_ROOT } from './helpers.js';

export const ENTRYPOINT = `${REPO_ROOT}traefik/docker-entrypoint.sh`;
export const STATIC_TEMPLATE = `${REPO_ROOT}traefik/traefik.yml`;

export interface EntrypointRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** where the script was told to write the rendered file */
  rendered: string;
  /** the temp directory of this run */
  dir: string;
}

/** Runs traefik/docker-entrypoint.sh with `env` on top of a valid environment; the fake traefik prints its argv. */
export function runEntrypoint(env: Record<string, string | undefined> = {}, args: string[] = []): EntrypointRun {
  const dir = mkdtempSync(join(tmpdir(), 'traefik-entrypoint-'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'traefik'), '#!/bin/sh\nfor a in "$@"; do printf \'arg:%s\\n\' "$a"; done\n', {
    mode: 0o755,
  });
  writeFileSync(join(dir, 'users'), 'admin:$2y$05$abcdefghijklmnopqrstuv\n');
  const rendered = join(dir, 'out', 'traefik.yml');
  const full: Record<string, string | undefined> = {
    PATH: `${join(dir, 'bin')}:/usr/bin:/bin`,
    PUBLIC_HOST: 'catalog.example.edu',
    ACME_EMAIL: 'ops@example.edu',
    ACME_STORAGE: join(dir, 'letsencrypt', 'acme.json'),
    TRAEFIK_PROVIDER: 'docker',
    TRAEFIK_TEMPLATE: STATIC_TEMPLATE,
    TRAEFIK_RENDERED: rendered,
    TRAEFIK_DASHBOARD_USERS_FILE: join(dir, 'users'),
    ...env,
  };
  const clean = Object.fromEntries(Object.entries(full).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const r = spawnSync('/bin/sh', [ENTRYPOINT, ...args], { env: clean, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, rendered, dir };
}

/** docker-compose.yml with a complete environment (the one the local stack derives), `extra` on top. */
export function loadProductionCompose(extra: Record<string, string> = {}): ComposeProject {
  const dir = mkdtempSync(join(tmpdir(), 'compose-env-'));
  const env = localEnv({
    repo: REPO_ROOT,
    dir,
    dotenv: false,
    shell: {},
    extra: { PUBLIC_URL: 'http://127.0.0.1:1', FRONTEND_URL: 'http://127.0.0.1:1', ...extra },
  });
  return loadCompose({ file: COMPOSE_FILE, env });
}

/**
 * What the orchestrator's provider lists: every replica of every service (`10.0.<service>.<replica>`), with the
 * container labels (docker) or the service's deploy labels (swarm). `replicas` overrides the file's counts.
 */
export function containersOf(
  project: ComposeProject,
  provider: 'docker' | 'swarm',
  replicas: Record<string, number> = {},
): DockerContainer[] {
  return project.services.flatMap((s, i) =>
    Array.from({ length: replicas[s.name] ?? s.replicas }, (_, r) => ({
      service: s.name,
      replica: r + 1,
      address: `10.0.${i}.${r + 1}`,
      labels: provider === 'docker' ? s.labels : s.deployLabels,
    })),
  );
}

/** The container paths of the traefik service's bind mounts, as local paths (what the container would see). */
export function traefikMounts(project: ComposeProject): (p: string) => string {
  const binds = project
    .service('traefik')
    .volumes.filter((v) => v.type === 'bind' && v.source !== undefined)
    .sort((a, b) => b.target.length - a.target.length);
  return (p) => {
    const m = binds.find((v) => p === v.target || p.startsWith(`${v.target}/`));
    return m?.source === undefined ? p : `${m.source}${p.slice(m.target.length)}`;
  };
}
