/**
 * Browser: with the API down (its one replica killed), the maintenance page, served by the real `under-maintenance`
 * nginx through the gateway's failover (edge.ts), renders on a phone and a desktop viewport (no horizontal overflow,
 * heading visible, no external request, the public security headers). Needs Debian's chromium
 * (`apt-get install -y chromium`, which `npm test` installs); it fails, never skips, when chromium is missing.
 * Screenshots: test-artifacts/gateway/.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../stack/src/browser.js';
import { startEdge, type Edge } from './edge.js';
import { REPO_ROOT, request, sleep } from './helpers.js';

const ARTIFACTS = `${REPO_ROOT}test-artifacts/gateway`;

let edge: Edge;
let browser: Browser;

describe('maintenance page in a browser', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    [edge, browser] = await Promise.all([startEdge({ api: 1, engine: 0 }), launchChromium()]);
    await edge.api[0]?.kill('SIGKILL');
    // the gateway notices on the first refused connection; wait until it answers with the page
    for (let i = 0; ; i += 1) {
      const r = await request(`${edge.url}/api/ping`);
      if (r.status === 503) break;
      expect(i, `still ${r.status} from /api/ping`).toBeLessThan(30);
      await sleep(100);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await edge?.stop();
  });

  it.each([
    { name: 'phone', viewport: { width: 375, height: 740 }, isMobile: true, deviceScaleFactor: 2 },
    { name: 'desktop', viewport: { width: 1366, height: 800 }, isMobile: false, deviceScaleFactor: 1 },
  ])('renders on a $name viewport', async ({ name, viewport, isMobile, deviceScaleFactor }) => {
    const context = await browser.newContext({ viewport, isMobile, deviceScaleFactor });
    try {
      const page = await context.newPage();
      const external: string[] = [];
      const blocked: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(edge.url)) external.push(r.url());
      });
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      const response = await page.goto(`${edge.url}/api/worksheets`);
      expect(response?.status()).toBe(503);
      const headers = response?.headers() ?? {};
      expect(headers['retry-after']).toBe('300');
      expect(headers['content-type']).toMatch(/^text\/html/);
      expect(headers['content-security-policy']).toContain("default-src 'none'");
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
      // the page's inline styles and data: images fit the public CSP: nothing refused
      expect(blocked).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/maintenance-${name}.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});
