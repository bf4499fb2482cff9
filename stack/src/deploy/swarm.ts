/**
 * The Swarm stack file, derived from docker-compose.yml (the one description) by the few changes `docker stack
 * deploy` needs; `npm run swarm -- [--out <file>]` writes it. The `${VAR}` references stay: `docker stack deploy`
 * interpolates them from the deploying shell, as docker compose does from `.env`.
 *
 *   - ports bound to a host address are dropped: Swarm ignores the address and would publish the port on every
 *     interface (the admin entrypoint `127.0.0.1:8443` would become public). Admins reach the admin entrypoint
 *     through a tunnel container instead (docs/operations.md);
 *   - TRAEFIK_PROVIDER is `swarm` (Traefik reads `deploy.labels` of the services, one server per task);
 *   - secrets are external (`docker secret create`), since Swarm cannot take them from the environment;
 *   - a default holding another variable (`${PUBLIC_URL:-https://${PUBLIC_HOST}}`) becomes a required variable,
 *     since `docker stack deploy` does not expand nested defaults; the top-level `name` goes (its schema refuses it);
 *   - `build`, `restart` and `depends_on` are left out (Swarm ignores them; images are pushed beforehand,
 *     `deploy.restart_policy` applies).
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { parseComposeYaml } from '../compose/load.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface SwarmStack {
  /** the stack file's text */
  text: string;
  document: Obj;
  /** `service: port` entries dropped because they named a host address */
  droppedPorts: string[];
}

/** A published port that names a host address (`127.0.0.1:8443:8443`, or `host_ip:` in the long syntax). */
function bindsHostAddress(port: unknown): boolean {
  if (isObj(port)) return typeof port['host_ip'] === 'string' && port['host_ip'] !== '';
  const parts = String(port).split(':');
  return parts.length === 3 || (parts.length > 3 && String(port).startsWith('['));
}

export function deriveSwarmStack(composeFile: string): SwarmStack {
  const doc = parseComposeYaml(readFileSync(composeFile, 'utf8'), composeFile);
  const droppedPorts: string[] = [];
  const services = isObj(doc['services']) ? doc['services'] : {};
  for (const [name, def] of Object.entries(services)) {
    if (!isObj(def)) continue;
    delete def['build'];
    delete def['restart'];
    delete def['depends_on'];
    if (Array.isArray(def['ports'])) {
      const kept = def['ports'].filter((p) => {
        if (!bindsHostAddress(p)) return true;
        droppedPorts.push(`${name}: ${isObj(p) ? JSON.stringify(p) : String(p)}`);
        return false;
      });
      if (kept.length > 0) def['ports'] = kept;
      else delete def['ports'];
    }
    const env = def['environment'];
    if (isObj(env) && 'TRAEFIK_PROVIDER' in env) env['TRAEFIK_PROVIDER'] = 'swarm';
  }
  if (isObj(doc['secrets'])) {
    for (const name of Object.keys(doc['secrets'])) doc['secrets'][name] = { external: true };
  }
  for (const key of Object.keys(doc)) if (key.startsWith('x-')) delete doc[key];
  // The stack's name is the argument of `docker stack deploy`; its schema refuses a top-level `name`.
  delete doc['name'];
  const header = [
    '# Generated from docker-compose.yml by `npm run swarm` (stack/src/deploy/swarm.ts). Do not edit: change',
    '# docker-compose.yml and generate it again. Deploy: docker stack deploy -c <this file> coursetable',
    ...droppedPorts.map((p) => `# Not published under Swarm (it would bind every interface): ${p}`),
    '',
  ].join('\n');
  return { text: header + unnestDefaults(stringify(doc, { lineWidth: 0 })), document: doc, droppedPorts };
}

/**
 * `docker stack deploy` does not expand a default that holds another variable (`${A:-x${B}}`): such a variable is
 * required under Swarm instead.
 */
function unnestDefaults(text: string): string {
  return text.replace(
    /\$\{(\w+):-[^{}]*\$\{[^{}]*\}[^{}]*\}/g,
    (_m, name: string) => `\${${name}?${name} is required under Swarm}`,
  );
}
