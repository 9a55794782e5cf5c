import { createHash } from 'node:crypto';

/**
 * The manifest the API trusts: this build's documents, then every document a
 * released SDK sent that this build no longer has (an operation changed, or
 * was removed), so that clients still on an older release keep being
 * answered by hash. Each entry is checked against its hash: a hand-edited
 * release file fails the build instead of trusting the wrong text.
 */
export function mergeReleasedDocuments(
  current: Readonly<Record<string, string>>,
  releases: readonly { release: string; documents: Readonly<Record<string, string>> }[],
): Record<string, string> {
  const merged: Record<string, string> = { ...current };
  for (const { release, documents } of releases) {
    for (const [hash, document] of Object.entries(documents)) {
      if (createHash('sha256').update(document).digest('hex') !== hash) throw new Error(`releases/${release}.json: the entry ${hash} is not the SHA-256 of its document`);
      merged[hash] ??= document;
    }
  }
  return merged;
}
