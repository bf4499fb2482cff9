/**
 * The edge of docker-compose.yml for the gateway tests: the `traefik` service (the gateway, as the local `traefik`
 * command under traefik/docker-entrypoint.sh), `under-maintenance` (Debian's nginx) and the `api` / `graphql-engine`
 * services with their labels, replicas and healthchecks, whose command a compose override replaces with the
 * stand-in upstream (fixtures/upstream.mjs). The rest of the file (databases, migrations) is not started: the
 * stand-ins need none of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localUrls } from '../../stack/src/harness.js';
import { localEnv } from '../../stack/src/local/env.js';
import type { ReplicaHandle } from '../../stack/src/local/replica.js';
import { REPO, startLocalStack, type LocalStack } from '../../stack/src/local/run.js';
import { freePort } from '../../stack/src/processes.js';

const UPSTREAM = '/app/gateway/test/fixtures/upstream.mjs';

export interface Edge {
  /** the public entrypoint (websecure), on 127.0.0.1 */
  url: string;
  /** the admin entrypoint */
  adminUrl: string;
  local: LocalStack;
  api: ReplicaHandle[];
  engine: ReplicaHandle[];
  stop(): Promise<void>;
}

export async function startEdge(
  opts: { api?: number; engine?: number; log?: (l: string) => void } = {},
): Promise<Edge> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-edge-'));
  const port = await freePort();
  const env = localEnv({ repo: REPO, dir, dotenv: false, shell: {}, extra: localUrls(port) });
  const local = await startLocalStack({
    dir,
    env: { ...env, API_REPLICAS: String(opts.api ?? 1), ENGINE_REPLICAS: String(opts.engine ?? 1) },
    overrides: [
      {
        services: {
          api: { command: ['node', UPSTREAM, '4096', 'api'] },
          // The API's image (this Node) with the stand-in, instead of the engine.
          'graphql-engine': {
            image: `coursetable/api:${env['API_IMAGE_TAG'] ?? 'local'}`,
            command: ['node', UPSTREAM, '8080', 'engine'],
          },
        },
      },
    ],
    only: ['traefik', 'api', 'graphql-engine'],
    external: { services: ['migrations', 'pgbouncer', 'redis', 'db'], hosts: {} },
    ephemeral: true,
    publishedPorts: { 'traefik:443': port },
    log: opts.log ?? (() => undefined),
  });
  return {
    url: `http://127.0.0.1:${port}`,
    adminUrl: `http://127.0.0.1:${local.publishedPorts['traefik:8443'] ?? 0}`,
    local,
    api: local.replicas('api'),
    engine: local.replicas('graphql-engine'),
    stop: async () => {
      await local.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
