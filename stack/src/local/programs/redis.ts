/**
 * The `redis` image: Debian's redis-server with docker-compose's command line (`redis-server --appendonly yes …`),
 * in the foreground, its working directory the image's /data (the `redisdata` volume), bound to the replica's
 * address on port 6379. `redis-cli` in healthchecks talks to the replica (a wrapper adds `-h`).
 *
 * When docker-compose sets an entrypoint (redis/entrypoint.sh: the password from the redis_password secret, then
 * `exec docker-entrypoint.sh redis-server - …`), it runs as written, with a local `docker-entrypoint.sh` that stands
 * in for the image's: the same redis-server as above, its standard input (the configuration) passed on.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalProgram, ProgramContext } from '../program.js';
import { composeArgv, execCommandLine, processEnv } from './common.js';

const IMAGE = { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'] };
export const REDIS_PORT = 6379;

/** What the image's defaults add for a container: its address and port, foreground, log to stdout, data in /data. */
function localArgs(ctx: ProgramContext, data: string): string[] {
  return [
    '--bind',
    ctx.view.address,
    '--port',
    String(REDIS_PORT),
    '--dir',
    data,
    '--daemonize',
    'no',
    '--logfile',
    '',
  ];
}

const shellQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** A `redis-cli` that reaches this replica, as `redis-cli` inside the container reaches 127.0.0.1:6379. */
function toolDir(ctx: ProgramContext): string {
  const dir = join(ctx.view.runDir, 'bin');
  mkdirSync(dir, { recursive: true });
  const cli = join(dir, 'redis-cli');
  writeFileSync(cli, `#!/bin/sh\nexec /usr/bin/redis-cli -h ${ctx.view.address} "$@"\n`);
  chmodSync(cli, 0o755);
  const entrypoint = join(dir, 'docker-entrypoint.sh');
  const tail = localArgs(ctx, ctx.view.hostPath('/data')).map(shellQuote).join(' ');
  writeFileSync(
    entrypoint,
    `#!/bin/sh\n# The redis image's docker-entrypoint.sh, locally (stack/src/local/programs/redis.ts).\n` +
      `[ "$1" = redis-server ] && shift\nexec /usr/bin/redis-server "$@" ${tail}\n`,
  );
  chmodSync(entrypoint, 0o755);
  return dir;
}

export const redisProgram: LocalProgram = {
  description: "Debian's redis-server with docker-compose's command line",
  toolPath: (ctx) => [toolDir(ctx)],
  process(ctx) {
    const argv = composeArgv(ctx, IMAGE).slice(1);
    const data = ctx.view.hostPath('/data');
    mkdirSync(data, { recursive: true });
    if (ctx.service.entrypoint !== undefined || argv[0] !== 'redis-server') {
      const spec = execCommandLine(ctx, composeArgv(ctx, IMAGE), [toolDir(ctx)]);
      // redis/entrypoint.sh's container path of the secret, as a local one
      spec.env['REDIS_PASSWORD_FILE'] = ctx.view.hostPath('/run/secrets/redis_password');
      return { ...spec, cwd: data, stopSignal: 'SIGTERM' };
    }
    return {
      command: '/usr/bin/redis-server',
      // The image's defaults for what a container does not need to say: foreground, log to stdout, data in /data.
      args: [...argv.slice(1).map((a) => ctx.view.localize(a)), ...localArgs(ctx, data)],
      env: processEnv(ctx, [toolDir(ctx)]),
      cwd: data,
      stopSignal: 'SIGTERM',
    };
  },
};
