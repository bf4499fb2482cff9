/**
 * Published ports (`ports:` in docker-compose.yml). Docker binds host ports; locally every published port listens on
 * the host's 127.0.0.1 (never on other interfaces, whatever host IP the file gives) at a free port, or at the port
 * the caller asks for (`npm start` binds `PORT` to Traefik's 443). The mapping is `<service>:<container port>`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ComposeProject } from '../compose/index.js';
import { freePort } from '../processes.js';
import type { ProgramContext } from './program.js';

export async function allocatePublishedPorts(
  project: ComposeProject,
  services: string[],
  requested: Record<string, number> = {},
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of services) {
    for (const p of project.service(name).ports) {
      const key = `${name}:${p.target}`;
      out[key] = requested[key] ?? (await freePort());
    }
  }
  return out;
}

/**
 * GATEWAY_LISTEN for the traefik service: each entrypoint of traefik/traefik.yml whose container port is published,
 * with its local address.
 */
export function entryPointPorts(ctx: ProgramContext): Record<string, string> {
  const file = ctx.view.hostPath('/etc/traefik/traefik.yml');
  const cfg = parse(readFileSync(file, 'utf8')) as { entryPoints?: Record<string, { address?: string }> };
  const out: Record<string, string> = {};
  for (const [name, ep] of Object.entries(cfg.entryPoints ?? {})) {
    const port = Number((ep.address ?? '').split(':').pop());
    const local = ctx.stack.publishedPorts[`${ctx.service.name}:${port}`];
    if (local !== undefined) out[name] = `127.0.0.1:${local}`;
  }
  return out;
}
