// A compact, string-free rank table: every token's bytes in one pool, and an open-addressing hash
// table from a byte range's polynomial hash to its rank. Lookups hash a range of the caller's byte
// buffer in O(1) from prefix hashes (see `prefixHashes`), so a merge never builds a string key.
// Built once per encoding from js-tiktoken's rank file (`bpe_ranks`: lines of
// "<tag> <first rank> <base64 token> <base64 token> …").

/** The longest token of cl100k_base and o200k_base is 128 bytes; longer ranges are never a token. */
export const MAX_TOKEN_BYTES = 128;

/** Multiplier of the polynomial hash h(b0…bn−1) = Σ (bi+1)·P^(n−1−i) mod 2^32. */
const P = 0x01000193;

/** P^k mod 2^32 for every range length a lookup can ask for. */
export const POW = new Int32Array(MAX_TOKEN_BYTES + 1);
POW[0] = 1;
for (let k = 1; k <= MAX_TOKEN_BYTES; k++) POW[k] = Math.imul(POW[k - 1]!, P);

/** Spreads the bits of a polynomial hash before it picks a slot (murmur3's finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const BASE64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

export class RankTable {
  /** Number of ranked tokens (the highest rank + 1). */
  readonly size: number;
  private readonly pool: Uint8Array;
  private readonly offset: Int32Array;
  private readonly length: Uint8Array;
  /** Interleaved [hash, rank] pairs, rank −1 when empty: one cache line per probe. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(bpeRanks: string) {
    // Pass 1 sizes everything from the line headers and the number of words per line.
    const lines: Array<{ from: number; to: number; first: number }> = [];
    let tokens = 0;
    let maxRank = -1;
    for (let from = 0; from < bpeRanks.length; ) {
      let to = bpeRanks.indexOf('\n', from);
      if (to < 0) to = bpeRanks.length;
      if (to > from) {
        const tag = bpeRanks.indexOf(' ', from);
        const rankEnd = tag < 0 || tag >= to ? -1 : bpeRanks.indexOf(' ', tag + 1);
        const first = rankEnd < 0 || rankEnd > to ? NaN : Number(bpeRanks.slice(tag + 1, rankEnd));
        if (!Number.isInteger(first) || first < 0) throw new Error('rank file: a line does not start with "<tag> <rank> "');
        let words = 1;
        for (let i = bpeRanks.indexOf(' ', rankEnd + 1); i >= 0 && i < to; i = bpeRanks.indexOf(' ', i + 1)) words++;
        lines.push({ from: rankEnd + 1, to, first });
        tokens += words;
        maxRank = Math.max(maxRank, first + words - 1);
      }
      from = to + 1;
    }
    this.size = maxRank + 1;
    const offset = (this.offset = new Int32Array(this.size).fill(-1));
    const length = (this.length = new Uint8Array(this.size));
    let capacity = 1;
    while (capacity < tokens * 2) capacity <<= 1;
    const slots = (this.slots = new Int32Array(capacity * 2).fill(-1));
    const mask = (this.mask = capacity * 2 - 1);

    // Pass 2 decodes the base64 words in place (no substrings) into the pool and hashes them.
    const pool = new Uint8Array(bpeRanks.length); // base64 is longer than the bytes it encodes
    let at = 0;
    for (const line of lines) at = decodeLine(bpeRanks, line.from, line.to, line.first, pool, at, offset, length, slots, mask);
    this.pool = pool.slice(0, at);
  }

  /** Rank of bytes[start, start + len) whose polynomial hash is h, or −1 when it is no token. */
  find(h: number, bytes: Uint8Array, start: number, len: number): number {
    const { slots, length, offset, pool, mask } = this;
    let slot = (mix(h) << 1) & mask;
    for (;;) {
      const rank = slots[slot + 1]!;
      if (rank === -1) return -1;
      if (slots[slot] === h && length[rank] === len) {
        const at = offset[rank]!;
        let i = 0;
        while (i < len && pool[at + i] === bytes[start + i]) i++;
        if (i === len) return rank;
      }
      slot = (slot + 2) & mask;
    }
  }

  /** Approximate bytes held by the table, for the benchmark's heap figure. */
  get byteSize(): number {
    return this.pool.byteLength + this.offset.byteLength + this.length.byteLength + this.slots.byteLength;
  }
}

/** Decodes the base64 words of one line, text[from, to), into `pool` from `at`, indexing each; returns the pool's end. */
function decodeLine(text: string, from: number, to: number, rank: number, pool: Uint8Array, at: number, offset: Int32Array, length: Uint8Array, slots: Int32Array, mask: number): number {
  for (let i = from; i < to; rank++) {
    let end = text.indexOf(' ', i);
    if (end < 0 || end > to) end = to;
    const start = at;
    let h = 0;
    let acc = 0;
    let bits = 0;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 61) break; // '=' padding ends the word
      const v = c < 128 ? BASE64[c]! : -1;
      if (v < 0) throw new Error(`rank file: a token of rank ${rank} is not base64`);
      acc = ((acc << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        const byte = (acc >>> bits) & 0xff;
        pool[at++] = byte;
        h = (Math.imul(h, P) + byte + 1) | 0;
      }
    }
    i = end + 1;
    const len = at - start;
    if (len === 0 || len > MAX_TOKEN_BYTES) throw new Error(`rank file: token ${rank} has ${len} bytes`);
    offset[rank] = start;
    length[rank] = len;
    let slot = (mix(h) << 1) & mask;
    while (slots[slot + 1] !== -1) slot = (slot + 2) & mask;
    slots[slot] = h;
    slots[slot + 1] = rank;
  }
  return at;
}
