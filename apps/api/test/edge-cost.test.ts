import { schema } from '@zonegraph/graph';
import fc from 'fast-check';
import { getIntrospectionQuery, getNamedType, isNonNullType, isObjectType, Kind, parse, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { exampleOperations } from '../src/examples.ts';
import { loadTrustedDocuments } from '../src/plugins/trusted-documents.ts';
import { json, send } from './edge-kit.ts';
import { headersFor, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const published = loadTrustedDocuments(loadConfig({}).TRUSTED_DOCUMENTS_FILE);

interface Cost {
  requested: number;
  actual: number;
}

describe('the requested cost is an upper bound of the actual cost', () => {
  let api: TestApi;
  let admin: Headers;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { RATE_LIMITS: {} } } });
    admin = await headersFor(api, 'ADMIN');
  });
  afterAll(() => api.close());

  const costOf = async (query: string, variables: Record<string, unknown> = {}, headers: Headers = admin) => {
    const response = await send(api, json({ query, variables }, headers));
    return { response, cost: response.body?.extensions?.cost as Cost | undefined };
  };

  it('for every example operation and every published SDK query whose variables are optional', async () => {
    const documents = [...exampleOperations.map((e) => e.query)];
    for (const document of published.values()) {
      const operation = parse(document).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (operation?.operation !== 'query') continue;
      if ((operation.variableDefinitions ?? []).some((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue)) continue;
      documents.push(document);
    }
    expect(documents.length).toBeGreaterThan(20);
    for (const document of documents) {
      const { response, cost } = await costOf(document);
      expect(response.status, response.text.slice(0, 300)).toBe(200);
      expect(cost, document.slice(0, 200)).toBeDefined();
      expect(cost!.actual, `${document.slice(0, 300)}\n${JSON.stringify(cost)}`).toBeLessThanOrEqual(cost!.requested);
    }
  });

  it('report lists are priced by the range asked for: cadence periods, investment months and quarters', async () => {
    const cadence = (from: string, to: string) => costOf(`{ cadenceReport(from: "${from}", to: "${to}", asOf: "2025-12-31T00:00:00Z") { rules { periods { count } } } }`);
    const week = await cadence('2020-06-01', '2020-06-07');
    const year = await cadence('2020-01-01', '2020-12-31');
    expect(week.response.status).toBe(200);
    expect(year.response.status).toBe(200);
    // Four rules of at most 7 (or 366) periods each, not a flat assumed length.
    expect(week.cost!.requested).toBeLessThan(100);
    expect(year.cost!.requested).toBeGreaterThanOrEqual(4 * 366);
    for (const { cost } of [week, year]) expect(cost!.actual).toBeLessThanOrEqual(cost!.requested);
    // The statement computes every period whether selected or not: priced too.
    const unselected = await costOf('{ cadenceReport(from: "2020-01-01", to: "2020-12-31", asOf: "2025-12-31T00:00:00Z") { rules { periodsHeld } } }');
    expect(unselected.cost!.requested).toBeGreaterThan(year.cost!.requested / 20);

    const investment = await costOf('{ investmentReport(from: "2020-01-01", to: "2021-12-31") { months { amount } quarters { amount } } }');
    expect(investment.cost!.actual).toBeLessThanOrEqual(investment.cost!.requested);
    expect(investment.cost!.requested).toBeLessThan(24 + 10 + 5);
    // Twenty years of months and quarters are priced as such.
    const long = await costOf('{ investmentReport(from: "2006-01-01", to: "2025-12-31") { months { amount } quarters { amount } } }');
    expect(long.cost!.requested).toBeGreaterThanOrEqual(240 + 80);
  });

  it('introspection has a cost, counted exactly, and its depth counts', async () => {
    const types = Object.keys(schema.getTypeMap()).length;
    const { cost } = await costOf('{ __schema { types { name } } }');
    expect(cost).toEqual({ requested: 1 + types, actual: 1 + types, maximum: 25_000 });

    // GraphiQL's own introspection stays within every default limit, and is not free.
    const full = await costOf(getIntrospectionQuery());
    expect(full.response.status, full.response.text.slice(0, 300)).toBe(200);
    expect(full.cost!.requested).toBeGreaterThan(1_000);
    expect(full.cost!.actual).toBe(full.cost!.requested);

    const tooCostly = await startTestApi({ seeded: false, app: { settings: { MAX_COST: 500 } } });
    try {
      const refused = await send(tooCostly, json({ query: getIntrospectionQuery() }));
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    } finally {
      await tooCostly.close();
    }

    const deep = `{ __schema { types { fields { type ${'{ ofType '.repeat(14)}{ name }${' }'.repeat(14)} } } } }`;
    const tooDeep = await send(api, json({ query: deep }));
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('for generated queries over every root field', async () => {
    await fc.assert(
      fc.asyncProperty(querySelection(schema.getQueryType()!, 3), async (selection) => {
        const { response, cost } = await costOf(`{ ${selection} }`);
        if (response.status !== 200 || !cost) return;
        expect(cost.actual, `${selection}\n${JSON.stringify(cost)}`).toBeLessThanOrEqual(cost.requested);
      }),
      { numRuns: 60 },
    );
  });
});

describe('report lists hold no more than they are priced for, however large the data', () => {
  let api: TestApi;
  let admin: Headers;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { RATE_LIMITS: {} } } });
    admin = await headersFor(api, 'ADMIN');
  });
  afterAll(() => api.close());

  const costOf = async (query: string) => {
    const response = await send(api, json({ query }, admin));
    return { response, cost: response.body?.extensions?.cost as Cost };
  };

  it('statusHistory: an obstacle moved 60 times is priced and answered by the same bound', async () => {
    const obstacle = await api.db.prisma.obstacle.create({
      data: { code: 'MOVED-60', titleZh: '题', titleEn: 'Moved', raisedOn: new Date(Date.UTC(2021, 0, 1)), visibility: 'PUBLIC' },
    } as never);
    await api.db.prisma.obstacleStatusChange.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        obstacleId: obstacle.id,
        fromStatus: i % 2 ? 'IN_PROGRESS' : 'OPEN',
        toStatus: i % 2 ? 'OPEN' : 'IN_PROGRESS',
        occurredOn: new Date(Date.UTC(2021, 0, 1 + i)),
        recordedBy: 'test',
      })),
    } as never);
    const { response, cost } = await costOf(`{ obstacle(code: "${obstacle.code}") { statusHistory { occurredOn } } }`);
    expect(response.body.errors, response.text.slice(0, 300)).toBeUndefined();
    const history = response.body.data.obstacle.statusHistory as { occurredOn: string }[];
    expect(history).toHaveLength(50);
    expect(history[0]!.occurredOn <= history[49]!.occurredOn).toBe(true);
    expect(cost.actual, JSON.stringify(cost)).toBeLessThanOrEqual(cost.requested);
  });

  it('groups: a report with more responsible units than it is priced for is refused, typed, never sent over its price', async () => {
    await api.db.prisma.obstacle.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        code: `BOUND-${String(i).padStart(2, '0')}`,
        titleZh: '题',
        titleEn: 'Title',
        responsibleUnit: `Unit ${String(i).padStart(2, '0')}`,
        raisedOn: new Date(Date.UTC(2021, 0, 1)),
        visibility: 'PUBLIC',
      })),
    } as never);
    const { response, cost } = await costOf('{ oversightReport { byResponsibleUnit { responsibleUnit } } }');
    expect(cost.actual, JSON.stringify(cost)).toBeLessThanOrEqual(cost.requested);
    expect(response.body.errors?.[0]?.extensions?.code, response.text.slice(0, 300)).toBe('REPORT_TOO_LARGE');
    expect(response.body.errors[0].message).toMatch(/byResponsibleUnit .*over the 51/);
  });
});

