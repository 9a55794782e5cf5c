import { Prisma } from '@zonegraph/db';
import { GraphQLError, Kind } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { builder } from './builder.ts';

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'An instant, as an ISO 8601 string in UTC, e.g. `2020-06-30T08:00:00.000Z`.',
});

builder.addScalarType('Date', DateResolver, {
  description: 'A calendar day, `YYYY-MM-DD`, in the programme\'s time zone (Asia/Shanghai for the seeded programme).',
});

/** For the audit trail's snapshots of records before and after a change. */
builder.addScalarType('JSON', JSONResolver, {
  description: 'Any JSON value: an object, a list, a string, a number, a boolean or null.',
});

const decimalPattern = /^-?\d{1,18}(\.\d{1,4})?$/;

/** Money and measures travel as strings so that no client rounds them through a float. */
builder.scalarType('Decimal', {
  description:
    'An exact decimal number as a string, e.g. `"19500000000.00"`. Money is in yuan (元). ' +
    'Sent as a string so that no JSON parser rounds it through a floating-point number.',
  serialize: (value) => (value instanceof Prisma.Decimal ? value.toFixed() : String(value)),
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string such as "1250000.50"');
  },
});

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && decimalPattern.test(value.trim())) return value.trim();
  throw new GraphQLError(`"${String(value)}" is not a decimal number such as "1250000.50" (at most 4 decimal places)`);
}
