/**
 * The `engine` command (run as `npx engine …` from the repository root; bin/engine.mjs registers tsx):
 *
 *   engine serve [--metadata <dir>] [--database-url <url>] [--port N] [--host H]
 *   engine print-schema --role <role> [--metadata <dir>] [--database-url <url>]
 *
 * `--metadata` defaults to `hasura/metadata` (relative to the working directory), `--database-url` to
 * `HASURA_GRAPHQL_DATABASE_URL`, `--port` to `HASURA_GRAPHQL_SERVER_PORT` (else 8080), `--host` to
 * `HASURA_GRAPHQL_SERVER_HOST` (`*` = every interface; else 127.0.0.1). Every other setting is read from the same
 * `HASURA_GRAPHQL_*` variables as Hasura. `serve` enables the console unless `HASURA_GRAPHQL_ENABLE_CONSOLE=false`.
 * User errors print one line and exit 1 (2 for usage errors); `ENGINE_DEBUG=1` adds stack traces.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { loadMetadataDir } from './metadata/load-metadata-dir.js';
import { createRuntime, type Runtime } from './runtime.js';
import { startHttpServer } from './server/start.js';
import { createSubscriptionServer } from './subscriptions/ws-server.js';
import { EngineError } from './errors.js';

const USAGE = `Usage:
  engine serve [--metadata <dir>] [--database-url <url>] [--port <n>] [--host <host>]
  engine print-schema --role <role> [--metadata <dir>] [--database-url <url>]

Options:
  --metadata <dir>       Hasura metadata directory (default: hasura/metadata)
  --database-url <url>   Postgres URL of the default source (default: $HASURA_GRAPHQL_DATABASE_URL)
  --port <n>             HTTP port (default: $HASURA_GRAPHQL_SERVER_PORT or 8080; 0 = any free port)
  --host <host>          Interface to listen on (default: $HASURA_GRAPHQL_SERVER_HOST or 127.0.0.1)
  --role <role>          Role whose schema print-schema prints (SDL on stdout)
  -h, --help             Show this help

Other settings use Hasura's variables: HASURA_GRAPHQL_ADMIN_SECRET, HASURA_GRAPHQL_AUTH_HOOK(_MODE),
HASURA_GRAPHQL_JWT_SECRET, HASURA_GRAPHQL_UNAUTHORIZED_ROLE, HASURA_GRAPHQL_ENABLED_APIS, HASURA_GRAPHQL_CORS_DOMAIN, …
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

async function loadMetadata(dirFlag: string | undefined): Promise<Awaited<ReturnType<typeof loadMetadataDir>>> {
  const dir = resolve(dirFlag ?? 'hasura/metadata');
  const st = await stat(dir).catch(() => undefined);
  if (st === undefined || !st.isDirectory()) throw new UserError(`metadata directory not found: ${dir}`);
  return loadMetadataDir(dir);
}

function databaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const url = flag ?? env['HASURA_GRAPHQL_DATABASE_URL'];
  if (url === undefined || url === '')
    throw new UserError('no database URL: pass --database-url or set HASURA_GRAPHQL_DATABASE_URL');
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new UserError('the database URL must start with postgres:// or postgresql://');
  return url;
}

function listenHost(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const h = flag ?? env['HASURA_GRAPHQL_SERVER_HOST'];
  if (h === undefined || h === '') return '127.0.0.1';
  return h === '*' ? '0.0.0.0' : h;
}

async function serve(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const flags = parseFlags(args, ['metadata', 'databaseUrl', 'port', 'host']);
  if (flags.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port =
    flags.port !== undefined
      ? parsePort(flags.port, '--port')
      : env['HASURA_GRAPHQL_SERVER_PORT']
        ? parsePort(env['HASURA_GRAPHQL_SERVER_PORT'], 'HASURA_GRAPHQL_SERVER_PORT')
        : 8080;
  const host = listenHost(flags.host, env);
  const dbUrl = databaseUrl(flags.databaseUrl, env);
  const metadata = await loadMetadata(flags.metadata);
  const serverEnv: Record<string, string | undefined> = { ...env };
  serverEnv['HASURA_GRAPHQL_ENABLE_CONSOLE'] ??= 'true';
  // Validate auth/server settings before connecting (startHttpServer validates again).
  const { readServerConfig } = await import('./server/config.js');
  const { createAuthenticator } = await import('./auth/authenticate.js');
  readServerConfig(serverEnv);
  await createAuthenticator(serverEnv);
  const runtime = await createRuntime({ metadata, databaseUrl: dbUrl, env: serverEnv });
  let server;
  try {
    const subs = createSubscriptionServer({ env: serverEnv });
    const http = await startHttpServer({ runtime, env: serverEnv, host, port, onUpgrade: subs.onUpgrade });
    server = { ...http, close: () => (subs.close(), http.close()) };
  } catch (e) {
    await runtime.close();
    throw e;
  }
  const incons = runtime.inconsistencies().length;
  process.stderr.write(
    `engine: serving ${server.url}/v1/graphql${serverEnv['HASURA_GRAPHQL_ENABLE_CONSOLE'] === 'true' ? ` (console: ${server.url}/console)` : ''}` +
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

async function printSchemaCmd(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const flags = parseFlags(args, ['metadata', 'databaseUrl', 'role']);
  if (flags.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (flags.role === undefined) throw new UsageError('print-schema needs --role <role>');
  const dbUrl = databaseUrl(flags.databaseUrl, env);
  const metadata = await loadMetadata(flags.metadata);
  const runtime: Runtime = await createRuntime({ metadata, databaseUrl: dbUrl, env: { ...env } });
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

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
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
    if (env['ENGINE_DEBUG'] === '1' && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
