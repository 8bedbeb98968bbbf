// SPDX-License-Identifier: EUPL-1.2
// A set of strings kept as 64-bit fingerprints in typed arrays (about 20 bytes per entry instead of
// about 100 for a Map of strings), with a small tag per entry (the kind of unit a systemID belongs to).
// A package with a million registrations has some four million systemIDs; this keeps them in tens of
// megabytes. Two different ids share a fingerprint with odds of about n²/2⁶⁵ (4·10⁻⁷ for four million):
// a duplicate found here is only a candidate, confirmed by reading the values again (content.ts).
const seedA = 0x9747b28c;
const seedB = 0x2f3b6e1d;

function hash32(value: string, seed: number): number {
  let h = seed ^ value.length;
  for (let i = 0; i < value.length; i++) {
    h = Math.imul(h ^ value.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class IdTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** 0 = empty slot; otherwise the tag + 1. */
  private tags: Uint8Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.tags = new Uint8Array(capacity);
    this.mask = capacity - 1;
  }

  /** The fingerprint as a string, to name candidates in a (small) Set. */
  static fingerprint(value: string): string {
    return `${hash32(value, seedA)}:${hash32(value, seedB)}`;
  }

  /** Adds the value with its tag (0–254). Returns false when its fingerprint was there already. */
  add(value: string, tag = 0): boolean {
    if ((this.size + 1) * 4 > this.tags.length * 3) this.grow();
    const inserted = this.put(hash32(value, seedA), hash32(value, seedB), tag + 1);
    if (inserted) this.size++;
    return inserted;
  }

  /** The tag of the value, or undefined when it is not in the table. */
  tag(value: string): number | undefined {
    const a = hash32(value, seedA);
    const b = hash32(value, seedB);
    for (let slot = b & this.mask; this.tags[slot] !== 0; slot = (slot + 1) & this.mask)
      if (this.hi[slot] === a && this.lo[slot] === b) return this.tags[slot]! - 1;
    return undefined;
  }

  has(value: string): boolean {
    return this.tag(value) !== undefined;
  }

  private put(a: number, b: number, stored: number): boolean {
    let slot = b & this.mask;
    while (this.tags[slot] !== 0) {
      if (this.hi[slot] === a && this.lo[slot] === b) return false;
      slot = (slot + 1) & this.mask;
    }
    this.hi[slot] = a;
    this.lo[slot] = b;
    this.tags[slot] = stored;
    return true;
  }

  private grow(): void {
    const { hi, lo, tags } = this;
    const capacity = tags.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.tags = new Uint8Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < tags.length; i++) if (tags[i] !== 0) this.put(hi[i]!, lo[i]!, tags[i]!);
  }
}
