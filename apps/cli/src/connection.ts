import { InvalidArgumentError, Option } from 'commander';
import { createClient, type ZonegraphClient } from '@zonegraph/sdk';
import { UsageError } from './errors.ts';

export const DEFAULT_URL = 'http://localhost:4000/graphql';

export interface ConnectionOptions {
  url?: string;
  apiKey?: string;
}

/** Options every command that talks to the API accepts; defaults come from the environment. */
export function connectionOptions(env: Record<string, string | undefined>): Option[] {
  const fromEnv = env['ZONEGRAPH_URL']?.trim();
  return [
    new Option('--url <url>', 'GraphQL endpoint of the API')
      .default(fromEnv || DEFAULT_URL, fromEnv ? '$ZONEGRAPH_URL' : `$ZONEGRAPH_URL or ${DEFAULT_URL}`)
      .argParser(parseUrl),
    // Never shown as a default: help output ends up in logs and screenshots.
    new Option('--api-key <key>', 'API key, sent as a bearer token (default: $ZONEGRAPH_API_KEY)'),
  ];
}

export function connect(options: ConnectionOptions, env: Record<string, string | undefined>): ZonegraphClient {
  const apiKey = options.apiKey ?? (env['ZONEGRAPH_API_KEY']?.trim() || undefined);
  const url = options.url ?? DEFAULT_URL;
  try {
    // A default from $ZONEGRAPH_URL did not go through the option's parser.
    return createClient({ url: parseUrl(url), apiKey });
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new UsageError(`--url or $ZONEGRAPH_URL: ${error.message}`);
    throw error;
  }
}

function parseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`"${value}" is not a URL; expected e.g. ${DEFAULT_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(`"${value}" is not an http(s) URL`);
  }
  return url.toString();
}
