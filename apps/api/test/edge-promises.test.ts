import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, send } from './edge-kit.ts';
import { headersFor, mutate, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A refusal made before execution: a 4xx, the code, and nothing of the operation ran. */
async function expectBadInput(api: TestApi, query: string, variables: Record<string, unknown>, argument: string | RegExp, headers: Headers = {}) {
  api.statements.length = 0;
  const response = await send(api, json({ query, variables }, headers));
  const text = JSON.stringify(response.body);
  expect(response.status, text).toBe(400);
  expect(response.body.errors?.[0]?.extensions?.code, text).toBe('BAD_USER_INPUT');
  expect(response.body.errors[0].message, text).toMatch(argument);
  expect(response.body.extensions?.requestId, text).toMatch(/\w/);
  expect(text).not.toContain('INTERNAL_SERVER_ERROR');
  expect(response.body.data ?? null, text).toBeNull();
  expect(api.statements.filter((sql) => !/api_?key/i.test(sql))).toEqual([]);
  return response.body;
}

describe('bad input gets a typed error naming the argument, never an internal one', () => {
  let api: TestApi;
  let editor: Headers;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { RATE_LIMITS: {} } } });
    editor = await headersFor(api, 'EDITOR');
  });
  afterAll(() => api.close());

  it('a NUL character in any string argument: a read, a filter, a search, a mutation input, a variable', async () => {
    await expectBadInput(api, 'query ($c: String!) { campaign(code: $c) { code } }', { c: 'GZK\u0000' }, /campaign\.code .*NUL/);
    await expectBadInput(api, 'query ($s: String) { projects(filter: { search: $s }) { totalCount } }', { s: 'a\u0000b' }, /projects\.filter\.search .*NUL/);
    await expectBadInput(api, '{ projects(filter: { park: "P\\u0000" }) { totalCount } }', {}, /projects\.filter\.park/);
    await expectBadInput(
      api,
      'query ($f: AuditEventFilter) { auditEvents(filter: $f) { totalCount } }',
      { f: { holder: 'x\u0000' } },
      /auditEvents\.filter\.holder/,
      editor,
    );
    const input = { code: 'GZK-NUL', nameZh: '名\u0000', nameEn: 'Name', position: 99 };
    await expectBadInput(api, 'mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename } }', { input }, /createCampaign\.input\.nameZh .*NUL/, editor);
    expect(await api.db.prisma.campaign.count({ where: { code: 'GZK-NUL' } })).toBe(0);
  });

  it('half a surrogate pair in any string argument is refused; a whole pair (an emoji) is text like any other', async () => {
    await expectBadInput(api, 'query ($code: String!) { platform(code: $code) { __typename } }', { code: '名\udfff' }, /platform\.code .*surrogate/);
    await expectBadInput(api, 'query ($s: String) { projects(filter: { search: $s }) { totalCount } }', { s: '\ud800x' }, /projects\.filter\.search .*surrogate/);
    const input = { code: 'GZK-SUR', nameZh: '名\ud800', nameEn: 'Name', position: 99 };
    await expectBadInput(api, 'mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename } }', { input }, /createCampaign\.input\.nameZh .*surrogate/, editor);
    expect(await api.db.prisma.campaign.count({ where: { code: 'GZK-SUR' } })).toBe(0);
    const emoji = await api.execute('query ($s: String) { projects(filter: { search: $s }) { totalCount } }', { s: '名\ud83d\ude00' });
    expect(emoji.errors).toBeUndefined();
  });

  it('dates and instants outside the years PostgreSQL stores, in a variable or in the document', async () => {
    for (const asOf of ['0000-06-01T00:00:00Z', '+099999-01-01T00:00:00Z', '-000001-01-01T00:00:00Z']) {
      await expectBadInput(api, 'query ($asOf: DateTime) { progressReport(asOf: $asOf) { asOf } }', { asOf }, /\$asOf/);
    }
    await expectBadInput(api, 'query ($from: Date) { cadenceReport(from: $from) { from } }', { from: '0000-01-01' }, /\$from.*years 0001 to 9999/);
    const literal = await send(api, json({ query: '{ progressReport(asOf: "0000-06-01T00:00:00Z") { asOf } }' }));
    expect(literal.status).toBe(400);
    expect(literal.body.errors[0].message).toMatch(/years 0001 to 9999/);
    expect(JSON.stringify(literal.body)).not.toContain('INTERNAL_SERVER_ERROR');
    // The edges of the range still work.
    const edge = await api.execute('{ progressReport(asOf: "9999-12-31T00:00:00Z") { asOf } }');
    expect(edge.errors).toBeUndefined();
  });

  it('a literal a custom scalar refuses, written in the document, is BAD_USER_INPUT naming the argument, as the same value in a variable is', async () => {
    const cases: [string, string, Record<string, unknown>, string, RegExp, Headers?][] = [
      ['{ cadenceReport(from: "2020-13-45") { from } }', 'query ($v: Date) { cadenceReport(from: $v) { from } }', { v: '2020-13-45' }, 'cadenceReport.from', /invalid date-string/],
      ['{ progressReport(asOf: "nope") { asOf } }', 'query ($v: DateTime) { progressReport(asOf: $v) { asOf } }', { v: 'nope' }, 'progressReport.asOf', /invalid date-time-string/],
      ['{ progressReport(asOf: 5) { asOf } }', 'query ($v: DateTime) { progressReport(asOf: $v) { asOf } }', { v: 5 }, 'progressReport.asOf', /non string/],
      ['{ auditEvents(filter: { from: "yesterday" }) { totalCount } }', 'query ($v: DateTime) { auditEvents(filter: { from: $v }) { totalCount } }', { v: 'yesterday' }, 'auditEvents.filter.from', /invalid date-time-string/, editor],
      [
        'mutation { recordInvestment(input: { id: "x", month: "2020-01-01", amount: "1.2.3" }) { __typename } }',
        'mutation ($v: Decimal!) { recordInvestment(input: { id: "x", month: "2020-01-01", amount: $v }) { __typename } }',
        { v: '1.2.3' },
        'recordInvestment.input.amount',
        /not a decimal number/,
        editor,
      ],
      [
        'mutation { recordInvestment(input: { id: "x", month: "2020-02-31", amount: "1" }) { __typename } }',
        'mutation ($v: Date!) { recordInvestment(input: { id: "x", month: $v, amount: "1" }) { __typename } }',
        { v: '2020-02-31' },
        'recordInvestment.input.month',
        /invalid date-string/,
        editor,
      ],
    ];
    for (const [inline, withVariable, variables, argument, why, headers] of cases) {
      const body = await expectBadInput(api, inline, {}, new RegExp(`^${argument.replace(/\./g, '\\.')} got invalid value .*`), headers ?? {});
      expect(body.errors, inline).toHaveLength(1);
      expect(body.errors[0].extensions.argument, inline).toBe(argument);
      expect(body.errors[0].message, inline).toMatch(why);
      const variable = await expectBadInput(api, withVariable, variables, why, headers ?? {});
      expect(variable.errors[0].message.replace(/^Variable "\$v"/, argument), withVariable).toBe(body.errors[0].message);
    }
    // An ID is the same scalar as GraphQL's: refused when read, in a literal as in a variable.
    const literalId = await api.execute('{ node(id: "zzz") { id } }');
    const variableId = await api.execute('query ($id: ID!) { node(id: $id) { id } }', { id: 'zzz' });
    expect(literalId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variableId.errors?.[0]?.message).toBe(literalId.errors?.[0]?.message);
    expect(variableId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('cursors that decode to a wrong shape: negative offsets, another kind, forged values', async () => {
    const analyticsList = 'query ($after: String) { progressReport { indicators(after: $after) { totalCount } } }';
    for (const cursor of [b64('OffsetConnection:-5'), b64('OffsetConnection:1.5'), 'not base64 at all']) {
      await expectBadInput(api, analyticsList, { after: cursor }, /indicators\.after/);
    }
    // The resolvers' own cursors, unbound to any list, are not what this API hands out: refused before anything runs.
    await expectBadInput(api, analyticsList, { after: b64('GPC:S:00000000-0000-7000-8000-000000000000') }, /indicators\.after/);
    const recordList = 'query ($after: String, $before: String) { projects(first: 2, after: $after, before: $before) { nodes { code } } }';
    await expectBadInput(api, recordList, { after: b64('OffsetConnection:5') }, /projects\.after/);
    for (const cursor of [b64('GPC:N:5'), b64('GPC:S:GZK-2020-P01'), b64('GPC:J:{"id":1}'), b64('GPC:S:\u0000'), b64('GPC:D:2020-01-01')]) {
      await expectBadInput(api, recordList, { after: cursor }, /projects\.after/);
      await expectBadInput(api, recordList, { before: cursor }, /projects\.before/);
    }
    // A cursor the API issued still pages.
    const first = await api.data<{ projects: { pageInfo: { endCursor: string } } }>('{ projects(first: 2) { pageInfo { endCursor } } }');
    const next = await api.execute(recordList, { after: first.projects.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(next.data?.projects.nodes).toHaveLength(2);
  });

  it('a cursor pages only the list that issued it: another field, or the same field with other arguments, is refused naming the argument', async () => {
    type Page = { pageInfo: { endCursor: string } };
    const projects = await api.data<{ projects: Page }>('{ projects(first: 2) { pageInfo { endCursor } } }');
    const cursor = projects.projects.pageInfo.endCursor;
    // Another root list of records, whose resolver would read the same UUID cursor as a position of its own.
    await expectBadInput(api, 'query ($after: String) { campaigns(first: 2, after: $after) { nodes { code } } }', { after: cursor }, /campaigns\.after .*another list/);
    // The same list, filtered or ordered otherwise: a position there means nothing here.
    await expectBadInput(api, 'query ($after: String) { projects(first: 2, after: $after, filter: { isKeyProject: true }) { nodes { code } } }', { after: cursor }, /projects\.after/);
    await expectBadInput(api, 'query ($after: String) { projects(first: 2, after: $after, orderBy: { field: CODE, direction: DESC }) { nodes { code } } }', { after: cursor }, /projects\.after/);
    await expectBadInput(api, 'query ($before: String) { projects(last: 2, before: $before, orderBy: { field: CODE }) { nodes { code } } }', { before: cursor }, /projects\.before/);
    // A nested list of the same records, and a cursor written in the document rather than sent as a variable.
    await expectBadInput(api, `{ campaigns(first: 1) { nodes { projects(first: 2, after: "${cursor}") { nodes { code } } } } }`, {}, /projects\.after/);
    // One computed list's offset cursor into another computed list.
    const risk = await api.data<{ riskReport: { findings: Page } }>('{ riskReport { findings(first: 1) { pageInfo { endCursor } } } }');
    await expectBadInput(api, 'query ($after: String) { riskReport { obstacles(first: 1, after: $after) { totalCount } } }', { after: risk.riskReport.findings.pageInfo.endCursor }, /obstacles\.after/);
    // The list that issued it still pages with it, as a variable or written in the document, whatever page size, and with
    // the same arguments spelt in another order or with a null for an absent one.
    const ordered = await api.data<{ projects: Page & { nodes: { code: string }[] } }>(
      '{ projects(first: 2, filter: { isKeyProject: true, search: null }, orderBy: { direction: DESC, field: CODE }) { nodes { code } pageInfo { endCursor } } }',
    );
    const next = await api.execute<{ projects: { nodes: { code: string }[] } }>(
      'query ($after: String, $f: ProjectFilter) { projects(first: 3, after: $after, orderBy: { field: CODE, direction: DESC }, filter: $f) { nodes { code } } }',
      { after: ordered.projects.pageInfo.endCursor, f: { isKeyProject: true } },
    );
    expect(next.errors).toBeUndefined();
    expect(next.data!.projects.nodes[0]!.code < ordered.projects.nodes[1]!.code).toBe(true);
    const literal = await api.execute(`{ projects(first: 2, after: "${cursor}") { nodes { code } } }`);
    expect(literal.errors).toBeUndefined();
  });

  it('search treats %, _ and \\ as the characters typed, and a trailing backslash is no error', async () => {
    const count = async (search: string) => {
      const result = await api.execute<{ projects: { totalCount: number } }>('query ($s: String) { projects(filter: { search: $s }) { totalCount } }', { s: search });
      expect(result.errors, search).toBeUndefined();
      return result.data!.projects.totalCount;
    };
    expect(await count('%')).toBe(0);
    expect(await count('_')).toBe(0);
    expect(await count('GZK\\')).toBe(0);
    expect(await count('\\')).toBe(0);
    expect(await count('G_K')).toBe(0);
    const { projects } = await api.data<{ projects: { nodes: { nameEn: string }[] } }>('{ projects(first: 1) { nodes { nameEn } } }');
    const word = projects.nodes[0]!.nameEn.slice(0, 5);
    expect(await count(word)).toBeGreaterThan(0);
    expect(await count(`${word}%`)).toBe(0);
  });

  it('an argument that cannot be coerced refuses the whole operation, costed at nothing and charged nothing', async () => {
    // A defaulted variable may stand where a non-null argument is; sent as null, it fails only when the field runs.
    const query = 'query ($c: String = "GZK-2020-C1") { campaign(code: $c) { code } campaigns(first: 100) { nodes { projects(first: 100) { nodes { code } } } } }';
    const body = await expectBadInput(api, query, { c: null }, /Argument "code" of non-null type "String!" must not be null/);
    expect(body.extensions.cost).toMatchObject({ requested: 0, actual: 0 });
  });
});

describe('the limits are counted for every operation that could run', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { MAX_COST: 500, RATE_LIMITS: { anonymous: 2_000 } } } });
  });
  afterAll(() => api.close());

  it('one bad argument beside a costly selection no longer slips the cost limit and the budget', async () => {
    const query = 'query ($c: String = "GZK-2020-C1") { campaign(code: $c) { code } campaigns(first: 100) { nodes { projects(first: 100) { nodes { code } } } } }';
    for (let i = 0; i < 3; i++) {
      const refused = await send(api, json({ query, variables: { c: null } }));
      expect(refused.status).toBe(400);
      expect(refused.body.data ?? null).toBeNull();
    }
    const costly = await send(api, json({ query, variables: { c: 'GZK-2020-C1' } }));
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('an operation name that names nothing is refused with a code', async () => {
    const response = await send(api, json({ query: 'query A { viewer { role } } query B { viewer { role } }' }));
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|OPERATION_RESOLUTION_FAILURE/);
    expect(response.body.extensions.requestId).toMatch(/\w/);
  });
});

