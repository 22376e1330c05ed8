// Count-only byte-pair encoding, exact to tiktoken: the text is split by the encoding's
// pre-tokenising pattern (js-tiktoken's pat_str, through the compiled scanner of
// pretokenize.ts or the regex itself), each piece is UTF-8 encoded into a scratch buffer with
// prefix hashes, and merged by lowest rank (leftmost first on a tie) without ever building a
// token list or a string key. Short pieces merge by scanning an array of pair ranks; long ones
// (Chinese runs) through a 4-ary heap over a linked list, O(n log n); very long ones
// (1,000,000 × "a") through rank buckets, O(n + vocabulary), where js-tiktoken rescans, O(n²).
import { scannerFor, type Scanner } from './pretokenize.js';
import { MAX_TOKEN_BYTES, POW, type RankTable } from './rank-table.js';

const P = 0x01000193; // must equal rank-table.ts's multiplier
/** Pieces up to this many bytes merge by scanning; longer ones through the heap. */
export const SCAN_LIMIT = 64;
/** Pieces over this many bytes merge through rank buckets (O(n + vocabulary)); shorter ones through the heap. */
export const BUCKET_MIN = 8192;
/** Pieces that need merging are remembered by text (words repeat); cleared when this full. */
const CACHE_LIMIT = 50_000;
const CACHE_MAX_CHARS = 64;
const TWO_32 = 4294967296;

