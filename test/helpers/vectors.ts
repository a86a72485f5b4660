import { fileURLToPath } from 'node:url';

/** The RFC 8785 and RFC 8032 test vectors, copied into the repository (test/vectors/). */
export function vectorsPath(relative: string): string {
  return fileURLToPath(new URL(`../vectors/${relative}`, import.meta.url));
}
