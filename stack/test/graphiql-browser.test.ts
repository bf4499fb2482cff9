/**
 * Browser: the users' GraphiQL at `/api/graphiql`, through the compose-derived stack (gateway, API, engine as
 * docker-compose.yml runs them), loads with nothing from outside, runs a course query typed into its editor as an
 * anonymous visitor (the engine asks the API's webhook) and shows the result. Hasura's console is off: `/console`
 * is refused on the public entrypoint and not served on the admin one. Needs Debian's chromium (`npm test`
 * installs it). Screenshots: test-artifacts/graphiql/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApps, type RunningApps } from '../src/apps.js';
import { launchChromium } from '../src/browser.js';
import { REPO } from '../src/local/run.js';
import { cloneTemplate, testStack, type TestDb } from '../src/testing.js';

const ARTIFACTS = join(REPO, 'test-artifacts', 'graphiql');

let db: TestDb;
let apps: RunningApps;
let browser: Browser;

interface BrowserGlobals {
  localStorage: { getItem(key: string): string | null };
  requestAnimationFrame: (cb: () => void) => number;
}

/** Replace the whole content of a CodeMirror editor inside `container` by typing, as a person would. */
async function typeInto(page: Page, container: string, text: string): Promise<void> {
  const editor = page.locator(`${container} .CodeMirror:visible`).first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('GraphiQL for users through the gateway', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    db = await cloneTemplate();
    apps = await startApps({ stack: testStack(), db: db.name, env: { LOG_LEVEL: 'warn' }, log: () => undefined });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await apps?.stop();
    await db?.drop().catch(() => undefined);
  });

  it('refuses /console on the public entrypoint and does not serve it on the admin one', async () => {
    expect((await fetch(`${apps.urls['gateway']}/console`)).status).toBe(403);
    const admin = apps.urls['admin'];
    expect(admin).toBeDefined();
    const res = await fetch(`${admin}/console`);
    expect(res.status).toBe(404);
  });

  it('loads offline, runs a typed anonymous course query and shows the result', async () => {
    const origin = apps.urls['gateway'] ?? '';
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    const external: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) external.push(r.url());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const res = await page.goto(`${origin}/api/graphiql`);
    expect(res?.status()).toBe(200);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql-1-loaded.png') });

    await typeInto(
      page,
      '.graphiql-query-editor',
      'query CourseTitles { courses(limit: 3, order_by: {course_id: asc}) { course_id title } }',
    );
    // GraphiQL reads the operation name from the editor 100 ms after the last keystroke (debounced) and stores it:
    // until then, Run would send the new document with the default query's name, as it would for a person.
    // (the page's CSP forbids eval, so functions, typed by hand: this project's tsconfig has no DOM library)
    await page.waitForFunction(
      () => (globalThis as unknown as BrowserGlobals).localStorage.getItem('graphiql:operationName') === 'CourseTitles',
    );
    await page.evaluate(
      () =>
        new Promise<void>((r) => {
          const raf = (globalThis as unknown as BrowserGlobals).requestAnimationFrame;
          raf(() => raf(() => r()));
        }),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql-2-typed.png') });
    await page.locator('.graphiql-execute-button').click();

    const result = page.locator('.graphiql-response .CodeMirror');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 20_000 }).toContain('"courses"');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('"title"');
    expect(text).not.toContain('"errors"');
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql-3-result.png') });
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
