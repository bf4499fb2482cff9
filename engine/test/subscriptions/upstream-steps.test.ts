/**
 * Upstream's subscriptions/{live_queries,streaming} steps over both protocols, end to end through this engine:
 * setup.yaml/teardown.yaml through our /v1/query, then engine/conformance/subscription-steps.ts (mutations over HTTP,
 * live/stream responses compared). Skipped when the shared suite is not checked out.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { emptyDatabase } from '../../../stack/src/testing.js';
import { startEngineServer } from '../../src/index.js';
import type { HasuraMetadata } from '../../src/index.js';
import { runSubscriptionSteps } from '../../conformance/subscription-steps.js';
import { loadYaml } from '../../conformance/yaml-file.js';

const SUITE = fileURLToPath(
  new URL('../../../../shared/conformance/hasura/server/tests-py/queries/subscriptions', import.meta.url),
);
describe.skipIf(!existsSync(SUITE))('upstream subscription steps', () => {
  for (const kind of ['live_queries', 'streaming']) {
    for (const protocol of ['graphql-ws', 'graphql-transport-ws'] as const) {
      it(`${kind} ${protocol}`, async () => {
        const db = await emptyDatabase();
        const c = new pg.Client({ connectionString: db.directUrl('ct_owner') });
        await c.connect();
        await c.query('create schema hge_tests');
        await c.end();
        const metadata = {
          version: 3,
          sources: [
            {
              name: 'default',
              kind: 'postgres',
              tables: [],
              functions: [],
              configuration: { connection_info: { database_url: { from_env: 'X' } } },
            },
          ],
        } as unknown as HasuraMetadata;
        const s = await startEngineServer({
          metadata,
          databaseUrl: db.directUrl('ct_owner'),
          env: {},
          log: () => undefined,
        });
        const setup = await fetch(`${s.url}/v1/query`, {
          method: 'POST',
          body: JSON.stringify(loadYaml(`${SUITE}/${kind}/setup.yaml`)),
        });
        expect(setup.status).toBe(200);
        const out = await runSubscriptionSteps({ dir: `${SUITE}/${kind}`, baseUrl: s.url, headers: {}, protocol });
        const td = await fetch(`${s.url}/v1/query`, {
          method: 'POST',
          body: JSON.stringify(loadYaml(`${SUITE}/${kind}/teardown.yaml`)),
        });
        expect(td.status).toBe(200);
        await s.close();
        await db.drop();
        expect(out).toEqual({ verdict: 'pass' });
      }, 60_000);
    }
  }
});