describe('refusals carry their code and request id; role refusals name the role', () => {
  let api: TestApi;
  let editor: Headers;
  let admin: Headers;
  let partner: Headers;
  beforeAll(async () => {
    api = await startTestApi();
    [editor, admin, partner] = await Promise.all([headersFor(api, 'EDITOR'), headersFor(api, 'ADMIN'), headersFor(api, 'PARTNER')]);
  });
  afterAll(() => api.close());

  it('an Authorization header that is present but empty is a 401', async () => {
    for (const authorization of ['', ' ']) {
      const response = await send(api, json({ query: '{ viewer { role } }' }, { authorization }));
      expect(response.status, JSON.stringify(authorization)).toBe(401);
      expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(response.body.extensions.requestId).toMatch(/\w/);
    }
  });

  it('413, 415, 406, 401, 403, invalid JSON and coercion errors each carry a code and extensions.requestId', async () => {
    const cases: [string, RequestInit, number, string][] = [
      ['413', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1_100_000) }, 413, 'REQUEST_TOO_LARGE'],
      ['415', { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<query/>' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['406', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/html' }, body: '{"query":"{ viewer { role } }"}' }, 406, 'NOT_ACCEPTABLE'],
      ['invalid JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }, 400, 'BAD_REQUEST'],
      ['variable coercion', json({ query: 'query ($n: Int) { campaigns(first: $n) { totalCount } }', variables: { n: 'ten' } }), 400, 'BAD_USER_INPUT'],
      ['argument coercion', json({ query: 'query ($c: String = "x") { campaign(code: $c) { code } }', variables: { c: null } }), 400, 'BAD_USER_INPUT'],
      ['bad key', json({ query: '{ viewer { role } }' }, { authorization: 'Bearer nope' }), 401, 'UNAUTHENTICATED'],
      ['CSRF', { method: 'GET', path: '/graphql?query=%7Bviewer%7Brole%7D%7D' } as RequestInit, 403, 'CSRF_HEADER_REQUIRED'],
    ];
    for (const [name, init, status, code] of cases) {
      const response = await send(api, init);
      expect(response.status, `${name}: ${response.text}`).toBe(status);
      expect(response.body?.errors?.[0]?.extensions?.code, `${name}: ${response.text}`).toBe(code);
      expect(response.body?.extensions?.requestId, `${name}: ${response.text}`).toBe(response.headers.get('x-request-id'));
    }
  });

  it('a response to invalid JSON carries no originalError or parser detail', async () => {
    const response = await send(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' });
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/originalError|SyntaxError|position \d/);
    expect(response.body.errors[0]).toEqual({ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } });
  });

  it('a role refusal names the role needed, and without a key says a key is needed', async () => {
    const keys = await send(api, json({ query: '{ apiKeys { totalCount } }' }, partner));
    expect(keys.status).toBe(403);
    expect(keys.body.errors[0].message).toMatch(/needs an admin's key; yours is partner/);

    const anonymous = await send(api, json({ query: '{ auditEvents { totalCount } }' }));
    expect(anonymous.body.errors[0].message).toMatch(/needs an editor's or admin's key \(send it as Authorization: Bearer <key>\)/);

    const input = { code: 'GZK-X', nameZh: '名', nameEn: 'Name', position: 99 };
    expect((await mutate(api, partner, 'createCampaign', 'CreateCampaignInput', input, '')).message).toMatch(/needs an editor's or admin's key; yours is partner/);
    expect((await mutate(api, {}, 'createCampaign', 'CreateCampaignInput', input, '')).message).toMatch(/needs an editor's or admin's key \(send it/);
    expect((await mutate(api, editor, 'createApiKey', 'CreateApiKeyInput', { holder: 'x', role: 'PARTNER' }, '')).message).toMatch(/needs an admin's key; yours is editor/);
  });

  it('an editor reads the audit trail but not the API-key metadata only admins may read', async () => {
    const created = await mutate<{ apiKey: { id: string } }>(api, admin, 'createApiKey', 'CreateApiKeyInput', { holder: 'secret partner desk', role: 'PARTNER' }, '... on CreateApiKeySuccess { apiKey { id } }');
    const AUDIT = 'query ($f: AuditEventFilter) { auditEvents(filter: $f, first: 100) { totalCount nodes { id recordType holder after } } }';
    const asAdmin = await api.data<{ auditEvents: { nodes: { id: string; recordType: string }[] } }>(AUDIT, { f: { recordType: 'ApiKey' } }).catch(() => null);
    expect(asAdmin).toBeNull(); // anonymous: refused
    const adminView = await api.execute(AUDIT, { f: { record: created.apiKey.id } }, admin);
    expect(adminView.data?.auditEvents.nodes).toHaveLength(1);
    const eventId = adminView.data!.auditEvents.nodes[0].id;

    for (const filter of [null, { recordType: 'ApiKey' }, { record: created.apiKey.id }]) {
      const editorView = await api.execute(AUDIT, { f: filter }, editor);
      expect(editorView.errors, JSON.stringify(filter)).toBeUndefined();
      expect(JSON.stringify(editorView.data), JSON.stringify(filter)).not.toContain('secret partner desk');
      expect(editorView.data!.auditEvents.nodes.every((n: { recordType: string }) => n.recordType !== 'ApiKey')).toBe(true);
    }
    const byId = await api.execute('query ($id: ID!) { node(id: $id) { ... on AuditEvent { holder after } } }', { id: eventId }, editor);
    expect(JSON.stringify(byId.data)).not.toContain('secret partner desk');
    expect(byId.data?.node ?? null).toBeNull();
  });
});
