/**
 * PostGraphile 5 (Amber preset + connection-filter with relation filters) on `node:http`, started by the bench as a
 * child process. Anonymous requests run as the connecting role (ct_engine, the engine's role and grants); a request
 * with a valid student token (bench/jwt.ts) runs with `role = bench_student` and `jwt.claims.user_id`, so the
 * row-level security policies of bench/targets/postgraphile.ts (the metadata's worksheet rule) decide what it sees.
 * Prepared statements are off when the URL goes through pgbouncer (transaction pooling; set by the parent).
 */
import './with-resolvers.js';
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';
import { jsonPgSmartTags } from 'postgraphile/utils';
import { verifyHs256 } from '../jwt.js';
import { readChildConfig } from './child-config.js';

const cfg = readChildConfig();
const jwtKey = cfg.jwtKey ?? '';

function settingsFor(authorization: string | undefined): Record<string, string> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
  if (!token) return {};
  const claims = verifyHs256(token, jwtKey)?.['https://hasura.io/jwt/claims'] as Record<string, unknown> | undefined;
  const userId = claims?.['x-hasura-user-id'];
  if (typeof userId !== 'string') throw new Error('invalid token');
  return { role: 'bench_student', 'jwt.claims.user_id': userId };
}

// jsonb columns are not filterable by default (no natural equality); the search filters by `areas` containment.
const JsonbFilters = jsonPgSmartTags({
  version: 1,
  config: { attribute: { 'courses.areas': { tags: { behavior: '+attribute:filterBy' } } } },
});

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // Filter and order by any column, as the engine's metadata allows (by default PostGraphile 5 only offers indexed ones).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  plugins: [JsonbFilters],
  pgServices: [
    makePgService({
      connectionString: cfg.databaseUrl,
      schemas: ['public'],
      poolConfig: { max: cfg.poolSize },
      pgSettings: (ctx) => settingsFor(ctx.node?.req.headers.authorization),
    }),
  ],
  schema: { connectionFilterRelations: true },
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
await new Promise<void>((ok) => server.listen(cfg.port, '127.0.0.1', ok));
process.stdout.write(`postgraphile listening on 127.0.0.1:${cfg.port}\n`);
const stop = (): void => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
