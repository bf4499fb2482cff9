/**
 * Runs the gateway by hand:
 *   npx tsx gateway/src/cli.ts --port 8080 [--admin-port 8081] \
 *     --map http://api:4096=http://127.0.0.1:4096 --map http://graphql-engine:8080=http://127.0.0.1:8090
 * A FROM given more than once maps to every TO (replicas, balanced round robin). The maintenance service is served from under_maintenance/ unless mapped otherwise. `npm start` (stack/) calls
 * startGateway() directly.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startGateway } from './gateway.js';
import type { ServiceMap } from './services.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    'admin-port': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    map: { type: 'string', multiple: true, default: [] },
    'dynamic-dir': { type: 'string', default: `${root}traefik/dynamic` },
  },
});

const replicas = new Map<string, string[]>();
for (const m of values.map) {
  const i = m.indexOf('=');
  if (i < 0) throw new Error(`--map wants FROM=TO, got ${m}`);
  const from = m.slice(0, i);
  replicas.set(from, [...(replicas.get(from) ?? []), m.slice(i + 1)]);
}
const serviceMap: ServiceMap = {
  'http://under-maintenance:8080': `static:${root}under_maintenance`,
  ...Object.fromEntries(replicas),
};
const adminPort = values['admin-port'];
const gw = await startGateway({
  dynamicDir: values['dynamic-dir'],
  serviceMap,
  port: Number(values.port),
  host: values.host,
  ...(adminPort === undefined ? {} : { adminPort: Number(adminPort) }),
});
const stop = (): void => {
  void gw.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
