/**
 * The project's command line, behind the root npm scripts (stack/bin/run.mjs installs what is needed first).
 *
 *   start        the whole local stack in the foreground, with sample data; Ctrl-C stops everything
 *   up / down    the same, detached; `.stack/stack.json` holds the URLs and ports while it is up
 *   test         the whole test suite (unit + integration against a throwaway stack, then the load tests alone)
 *   test:unit    unit tests only (no services)
 *   test:load    the load tests only (proof/test/faults.test.ts, scale-out.test.ts), one file at a time
 *   migrate      run pending migrations on the local stack's database
 *   seed         (re)load sample data into the local stack: --seed N --scale X
 *   import       load one season's JSON into the local stack: import <season.json>
 *   import:coursetable  copy CourseTable's user data into the local stack: --from URL --cas-issuer URL [--dry-run]
 *   conformance  run Hasura's test cases against the engine: --suite <dir> [--only <glob>] [--report <file>]
 *   bench        the engine (direct and through the gateway) vs PostGraphile 5 vs raw SQL on 1× and 10× data;
 *                writes bench/RESULTS.md and bench/results.svg: [--quick] [--report <file>] … (bench/run.ts)
 *   bench:engine / bench:webhook   shorter benchmarks that print figures (engine vs raw SQL on 1×; the API's webhook)
 *   swarm        print (or --out <file>) the Swarm stack file derived from docker-compose.yml (docs/operations.md)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attach, stopStackDir, type StackInfo } from './harness.js';
import { deriveSwarmStack } from './deploy/swarm.js';
import { runStack, type Ready } from './local-stack.js';
import type { StackState } from './local/state.js';
import { alive, waitFor } from './processes.js';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const STACK_DIR = join(REPO, '.stack');
const STATE = join(STACK_DIR, 'stack.json');

/** Run a node script with tsx and resolve with its exit code. */
function node(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((res) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: REPO, env });
    child.on('exit', (code, signal) => res(code ?? (signal ? 1 : 0)));
  });
}

const vitest = join(REPO, 'node_modules', 'vitest', 'vitest.mjs');

type State = StackInfo & StackState;

function readState(): State | undefined {
  if (!existsSync(STATE)) return undefined;
  return JSON.parse(readFileSync(STATE, 'utf8')) as State;
}

function requireUp(): State {
  const state = readState();
  if (!state?.ready || !alive(state.supervisorPid)) {
    console.error('The local stack is not running: start it with `npm start` or `npm run up`.');
    process.exit(1);
  }
  return state;
}

async function up(): Promise<number> {
  const state = readState();
  if (state?.supervisorPid && alive(state.supervisorPid)) {
    console.log('The local stack is already up (see .stack/stack.json). `npm run down` stops it.');
    return 0;
  }
  mkdirSync(join(STACK_DIR, 'logs'), { recursive: true });
  const out = openSync(join(STACK_DIR, 'logs', 'stack.log'), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'start'], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  const pid = child.pid!;
  try {
    await waitFor(
      'the local stack',
      () => Promise.resolve((readState()?.ready === true && readState()?.supervisorPid === pid) || !alive(pid)),
      600_000,
    );
  } catch (err) {
    console.error(String(err));
  }
  const now = readState();
  if (!now?.ready || now.supervisorPid !== pid) {
    console.error('The local stack did not start; see .stack/logs/stack.log');
    return 1;
  }
  printSummary(now);
  console.log('Detached. `npm run down` stops it.');
  return 0;
}

async function down(): Promise<number> {
  if (readState() === undefined) {
    console.log('The local stack is not running.');
    return 0;
  }
  await stopStackDir(STACK_DIR);
  console.log('The local stack is stopped.');
  return 0;
}

/** What runs (every service of docker-compose.yml, run or not with the reason) and where to find it. */
export function printSummary(state: State, startedMs?: number): void {
  console.log('\nServices of docker-compose.yml:');
  for (const [name, s] of Object.entries(state.services)) {
    const where = s.replicas.map((r) => `${r.name} ${r.address}`).join(', ');
    const status = s.status === 'run' ? where || 'run' : s.status;
    console.log(`  ${name.padEnd(20)} ${status.padEnd(42)} ${s.note}`);
  }
  console.log('\nLocal stack is up:');
  for (const [name, url] of Object.entries(state.urls ?? {})) console.log(`  ${name.padEnd(16)} ${url}`);
  const pg = attach(state);
  console.log(`  ${'postgres'.padEnd(16)} ${pg.directUrl('coursetable')}`);
  if (state.pgbouncer)
    console.log(
      `  ${'pgbouncer'.padEnd(16)} postgresql://ct_readonly:…@${state.pgbouncer.host}:${state.pgbouncer.port}/coursetable`,
    );
  if (state.redis) {
    const url = `redis://default:…@${state.redis.host}:${state.redis.port}`;
    console.log(`  ${'redis'.padEnd(16)} ${url} (REDIS_PASSWORD in .stack/secrets.env)`);
  }
  console.log(
    `  ${'logs'.padEnd(16)} .stack/logs/<service>-<n>.log; state: .stack/stack.json; secrets: .stack/secrets.env`,
  );
  if (startedMs !== undefined) console.log(`\nStarted in ${(startedMs / 1000).toFixed(1)} s.`);
  console.log('');
}