export class BpeCounter {
  private readonly regex: RegExp;
  private readonly scanner: Scanner | undefined;
  private bytes = new Uint8Array(1024);
  private prefix = new Int32Array(1025);
  private a = new Int32Array(1025);
  private b = new Int32Array(1025);
  private c = new Int32Array(1025);
  private keys = new Float64Array(0);
  private bucketHead = new Int32Array(0);
  private bucketTail = new Int32Array(0);
  private bucketBits = new Uint32Array(0);
  private entryPos = new Int32Array(0);
  private entryNext = new Int32Array(0);
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly table: RankTable,
    patStr: string,
    /** Tests lower it to drive short pieces through the heap path too. */
    private readonly scanLimit = SCAN_LIMIT,
    /** Tests turn the compiled scanner off to compare it with the regex. */
    useScanner = true,
    /** Tests lower it to drive long-piece merging through the buckets. */
    private readonly bucketMin = BUCKET_MIN,
  ) {
    this.regex = new RegExp(patStr, 'gu');
    this.scanner = useScanner ? scannerFor(patStr) : undefined;
  }

  /** Exact token count of `text` as ordinary text (special-token strings are not special). */
  count(text: string): number {
    let total = 0;
    const scan = this.scanner;
    if (scan) {
      for (let i = 0; i < text.length; ) {
        const end = scan(text, i);
        if (end < 0) {
          i++; // no alternative matches: the regex skips this unit too (cannot happen with the two patterns)
          continue;
        }
        total += end - i === 1 && text.charCodeAt(i) < 0x80 ? 1 : this.countPiece(text, i, end);
        i = end;
      }
      return total;
    }
    const re = this.regex;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const length = m[0].length;
      if (length === 0) {
        re.lastIndex++; // cannot happen with tiktoken's patterns; never loop forever on another
        continue;
      }
      total += length === 1 && text.charCodeAt(m.index) < 0x80 ? 1 : this.countPiece(text, m.index, m.index + length);
    }
    return total;
  }

  /** Tokens of the pre-tokenised piece text[start, end). */
  countPiece(text: string, start: number, end: number): number {
    const n = this.encode(text, start, end);
    if (n <= MAX_TOKEN_BYTES && this.table.find(this.prefix[n]!, this.bytes, 0, n) >= 0) return 1;
    const cacheable = end - start <= CACHE_MAX_CHARS;
    const piece = cacheable ? text.slice(start, end) : '';
    if (cacheable) {
      const known = this.cache.get(piece);
      if (known !== undefined) return known;
    }
    const tokens = n <= this.scanLimit ? this.mergeByScan(n) : n <= this.bucketMin ? this.mergeByHeap(n) : this.mergeByBuckets(n);
    if (cacheable) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(piece, tokens);
    }
    return tokens;
  }

  /** UTF-8 of text[start, end) into `bytes` (a lone surrogate becomes U+FFFD, as TextEncoder does), with prefix hashes. */
  private encode(piece: string, start: number, end: number): number {
    const need = (end - start) * 3;
    if (need > this.bytes.length) this.grow(need);
    const bytes = this.bytes;
    const prefix = this.prefix;
    let n = 0;
    let h = 0;
    prefix[0] = 0;
    for (let i = start; i < end; i++) {
      let c = piece.charCodeAt(i);
      if (c < 0x80) {
        bytes[n++] = c;
        prefix[n] = h = (Math.imul(h, P) + c + 1) | 0;
        continue;
      }
      if (c < 0x800) {
        const b0 = 0xc0 | (c >> 6), b1 = 0x80 | (c & 0x3f);
        bytes[n++] = b0; prefix[n] = h = (Math.imul(h, P) + b0 + 1) | 0;
        bytes[n++] = b1; prefix[n] = h = (Math.imul(h, P) + b1 + 1) | 0;
        continue;
      }
      if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < end ? piece.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          i++;
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          const b0 = 0xf0 | (cp >> 18), b1 = 0x80 | ((cp >> 12) & 0x3f), b2 = 0x80 | ((cp >> 6) & 0x3f), b3 = 0x80 | (cp & 0x3f);
          bytes[n++] = b0; prefix[n] = h = (Math.imul(h, P) + b0 + 1) | 0;
          bytes[n++] = b1; prefix[n] = h = (Math.imul(h, P) + b1 + 1) | 0;
          bytes[n++] = b2; prefix[n] = h = (Math.imul(h, P) + b2 + 1) | 0;
          bytes[n++] = b3; prefix[n] = h = (Math.imul(h, P) + b3 + 1) | 0;
          continue;
        }
        c = 0xfffd; // lone surrogate
      }
      const b0 = 0xe0 | (c >> 12), b1 = 0x80 | ((c >> 6) & 0x3f), b2 = 0x80 | (c & 0x3f);
      bytes[n++] = b0; prefix[n] = h = (Math.imul(h, P) + b0 + 1) | 0;
      bytes[n++] = b1; prefix[n] = h = (Math.imul(h, P) + b1 + 1) | 0;
      bytes[n++] = b2; prefix[n] = h = (Math.imul(h, P) + b2 + 1) | 0;
    }
    return n;
  }

  private grow(bytes: number): void {
    this.bytes = new Uint8Array(bytes);
    this.prefix = new Int32Array(bytes + 1);
    this.a = new Int32Array(bytes + 1);
    this.b = new Int32Array(bytes + 1);
    this.c = new Int32Array(bytes + 1);
  }

  /** Rank of bytes[from, to), or −1. */
  private rank(from: number, to: number): number {
    const len = to - from;
    if (len > MAX_TOKEN_BYTES) return -1;
    const h = (this.prefix[to]! - Math.imul(this.prefix[from]!, POW[len]!)) | 0;
    return this.table.find(h, this.bytes, from, len);
  }

  /** tiktoken's loop on an array: merge the lowest-ranked adjacent pair until none is a token. */
  private mergeByScan(n: number): number {
    const start = this.a; // start of part i; start[parts] = n
    const pair = this.b; // rank of part i joined with part i + 1, or −1
    for (let i = 0; i <= n; i++) start[i] = i;
    for (let i = 0; i < n - 1; i++) pair[i] = this.rank(i, i + 2);
    let parts = n;
    while (parts > 1) {
      let best = 0x7fffffff;
      let at = -1;
      for (let i = 0; i < parts - 1; i++) {
        const r = pair[i]!;
        if (r >= 0 && r < best) {
          best = r;
          at = i;
        }
      }
      if (at < 0) break;
      start.copyWithin(at + 1, at + 2, parts + 1);
      pair.copyWithin(at + 1, at + 2, parts - 1);
      parts--;
      pair[at] = at < parts - 1 ? this.rank(start[at]!, start[at + 2]!) : -1;
      if (at > 0) pair[at - 1] = this.rank(start[at - 1]!, start[at + 1]!);
    }
    return parts;
  }

  /** Joins the part starting at p with its successor in the linked list (a, b, c) and re-ranks the pairs at p and before it. */
  private join(p: number, n: number): void {
    const next = this.a;
    const prev = this.b;
    const pair = this.c;
    const q = next[p]!;
    const after = next[q]!;
    next[p] = after;
    if (after < n) prev[after] = p;
    pair[q] = -2;
    pair[p] = after < n ? this.rank(p, next[after]!) : -1;
    const before = prev[p]!;
    if (before >= 0) pair[before] = this.rank(before, after);
  }

  /**
   * The same merge order for very long pieces (1,000,000 × "a") through a bucket queue: one list
   * of part starts per rank, kept in position order, and a bitmap of non-empty ranks scanned
   * upwards from the current one. A rank can only drop below the current one in a new pair, which
   * moves the scan back; a list gets an out-of-order start only then, and inserts it in place.
   */
  private mergeByBuckets(n: number): number {
    const next = this.a;
    const prev = this.b;
    const pair = this.c;
    const ranks = this.table.size;
    if (this.bucketHead.length < ranks) {
      this.bucketHead = new Int32Array(ranks).fill(-1);
      this.bucketTail = new Int32Array(ranks).fill(-1);
      this.bucketBits = new Uint32Array((ranks >>> 5) + 1);
    }
    if (this.entryPos.length < 3 * n) {
      this.entryPos = new Int32Array(3 * n);
      this.entryNext = new Int32Array(3 * n);
    }
    const head = this.bucketHead;
    const tail = this.bucketTail;
    const bits = this.bucketBits;
    const pos = this.entryPos;
    const link = this.entryNext;
    let entries = 0;
    let current = 0x7fffffff;
    const insert = (r: number, p: number): void => {
      const e = entries++;
      pos[e] = p;
      const t = tail[r]!;
      if (t < 0) {
        head[r] = tail[r] = e;
        link[e] = -1;
        bits[r >>> 5]! |= 1 << (r & 31);
      } else if (pos[t]! <= p) {
        link[t] = e;
        link[e] = -1;
        tail[r] = e;
      } else if (p < pos[head[r]!]!) {
        link[e] = head[r]!;
        head[r] = e;
      } else {
        let k = head[r]!;
        while (pos[link[k]!]! <= p) k = link[k]!;
        link[e] = link[k]!;
        link[k] = e;
      }
      if (r < current) current = r;
    };
    for (let i = 0; i < n; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
      const r = i < n - 1 ? this.rank(i, i + 2) : -1;
      pair[i] = r;
      if (r >= 0) insert(r, i);
    }
    let parts = n;
    while (current !== 0x7fffffff) {
      const e = head[current]!;
      if (e < 0) {
        bits[current >>> 5]! &= ~(1 << (current & 31));
        tail[current] = -1;
        current = nextSetBit(bits, current + 1);
        continue;
      }
      head[current] = link[e]!;
      if (link[e]! < 0) tail[current] = -1;
      const r = current;
      const p = pos[e]!;
      if (pair[p] !== r) continue;
      this.join(p, n);
      parts--;
      if (pair[p]! >= 0) insert(pair[p]!, p);
      const before = prev[p]!;
      if (before >= 0 && pair[before]! >= 0) insert(pair[before]!, before);
    }
    return parts;
  }

  /**
   * The same merge order through a 4-ary min-heap of (rank · 2³² + start) keys over a linked list
   * of parts, O(n log n). An entry is stale when its part's current pair rank differs: a rank
   * names one byte sequence, so an equal rank at the same start is the same pair.
   */
  private mergeByHeap(n: number): number {
    const next = this.a;
    const prev = this.b;
    const pair = this.c; // rank of the part starting at i joined with its successor; −1 none; −2 swallowed
    if (this.keys.length < 3 * n) this.keys = new Float64Array(3 * n);
    const heap = this.keys;
    let size = 0;
    for (let i = 0; i < n; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
      const r = i < n - 1 ? this.rank(i, i + 2) : -1;
      pair[i] = r;
      if (r >= 0) heap[size++] = r * TWO_32 + i;
    }
    for (let i = (size - 2) >> 2; i >= 0; i--) down4(heap, size, i, heap[i]!);
    let parts = n;
    while (size > 0) {
      const key = heap[0]!;
      size--;
      if (size > 0) down4(heap, size, 0, heap[size]!);
      const r = Math.floor(key / TWO_32);
      const p = key - r * TWO_32;
      if (pair[p] !== r) continue;
      this.join(p, n);
      parts--;
      if (pair[p]! >= 0) up4(heap, size++, pair[p]! * TWO_32 + p);
      const before = prev[p]!;
      if (before >= 0 && pair[before]! >= 0) up4(heap, size++, pair[before]! * TWO_32 + before);
    }
    return parts;
  }
}

function up4(heap: Float64Array, i: number, key: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 2;
    if (heap[parent]! <= key) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = key;
}

function down4(heap: Float64Array, size: number, i: number, key: number): void {
  for (;;) {
    const first = 4 * i + 1;
    if (first >= size) break;
    let best = first;
    let bestKey = heap[first]!;
    const last = first + 4 < size ? first + 4 : size;
    for (let c = first + 1; c < last; c++) {
      const k = heap[c]!;
      if (k < bestKey) {
        bestKey = k;
        best = c;
      }
    }
    if (bestKey >= key) break;
    heap[i] = bestKey;
    i = best;
  }
  heap[i] = key;
}

/** The lowest set bit at or above `from`, or 0x7fffffff when there is none. */
function nextSetBit(bits: Uint32Array, from: number): number {
  let w = from >>> 5;
  if (w >= bits.length) return 0x7fffffff;
  let word = bits[w]! & (-1 << (from & 31));
  while (word === 0) {
    if (++w >= bits.length) return 0x7fffffff;
    word = bits[w]!;
  }
  return (w << 5) + (31 - Math.clz32(word & -word));
}
