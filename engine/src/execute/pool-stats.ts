/**
 * The pools' figures with Hasura Enterprise's labels (types.ts `PoolStats`). `conn_info` is, as in Hasura, the name of
 * the environment variable the source's URL comes from (databases.yaml `from_env`), or else the URL the pool was opened
 * with, password removed.
 */
import type { HasuraMetadata } from '../metadata/types.js';
import type { EnginePools } from '../executor/pools.js';
import type { PoolStats } from './types.js';

function withoutPassword(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    const u = new URL(url);
    u.password = '';
    u.searchParams.delete('password');
    return u.toString();
  } catch {
    return 'unparsable connection string';
  }
}

export function poolStats(md: HasuraMetadata, pools: EnginePools): PoolStats[] {
  const source = md.sources[0];
  const configured = source?.configuration.connection_info?.database_url;
  const connInfo =
    typeof configured === 'object' && 'from_env' in configured
      ? configured.from_env
      : withoutPassword(pools.pool.options.connectionString);
  const { source: primary, metadata } = pools.figures();
  const out: PoolStats[] = [{ sourceName: source?.name ?? 'default', connInfo, role: 'primary', ...primary }];
  if (metadata) {
    out.push({ sourceName: '', connInfo: 'HASURA_GRAPHQL_METADATA_DATABASE_URL', role: 'metadata', ...metadata });
  }
  return out;
}
