/**
 * The pgbouncer image built from db/pgbouncer: Debian's pgbouncer 1.18 (the image installs the same package) started
 * by the image's own entrypoint, db/pgbouncer/entrypoint.sh (it writes the auth file from the environment), on the
 * repository's db/pgbouncer/pgbouncer.ini. The configuration file is the image's with the container's addresses
 * made local: `listen_addr = 0.0.0.0` becomes the replica's address and `host=db` the db service's, since pgbouncer
 * resolves names itself. A throwaway (test) stack also routes every other database name to the db service
 * (`* = host=…`), so that tests can use one cloned database each; production routes `coursetable` only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalProgram, ProgramContext } from '../program.js';
import { composeArgv, execCommandLine, resolveHosts } from './common.js';

const IMAGE = { entrypoint: ['/usr/local/bin/pgbouncer-entrypoint'], cmd: [] };

/** db/pgbouncer/pgbouncer.ini as the local process must read it. */
export function localPgbouncerIni(text: string, ctx: ProgramContext): string {
  const lines = ctx.view
    .localize(text)
    .split('\n')
    .map((line) =>
      line.replace(/\bhost=([A-Za-z0-9_.-]+)/g, (_m, host: string) => `host=${resolveHosts(host, ctx.stack.hosts)}`),
    );
  if (ctx.stack.ephemeral) {
    const at = lines.findIndex((l) => l.trim() === '[databases]');
    const db = resolveHosts('db', ctx.stack.hosts);
    lines.splice(at + 1, 0, `* = host=${db} port=5432`);
  }
  return lines.join('\n');
}

export const pgbouncerProgram: LocalProgram = {
  description: "Debian's pgbouncer 1.18 with db/pgbouncer's entrypoint and pgbouncer.ini",
  asServiceUser: true,
  imageMounts: (stack, view) => ({
    '/usr/local/bin/pgbouncer-entrypoint': join(stack.repo, 'db', 'pgbouncer', 'entrypoint.sh'),
    '/etc/pgbouncer/pgbouncer.ini': join(view.runDir, 'pgbouncer.ini'),
  }),
  prepare(ctx) {
    const source = readFileSync(join(ctx.stack.repo, 'db', 'pgbouncer', 'pgbouncer.ini'), 'utf8');
    writeFileSync(ctx.view.hostPath('/etc/pgbouncer/pgbouncer.ini'), localPgbouncerIni(source, ctx), { mode: 0o644 });
    return Promise.resolve();
  },
  process(ctx) {
    const spec = execCommandLine(ctx, ['/bin/sh', ...composeArgv(ctx, IMAGE)]);
    // The entrypoint's two container paths, as local ones.
    spec.env['PGBOUNCER_RUN_DIR'] = ctx.view.hostPath('/run/pgbouncer');
    spec.env['PGBOUNCER_CONFIG'] = ctx.view.hostPath('/etc/pgbouncer/pgbouncer.ini');
    return { ...spec, asServiceUser: true, stopSignal: 'SIGINT' };
  },
};
