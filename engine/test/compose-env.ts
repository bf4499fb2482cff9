/**
 * The `graphql-engine` service's environment as docker-compose.yml declares it (production runs the real Hasura image
 * with it; `engine serve` must take it unchanged), with `${VAR?message}` / `${VAR:-default}` filled in: a sample
 * value, or the default. Tests read the file itself so that a change to the service shows up here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const COMPOSE_FILE = resolve(import.meta.dirname, '../../docker-compose.yml');

function interpolate(v: string, samples: Readonly<Record<string, string>>): string {
  return v.replace(/\$\{([A-Z0-9_]+)(?::?[-?][^}]*)?\}/g, (m, name: string) => {
    const dflt = /^\$\{[A-Z0-9_]+:?-([^}]*)\}$/.exec(m)?.[1];
    return samples[name] ?? dflt ?? `sample-${name.toLowerCase()}`;
  });
}

export function composeEngineEnv(samples: Readonly<Record<string, string>> = {}): Record<string, string> {
  const doc = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string | number | boolean> }>;
  };
  const env = doc.services['graphql-engine']?.environment;
  if (!env) throw new Error(`${COMPOSE_FILE}: no environment for the graphql-engine service`);
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(String(v), samples)]));
}
