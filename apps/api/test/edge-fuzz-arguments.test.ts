import { schema } from '@zonegraph/graph';
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, send, expectStillServing } from './edge-kit.ts';
import { headersFor, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// FUZZ_RUNS=3000 for a long hunt on one's own machine; CI runs the default.
const runs = (ci: number) => Number(process.env.FUZZ_RUNS ?? ci);

const b64 = (text: string) => Buffer.from(text).toString('base64');
const UUID = '0190a3c2-7b1d-7000-8000-00000000abcd';

// Text of every awkward kind: control characters, lone surrogates, LIKE's own characters,
// a trailing backslash, very long, and values that look like ours.
const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\ud800', '\udfff', '\ufeff', '\\', '%', '_', "'", '"', 'a', '名'), { maxLength: 12 }).map((c) => c.join('')),
  fc.constantFrom('GZK-2020-C1', 'GZK-2020-P01', 'GZK-2020', 'x\\', '%', '_', '', ' ', 'a'.repeat(5_000)),
);
const forgedCursor = fc.constantFrom(
  b64(`GPC:S:${UUID}`),
  b64('GPC:S:GZK-2020-P01'),
  b64('GPC:N:-1'),
  b64('GPC:J:{"id":1}'),
  b64('GPC:D:2020-01-01'),
  b64('OffsetConnection:-1'),
  b64('OffsetConnection:0'),
  b64('OffsetConnection:99999999999'),
  b64('OffsetConnection:1e3'),
  b64('\u0000'),
  'not base64!',
);
const forgedId = fc.constantFrom(b64(`Project:${UUID}`), b64(`Campaign:${UUID}`), b64('Project:not-a-uuid'), b64(`Nope:${UUID}`), b64('Project:\u0000'), 'x', '');
const boundaryDate = fc.constantFrom('0001-01-01', '9999-12-31', '0000-01-01', '2020-02-29', '2021-02-29', '2020-13-01', '99999-01-01', '2020-06-30', '1900-01-01');
const boundaryInstant = fc.constantFrom(
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2020-06-30T08:00:00+08:00',
  '2020-06-30',
  'yesterday',
);
const boundaryInt = fc.oneof(fc.constantFrom(-2147483648, -1, 0, 1, 30, 100, 101, 366, 367, 1000, 2147483647), fc.integer({ min: -10, max: 200 }));
const decimal = fc.constantFrom('0', '-1', '0.01', '999999999999999999.9999', '-999999999999999999.9999', '1e10', 'abc', '0.00001', '12345678901234567890');

/** A value for an input type, sometimes of the wrong kind, null, or missing. */
function valueFor(type: GraphQLInputType, name: string, depth = 0): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  const value = ((): fc.Arbitrary<unknown> => {
    if (isListType(nullable)) {
      const item = valueFor(nullable.ofType, name, depth + 1);
      return fc.oneof({ arbitrary: fc.array(item, { maxLength: 3 }), weight: 9 }, { arbitrary: fc.array(item, { minLength: 101, maxLength: 120 }), weight: 1 });
    }
    if (isInputObjectType(nullable)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(nullable.getFields());
      return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, f.name, depth + 1)])), {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      });
    }
    if (isEnumType(nullable)) return fc.oneof({ arbitrary: fc.constantFrom(...nullable.getValues().map((v) => v.name)), weight: 9 }, { arbitrary: fc.constant('NOT_A_VALUE'), weight: 1 });
    switch (nullable.name) {
      case 'Int':
        return boundaryInt;
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308));
      case 'Boolean':
        return fc.boolean();
      case 'Date':
        return boundaryDate;
      case 'DateTime':
        return boundaryInstant;
      case 'Decimal':
        return decimal;
      case 'ID':
        return fc.oneof(forgedId, hostileText);
      default:
        if (name === 'after' || name === 'before') return fc.oneof({ arbitrary: forgedCursor, weight: 4 }, { arbitrary: hostileText, weight: 1 });
        return hostileText;
    }
  })();
  return isNonNullType(type) ? value : fc.oneof({ arbitrary: value, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
}

/** `field(a: $a, …) { … }` with every argument a variable, and the variables' values. */
function call(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const named = getNamedType(field.type);
  const selection = isObjectType(named) && 'totalCount' in named.getFields() ? ' { __typename totalCount }' : isObjectType(named) || !('parseValue' in named) ? ' { __typename }' : '';
  const definitions = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const document = `${operation}${definitions ? ` (${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
  const variables = fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, a.name)])), {
    requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
  });
  return variables.map((values) => ({ document, variables: values }));
}

describe('no argument of any root field or mutation gets an internal error or a 5xx', () => {
  let api: TestApi;
  let admin: Headers;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { RATE_LIMITS: {} } } });
    admin = await headersFor(api, 'ADMIN');
  });
  afterAll(() => api.close());

  const outcomes = new Map<string, number>();
  const check = async ({ document, variables }: { document: string; variables: Record<string, unknown> }, headers: Headers) => {
    const response = await send(api, json({ query: document, variables }, headers));
    const codes = ((response.body?.errors ?? []) as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code ?? '?');
    const outcome = `${response.status} ${codes[0] ?? 'ok'}`;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const shown = `${document}\n${JSON.stringify(variables).slice(0, 600)}\n→ ${response.text.slice(0, 600)}`;
    expect(response.status, shown).toBeLessThan(500);
    expect(codes, shown).not.toContain('INTERNAL_SERVER_ERROR');
  };

  for (const operation of ['query', 'mutation'] as const) {
    it(`every ${operation} field, every argument: hostile strings, boundary dates and numbers, forged cursors and IDs`, async () => {
      const fields = Object.values((operation === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).filter((f) => f.args.length > 0);
      expect(fields.length).toBeGreaterThan(operation === 'query' ? 25 : 40);
      // Every field at least twice, then random ones.
      const each = fc.constantFrom(...fields).chain((field) => call(operation, field));
      for (const field of fields) {
        await fc.assert(fc.asyncProperty(call(operation, field), (c) => check(c, admin)), { numRuns: 2, seed: 11 });
      }
      await fc.assert(fc.asyncProperty(each, (c) => check(c, admin)), { numRuns: runs(150) });
      console.log(operation, 'outcomes', JSON.stringify(Object.fromEntries(outcomes)));
      await expectStillServing(api);
    });
  }
});
