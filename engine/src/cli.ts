/**
 * The `engine` command (run as `npx engine …` from the repository root; bin/engine.mjs registers tsx):
 *
 *   engine serve [--metadata <dir>] [--database-url <url>] [--port N] [--host H]
 *   engine print-schema --role <role> [--metadata <dir>] [--database-url <url>]
 *
 * `serve` takes the same environment as the `hasura/graphql-engine:v2.48.10.cli-migrations-v3` image, so the compose
 * service's environment runs it unchanged: every `HASURA_GRAPHQL_*` variable is validated first
 * (config/hasura-env.ts; an unknown name, a value Hasura refuses or one this engine cannot honour is one line and
 * exit 1, before any connection). Flags win over variables, as in Hasura: `--metadata` over
 * `HASURA_GRAPHQL_METADATA_DIR` (the image applies that directory at start; neither: `hasura/metadata` relative to
 * the working directory), `--database-url` over `HASURA_GRAPHQL_DATABASE_URL`, `--port` over
 * `HASURA_GRAPHQL_SERVER_PORT` (8080), `--host` over `HASURA_GRAPHQL_SERVER_HOST` (Hasura's default `*`: every
 * interface). The console is off unless `HASURA_GRAPHQL_ENABLE_CONSOLE` is true (Hasura's default).
 * User errors print one line and exit 1 (2 for usage errors); `ENGINE_DEBUG=1` adds stack traces. The environment
 * is handed in by bin/engine.mjs and read only through the configuration module (config/).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { loadMetadataDir } from './metadata/load-metadata-dir.js';
import { createAuthenticator } from './auth/authenticate.js';
import { createRuntime } from './execute/engine.js';
import type { Runtime } from './execute/types.js';
import { startHttpServer } from './server/start.js';
import { createSubscriptionServer } from './server/ws/ws-server.js';
import { EngineError } from './errors.js';
import { databaseUrlSetting, debugEnabled, readEngineConfig, readRuntimeConfig } from './config/index.js';
import type { EnvRecord } from './config/index.js';

const USAGE = `Usage:
  engine serve [--metadata <dir>] [--database-url <url>] [--port <n>] [--host <host>]
  engine print-schema --role <role> [--metadata <dir>] [--database-url <url>]

Options:
  --metadata <dir>       Hasura metadata directory (default: $HASURA_GRAPHQL_METADATA_DIR or hasura/metadata)
  --database-url <url>   Postgres URL of the default source (default: $HASURA_GRAPHQL_DATABASE_URL)
  --port <n>             HTTP port (default: $HASURA_GRAPHQL_SERVER_PORT or 8080; 0 = any free port)
  --host <host>          Interface to listen on (default: $HASURA_GRAPHQL_SERVER_HOST or *, every interface)
  --role <role>          Role whose schema print-schema prints (SDL on stdout)
  -h, --help             Show this help

Other settings use Hasura's variables (HASURA_GRAPHQL_ADMIN_SECRET, HASURA_GRAPHQL_AUTH_HOOK(_MODE),
HASURA_GRAPHQL_METADATA_DATABASE_URL, HASURA_GRAPHQL_ENABLE_CONSOLE, …), checked at start: see engine/README.md.
`;

/** A mistake of the user (bad setting, missing directory): one line, exit 1. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
}

/** A command-line mistake: one line plus a pointer to --help, exit 2. */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
}

interface Flags {
  metadata?: string;
  databaseUrl?: string;
  port?: string;
  host?: string;
  role?: string;
  help?: boolean;
}

const FLAG_NAMES: Record<string, keyof Flags> = {
  '--metadata': 'metadata',
  '--database-url': 'databaseUrl',
  '--port': 'port',
  '--host': 'host',
  '--role': 'role',
};

export function parseFlags(args: string[], allowed: ReadonlyArray<keyof Flags>): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-h' || a === '--help') {
      flags.help = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const key = FLAG_NAMES[name];
    if (key === undefined || !allowed.includes(key)) {
      throw new UsageError(a.startsWith('-') ? `unknown option ${name}` : `unexpected argument ${JSON.stringify(a)}`);
    }
    let value: string | undefined;
    if (a.startsWith('--') && eq > 0) value = a.slice(eq + 1);
    else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
    (flags as Record<string, unknown>)[key] = value;
  }
  return flags;
}

function parsePort(raw: string, what: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 65535)
    throw new UsageError(`${what} must be a port number (0-65535), got ${JSON.stringify(raw)}`);
  return Number(raw);
}

