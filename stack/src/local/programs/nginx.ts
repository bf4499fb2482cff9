/**
 * The `nginx` image: Debian's nginx in the foreground with the image's main configuration (mime types, every
 * `conf.d/*.conf` included) and docker-compose's mounted files: under_maintenance/nginx.conf as conf.d/default.conf
 * and the maintenance page in /usr/share/nginx/html. The server blocks are the repository's, with the container's
 * addresses made local (`listen 8080` and `listen 127.0.0.1:8081` on the replica's address) and its paths mapped.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LocalProgram, ProgramContext } from '../program.js';
import { composeArgv, execCommandLine, processEnv } from './common.js';

const IMAGE = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] };
const HTML = '/usr/share/nginx/html';
const CONF_D = '/etc/nginx/conf.d';

/** A server block file as the local nginx must read it. */
export function localServerConfig(text: string, ctx: ProgramContext): string {
  return ctx.view
    .inside(text)
    .replace(
      /^(\s*listen\s+)(\d+)(?=[\s;])/gm,
      (_m, lead: string, port: string) => `${lead}${ctx.view.address}:${port}`,
    );
}

function render(ctx: ProgramContext): string {
  const run = ctx.view.runDir;
  // File mounts into the image's directories (the maintenance page) become links in the local copies.
  for (const m of ctx.view.mounts) {
    for (const dir of [HTML, CONF_D]) {
      if (m.target.startsWith(`${dir}/`) && !m.target.endsWith('.conf')) {
        const link = join(ctx.view.hostPath(dir), basename(m.target));
        if (!existsSync(link)) symlinkSync(m.source, link);
      }
    }
  }
  const confD = ctx.view.hostPath(CONF_D);
  const includes = ctx.view.mounts
    .filter((m) => m.target.startsWith(`${CONF_D}/`) && m.target.endsWith('.conf'))
    .map((m) => {
      const local = join(run, 'conf.d', basename(m.target));
      writeFileSync(local, localServerConfig(readFileSync(m.source, 'utf8'), ctx));
      return local;
    });
  for (const f of readdirSync(confD))
    if (f.endsWith('.conf') && !includes.some((i) => basename(i) === f)) includes.push(join(confD, f));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (t) => `  ${t}_temp_path ${join(run, 'temp', t)};`,
  );
  for (const t of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(join(run, 'temp', t), { recursive: true });
  const main = [
    '# Written by the local stack (stack/src/local/programs/nginx.ts): the nginx image main configuration.',
    'worker_processes 1;',
    'daemon off;',
    `pid ${join(run, 'nginx.pid')};`,
    'error_log stderr notice;',
    'events { worker_connections 1024; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log /dev/stdout;',
    '  sendfile on;',
    '  keepalive_timeout 65;',
    ...temp,
    ...includes.map((f) => `  include ${f};`),
    '}',
    '',
  ].join('\n');
  const file = join(run, 'nginx.conf');
  writeFileSync(file, main);
  return file;
}

export const nginxProgram: LocalProgram = {
  description: "Debian's nginx with the image's main configuration and the mounted server blocks",
  asServiceUser: true,
  imageMounts: (_stack, view) => ({ [HTML]: join(view.runDir, 'html'), [CONF_D]: join(view.runDir, 'conf.d') }),
  prepare(ctx) {
    mkdirSync(ctx.view.hostPath(HTML), { recursive: true });
    mkdirSync(ctx.view.hostPath(CONF_D), { recursive: true });
    return Promise.resolve();
  },
  process(ctx) {
    const argv = composeArgv(ctx, IMAGE);
    if (ctx.service.entrypoint !== undefined || argv[1] !== 'nginx') return execCommandLine(ctx, argv);
    return {
      command: '/usr/sbin/nginx',
      args: ['-e', 'stderr', '-p', ctx.view.runDir, '-c', render(ctx)],
      env: processEnv(ctx),
      cwd: ctx.view.runDir,
      asServiceUser: true,
      stopSignal: 'SIGQUIT',
    };
  },
};
