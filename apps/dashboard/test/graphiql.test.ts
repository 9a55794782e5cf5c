import { existsSync } from 'node:fs';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// GraphiQL as a newcomer meets it: the API's example operations in tabs, in
// Debian's Chromium. One click on a tab must show its operation.

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

let api: RunningApi;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  api = await startApi({ graphiql: true });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** The text of the query editor (Monaco draws its spaces as no-break spaces). */
const editorText = async () => (await page.locator('.graphiql-query-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');

describe('GraphiQL', () => {
  it('switches to each example tab with a single click', async () => {
    await page.goto(`${api.origin}/graphql`);
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(6);
    const titles = await page.locator('.graphiql-tab-button').allInnerTexts();
    // Each tab is named after the operation it holds.
    await expect.poll(editorText, { timeout: 20_000 }).toContain(`query ${titles[0]}`);
    // Every other tab, then back to the first: one click each.
    for (const index of [1, 2, 3, 4, 5, 0]) {
      await page.locator('.graphiql-tab-button').nth(index).click();
      await expect.poll(() => page.locator('.graphiql-tab-active .graphiql-tab-button').innerText(), { timeout: 2_000 }).toBe(titles[index]);
      await expect.poll(editorText, { timeout: 2_000 }).toContain(`query ${titles[index]}`);
    }
  });

  it('still closes a tab with its close button', async () => {
    const before = await page.locator('.graphiql-tab').count();
    await page.locator('.graphiql-tab').nth(5).hover();
    await page.locator('.graphiql-tab').nth(5).locator('.graphiql-tab-close').click();
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(before - 1);
  });
});
