import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { createApiKey, loadDemoYear, removeDemoYear } from '@zonegraph/db';
import { createClient, type ZonegraphClient } from '@zonegraph/sdk';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, formatPercent } from '../src/format.ts';

// The dashboard as a leader opens it: the built files served by a seeded API,
// driven in Debian's Chromium. Each view is checked against what the SDK
// answers for the same question, and photographed into artifacts/.

const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.resolve(here, '../dist');
const artifactsDir = process.env['DASHBOARD_ARTIFACTS_DIR'] ?? path.resolve(here, '../artifacts');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

let api: RunningApi;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let anonymous: ZonegraphClient;
let analyst: ZonegraphClient;
let analystKey: string;
const offOrigin: string[] = [];
/** Every GraphQL request the page sent: the dashboard sends published documents' hashes, never their text. */
const graphqlBodies: { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } }[] = [];
const pageErrors: string[] = [];

/** A mutation through the API as an editor would send it; fails unless it succeeded. */
async function mutate(editorKey: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}`, 'x-zonegraph-client': 'dashboard-e2e' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, { __typename: string }>; errors?: unknown };
  const outcome = body.data && Object.values(body.data)[0];
  if (!outcome?.__typename.endsWith('Success')) throw new Error(`arranging data failed: ${JSON.stringify(body)}`);
}

/** Some of 2020's work, so the charts and tables have something to show. */
async function arrangeProgramme(editorKey: string) {
  const editor = createClient({ url: api.url, apiKey: editorKey });
  const idOf = async (code: string) => {
    const { project } = await editor.project({ code });
    if (!project) throw new Error(`seed has no ${code}`);
    return project.id;
  };
  const [p01, p02, p03] = [await idOf('GZK-2020-P01'), await idOf('GZK-2020-P02'), await idOf('GZK-2020-P03')];
  const record = `mutation ($input: RecordInvestmentInput!) { recordInvestment(input: $input) { __typename } }`;
  for (const [id, month, amount] of [
    [p01, '2020-01-01', '850000000'],
    [p01, '2020-02-01', '620000000'],
    [p01, '2020-03-01', '1240000000'],
    [p02, '2020-03-01', '430000000'],
    [p02, '2020-04-01', '980000000'],
    [p01, '2019-01-01', '500000000'],
    [p01, '2019-03-01', '900000000'],
  ] as const) {
    await mutate(editorKey, record, { input: { id, month, amount } });
  }
  await mutate(editorKey, `mutation ($input: RecordProjectStageChangeInput!) { recordProjectStageChange(input: $input) { __typename } }`, {
    input: { id: p03, toStage: 'SIGNED', occurredOn: '2020-03-10', note: '签约仪式' },
  });
  await mutate(editorKey, `mutation ($input: CreateObstacleInput!) { createObstacle(input: $input) { __typename } }`, {
    input: { code: 'E2E-OB-1', project: 'GZK-2020-P01', titleZh: '用地指标未落实', titleEn: 'Land quota not secured', raisedOn: '2020-02-01', deadline: '2020-04-30', responsibleUnit: '自然资源局', visibility: 'PUBLIC' },
  });
  await mutate(editorKey, `mutation ($input: CreateInspectionFindingInput!) { createInspectionFinding(input: $input) { __typename } }`, {
    input: { code: 'E2E-IF-1', project: 'GZK-2020-P01', titleZh: '施工进度滞后', titleEn: 'Construction behind schedule', foundOn: '2020-05-12', deadline: '2020-06-30', responsibleUnit: '建设指挥部', visibility: 'PUBLIC' },
  });
  const { progressReport } = await editor.progressReport({ campaign: 'GZK-2020-C1', first: 100 });
  const indicator = progressReport!.indicators.nodes.find((i) => i.unitZh === '个' && i.target === '10');
  if (!indicator) throw new Error('seed has no C1 indicator with a target of 10');
  await mutate(editorKey, `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { __typename } }`, {
    input: { id: indicator.indicatorId, value: '6', observedOn: '2020-06-30', note: '半年统计' },
  });
}

async function shoot(name: string) {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

async function openView(label: string) {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}

const text = (testId: string) => page.getByTestId(testId).innerText();

beforeAll(async () => {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`No built dashboard in ${distDir}: run "pnpm --filter @zonegraph/dashboard build" (turbo runs it before this test).`);
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  await mkdir(artifactsDir, { recursive: true });
  api = await startApi({ dashboardDir: distDir });
  const editorKey = (await createApiKey(api.db.prisma, { holder: 'e2e editor', role: 'EDITOR' })).key;
  analystKey = (await createApiKey(api.db.prisma, { holder: 'e2e analyst', role: 'ANALYST' })).key;
  await arrangeProgramme(editorKey);
  anonymous = createClient({ url: api.url });
  analyst = createClient({ url: api.url, apiKey: analystKey });

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  // A closed intranet: anything the page asks of another host is refused and reported.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === api.origin) {
      if (url.pathname === '/graphql' && route.request().method() === 'POST') graphqlBodies.push(route.request().postDataJSON());
      return route.continue();
    }
    offOrigin.push(url.href);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // The API's 401 for a refused key is logged by the browser as a failed load; that one is expected.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) pageErrors.push(message.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('the dashboard in a browser', () => {
  it('opens on the programme at a glance, in Chinese, with the six campaigns', async () => {
    await page.goto(`${api.origin}/dashboard/`);
    const cards = page.getByTestId('campaign-card');
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBe(6);
    const { campaigns } = await anonymous.campaigns({ first: 100 });
    expect(campaigns.nodes).toHaveLength(6);
    const shown = await cards.allInnerTexts();
    for (const campaign of campaigns.nodes) {
      expect(shown.some((card) => card.includes(campaign.nameZh) && card.includes(campaign.code)), campaign.code).toBe(true);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByText('195亿元').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('key-state').innerText()).toContain('匿名访问');
    // The indicator recorded for C1 shows against its target, with the share done.
    const { progressReport } = await anonymous.progressReport({ campaign: 'GZK-2020-C1', first: 100 });
    const recorded = progressReport!.indicators.nodes.find((i) => i.latestValue !== null)!;
    expect(recorded.percentComplete).not.toBeNull();
    const c1 = await page.locator('[data-code="GZK-2020-C1"]').innerText();
    expect(c1).toContain(`6个 / 10个 (${formatPercent(recorded.percentComplete, 'zh')})`);
    expect(c1).toContain(formatPercent(progressReport!.campaigns.find((c) => c.campaign.code === 'GZK-2020-C1')!.summary.averagePercentComplete, 'zh'));
    await shoot('1-overview');
  });

  it('takes an API key, keeps it for the tab, and refuses a bad one with a clear message', async () => {
    await page.getByPlaceholder('粘贴密钥（可选）').fill('zg_not-a-real-key');
    await page.getByRole('button', { name: '使用' }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText(), { timeout: 20_000 }).toContain('密钥无效');
    await shoot('7-bad-key');
    await page.getByRole('alert').first().getByRole('button', { name: '清除' }).click();
    await page.getByPlaceholder('粘贴密钥（可选）').fill(analystKey);
    await page.getByRole('button', { name: '使用' }).click();
    await expect.poll(() => page.getByTestId('key-state').innerText()).toContain('已使用密钥');
    expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(analystKey);
    expect(await page.evaluate(() => Object.values(localStorage))).not.toContain(analystKey);
    await expect.poll(() => page.getByTestId('campaign-card').count(), { timeout: 20_000 }).toBe(6);
  });

  it('shows the pipeline and narrows it by campaign', async () => {
    await openView('项目储备');
    const { pipelineReport: all } = await analyst.pipelineReport({ by: ['STAGE'] });
    await expect.poll(() => text('pipeline-total'), { timeout: 20_000 }).toContain(String(all!.total.projects));
    await page.locator('select[name="campaign"]').first().selectOption('GZK-2020-C4');
    const { pipelineReport: c4 } = await analyst.pipelineReport({ by: ['STAGE'], filter: { campaign: ['GZK-2020-C4'] } });
    expect(c4!.total.projects).not.toBe(all!.total.projects);
    await expect.poll(() => text('pipeline-total'), { timeout: 20_000 }).toContain(String(c4!.total.projects));
    // The other filters narrow it further, as the report does for the same filter.
    await page.locator('select[name="originGroup"]').selectOption('DEFENCE_INDUSTRY');
    const { pipelineReport: c4Defence } = await analyst.pipelineReport({ by: ['STAGE'], filter: { campaign: ['GZK-2020-C4'], originGroup: ['DEFENCE_INDUSTRY'] } });
    await expect.poll(() => text('pipeline-total'), { timeout: 20_000 }).toContain(String(c4Defence!.total.projects));
    await page.locator('select[name="originGroup"]').selectOption('');
    await page.locator('select[name="campaign"]').first().selectOption('');
    const { industryClusters } = await analyst.industryClusters({ first: 100 });
    const cluster = industryClusters.nodes.find((c) => c.projects.totalCount > 0)!;
    await page.locator('select[name="cluster"]').selectOption(cluster.code);
    const { pipelineReport: inCluster } = await analyst.pipelineReport({ by: ['STAGE'], filter: { cluster: [cluster.code] } });
    expect(inCluster!.total.projects).toBe(cluster.projects.totalCount);
    await expect.poll(() => text('pipeline-total'), { timeout: 20_000 }).toContain(String(inCluster!.total.projects));
    // The seed places no project in a park: a park narrows the pipeline to nothing.
    await page.locator('select[name="park"]').selectOption('PARK-AEROSPACE');
    await expect.poll(() => text('pipeline-total'), { timeout: 20_000 }).toMatch(/\n0$/);
    await page.locator('select[name="park"]').selectOption('');
    await page.locator('select[name="cluster"]').selectOption('');
    await page.locator('select[name="campaign"]').first().selectOption('GZK-2020-C4');
    await expect.poll(() => text('pipeline-total'), { timeout: 20_000 }).toContain(String(c4!.total.projects));
    // The filters are in the address: a reload (or a shared link) shows the same narrowed pipeline.
    expect(new URL(page.url()).searchParams.get('campaign')).toBe('GZK-2020-C4');
    await page.reload();
    await expect.poll(() => page.locator('select[name="campaign"]').first().inputValue(), { timeout: 20_000 }).toBe('GZK-2020-C4');
    await expect.poll(() => text('pipeline-total'), { timeout: 20_000 }).toContain(String(c4!.total.projects));
    // The funnel has a row for each end of the path, enrolment included (three seed projects target it).
    await expect.poll(() => page.getByRole('img', { name: /投产运营: \d+; 实现招生: \d+/ }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByTestId('target-matrix').waitFor();
    await page.locator('canvas').first().waitFor();
    await shoot('2-pipeline');
  });

  it('shows investment against the 19.5-billion-yuan target, with the previous year', async () => {
    await openView('投资');
    const { investmentReport } = await analyst.investmentReport({ by: 'CAMPAIGN' });
    expect(Number(investmentReport!.total.amount)).toBe(4_120_000_000);
    await expect.poll(() => text('investment-total'), { timeout: 20_000 }).toContain(formatMoney(investmentReport!.total.amount, 'zh'));
    await expect.poll(() => page.getByText(formatMoney(investmentReport!.total.previousYearAmount, 'zh')).count()).toBeGreaterThan(0);
    await page.locator('canvas').first().waitFor();
    await shoot('3-investment');
  });

  it('shows the cadence calendar with the week of the signing held', async () => {
    await openView('推进节奏');
    const weeks = page.getByTestId('calendar-WEEK').locator('li');
    const { cadenceReport } = await analyst.cadenceReport();
    const signing = cadenceReport!.rules.find((r) => r.activity === 'SIGNING' && r.period === 'WEEK')!;
    await expect.poll(() => weeks.count(), { timeout: 20_000 }).toBe(signing.periods.length);
    const held = page.getByTestId('calendar-WEEK').locator('li.held');
    expect(await held.count()).toBe(signing.periods.filter((p) => p.held).length);
    expect(await held.count()).toBeGreaterThan(0);
    expect(await held.first().getAttribute('aria-label')).toContain('2020年第11周');
    expect(await page.getByTestId('calendar-MONTH').locator('li').count()).toBe(12);
    expect(await page.getByTestId('calendar-QUARTER').locator('li').count()).toBe(4);
    expect(await text('streak-SIGNING')).toContain(`连续 ${signing.currentStreak} 周`);
    await shoot('4-cadence');
  });

  it('lists projects at risk and overdue obstacles and findings', async () => {
    await openView('风险');
    const { riskReport } = await analyst.riskReport({ first: 50 });
    await expect.poll(() => text('risk-projects-overdue'), { timeout: 20_000 }).toContain(String(riskReport!.summary.projectsOverdue));
    expect(riskReport!.summary.obstaclesOverdue).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('用地指标未落实').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('施工进度滞后').count()).toBeGreaterThan(0);
    await shoot('5-risks');
  });

  it('searches and filters the project table, then opens a project', async () => {
    await openView('项目');
    const { projects: all } = await analyst.projects({ first: 1 });
    await expect.poll(() => text('project-count'), { timeout: 20_000 }).toContain(`共 ${all.totalCount} 个项目`);

    const { projects: found } = await analyst.projects({ filter: { search: '医院' }, first: 20 });
    expect(found.totalCount).toBeGreaterThan(0);
    expect(found.totalCount).toBeLessThan(all.totalCount);
    await page.getByRole('searchbox').fill('医院');
    await expect.poll(() => text('project-count'), { timeout: 20_000 }).toContain(`共 ${found.totalCount} 个项目`);
    const rows = page.getByTestId('project-table').locator('tbody tr');
    expect(await rows.count()).toBe(found.totalCount);

    // Paging: ten a page, forwards to the rest, and back.
    await page.getByRole('searchbox').fill('');
    await expect.poll(() => text('project-count')).toContain(`共 ${all.totalCount} 个项目`);
    expect(all.totalCount).toBeGreaterThan(10);
    await page.locator('select[name="pageSize"]').selectOption('10');
    await expect.poll(() => text('project-count')).toContain('第 1–10 项');
    expect(await rows.count()).toBe(10);
    const firstPage = await rows.locator('td:first-child').allInnerTexts();
    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => text('project-count')).toContain(`第 11–${all.totalCount} 项`);
    const secondPage = await rows.locator('td:first-child').allInnerTexts();
    expect(secondPage).toHaveLength(all.totalCount - 10);
    expect(secondPage.filter((code) => firstPage.includes(code))).toEqual([]);
    expect(await page.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '上一页' }).click();
    await expect.poll(() => rows.locator('td:first-child').allInnerTexts()).toEqual(firstPage);

    await page.locator('select[name="campaign"]').selectOption('GZK-2020-C1');
    const { projects: c1 } = await analyst.projects({ filter: { campaign: 'GZK-2020-C1' }, first: 20 });
    await expect.poll(() => text('project-count'), { timeout: 20_000 }).toContain(`共 ${c1.totalCount} 个项目`);
    await expect.poll(() => rows.count()).toBe(c1.totalCount);
    await page.locator('select[name="stage"]').selectOption('UNDER_CONSTRUCTION');
    const { projects: c1Building } = await analyst.projects({ filter: { campaign: 'GZK-2020-C1', stage: ['UNDER_CONSTRUCTION'] }, first: 20 });
    await expect.poll(() => text('project-count'), { timeout: 20_000 }).toContain(`共 ${c1Building.totalCount} 个项目`);
    await shoot('6-projects');

    await page.getByRole('link', { name: 'GZK-2020-P01' }).click();
    await expect.poll(() => text('project-title'), { timeout: 20_000 }).toContain('GZK-2020-P01');
    expect(page.url()).toBe(`${api.origin}/dashboard/projects/GZK-2020-P01`);
    await expect.poll(() => page.getByText('施工进度滞后').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('用地指标未落实').count()).toBeGreaterThan(0);
    await page.locator('canvas').first().waitFor();
    await shoot('8-project');

    // A project's address can be shared: opened directly, it shows its stage history.
    await page.goto(`${api.origin}/dashboard/projects/GZK-2020-P03`);
    await expect.poll(() => text('stage-history'), { timeout: 20_000 }).toContain('签约仪式');
    expect(await text('stage-history')).toContain('2020年3月10日');
    expect(await text('stage-history')).toContain('签约落地');
    await shoot('8b-project-stage-history');
  });

  it('switches to English and keeps the choice, the key and the page on reload', async () => {
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByRole('link', { name: 'Back to projects' }).count()).toBe(1);
    const { project } = await analyst.project({ code: 'GZK-2020-P03' });
    expect(await text('project-title')).toContain(project!.nameEn);
    await expect.poll(() => text('stage-history')).toContain('10 Mar 2020');
    expect(await text('stage-history')).toContain('Signed');
    expect(await page.getByRole('heading', { name: 'Stage history' }).count()).toBe(1);
    await shoot('9-project-en');

    await page.reload();
    await expect.poll(() => text('project-title'), { timeout: 20_000 }).toContain(project!.nameEn);
    expect(await text('key-state')).toContain('Using a key');

    await openView('Overview');
    const { campaigns } = await anonymous.campaigns({ first: 100 });
    await expect.poll(() => page.getByTestId('campaign-card').count(), { timeout: 20_000 }).toBe(6);
    const shown = await page.getByTestId('campaign-card').allInnerTexts();
    for (const campaign of campaigns.nodes) expect(shown.some((card) => card.includes(campaign.nameEn)), campaign.code).toBe(true);
    await expect.poll(() => page.getByText('¥19.5 bn').count()).toBeGreaterThan(0);
    await shoot('10-overview-en');
  });

  it('says so when the API cannot answer, and recovers on retry', async () => {
    const tab = await context.newPage();
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    // A proxy in the way answering with its own error page instead of the API.
    await tab.route('**/graphql', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' }));
    await tab.goto(`${api.origin}/dashboard/risks`);
    const alert = tab.getByRole('alert').first();
    await expect.poll(() => alert.count(), { timeout: 30_000 }).toBe(1);
    // English: the choice made in the other tab is remembered (localStorage); the key is not (sessionStorage).
    expect(await alert.innerText()).toContain('Could not load');
    expect(await tab.getByTestId('key-state').innerText()).toContain('Anonymous');
    expect(await alert.innerText()).toContain('502');
    await tab.screenshot({ path: path.join(artifactsDir, '11-error.png'), fullPage: true });
    await tab.unroute('**/graphql');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => tab.getByTestId('risk-projects-overdue').count(), { timeout: 20_000 }).toBe(1);
    await tab.close();
  });

  it('on a phone (390 px): the language toggle is on screen, nothing is wider than the screen, hidden figures read as hidden', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    await phone.route('**/*', (route) => (new URL(route.request().url()).origin === api.origin ? route.continue() : (offOrigin.push(route.request().url()), route.abort())));
    const tab = await phone.newPage();
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    const views: [string, string][] = [
      ['', 'campaign-card'],
      ['pipeline', 'pipeline-total'],
      ['investment', 'investment-total'],
      ['cadence', 'calendar-WEEK'],
      ['risks', 'risk-projects-overdue'],
      ['projects', 'project-table'],
      ['projects/GZK-2020-P01', 'project-title'],
    ];
    for (const [view, testId] of views) {
      await tab.goto(`${api.origin}/dashboard/${view}`);
      await tab.getByTestId(testId).first().waitFor({ timeout: 20_000 });
      const toggle = await tab.getByTestId('language-toggle').boundingBox();
      expect(toggle, view).not.toBeNull();
      expect(toggle!.x, view).toBeGreaterThanOrEqual(0);
      expect(toggle!.x + toggle!.width, view).toBeLessThanOrEqual(390);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(390);
      if (view === 'pipeline') {
        // Anonymous: every seed project's figures are INTERNAL, so the sums are hidden, not 0元.
        await expect.poll(() => tab.getByTestId('pipeline-planned').innerText(), { timeout: 20_000 }).toContain('无权查看');
        expect(await tab.getByTestId('pipeline-completed').innerText()).toContain('无权查看');
      }
      if (view === 'investment') {
        await expect.poll(() => tab.getByTestId('investment-total').innerText(), { timeout: 20_000 }).toContain('无权查看');
        expect(await tab.getByTestId('investment-total').innerText()).not.toContain('0元');
      }
      await tab.screenshot({ path: path.join(artifactsDir, `12-phone-${view.replace('/', '-') || 'overview'}.png`), fullPage: true });
    }
    await tab.getByTestId('language-toggle').click();
    await expect.poll(() => tab.locator('html').getAttribute('lang')).toBe('en');
    await phone.close();
  });

  it('says on every view that a loaded demo year is demo data, and stops saying so once it is removed', async () => {
    await page.goto(`${api.origin}/dashboard/`);
    await expect.poll(() => page.getByTestId('campaign-card').count(), { timeout: 20_000 }).toBe(6);
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
    // The arranged activity above stays; the demo year adds to it.
    expect(await loadDemoYear(api.db.prisma)).not.toBeNull();
    for (const view of ['', 'investment', 'risks']) {
      await page.goto(`${api.origin}/dashboard/${view}`);
      await expect.poll(() => page.getByTestId('demo-banner').count(), { timeout: 20_000 }).toBe(1);
      // In the language the page was left in by the tests above.
      expect(await page.getByTestId('demo-banner').innerText()).toMatch(/演示数据|Demo data/);
    }
    await shoot('9-demo-banner');
    expect(await removeDemoYear(api.db.prisma)).toBe(true);
    await page.goto(`${api.origin}/dashboard/`);
    await expect.poll(() => page.getByTestId('campaign-card').count(), { timeout: 20_000 }).toBe(6);
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
  });

  it('loaded nothing from another host, sent only published documents, and raised no script error', () => {
    expect(offOrigin).toEqual([]);
    expect(graphqlBodies.length).toBeGreaterThan(10);
    for (const body of graphqlBodies) {
      expect(body.query).toBeUndefined();
      expect(body.extensions?.persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(pageErrors).toEqual([]);
  });
});
