/**
 * The `postgres` image: Debian's Postgres 15 server, set up the way the image's docker-entrypoint.sh does it. On an
 * empty data directory (the `PGDATA` volume): initdb with POSTGRES_USER / POSTGRES_PASSWORD and
 * POSTGRES_INITDB_ARGS, local socket connections trusted and TCP ones with scram-sha-256, then every file of
 * /docker-entrypoint-initdb.d in order (`*.sql` through psql, executable `*.sh` run, others sourced) against a
 * temporary server listening on the socket only. Then the server in the foreground with the command's arguments
 * (`postgres -c …`), listening on the replica's address, port 5432.
 *
 * When docker-compose wraps the image's entrypoint (the db service: a shell that refuses placeholders, then
 * `exec docker-entrypoint.sh "$@"` with the server's command), the wrapper runs as written and a local
 * `docker-entrypoint.sh` stands in for the image's: the server, as above (the cluster is initialised before the
 * process starts, so on a first start the wrapper's check comes after db/init's own). When docker-compose replaces
 * the entrypoint with something else (the backup service), the command line runs as written with the image's client
 * tools (psql, pg_dump, pg_isready) on PATH.
 */
import {
  appendFileSync,
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { runOk } from '../../processes.js';
import type { LocalProgram, ProgramContext } from '../program.js';
import { composeArgv, execCommandLine, PG_BIN, processEnv } from './common.js';

const IMAGE = { entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'] };
export const POSTGRES_PORT = 5432;

function dataDir(ctx: ProgramContext): string {
  return ctx.view.hostPath(ctx.env['PGDATA'] ?? '/var/lib/postgresql/data');
}

/** The image's socket directory, /var/run/postgresql, as a local directory. */
export function socketDir(ctx: { view: { hostPath(p: string): string } }): string {
  return ctx.view.hostPath('/var/run/postgresql');
}

/** The command is the server's (`postgres …` or options), under the image's entrypoint or a wrapper of it. */
const serverMode = (ctx: ProgramContext): boolean => {
  const cmd = ctx.service.command ?? (ctx.service.entrypoint === undefined ? IMAGE.cmd : []);
  return cmd[0] === 'postgres' || cmd[0]?.startsWith('-') === true;
};

/** The server process in the foreground, on the replica's address, with the command's options. */
function serverArgs(ctx: ProgramContext, options: string[]): string[] {
  return [
    '-D',
    dataDir(ctx),
    '-p',
    String(POSTGRES_PORT),
    '-c',
    `listen_addresses=${ctx.view.address}`,
    '-c',
    `unix_socket_directories=${socketDir(ctx)}`,
    // A throwaway test cluster: nothing to keep after a crash.
    ...(ctx.stack.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ...options,
  ];
}

const shellQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** A directory with the local `docker-entrypoint.sh`, for a docker-compose entrypoint that wraps the image's. */
function entrypointDir(ctx: ProgramContext): string {
  const dir = join(ctx.view.runDir, 'entrypoint');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'docker-entrypoint.sh');
  const fixed = [join(PG_BIN, 'postgres'), ...serverArgs(ctx, [])].map(shellQuote).join(' ');
  writeFileSync(
    file,
    `#!/bin/sh\n# The postgres image's docker-entrypoint.sh, locally (stack/src/local/programs/postgres.ts).\n` +
      `[ "$1" = postgres ] && shift\nexec ${fixed} "$@"\n`,
  );
  chmodSync(file, 0o755);
  return dir;
}

async function runAsService(
  ctx: ProgramContext,
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<string> {
  return runOk(cmd, args, { asService: true, env, timeoutMs: 120_000 });
}

async function initCluster(ctx: ProgramContext): Promise<void> {
  const data = dataDir(ctx);
  const user = ctx.env['POSTGRES_USER'] ?? 'postgres';
  const password = ctx.env['POSTGRES_PASSWORD'] ?? '';
  if (password === '' && ctx.env['POSTGRES_HOST_AUTH_METHOD'] !== 'trust') {
    throw new Error('postgres: POSTGRES_PASSWORD is empty (the image refuses to initialise without it)');
  }
  const env = processEnv(ctx, [PG_BIN]);
  const pwfile = join(ctx.view.runDir, 'initdb-password');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (ctx.stack.serviceUser) chownSync(pwfile, ctx.stack.serviceUser.uid, ctx.stack.serviceUser.gid);
  try {
    ctx.stack.log(`${ctx.view.name}: initdb (first start)`);
    const extra = (ctx.env['POSTGRES_INITDB_ARGS'] ?? '').split(/\s+/).filter(Boolean);
    await runAsService(
      ctx,
      join(PG_BIN, 'initdb'),
      [
        '-D',
        data,
        `--username=${user}`,
        `--pwfile=${pwfile}`,
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        ...extra,
      ],
      env,
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
  appendFileSync(join(data, 'pg_hba.conf'), '\nhost all all all scram-sha-256\n');
  await runInitScripts(ctx, user);
}

async function runInitScripts(ctx: ProgramContext, user: string): Promise<void> {
  const dir = ctx.view.hostPath('/docker-entrypoint-initdb.d');
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  if (files.length === 0) return;
  const data = dataDir(ctx);
  const sock = socketDir(ctx);
  const db = ctx.env['POSTGRES_DB'] ?? user;
  const env = {
    ...processEnv(ctx, [PG_BIN]),
    PGHOST: sock,
    PGPORT: String(POSTGRES_PORT),
    PGUSER: user,
    PGDATABASE: db,
  };
  const pgCtl = join(PG_BIN, 'pg_ctl');
  const opts = `-c listen_addresses='' -p ${POSTGRES_PORT} -c unix_socket_directories=${sock}`;
  const initLog = join(ctx.view.runDir, 'init.log');
  await runAsService(ctx, pgCtl, ['-D', data, '-o', opts, '-l', initLog, '-w', '-t', '60', 'start'], env).catch(
    (err: unknown) => {
      const tail = existsSync(initLog) ? readFileSync(initLog, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n${tail}`);
    },
  );
  try {
    if (db !== 'postgres') await runAsService(ctx, join(PG_BIN, 'createdb'), [db], { ...env, PGDATABASE: 'postgres' });
    for (const f of files) {
      const path = join(dir, f);
      ctx.stack.log(`${ctx.view.name}: running /docker-entrypoint-initdb.d/${f}`);
      if (f.endsWith('.sql')) {
        await runAsService(
          ctx,
          join(PG_BIN, 'psql'),
          ['-v', 'ON_ERROR_STOP=1', '--username', user, '--no-password', '--no-psqlrc', '--dbname', db, '-f', path],
          env,
        );
      } else if (f.endsWith('.sh')) {
        const executable = (statSync(path).mode & 0o111) !== 0;
        await runAsService(ctx, '/bin/bash', executable ? [path] : ['-c', `. "$0"`, path], env);
      }
    }
  } finally {
    await runAsService(ctx, pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop'], env);
  }
}

export const postgresProgram: LocalProgram = {
  description: `Debian's Postgres 15 (${PG_BIN}), initialised as the image's entrypoint does`,
  asServiceUser: true,
  imageMounts: (_stack, view) => ({ '/var/run/postgresql': join(view.runDir, 'var-run-postgresql') }),
  imageEnv: () => ({ PGDATA: '/var/lib/postgresql/data' }),
  toolPath: () => [PG_BIN],
  async prepare(ctx) {
    if (!serverMode(ctx)) return;
    mkdirSync(socketDir(ctx), { recursive: true });
    const user = ctx.stack.serviceUser;
    if (user) chownSync(socketDir(ctx), user.uid, user.gid);
    if (!existsSync(join(dataDir(ctx), 'PG_VERSION'))) await initCluster(ctx);
  },
  process(ctx) {
    if (!serverMode(ctx)) return execCommandLine(ctx, composeArgv(ctx, IMAGE), [PG_BIN]);
    if (ctx.service.entrypoint !== undefined) {
      const spec = execCommandLine(ctx, composeArgv(ctx, IMAGE), [entrypointDir(ctx), PG_BIN]);
      return { ...spec, asServiceUser: true, stopSignal: 'SIGINT' };
    }
    const argv = composeArgv(ctx, IMAGE).slice(1);
    const args = argv[0] === 'postgres' ? argv.slice(1) : argv;
    return {
      command: join(PG_BIN, 'postgres'),
      args: serverArgs(
        ctx,
        args.map((a) => ctx.view.localize(a)),
      ),
      env: processEnv(ctx, [PG_BIN]),
      cwd: ctx.view.runDir,
      asServiceUser: true,
      stopSignal: 'SIGINT',
    };
  },
};
