/**
 * The `traefik` image: the gateway (gateway/), installed as the image's `traefik` command (gateway/bin/traefik), so
 * the service's own entrypoint, traefik/docker-entrypoint.sh, runs unchanged: it renders the static configuration
 * and execs `traefik`. What Traefik would get from Docker is handed over as files and variables (gateway/src/cli.ts):
 * the containers and their labels, and the host ports docker-compose publishes (each on 127.0.0.1 here).
 */
import { join } from 'node:path';
import { entryPointPorts } from '../published.js';
import type { LocalProgram } from '../program.js';
import { composeArgv, execCommandLine } from './common.js';

const IMAGE = { entrypoint: ['/entrypoint.sh'], cmd: ['traefik'] };

export const gatewayProgram: LocalProgram = {
  description: 'gateway/ as the `traefik` command (same static file, dynamic files and labels)',
  toolPath: (ctx) => [join(ctx.stack.repo, 'gateway', 'bin')],
  process(ctx) {
    const spec = execCommandLine(ctx, composeArgv(ctx, IMAGE), [join(ctx.stack.repo, 'gateway', 'bin')]);
    Object.assign(spec.env, {
      // traefik/docker-entrypoint.sh's container paths, as local ones.
      TRAEFIK_TEMPLATE: ctx.view.hostPath('/etc/traefik/traefik.yml'),
      TRAEFIK_RENDERED: ctx.view.hostPath('/tmp/traefik.yml'),
      TRAEFIK_DASHBOARD_USERS_FILE: ctx.view.hostPath('/run/secrets/traefik_dashboard_users'),
      GATEWAY_CONTAINERS: ctx.stack.containersFile,
      GATEWAY_LISTEN: JSON.stringify(entryPointPorts(ctx)),
      ...(ctx.stack.extraDynamicDir === undefined ? {} : { GATEWAY_EXTRA_DYNAMIC: ctx.stack.extraDynamicDir }),
    });
    return { ...spec, stopSignal: 'SIGTERM' };
  },
};
