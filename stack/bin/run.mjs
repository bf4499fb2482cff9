#!/usr/bin/env node
// Entry point of every root npm script (`npm start`, `npm test`, …). Plain JavaScript with no dependencies, because
// it runs before anything is installed: it makes sure the Debian packages and npm dependencies are present, then
// hands over to the TypeScript CLI (stack/src/cli.ts) through tsx.
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * Debian packages the local stack needs (the programs standing in for docker-compose's images, see
 * stack/src/local/programs.ts, and the tools their healthchecks call), and a file that proves each is installed.
 */
const DEBIAN = [
  { pkg: 'postgresql', file: join(PG_BIN, 'initdb') },
  // The library, not the control file: the control file belongs to the -scripts package, which stays on removal.
  { pkg: 'postgresql-15-postgis-3', file: '/usr/lib/postgresql/15/lib/postgis-3.so' },
  { pkg: 'redis-server', file: '/usr/bin/redis-server' },
  { pkg: 'pgbouncer', file: '/usr/sbin/pgbouncer' },
  { pkg: 'nginx', file: '/usr/sbin/nginx' },
  { pkg: 'prometheus', file: '/usr/bin/prometheus' },
  { pkg: 'curl', file: '/usr/bin/curl' },
  { pkg: 'wget', file: '/usr/bin/wget' },
];
/** Extra packages only some commands need (browser tests). */
const DEBIAN_BROWSER = [{ pkg: 'chromium', file: '/usr/bin/chromium' }];

const say = (msg) => process.stderr.write(`[stack] ${msg}\n`);

function sh(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: repo, ...opts });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

function ensureDebian(wanted) {
  const missing = wanted.filter((d) => !existsSync(d.file)).map((d) => d.pkg);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    say(`missing Debian packages: ${missing.join(' ')}`);
    say(`install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  say(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (sh('apt-get', ['update', '-qq'], { env }) !== 0) process.exit(1);
  if (sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env }) !== 0) process.exit(1);
}

/** A hash of everything that decides the contents of node_modules. */
function depsHash() {
  const h = createHash('sha256');
  for (const f of [
    'package.json',
    'package-lock.json',
    'engine/package.json',
    'api/package.json',
    'gateway/package.json',
    'client/package.json',
  ]) {
    const p = join(repo, f);
    if (existsSync(p)) h.update(f).update(readFileSync(p));
  }
  h.update(process.version.split('.')[0]);
  return h.digest('hex');
}

/**
 * Hasura's test cases set `lc_monetary TO "en_US.utf-8"`, so the conformance tests need that OS locale. Generated
 * with localedef when we are root (the `locales` package provides its source).
 */
function ensureLocale() {
  const res = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  if (/^en_US\.utf8$/im.test(res.stdout ?? '')) return;
  if (process.getuid?.() !== 0) {
    say(
      'the en_US.UTF-8 locale is missing (conformance tests need it): sudo localedef -i en_US -c -f UTF-8 en_US.UTF-8',
    );
    return;
  }
  if (!existsSync('/usr/share/i18n/locales/en_US'))
    ensureDebian([{ pkg: 'locales', file: '/usr/share/i18n/locales/en_US' }]);
  say('generating the en_US.UTF-8 locale');
  sh('localedef', ['-i', 'en_US', '-c', '-f', 'UTF-8', 'en_US.UTF-8']);
}

function ensureNodeModules() {
  const stamp = join(repo, 'node_modules', '.deps-stamp');
  const want = depsHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  const hasLock = existsSync(join(repo, 'package-lock.json'));
  say(existsSync(join(repo, 'node_modules')) ? 'npm dependencies changed: installing' : 'installing npm dependencies');
  const code = sh('npm', hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']);
  if (code !== 0) process.exit(code);
  writeFileSync(stamp, want);
}

const [command = 'help', ...rest] = process.argv.slice(2);
const wantsHelp = rest.includes('--help') || rest.includes('-h');
const needsServices = !['help', 'test:unit', 'lint', 'typecheck', 'swarm'].includes(command) && !wantsHelp;
if (needsServices) {
  ensureDebian(command === 'test' || command === 'test:browser' ? [...DEBIAN, ...DEBIAN_BROWSER] : DEBIAN);
  ensureLocale();
}
ensureNodeModules();

const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'stack', 'src', 'cli.ts'), command, ...rest], {
  stdio: 'inherit',
  cwd: repo,
});
// Ctrl-C reaches the whole foreground process group; the CLI handles it. Forward termination signals explicitly
// for the cases where only this process gets them (e.g. `kill`).
for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
process.on('SIGINT', () => undefined);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
