/**
 * SHA-256 as lowercase hex, as sha256sum prints it: the one place the site computes it, for the
 * checksums releases.yaml records, the catalogue and SHA256SUMS list and datapackage.json gives.
 */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of `bytes` (a string is hashed as its UTF-8). */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A SHA-256 fed a file in pieces as it is written (a large download is never held whole); `hex` once it is all fed. */
export function sha256Stream(): { update(bytes: Uint8Array): void; hex(): string } {
  const hash = createHash('sha256');
  return {
    update: (bytes) => void hash.update(bytes),
    hex: () => hash.digest('hex'),
  };
}
