/**
 * Crockford base32 (https://www.crockford.com/base32.html), upper case, no check symbol.
 * Chosen for key ids and fingerprints because people read them aloud over a phone line and
 * compare them on paper: the alphabet has no I, L, O or U, so 0/O and 1/I/L cannot be confused.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function toCrockfordBase32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(acc >> bits) & 31]!;
    }
  }
  if (bits > 0) out += CROCKFORD[(acc << (5 - bits)) & 31]!;
  return out;
}

/** "ABCDEFGH…" → "ABCD-EFGH-…": groups of four for reading aloud and comparing on paper. */
export function groupsOfFour(text: string): string {
  return (text.match(/.{1,4}/gu) ?? []).join('-');
}
