/**
 * The course browser in a real browser (Debian chromium through playwright-core), against a stack this test starts:
 * the run's Postgres/pgbouncer/Redis with a clone of the seeded template, the API (in-process, real Redis sessions),
 * the engine in webhook mode (auth by the API's /api/hasura/auth), and `vite preview` of the built page proxying
 * `/api` and `/v1/graphql`, so page, cookie and GraphQL share one origin. A screenshot per step goes to
 * test-artifacts/course-browser/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../stack/src/browser.js';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMetadataDir, startEngineServer, type EngineServer } from 'engine';
import { createApp } from '../../../api/src/app.js';
import { parseConfig } from '../../../api/src/config.js';
import { closeDeps, createDeps, type Deps } from '../../../api/src/deps.js';
import { freePort } from '../../../stack/src/processes.js';
import { cloneTemplate, testStack, type TestDb } from '../../../stack/src/testing.js';
import { courseBrowserProxy } from '../vite.config.js';

const CONFIG_FILE = 'examples/course-browser/vite.config.ts';
const ARTIFACTS = 'test-artifacts/course-browser';
const EVAL_MARKERS = /"(average_rating|average_workload|evaluation_statistic|avg_rating|last_enrollment)"/;

let db: TestDb;
let owner: pg.Pool;
let deps: Deps;
let apiServer: Server;
let engine: EngineServer;
let site: PreviewServer;
let browser: Browser;
let page: Page;
let origin: string;
const siteDir = mkdtempSync(join(tmpdir(), 'ct-course-browser-'));
/** Every GraphQL response body the page received, with the account it was made under. */
const graphqlBodies: Array<{ who: string; body: string }> = [];
let who = 'anonymous';
let step = 0;

async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: join(ARTIFACTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const stack = testStack();
  if (!stack.redis) throw new Error('the test stack has no redis');
  db = await cloneTemplate();
  owner = new pg.Pool({ connectionString: db.directUrl('ct_owner'), max: 2 });
  const sitePort = await freePort();
  origin = `http://127.0.0.1:${sitePort}`;
  const actionSecret = randomBytes(24).toString('hex');
  const adminSecret = randomBytes(24).toString('hex');

  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    API_PUBLIC_URL: origin,
    FRONTEND_URL: origin,
    DATABASE_URL: db.bouncerUrl('ct_api'),
    REDIS_URL: stack.redis.url,
    REDIS_KEY_PREFIX: `browser:${randomBytes(4).toString('hex')}:`,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    HASURA_ACTION_SECRET: actionSecret,
    ADMIN_SECRET: adminSecret,
    AUTH_CONCEAL_ERRORS: 'false',
  });
  const { pino } = await import('pino');
  deps = createDeps(config, pino({ level: 'silent' }));
  apiServer = createServer(createApp(config, deps));
  const apiUrl = `http://127.0.0.1:${await listen(apiServer)}`;

  engine = await startEngineServer({
    metadata: await loadMetadataDir('hasura/metadata'),
    databaseUrl: db.bouncerUrl('ct_engine'),
    env: {
      HASURA_GRAPHQL_ADMIN_SECRET: adminSecret,
      HASURA_GRAPHQL_AUTH_HOOK: `${apiUrl}/api/hasura/auth`,
      HASURA_GRAPHQL_AUTH_HOOK_MODE: 'GET',
      HASURA_GRAPHQL_ENABLE_CONSOLE: 'false',
      API_BASE_URL: apiUrl,
      HASURA_ACTION_SECRET: actionSecret,
    },
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
  });

  // Built into a temp dir: a test run leaves no dist/ in the working tree.
  await build({ configFile: CONFIG_FILE, logLevel: 'warn', build: { outDir: siteDir, emptyOutDir: true } });
  site = await preview({
    configFile: CONFIG_FILE,
    logLevel: 'warn',
    build: { outDir: siteDir },
    preview: { port: sitePort, strictPort: true, proxy: courseBrowserProxy(apiUrl, engine.url) },
  });

  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  page.on('response', (res) => {
    if (!res.url().includes('/v1/graphql')) return;
    const account = who;
    res.text().then(
      (body) => graphqlBodies.push({ who: account, body }),
      () => undefined,
    );
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await engine?.close();
  await new Promise((r) => (apiServer ? apiServer.close(r) : r(undefined)));
  if (deps) await closeDeps(deps);
  await owner?.end();
  await db?.drop();
  rmSync(siteDir, { recursive: true, force: true });
});

async function evaluationsShown(): Promise<boolean> {
  return (await page.getByTestId('evaluations').count()) > 0;
}

async function openFirstResult(): Promise<string> {
  const row = page.locator('#results tbody tr').first();
  const code = (await row.locator('td').first().textContent()) ?? '';
  await row.click();
  await expect
    .poll(() => page.getByTestId('course-title').textContent())
    .toContain(code.split(' ').slice(0, 2).join(' '));
  return code;
}

