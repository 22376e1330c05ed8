// Incremental counting for live typing. The text is kept as chunks cut where counts add up
// exactly (chunks.ts), each with its count; an edit re-counts only the chunks it touches (plus a
// neighbour when it lands next to a cut) and re-cuts them, so the total always equals a full count.
import { isCut, splitAtCuts } from './chunks.js';
import type { BpeCounter } from './bpe.js';
import { loadEncoding, type EncodingName } from './encodings.js';
import { assertText, TokenizerError } from './errors.js';
import { ESTIMATE_METHOD, estimateRaw } from './estimate.js';
import { chooseEncoding, type EncodingOptions } from './models.js';

/** Chunk size in UTF-16 code units: a keystroke re-counts about one chunk. */
const CHUNK = 512;

export class TokenCounter {
  /** The encoding when counts are exact. */
  readonly encoding: EncodingName | undefined;
  /** The estimate method and why, when they are not. */
  readonly method: typeof ESTIMATE_METHOD | undefined;
  readonly reason: string | undefined;
  /** Code units counted by the last edit (for tests and the benchmark). */
  lastRecounted = 0;
  private chunks: string[] = [''];
  private counts: number[] = [0];
  private sum = 0;
  private current = '';

  private constructor(private readonly counter: BpeCounter | undefined, choice: { encoding?: EncodingName; reason?: string }) {
    this.encoding = choice.encoding;
    this.method = counter ? undefined : ESTIMATE_METHOD;
    this.reason = choice.reason;
  }

  /** A counter for a model or encoding (see countTokens); loads the encoding first. Falls back to the estimate when that fails. */
  static async create(options: EncodingOptions = {}): Promise<TokenCounter> {
    const choice = await chooseEncoding(options);
    if (!('encoding' in choice)) return new TokenCounter(undefined, { reason: choice.reason });
    try {
      return new TokenCounter(await loadEncoding(choice.encoding), { encoding: choice.encoding });
    } catch (error) {
      return new TokenCounter(undefined, { reason: `could not load ${choice.encoding}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  get exact(): boolean {
    return this.counter !== undefined;
  }

  /** Tokens of the whole text (estimates are summed unrounded, then rounded). */
  get tokens(): number {
    return this.counter ? this.sum : Math.round(this.sum);
  }

  get text(): string {
    return this.current;
  }

  private countOf(chunk: string): number {
    return this.counter ? this.counter.count(chunk) : estimateRaw(chunk);
  }

  /** Replaces the whole text; returns the new total. */
  set(text: string): number {
    assertText(text, 'TokenCounter.set');
    this.chunks = splitAtCuts(text, CHUNK);
    this.counts = this.chunks.map((c) => this.countOf(c));
    this.sum = this.counts.reduce((a, b) => a + b, 0);
    this.current = text;
    this.lastRecounted = text.length;
    return this.tokens;
  }

  /** Deletes `deleteCount` code units at `start` and inserts `insert` there; returns the new total. */
  splice(start: number, deleteCount: number, insert = ''): number {
    assertText(insert, 'TokenCounter.splice');
    const length = this.current.length;
    if (!Number.isInteger(start) || !Number.isInteger(deleteCount) || start < 0 || deleteCount < 0 || start + deleteCount > length) {
      throw new TokenizerError(`TokenCounter.splice: range ${start}+${deleteCount} is outside the text (length ${length})`);
    }
    // The chunks from the one holding start − 2 to the one holding end + 1: their outer cuts
    // look at units at most one away from the cut, which the edit leaves alone (see chunks.ts).
    const end = start + deleteCount;
    let first = 0;
    let firstStart = 0;
    while (first < this.chunks.length - 1 && firstStart + this.chunks[first]!.length <= Math.max(0, start - 2)) firstStart += this.chunks[first++]!.length;
    let last = first;
    let lastEnd = firstStart + this.chunks[first]!.length;
    while (last < this.chunks.length - 1 && lastEnd <= end + 1) lastEnd += this.chunks[++last]!.length;
    const region = this.current.slice(firstStart, start) + insert + this.current.slice(end, lastEnd);
    const pieces = region.length > 0 ? splitAtCuts(region, CHUNK) : [];
    const counts = pieces.map((p) => this.countOf(p));
    for (let i = first; i <= last; i++) this.sum -= this.counts[i]!;
    for (const c of counts) this.sum += c;
    this.chunks.splice(first, last - first + 1, ...pieces);
    this.counts.splice(first, last - first + 1, ...counts);
    if (this.chunks.length === 0) {
      this.chunks = [''];
      this.counts = [0];
    }
    this.current = this.current.slice(0, start) + insert + this.current.slice(end);
    this.lastRecounted = region.length;
    return this.tokens;
  }

  /** Sets the text to `text`, re-counting only what changed since the last call (for input events). */
  update(text: string): number {
    assertText(text, 'TokenCounter.update');
    const old = this.current;
    const max = Math.min(old.length, text.length);
    // Whole blocks first: comparing substrings is a native memcmp (and flattens concatenated
    // strings once), where charCodeAt walks a concatenation unit by unit.
    const BLOCK = 1024;
    let prefix = 0;
    while (prefix + BLOCK <= max && old.substr(prefix, BLOCK) === text.substr(prefix, BLOCK)) prefix += BLOCK;
    while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix + BLOCK <= max - prefix && old.substr(old.length - suffix - BLOCK, BLOCK) === text.substr(text.length - suffix - BLOCK, BLOCK)) suffix += BLOCK;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    return this.splice(prefix, old.length - prefix - suffix, text.slice(prefix, text.length - suffix));
  }

  /** Internal consistency for tests: chunks join to the text and every chunk boundary is a cut. */
  check(): boolean {
    let at = 0;
    for (let i = 0; i < this.chunks.length - 1; i++) {
      at += this.chunks[i]!.length;
      if (!isCut(this.current, at)) return false;
    }
    return this.chunks.join('') === this.current;
  }
}
