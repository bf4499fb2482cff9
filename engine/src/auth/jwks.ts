/**
 * A JWK set fetched from `jwk_url`, refreshed when the `Cache-Control: max-age`/`Expires` of the last answer runs
 * out (src: Hasura's Auth/JWT.hs `fetchAndUpdateJWKs`, `determineJwkExpiryLifetime`). The first fetch happens at
 * start-up and is fatal if it fails, like upstream; later failures keep the previous keys.
 */
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { expiryFromCacheHeaders } from './cache-control.js';
import { ConfigError } from '../config/config-error.js';
import { headerString, httpRequest } from '../http/client.js';

export class RemoteJwks {
  private getKey: JWTVerifyGetKey | undefined;
  private expiresAt: number | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async init(): Promise<void> {
    try {
      await this.fetch();
    } catch (e) {
      throw new ConfigError(`HASURA_GRAPHQL_JWT_SECRET: Error fetching JWK from ${this.url}: ${(e as Error).message}`);
    }
  }

  /** The current key resolver, refreshed first if expired. */
  async keys(): Promise<JWTVerifyGetKey> {
    if (this.expiresAt !== undefined && Date.now() >= this.expiresAt) {
      this.refreshing ??= this.fetch()
        .catch(() => {
          // keep the previous keys; retry on a later request
        })
        .finally(() => {
          this.refreshing = undefined;
        });
      await this.refreshing;
    }
    if (this.getKey === undefined) throw new Error('JWK set not loaded');
    return this.getKey;
  }

  private async fetch(): Promise<void> {
    const resp = await httpRequest(this.url, {
      method: 'GET',
      headers: ['Accept', 'application/json'],
      timeoutMs: this.timeoutMs,
    });
    if (resp.status < 200 || resp.status >= 300) throw new Error(`Non-2xx response on fetching JWK from: ${this.url}`);
    let set: unknown;
    try {
      set = JSON.parse(resp.body);
    } catch {
      throw new Error(`Error parsing JWK from url: ${this.url}`);
    }
    if (typeof set !== 'object' || set === null || !Array.isArray((set as { keys?: unknown }).keys)) {
      throw new Error(`Error parsing JWK from url: ${this.url}`);
    }
    this.getKey = createLocalJWKSet(set as JSONWebKeySet);
    const now = Date.now();
    const exp = expiryFromCacheHeaders(
      headerString(resp.headers['cache-control']),
      headerString(resp.headers['expires']),
      now,
    );
    // An immediate expiry (no-cache) would refetch on every request; keep keys for at least a second like upstream's retry.
    this.expiresAt = exp === undefined ? undefined : Math.max(exp, now + 1000);
  }
}