describe('course browser, as a new user would use it', { timeout: 60_000 }, () => {
  let seasonCode = '';
  let firstCode = '';

  it('opens with the seasons and the first page of courses, logged out', async () => {
    await page.goto(origin);
    await page.waitForSelector('body[data-ready="true"]');
    seasonCode = await page.getByTestId('season').inputValue();
    expect(seasonCode).not.toBe('');
    expect(await page.locator('#results tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('whoami').textContent()).toBe('Not logged in');
    await shot('home');
  });

  it('picks a season and searches by subject and title text', async () => {
    const seasons = await page
      .locator('#season option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const season = seasons[1] ?? seasons[0] ?? seasonCode;
    await page.getByTestId('season').selectOption(season);
    seasonCode = season;
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('course(s)'));
    const firstRow = (await page.locator('#results tbody tr td').first().textContent()) ?? '';
    const subject = firstRow.split(' ')[0] ?? '';
    await page.fill('input[name=subject]', subject);
    await page.click('#search-form button[type=submit]');
    await page.waitForFunction(
      (s) =>
        [...document.querySelectorAll('#results tbody tr td:first-child')].every((td) =>
          td.textContent?.startsWith(`${s} `),
        ),
      subject,
    );
    const title = (await page.locator('#results tbody tr td:nth-child(2)').first().textContent()) ?? '';
    const word = title.split(/\s+/).find((w) => w.length > 3) ?? title;
    await page.fill('input[name=text]', word);
    await page.click('#search-form button[type=submit]');
    await page.waitForFunction((w) => {
      const rows = [...document.querySelectorAll('#results tbody tr')];
      return rows.length > 0 && rows.every((r) => r.textContent?.toLowerCase().includes(w.toLowerCase()));
    }, word);
    await shot('search');
  });

  it('opens a course: professors and meetings, no evaluation data while logged out', async () => {
    firstCode = await openFirstResult();
    expect(await evaluationsShown()).toBe(false);
    await shot('course-anonymous');
  });

  it('signs up with the local password login (a new user without evaluation access)', async () => {
    const email = `new-${randomBytes(4).toString('hex')}@example.org`;
    await page.fill('#signup-form input[name=displayName]', 'New Student');
    await page.fill('#signup-form input[name=email]', email);
    await page.fill('#signup-form input[name=password]', 'correct horse battery');
    who = 'student';
    await page.click('#signup-form button[type=submit]');
    await expect.poll(() => page.getByTestId('whoami').textContent()).toContain('no evaluation access');
    await expect.poll(() => page.getByTestId('worksheet').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('add-to-worksheet').count()).toBe(1);
    expect(await evaluationsShown()).toBe(false);
    await shot('signed-up');
  });

  it('adds the course to a worksheet through the action and sees it in the worksheet', async () => {
    await page.getByTestId('add-to-worksheet').click();
    await expect.poll(() => page.locator('#worksheet-courses li[data-crn]').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#worksheet-courses').textContent()).toContain(
      firstCode.split(' ').slice(0, 2).join(' '),
    );
    await shot('added-to-worksheet');
  });

  it('sees the worksheet update live when it changes elsewhere (another device)', async () => {
    const user = await owner.query<{ user_id: number }>(`select user_id from users where display_name = 'New Student'`);
    const userId = user.rows[0]?.user_id;
    if (userId === undefined) throw new Error('the signed-up user is not in the database');
    let worksheetId = (
      await owner.query<{ worksheet_id: number }>(
        `select worksheet_id from worksheets where user_id = $1 and season_code = $2`,
        [userId, seasonCode],
      )
    ).rows[0]?.worksheet_id;
    worksheetId ??= (
      await owner.query<{ worksheet_id: number }>(
        `insert into worksheets (user_id, season_code, worksheet_number, name) values ($1, $2, 0, 'Main') returning worksheet_id`,
        [userId, seasonCode],
      )
    ).rows[0]?.worksheet_id;
    const other = await owner.query<{ crn: number }>(
      `select crn from listings where season_code = $1
          and crn not in (select crn from worksheet_courses where worksheet_id = $2) order by crn limit 1`,
      [seasonCode, worksheetId],
    );
    const crn = other.rows[0]?.crn;
    const before = await page.locator('#worksheet-courses li[data-crn]').count();
    await owner.query(`insert into worksheet_courses (worksheet_id, crn, color) values ($1, $2, '#12b5cb')`, [
      worksheetId,
      crn,
    ]);
    await expect
      .poll(() => page.locator(`#worksheet-courses li[data-crn="${crn}"]`).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.locator('#worksheet-courses li[data-crn]').count()).toBe(before + 1);
    expect(await page.getByTestId('live-mode').textContent()).toBe('(live: websocket)');
    await shot('worksheet-live');
  });

  it('a user with evaluation access sees evaluation data; the others never received any', async () => {
    await page.click('#logout');
    await expect.poll(() => page.getByTestId('whoami').textContent()).toBe('Not logged in');
    const evalsUser = await owner.query<{ email: string }>(
      `select u.email from users u join password_credentials p using (user_id)
        where u.has_evals and u.email is not null order by u.user_id limit 1`,
    );
    const email = evalsUser.rows[0]?.email;
    if (!email) throw new Error('the sample data has no user with evaluation access and a password');
    await page.fill('#login-form input[name=email]', email);
    await page.fill('#login-form input[name=password]', 'password');
    who = 'student_evals';
    await page.click('#login-form button[type=submit]');
    await expect.poll(() => page.getByTestId('whoami').textContent()).toContain('with evaluations');
    await expect.poll(() => evaluationsShown(), { timeout: 15_000 }).toBe(true);
    await shot('course-with-evaluations');

    const seenBy = (account: string) => graphqlBodies.filter((b) => b.who === account);
    expect(seenBy('anonymous').length).toBeGreaterThan(0);
    expect(seenBy('student').length).toBeGreaterThan(0);
    for (const b of [...seenBy('anonymous'), ...seenBy('student')]) expect(b.body).not.toMatch(EVAL_MARKERS);
    expect(seenBy('student_evals').some((b) => EVAL_MARKERS.test(b.body))).toBe(true);
  });
});
