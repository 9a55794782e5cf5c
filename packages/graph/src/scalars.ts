import { Prisma } from '@zonegraph/db';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { builder } from './builder.ts';

/**
 * graphql-scalars' date scalars, refusing what PostgreSQL cannot store or a
 * date column cannot round-trip: years before 1 or after 9999 (year 0 is a
 * valid ISO year but no PostgreSQL one as written; five-digit years no
 * PostgreSQL input at all).
 */
function withinStorableYears(scalar: GraphQLScalarType<Date, unknown>, name: string): GraphQLScalarType<Date, unknown> {
  const check = (date: Date): Date => {
    const year = date.getUTCFullYear();
    if (!(year >= 1 && year <= 9999)) throw new GraphQLError(`${name} must fall in the years 0001 to 9999 (UTC); this one is in year ${year}.`);
    return date;
  };
  const config = scalar.toConfig();
  return new GraphQLScalarType({
    ...config,
    parseValue: (value) => check(config.parseValue!(value) as Date),
    parseLiteral: (ast, variables) => check(config.parseLiteral!(ast, variables) as Date),
  });
}

builder.addScalarType('DateTime', withinStorableYears(DateTimeResolver, 'DateTime'), {
  description: 'An instant, as an ISO 8601 string in UTC, e.g. `2020-06-30T08:00:00.000Z`, in the years 0001 to 9999.',
});

builder.addScalarType('Date', withinStorableYears(DateResolver, 'Date'), {
  description: 'A calendar day, `YYYY-MM-DD`, in the programme\'s time zone (Asia/Shanghai for the seeded programme), in the years 0001 to 9999.',
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
