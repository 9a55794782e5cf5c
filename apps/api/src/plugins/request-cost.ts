import { refusalFor, type Context } from '@zonegraph/graph';
import { getOperationAST, getVariableValues, Kind, type FragmentDefinitionNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { callerKey, callerKind } from './caller-key.ts';
import { argumentChecks, unboundCursors } from './argument-checks.ts';
import { countResolvedObjects, defaultCostModel, requestedCost, type CostModel, type FieldVisitor, type RequestedCost } from './cost.ts';
import { edgeError } from './edge-errors.ts';
import { restrictedFields } from './field-access.ts';
import type { CallerKind } from '../config.ts';
import type { Budgets, BudgetState, Spend } from './rate-limit.ts';

export interface RequestCostOptions {
  maxCost: number;
  /** The schema's own maximum (packages/graph): checked here too, so that it is refused before execution. */
  maxPageSize: number;
  maxListLength: number;
  budgets: Budgets;
  trustProxy: boolean;
  model?: CostModel;
}

type EdgeContext = Context & { request: Request; req?: { socket?: { remoteAddress?: string } } };

/**
 * Before execution: the requested cost and the longest list argument are
 * checked against their limits, and the cost is taken from the caller's
 * budget. After: the actual cost is reported beside the requested one in
 * `extensions.cost`, the budget in `extensions.rateLimit`, and the budget is
 * settled to what the request really cost.
 */
export function useRequestCost({ maxCost, maxPageSize, maxListLength, budgets, trustProxy, model = defaultCostModel }: RequestCostOptions): Plugin<EdgeContext> {
  type Args = Parameters<NonNullable<Plugin['onExecute']>>[0]['args'];
  type Checked = { requested: RequestedCost; refusal: GraphQLError | null };
  const NOTHING: RequestedCost = { cost: 0, largestPage: null, longestList: null, fixed: 0 };
  const badInput = (message: string, extensions: Record<string, unknown> = {}) => ({ requested: NOTHING, refusal: edgeError('BAD_USER_INPUT', message, extensions) });

  /**
   * Cost and shape limits of an operation. An operation whose cost cannot be
   * computed (no such operation, variables or arguments graphql-js would
   * refuse) is refused here, whole: nothing of it runs uncosted.
   */
  function check(args: Args, caller: Context['caller'] | null): Checked {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) {
      return badInput(args.operationName ? `The document has no operation named "${args.operationName}".` : 'The document holds several operations: name the one to run (operationName).');
    }
    const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>);
    if (coerced.errors) return badInput(coerced.errors.map((e) => e.message).join(' '));
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of args.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    const access = caller && operation.operation === 'query' ? restrictedFields(caller) : null;
    const inputs = argumentChecks();
    const visit: FieldVisitor = (field, parent, fieldArgs, path, node) => {
      access?.visit(field, parent);
      inputs.visit(field, parent, fieldArgs, path, node);
    };
    let requested: RequestedCost;
    try {
      requested = requestedCost(args.schema, operation, fragments, coerced.coerced, model, visit);
    } catch (error) {
      // An argument graphql-js refuses (e.g. null sent through a defaulted variable into a non-null argument).
      return badInput(error instanceof Error ? error.message : String(error));
    }
    const refuse = (refusal: GraphQLError) => ({ requested, refusal });
    if (inputs.problem) return refuse(edgeError('BAD_USER_INPUT', inputs.problem.message, { argument: inputs.problem.argument }));
    // The resolvers read the cursors plugin-prisma and plugin-relay issued, not the bound ones the caller holds.
    const unbound = unboundCursors(args.document, args.variableValues as Record<string, unknown> | undefined, inputs.cursors);
    if (unbound) Object.assign(args, unbound);

    if (access && access.denied.size > 0) {
      const scopes = [...access.denied.values()].flat();
      const fields = [...access.denied.keys()];
      return refuse(edgeError('FORBIDDEN', `${refusalFor(caller!, scopes)} It asks for ${fields.join(', ')}.`, { status: 403, fields }));
    }
    const page = requested.largestPage;
    if (page && page.size > maxPageSize) {
      return refuse(
        edgeError(
          'PAGE_SIZE_TOO_LARGE',
          `A page holds at most ${maxPageSize} items; ${page.argument}: ${page.size} at ${page.path} asks for ${page.size - maxPageSize} too many. Page with the cursors instead.`,
          { max: maxPageSize, requested: page.size, limit: maxPageSize, found: page.size },
        ),
      );
    }
    const list = requested.longestList;
    // Reads only: a mutation's input lists are its own to bound and explain
    // (importProjects takes up to 1,000 rows and says so in its ValidationError).
    if (list && operation.operation !== 'mutation' && list.length > maxListLength) {
      return refuse(
        edgeError('LIST_TOO_LONG', `The list at ${list.path} holds ${list.length} items, over the limit of ${maxListLength} by ${list.length - maxListLength}.`, {
          limit: maxListLength,
          found: list.length,
          argument: list.path,
        }),
      );
    }
    if (requested.cost > maxCost) {
      return refuse(
        edgeError(
          'QUERY_TOO_COSTLY',
          `The operation may return up to ${requested.cost} objects, over the cost limit of ${maxCost} by ${requested.cost - maxCost}. Ask for smaller pages or fewer nested lists.`,
          { limit: maxCost, found: requested.cost },
        ),
      );
    }
    return { requested, refusal: null };
  }

  type Refusal = { errors: GraphQLError[]; extensions: Record<string, unknown> };
  type Admitted = { refused: Refusal } | { refused: null; requested: RequestedCost; kind: CallerKind; key: string; spent: Spend | null };

  /** Checks an operation's limits and takes its requested cost from the caller's budget. */
  async function admit(args: Args): Promise<Admitted> {
    const context = args.contextValue as unknown as EdgeContext;
    const checked = check(args, context.caller);
    const { requested } = checked;
    const refuse = (error: GraphQLError, extensions: Record<string, unknown> = {}): Admitted => ({
      refused: { errors: [error], extensions: { cost: { requested: requested.cost, actual: 0, maximum: maxCost }, ...extensions } },
    });
    if (checked.refusal) return refuse(checked.refusal);

    const kind = callerKind(context.caller);
    const key = callerKey(context.caller, context.request, context, trustProxy);
    const budget = budgets.limitOf(kind);
    if (budget !== null && requested.cost > budget) {
      return refuse(
        edgeError('QUERY_TOO_COSTLY', `The operation costs ${requested.cost}, more than the whole budget of ${budget} per window for your role, by ${requested.cost - budget}.`, {
          limit: budget,
          found: requested.cost,
        }),
      );
    }
    const spent = await budgets.spend(kind, key, requested.cost);
    if (spent && !spent.ok) {
      const rateLimit = { ...spent.state, requested: requested.cost };
      return refuse(
        edgeError('RATE_LIMITED', `This caller's cost budget of ${spent.state.limit} per window is spent; it refills in ${spent.retryAfterSeconds} s.`, {
          status: 429,
          headers: { 'retry-after': String(spent.retryAfterSeconds) },
          rateLimit,
        }),
        { rateLimit },
      );
    }
    return { refused: null, requested, kind, key, spent };
  }

  return {
    // A subscription is admitted like a query: its shape and the caller's
    // budget are checked when it starts, and starting it costs what one event
    // may return. Its events are not charged. Field access is not pre-checked
    // here (only queries are, see `check`): the subscription field's own
    // authScopes refuse a role that may not subscribe (FORBIDDEN).
    async onSubscribe({ args, setResultAndStopExecution }) {
      const admitted = await admit(args as Args);
      if (admitted.refused) setResultAndStopExecution(admitted.refused);
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const admitted = await admit(args as Args);
      if (admitted.refused) return setResultAndStopExecution(admitted.refused);
      const { requested, kind, key, spent } = admitted;
      const context = args.contextValue;

      const actual = countResolvedObjects(context);
      return {
        async onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          let state: BudgetState | null = spent?.state ?? null;
          const actualCost = actual.count + requested.fixed;
          if (spent) {
            try {
              state = (await budgets.settle(kind, key, actualCost - requested.cost)) ?? state;
            } catch {
              // The request is done; failing to give points back must not fail it.
            }
          }
          setResult({
            ...result,
            extensions: {
              ...result.extensions,
              cost: { requested: requested.cost, actual: actualCost, maximum: maxCost },
              ...(state ? { rateLimit: state } : {}),
            },
          });
        },
      };
    },
  };
}