async function loadMetadata(
  dirFlag: string | undefined,
  fromEnv?: string,
): Promise<Awaited<ReturnType<typeof loadMetadataDir>>> {
  const dir = resolve(dirFlag ?? fromEnv ?? 'hasura/metadata');
  const st = await stat(dir).catch(() => undefined);
  if (st === undefined || !st.isDirectory())
    throw new UserError(
      `metadata directory not found: ${dir}${dirFlag === undefined && fromEnv !== undefined ? ' (HASURA_GRAPHQL_METADATA_DIR)' : ''}`,
    );
  return loadMetadataDir(dir);
}

function databaseUrl(flag: string | undefined, fromEnv: string | undefined): string {
  const url = flag ?? fromEnv;
  if (url === undefined || url === '')
    throw new UserError('no database URL: pass --database-url or set HASURA_GRAPHQL_DATABASE_URL');
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new UserError('the database URL must start with postgres:// or postgresql://');
  return url;
}

/** Warp's host preferences: `*` (and `*4`, `!4`) every IPv4 interface, `*6`/`!6` every IPv6 one, else a name. */
function listenHost(h: string): string {
  if (h === '*' || h === '*4' || h === '!4') return '0.0.0.0';
  if (h === '*6' || h === '!6') return '::';
  return h;
}

async function serve(args: string[], env: EnvRecord): Promise<number> {
  const flags = parseFlags(args, ['metadata', 'databaseUrl', 'port', 'host']);
  if (flags.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = readEngineConfig(env);
  const port = flags.port !== undefined ? parsePort(flags.port, '--port') : config.serve.port;
  const host = listenHost(flags.host ?? config.serve.host);
  const dbUrl = databaseUrl(flags.databaseUrl, config.serve.databaseUrl);
  const metadata = await loadMetadata(flags.metadata, config.serve.metadataDir);
  // A JWT key set is fetched before connecting (startHttpServer builds its own authenticator).
  await createAuthenticator(config.auth);
  const runtime = await createRuntime({ metadata, databaseUrl: dbUrl, config });
  let server;
  try {
    const subs = createSubscriptionServer({ settings: config.websocket });
    const http = await startHttpServer({ runtime, config, host, port, onUpgrade: subs.onUpgrade });
    server = { ...http, close: () => (subs.close(), http.close()) };
  } catch (e) {
    await runtime.close();
    throw e;
  }
  const incons = runtime.inconsistencies().length;
  process.stderr.write(
    `engine: serving ${server.url}/v1/graphql${config.server.consoleEnabled ? ` (console: ${server.url}/console)` : ''}` +
      (incons > 0
        ? `; WARNING: ${incons} inconsistent metadata object(s), see /v1/metadata get_inconsistent_metadata`
        : '') +
      '\n',
  );
  const s = server;
  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (sig: string): void => {
      if (stopping) {
        process.stderr.write(`engine: ${sig} again, exiting now\n`);
        process.exit(130);
      }
      stopping = true;
      process.stderr.write(`engine: ${sig}, shutting down\n`);
      s.close().then(
        () => resolveExit(0),
        () => resolveExit(1),
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}

async function printSchemaCmd(args: string[], env: EnvRecord): Promise<number> {
  const flags = parseFlags(args, ['metadata', 'databaseUrl', 'role']);
  if (flags.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (flags.role === undefined) throw new UsageError('print-schema needs --role <role>');
  const dbUrl = databaseUrl(flags.databaseUrl, databaseUrlSetting(env));
  const metadata = await loadMetadata(flags.metadata);
  const runtime: Runtime = await createRuntime({ metadata, databaseUrl: dbUrl, config: readRuntimeConfig(env) });
  try {
    const schema = runtime.schemaFor(flags.role);
    if (schema === undefined)
      throw new UserError(`no schema for role ${JSON.stringify(flags.role)} (the metadata grants it nothing)`);
    process.stdout.write(`${printSchema(schema)}\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}

/** User-facing text of an error: one line, no stack, no connection string. */
export function describeError(e: unknown): string {
  if (e instanceof UserError || e instanceof EngineError) return e.message;
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT')
      return `cannot connect to the database (${code})`;
    if (code === 'EADDRINUSE') return 'the port is already in use';
    if (code === 'EACCES') return 'permission denied (port or file)';
    return e.message.replace(/postgres(ql)?:\/\/[^\s'"]*/g, 'postgres://…');
  }
  return 'unknown error';
}

/** `env`: the process's environment (bin/engine.mjs). */
export async function main(argv: string[], env: EnvRecord): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'serve':
        return await serve(rest, env);
      case 'print-schema':
        return await printSchemaCmd(rest, env);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(cmd)}`);
    }
  } catch (e) {
    process.stderr.write(`engine: ${describeError(e)}\n`);
    if (e instanceof UsageError) {
      process.stderr.write(`Run "engine --help" for usage.\n`);
      return 2;
    }
    if (debugEnabled(env) && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