function swarm(args: string[]): number {
  if (wantsHelp(args)) {
    console.log('Usage: npm run swarm -- [--out <file>]\nThe Swarm stack file derived from docker-compose.yml.');
    return 0;
  }
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && out === undefined) {
    console.error('--out needs a file');
    return 2;
  }
  const stack = deriveSwarmStack(join(REPO, 'docker-compose.yml'));
  if (out === undefined) process.stdout.write(stack.text);
  else {
    writeFileSync(out, stack.text);
    console.error(`wrote ${out}`);
  }
  return 0;
}

/** `--help` goes to the command itself, which needs no running stack for it. */
const wantsHelp = (args: string[]): boolean => args.includes('--help') || args.includes('-h');

async function main(): Promise<number> {
  const [command = 'help', ...args] = process.argv.slice(2);
  switch (command) {
    case 'start':
      return runStack({
        dir: STACK_DIR,
        onReady: ({ local, info, startedMs }: Ready) => printSummary({ ...local.state(), ...info }, startedMs),
      });
    case 'up':
      return up();
    case 'down':
      return down();
    case 'test': {
      if (args.length > 0) return node([vitest, 'run', ...args]);
      // The load tests (proof: scale-out, faults) run after the rest, alone, so they have the machine to themselves.
      const code = await node([vitest, 'run', '--project', 'unit', '--project', 'integration']);
      return code !== 0 ? code : node([vitest, 'run', '--project', 'load']);
    }
    case 'test:load':
      return node([vitest, 'run', '--project', 'load', ...args]);
    case 'test:unit':
      return node([vitest, 'run', '--project', 'unit', ...args]);
    case 'migrate': {
      if (wantsHelp(args)) return node(['--import', 'tsx', join(REPO, 'migrations', 'cli.ts'), ...args]);
      const info = attach(requireUp());
      return node(['--import', 'tsx', join(REPO, 'migrations', 'cli.ts'), ...args], {
        ...process.env,
        DATABASE_URL: info.directUrl('coursetable', 'ct_owner'),
      });
    }
    case 'seed':
    case 'import': {
      const script = command === 'seed' ? 'cli.ts' : 'import-cli.ts';
      if (wantsHelp(args)) return node(['--import', 'tsx', join(REPO, 'seed', 'src', script), ...args]);
      const info = attach(requireUp());
      return node(['--import', 'tsx', join(REPO, 'seed', 'src', script), ...args], {
        ...process.env,
        DATABASE_URL: info.directUrl('coursetable', 'ct_owner'),
      });
    }
    case 'import:coursetable': {
      const cli = join(REPO, 'seed', 'src', 'coursetable', 'cli.ts');
      if (wantsHelp(args)) return node(['--import', 'tsx', cli, ...args]);
      const info = attach(requireUp());
      return node(['--import', 'tsx', cli, ...args], {
        ...process.env,
        DATABASE_URL: info.directUrl('coursetable', 'ct_owner'),
      });
    }
    case 'conformance':
      return node(['--import', 'tsx', join(REPO, 'engine', 'conformance', 'cli.ts'), ...args]);
    case 'bench':
      return node(['--import', 'tsx', join(REPO, 'bench', 'run.ts'), ...args]);
    case 'bench:engine':
      // The engine vs its compiled SQL only; later options override these (the last occurrence wins).
      return node([
        '--import',
        'tsx',
        join(REPO, 'bench', 'run.ts'),
        ...['--targets', 'engine,raw', '--sizes', '1', '--connections', '10', '--no-results'],
        ...args,
      ]);
    case 'swarm':
      return swarm(args);
    case 'bench:webhook':
      return node(['--import', 'tsx', join(REPO, 'api', 'bench', 'webhook.ts'), ...args]);
    default:
      console.log(
        readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('*/')[0]!
          .replace('/**', '')
          .replace(/^ \* ?/gm, ''),
      );
      return command === 'help' ? 0 : 1;
  }
}

process.exitCode = await main();
