/**
 * The interpolation environment of the local stack, with docker compose's precedence: the shell's environment, then
 * what the stack itself decides (the public URL of the gateway's port), then the repository's `.env` (when asked:
 * `npm start` reads it, tests do not), then stack/local.env (checked in: local
 * values that are not secrets), then <stack dir>/secrets.env, generated once per stack directory with a random value
 * for every variable whose `.env.example` value is a placeholder (`change-me…`, `replace-with…`), so that no
 * placeholder ever reaches a local service either.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDotenv } from '../compose/index.js';

export const PLACEHOLDER = /change-me|replace-with/i;

const read = (file: string): Record<string, string> =>
  existsSync(file) ? parseDotenv(readFileSync(file, 'utf8')) : {};

/** A random value for a placeholder variable, in the shape its consumer expects. */
function generate(name: string): string {
  const hex = randomBytes(32).toString('hex');
  if (name === 'TRAEFIK_DASHBOARD_USERS') return `local:${hex}`;
  return hex;
}

/** <dir>/secrets.env: created on first use, then kept (a persistent stack keeps its database passwords). */
export function localSecrets(repo: string, dir: string): Record<string, string> {
  const file = join(dir, 'secrets.env');
  const existing = read(file);
  const example = read(join(repo, '.env.example'));
  const defaults = read(join(repo, 'stack', 'local.env'));
  let changed = false;
  for (const [k, v] of Object.entries(example)) {
    if (PLACEHOLDER.test(v) && defaults[k] === undefined && existing[k] === undefined) {
      existing[k] = generate(k);
      changed = true;
    }
  }
  if (changed || !existsSync(file)) {
    // A fresh clone has no state directory yet (`npm start` runs this before anything else creates it).
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const lines = Object.entries(existing).map(([k, v]) => `${k}=${v}`);
    writeFileSync(file, `# Generated local secrets (stack/src/local/env.ts). Never commit.\n${lines.join('\n')}\n`, {
      mode: 0o600,
    });
  }
  return existing;
}

export interface LocalEnvOptions {
  repo: string;
  dir: string;
  /** read the repository's .env (npm start / up: yes; tests: no) */
  dotenv: boolean;
  /** the shell's environment (npm start: process.env; tests: {}) */
  shell: Record<string, string | undefined>;
  /** values the stack decides (PUBLIC_URL of the gateway's port, a test's REDIS_KEY_PREFIX) */
  extra?: Record<string, string>;
}

export function localEnv(o: LocalEnvOptions): Record<string, string | undefined> {
  return {
    ...localSecrets(o.repo, o.dir),
    ...read(join(o.repo, 'stack', 'local.env')),
    ...(o.dotenv ? read(join(o.repo, '.env')) : {}),
    ...(o.extra ?? {}),
    ...o.shell,
  };
}
