/** The command line is wrong in a way only found after parsing (e.g. a bad $ZONEGRAPH_URL). Exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
