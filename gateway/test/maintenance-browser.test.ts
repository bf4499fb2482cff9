/**
 * Browser: the maintenance page, served through the gateway with the API down, renders on a phone and a desktop
 * viewport (no horizontal overflow, heading visible, no external request). Needs Debian's chromium
 * (`apt-get install -y chromium`, which `npm test` installs); it fails, never skips, when chromium is missing. Screenshots: test-artifacts/gateway/.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../stack/src/browser.js';
import { startGateway, type Gateway } from '../src/index.js';
import { DYNAMIC_DIR, MAINTENANCE_DIR, REPO_ROOT } from './helpers.js';

const ARTIFACTS = `${REPO_ROOT}test-artifacts/gateway`;

let gw: Gateway;
let browser: Browser;

describe('maintenance page in a browser', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    // The API is mapped to a closed port: it is "stopped".
    gw = await startGateway({
      dynamicDir: DYNAMIC_DIR,
      serviceMap: {
        'http://api:4096': 'http://127.0.0.1:9',
        'http://under-maintenance:8080': `static:${MAINTENANCE_DIR}`,
      },
      port: 0,
      log: () => {},
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it.each([
    { name: 'phone', viewport: { width: 375, height: 740 }, isMobile: true, deviceScaleFactor: 2 },
    { name: 'desktop', viewport: { width: 1366, height: 800 }, isMobile: false, deviceScaleFactor: 1 },
  ])('renders on a $name viewport', async ({ name, viewport, isMobile, deviceScaleFactor }) => {
    const context = await browser.newContext({ viewport, isMobile, deviceScaleFactor });
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(gw.url)) external.push(r.url());
    });
    const response = await page.goto(`${gw.url}/api/worksheets`);
    expect(response?.status()).toBe(503);
    expect(response?.headers()['retry-after']).toBe('300');
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.isVisible()).toBe(true);
    expect(await heading.textContent()).toMatch(/right back/);
    const box = await page.locator('main').boundingBox();
    const overflow = Number(
      await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    );
    expect(overflow).toBe(0);
    expect(box?.width ?? 0).toBeLessThanOrEqual(viewport.width);
    expect(box?.width ?? 0).toBeGreaterThan(Math.min(300, viewport.width * 0.8));
    expect(external).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/maintenance-${name}.png`, fullPage: true });
    await context.close();
  });
});
