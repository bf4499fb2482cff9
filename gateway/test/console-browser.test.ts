/**
 * Browser: GraphiQL at `/console` through the gateway's admin-only entrypoint (local only) loads offline, runs a course
 * query typed into its editor with the admin secret typed into its headers editor, and shows the result; the same path
 * on the public entrypoint is refused. Needs Debian's chromium (`npm test` installs it). Screenshots: test-artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../stack/src/browser.js';
import { loadMetadataDir, startEngineServer } from '../../engine/src/index.js';
import { cloneTemplate, type TestDb } from '../../stack/src/testing.js';
import { startGateway, type Gateway } from '../src/index.js';
import { DYNAMIC_DIR, MAINTENANCE_DIR, REPO_ROOT } from './helpers.js';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'gateway');
const ADMIN_SECRET = 'console-test-admin-secret-0123456789';

let db: TestDb;
let engine: { url: string; close: () => Promise<void> };
let gw: Gateway;
let browser: Browser;

/** Replace the whole content of a CodeMirror editor inside `container` by typing, as a person would. */
async function typeInto(page: Page, container: string, text: string): Promise<void> {
  const editor = page.locator(`${container} .CodeMirror:visible`).first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // CodeMirror auto-closes brackets; typing line by line without closers keeps the text exact.
  await page.keyboard.insertText(text);
}

describe('GraphiQL console through the gateway', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    db = await cloneTemplate();
    engine = await startEngineServer({
      metadata: await loadMetadataDir(join(REPO_ROOT, 'hasura', 'metadata')),
      databaseUrl: db.bouncerUrl('ct_engine'),
      env: { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET, HASURA_GRAPHQL_ENABLE_CONSOLE: 'true' },
      port: 0,
    });
    gw = await startGateway({
      dynamicDir: DYNAMIC_DIR,
      serviceMap: {
        'http://api:4096': 'http://127.0.0.1:9',
        'http://graphql-engine:8080': engine.url,
        'http://under-maintenance:8080': `static:${MAINTENANCE_DIR}`,
      },
      port: 0,
      adminPort: 0,
      log: () => {},
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await gw?.close();
    await engine?.close();
    await db?.drop();
  });

  it('is refused on the public entrypoint', async () => {
    const res = await fetch(`${gw.url}/console`);
    expect(res.status).toBe(403);
  });

  it('loads offline on the admin entrypoint, runs a typed course query and shows the result', async () => {
    expect(gw.adminUrl).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(gw.adminUrl!)) external.push(r.url());
    });
    const res = await page.goto(`${gw.adminUrl!}/console`);
    expect(res?.status()).toBe(200);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'console-1-loaded.png') });

    // The console opens with the headers editor shown (the admin secret is never put in the page).
    await typeInto(page, '.graphiql-editor-tool', `{"x-hasura-admin-secret": "${ADMIN_SECRET}"}`);
    await typeInto(
      page,
      '.graphiql-query-editor',
      'query CourseTitles { courses(limit: 3, order_by: {course_id: asc}) { course_id title } }',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'console-2-typed.png') });
    await page.locator('.graphiql-execute-button').click();

    const result = page.locator('.graphiql-response .CodeMirror');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 20_000 }).toContain('"courses"');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('"title"');
    expect(text).not.toContain('"errors"');
    await page.screenshot({ path: join(ARTIFACTS, 'console-3-result.png') });
    expect(external).toEqual([]);
    await page.close();
  });
});
