import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { ASTVisitor, GraphQLError, ParseOptions, Source, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { edgeError } from './edge-errors.ts';

export interface DocumentLimits {
  /** Bytes of the query text. */
  maxDocumentBytes: number;
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

/**
 * The limits on the shape of one document, checked while it is read and
 * validated, so an abusive one is refused before anything executes. Each
 * refusal names its limit in `extensions.code` and says by how much it was
 * exceeded (`limit`, `found`). The counting is graphql-armor's; the errors are ours.
 */
export function useDocumentLimits(limits: DocumentLimits): Plugin {
  type RuleFactory = (options: {
    n: number;
    propagateOnRejection: boolean;
    ignoreIntrospection?: boolean;
    flattenFragments?: boolean;
    onReject: ((ctx: unknown, error: GraphQLError) => void)[];
  }) => (
    context: ValidationContext,
  ) => ASTVisitor;
  const rule =
    (make: RuleFactory, n: number, code: string, what: string) =>
    (context: ValidationContext) =>
      make({
        n,
        propagateOnRejection: false,
        // Introspection is a query like any other: its depth counts (graphql-armor skips it by
        // default). Depth is the response's nesting: a fragment spread adds no level to it.
        ignoreIntrospection: false,
        flattenFragments: true,
        onReject: [
          (_ctx: unknown, error: GraphQLError) => {
            const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? Number.NaN);
            context.reportError(
              edgeError(code, `The operation's ${what} is ${found}, over the limit of ${n} by ${found - n}.`, { limit: n, found }),
            );
          },
        ],
      })(context);
  const rules = [
    rule(maxDepthRule, limits.maxDepth, 'QUERY_TOO_DEEP', 'depth (nested selections)'),
    rule(maxAliasesRule, limits.maxAliases, 'TOO_MANY_ALIASES', 'number of aliases'),
    rule(maxDirectivesRule, limits.maxDirectives, 'TOO_MANY_DIRECTIVES', 'number of directives'),
  ];

  const parseWithTokenLimit = (source: string | Source, options?: ParseOptions) =>
    new MaxTokensParserWLexer(source, {
      ...options,
      n: limits.maxTokens,
      onReject: [
        () => {
          throw edgeError('TOO_MANY_TOKENS', `The document has more than the ${limits.maxTokens} tokens (names, punctuation, values) one request may hold.`, {
            limit: limits.maxTokens,
          });
        },
      ],
    } as ConstructorParameters<typeof MaxTokensParserWLexer>[1]).parseDocument();

  return {
    onParams({ params }) {
      if (typeof params.query !== 'string') return;
      const bytes = Buffer.byteLength(params.query, 'utf8');
      if (bytes > limits.maxDocumentBytes) {
        throw edgeError(
          'DOCUMENT_TOO_LARGE',
          `The document is ${bytes} bytes, over the limit of ${limits.maxDocumentBytes} by ${bytes - limits.maxDocumentBytes}.`,
          { limit: limits.maxDocumentBytes, found: bytes },
        );
      }
    },
    onParse({ setParseFn }) {
      setParseFn(parseWithTokenLimit);
    },
    onValidate({ addValidationRule }) {
      for (const r of rules) addValidationRule(r);
    },
  };
}
