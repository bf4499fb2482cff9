/**
 * Where the cases run. `LocalEngine`: a fresh database per class, setup files translated to SQL + a v3 metadata
 * object, our engine started on it. `Passthrough`: a running Hasura, setup/teardown files posted unchanged.
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import type { HasuraMetadata } from '../src/index.js';
import { startActionHandler } from './action-handler.js';
import type { ActionHandler } from './action-handler.js';
import { send } from './http.js';
import { runActions } from './setup/apply.js';
import { emptyMetadata, translateSetup } from './setup/metadata-ops.js';
import type { DatabaseProvider, FreshDatabase, SetupFile } from './types.js';
import { loadYaml } from './yaml-file.js';

export interface ClassSession {
  /** Base URL requests go to (the engine is started lazily, after the class setup). */
  baseUrl(): Promise<string>;
  setup(files: readonly SetupFile[]): Promise<void>;
  teardown(files: readonly SetupFile[]): Promise<void>;
  end(): Promise<void>;
}

export interface Target {
  name: string;
  beginClass(env: Record<string, string>, adminSecret: string | null): Promise<ClassSession>;
  close(): Promise<void>;
}

interface EngineServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
type StartEngineServer = (opts: {
  metadata: HasuraMetadata;
  databaseUrl: string;
  env?: Record<string, string | undefined>;
  host?: string;
  port?: number;
}) => Promise<EngineServer>;

export async function loadStartEngineServer(): Promise<StartEngineServer> {
  // the contract exports it from the package index; until the HTTP layer appends it there, take it from server/
  const index = (await import('../src/index.js')) as unknown as Record<string, unknown>;
  const server = (await import('../src/server/index.js')) as unknown as Record<string, unknown>;
  const start = index['startEngineServer'] ?? server['startEngineServer'];
  if (typeof start !== 'function') throw new Error('engine/src/index.ts does not export startEngineServer yet');
  return start as StartEngineServer;
}

const existing = (files: readonly SetupFile[]): SetupFile[] => files.filter((f) => existsSync(f.file));

/**
 * How upstream starts the server its Python tests run against (server/tests-py/README.md: `env
 * EVENT_WEBHOOK_HEADER=MyEnvValue … graphql-engine serve --stringify-numeric-types`); the expected responses
 * depend on it (bigint, numeric and float8 as strings).
 */
export const UPSTREAM_SERVER_ENV: Readonly<Record<string, string>> = {
  HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES: 'true',
  EVENT_WEBHOOK_HEADER: 'MyEnvValue',
};

export class LocalEngineTarget implements Target {
  readonly name = 'engine';
  /** The upstream action tests' handler, one per run, started with the first class. */
  private actions: Promise<ActionHandler> | null = null;
  constructor(
    private readonly dbs: DatabaseProvider,
    private readonly start: StartEngineServer,
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  async beginClass(env: Record<string, string>, adminSecret: string | null): Promise<ClassSession> {
    const handler = await (this.actions ??= startActionHandler());
    const db: FreshDatabase = await this.dbs.fresh();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let metadata = emptyMetadata();
    let server: EngineServer | null = null;
    let stale = true;
    const tenant = handler.register({
      engineUrl: () => (server ? Promise.resolve(server.url) : Promise.reject(new Error('engine not running'))),
      adminSecret,
    });
    const engineEnv = {
      ...UPSTREAM_SERVER_ENV,
      ACTION_WEBHOOK_HANDLER: tenant.base,
      ...this.extraEnv,
      ...env,
      HASURA_GRAPHQL_DATABASE_URL: db.url,
    };
    const stop = async (): Promise<void> => {
      const s = server;
      server = null;
      if (s) await s.close();
    };
    const apply = async (files: readonly SetupFile[], tolerant: boolean): Promise<void> => {
      for (const f of existing(files)) {
        try {
          const t = translateSetup(loadYaml(f.file), metadata);
          await runActions(client, t.actions);
          if (t.metadataChanged) stale = true;
          metadata = t.metadata;
        } catch (e) {
          if (!tolerant) throw e;
        }
      }
    };
    return {
      baseUrl: async () => {
        if (stale || !server) {
          await stop();
          server = await this.start({ metadata, databaseUrl: db.url, env: engineEnv, host: '127.0.0.1', port: 0 });
          stale = false;
        }
        return server.url;
      },
      setup: (files) => apply(files, false),
      teardown: (files) => apply(files, true),
      end: async () => {
        try {
          await stop();
        } finally {
          tenant.dispose();
          await client.end().catch(() => undefined);
          await db.drop().catch(() => undefined);
        }
      },
    };
  }

  async close(): Promise<void> {
    const h = this.actions;
    this.actions = null;
    try {
      if (h) await (await h).close();
    } finally {
      await this.dbs.close();
    }
  }
}

export class PassthroughTarget implements Target {
  readonly name: string;
  constructor(
    private readonly endpoint: string,
    private readonly adminSecret: string | null,
    /** Action handler for the Hasura under test (started with ACTION_WEBHOOK_HANDLER pointing at its url). */
    private readonly actions: ActionHandler | null = null,
  ) {
    this.name = `passthrough ${endpoint}`;
  }

  /** The action handler for a Hasura at `endpoint`: its callbacks go to that Hasura with the admin secret. */
  static startActionHandler(endpoint: string, adminSecret: string | null, port: number): Promise<ActionHandler> {
    return startActionHandler({ engineUrl: () => Promise.resolve(endpoint), adminSecret }, port);
  }

  beginClass(): Promise<ClassSession> {
    const headers: Record<string, string> = this.adminSecret ? { 'X-Hasura-Admin-Secret': this.adminSecret } : {};
    const post = async (files: readonly SetupFile[], tolerant: boolean): Promise<void> => {
      for (const f of existing(files)) {
        const res = await send(this.endpoint, f.endpoint, { query: loadYaml(f.file), headers });
        if (res.status !== 200 && !tolerant) {
          throw new Error(`${f.endpoint} ${f.file}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    };
    return Promise.resolve({
      baseUrl: () => Promise.resolve(this.endpoint),
      setup: (files) => post(files, false),
      teardown: (files) => post(files, true),
      end: () => Promise.resolve(),
    });
  }

  close(): Promise<void> {
    return this.actions ? this.actions.close() : Promise.resolve();
  }
}