/** Valid selections with no arguments but the lists' page sizes, so that most of them run and return data. */
function querySelection(type: GraphQLObjectType, depth: number): fc.Arbitrary<string> {
  const fields = Object.values(type.getFields()).filter(
    (f) => !f.name.startsWith('__') && f.args.every((a) => !isNonNullType(a.type) || a.name === 'by') && (depth > 0 || !isObjectType(getNamedType(f.type))),
  );
  if (fields.length === 0) return fc.constant('__typename');
  const one = fc.constantFrom(...fields).chain((field) => {
    const named = getNamedType(field.type);
    const page = field.args.some((a) => a.name === 'first') ? fc.integer({ min: 1, max: 30 }).map((n) => `first: ${n}`) : fc.constant('');
    const by = field.args.find((a) => a.name === 'by');
    const byValue = fc.constant(!by ? '' : by.type.toString().startsWith('[') ? 'by: [STAGE, ORIGIN_GROUP]' : 'by: CAMPAIGN');
    const inner = isObjectType(named) ? querySelection(named, depth - 1).map((s) => ` { ${s} }`) : fc.constant('');
    return fc.tuple(page, byValue, inner).map(([p, b, s]) => {
      const args = [p, b].filter(Boolean).join(', ');
      return `${field.name}${args ? `(${args})` : ''}${s}`;
    });
  });
  return fc.array(one, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
}
