import {
  getNamedType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { edgeError } from './edge-errors.ts';

const LEAF_VALUES = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN]);

/**
 * A literal written in the document that one of this API's scalars (Date,
 * DateTime, Decimal, …) refuses is answered as the same value sent in a
 * variable is: 400 `BAD_USER_INPUT`, with the argument named in the message
 * and in `extensions.argument` (e.g. `cadenceReport.from`), instead of a
 * validation failure that names nothing.
 */
export function useScalarLiteralErrors(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        const refused = refusedLiterals(params.schema, params.documentAST);
        if (refused.size === 0) return;
        const seen = new Set<GraphQLError>();
        const errors: GraphQLError[] = [];
        for (const error of result) {
          const node = (error.nodes as readonly ASTNode[] | undefined)?.find((n: ASTNode) => refused.has(n));
          // graphql-scalars reports its own error, sometimes without the node: matched by its message then.
          const ours = node ? refused.get(node) : [...refused.values()].find((e) => e.message.endsWith(error.message));
          const replacement = ours ?? error;
          if (!seen.has(replacement)) errors.push(replacement);
          seen.add(replacement);
        }
        setResult(errors);
      };
    },
  };
}

/** Every literal of a custom scalar in the document that the scalar refuses, with the error to answer. */
function refusedLiterals(schema: GraphQLSchema, document: DocumentNode): Map<ASTNode, GraphQLError> {
  const refused = new Map<ASTNode, GraphQLError>();
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: {
        enter(node) {
          const owner = typeInfo.getDirective() ? `@${typeInfo.getDirective()!.name}` : (typeInfo.getFieldDef()?.name ?? '?');
          path.push(`${owner}.${node.name.value}`);
        },
        leave: () => void path.pop(),
      },
      ObjectField: {
        enter: (node) => void path.push(node.name.value),
        leave: () => void path.pop(),
      },
      enter(node) {
        if (!LEAF_VALUES.has(node.kind) || path.length === 0) return;
        const input = typeInfo.getInputType();
        const type = input && getNamedType(input);
        if (!type || !isScalarType(type) || isSpecifiedScalarType(type)) return;
        try {
          type.parseLiteral(node as Parameters<typeof type.parseLiteral>[0], undefined);
        } catch (error) {
          const at = path.join('.');
          const why = error instanceof Error ? error.message : String(error);
          refused.set(node, edgeError('BAD_USER_INPUT', `${at} got invalid value ${printLeaf(node)}; ${why}`, { argument: at }));
        }
      },
    }),
  );
  return refused;
}

function printLeaf(node: ASTNode): string {
  return node.kind === Kind.STRING ? JSON.stringify(node.value) : 'value' in node ? String(node.value) : node.kind;
}
