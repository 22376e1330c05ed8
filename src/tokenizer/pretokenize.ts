// Hand-compiled forms of the two pre-tokenising patterns of js-tiktoken's rank files, as
// scanners over char codes: they find exactly the pieces that `new RegExp(pat_str, 'gu')` finds
// (same alternatives, same order, same backtracking), without a match object or a substring per
// piece. They are used only when the rank file's pat_str is one of the two below, character for
// character; any other pattern runs through the regex. Tests hold them to the regex and to
// js-tiktoken on the corpus and on random strings over every character class involved.

export const O200K_PATTERN =
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
export const CL100K_PATTERN =
  "('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

/** Class bits of a code point. */
const UPPERISH = 1; // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
const LOWERISH = 2; // [\p{Ll}\p{Lm}\p{Lo}\p{M}]
const LETTER = 4; // \p{L}
const NUMBER = 8; // \p{N}
const SPACE = 16; // \s

const CLASSES: [RegExp, number][] = [
  [/[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+/gu, UPPERISH],
  [/[\p{Ll}\p{Lm}\p{Lo}\p{M}]+/gu, LOWERISH],
  [/\p{L}+/gu, LETTER],
  [/\p{N}+/gu, NUMBER],
  [/\s+/gu, SPACE],
];

/** Class bits of BMP code points, filled 128 at a time on first sight (UNKNOWN until then). */
const UNKNOWN = 0x80;
const bmp = new Uint8Array(0x10000).fill(UNKNOWN);
const astral = new Map<number, number>();

/** Fills the block of 128 code points holding `c` from the same Unicode tables the regex uses; returns c's bits. */
function fillBlock(c: number): number {
  const from = c & ~127;
  const units = new Uint16Array(128);
  for (let i = 0; i < 128; i++) units[i] = from + i >= 0xd800 && from + i < 0xe000 ? 0x20 : from + i;
  const block = String.fromCharCode(...units);
  bmp.fill(0, from, from + 128);
  if (from < 0xd800 || from >= 0xe000) {
    for (const [re, bit] of CLASSES) {
      re.lastIndex = 0; // matchAll starts where the shared regex last stopped
      for (const m of block.matchAll(re)) for (let i = m.index!, end = i + m[0].length; i < end; i++) bmp[from + i]! |= bit;
    }
  }
  return bmp[c]!;
}

function astralClass(cp: number): number {
  let bits = astral.get(cp);
  if (bits === undefined) {
    const ch = String.fromCodePoint(cp);
    bits = 0;
    for (const [re, bit] of CLASSES) {
      re.lastIndex = 0;
      if (re.test(ch)) bits |= bit;
    }
    astral.set(cp, bits);
  }
  return bits;
}

/** Finds the end of the piece starting at `at`, or −1 when no alternative matches there (the regex would skip a code point). */
export type Scanner = (text: string, at: number) => number;

/** A scanner for `pattern` when it is one of the two known patterns, else undefined. */
export function scannerFor(pattern: string): Scanner | undefined {
  if (pattern === O200K_PATTERN) return makeScanner(true);
  if (pattern === CL100K_PATTERN) return makeScanner(false);
  return undefined;
}

function makeScanner(o200k: boolean): Scanner {
  const table = bmp;
  let text = '';
  let n = 0;
  // Class bits and width of the code point at i (a lone surrogate is one classless unit).
  let width = 1;
  const cls = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        width = 2;
        return astralClass(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
      }
    }
    width = 1;
    const bits = table[c]!;
    return bits & UNKNOWN ? fillBlock(c) : bits;
  };
  /** End of a run of code points having `bit`, from i. */
  const run = (i: number, bit: number): number => {
    while (i < n && cls(i) & bit) i += width;
    return i;
  };
  /** [^\r\n\p{L}\p{N}] at i: returns its width, or 0. */
  const prefix = (i: number): number => {
    if (i >= n) return 0;
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return 0;
    return cls(i) & (LETTER | NUMBER) ? 0 : width;
  };
  /** The optional contraction at i: its end, or i. */
  const contraction = (i: number): number => {
    if (i + 1 >= n || text.charCodeAt(i) !== 39) return i;
    const a = text.charCodeAt(i + 1) | 0x20; // ASCII lower case
    if (a === 115 || a === 116 || a === 109 || a === 100) return i + 2; // s t m d
    if (i + 2 >= n) return i;
    const b = text.charCodeAt(i + 2) | 0x20;
    if ((a === 114 && b === 101) || (a === 118 && b === 101) || (a === 108 && b === 108)) return i + 3; // re ve ll
    return i;
  };
  /** [Uish]*[Lish]+ from s with the regex's backtracking: its end, or −1. */
  const wordTail = (s: number): number => {
    const u = run(s, UPPERISH);
    if (u < n && cls(u) & LOWERISH) return run(u, LOWERISH);
    // Give back upper-ish code points from the right until one is also lower-ish.
    for (let t = u; t > s; ) {
      t--;
      if (t > s && text.charCodeAt(t) >= 0xdc00 && text.charCodeAt(t) < 0xe000 && text.charCodeAt(t - 1) >= 0xd800 && text.charCodeAt(t - 1) < 0xdc00) t--;
      if (cls(t) & LOWERISH) return t + width;
    }
    return -1;
  };
  /** [Uish]+[Lish]* from s: its end, or −1. */
  const upperWord = (s: number): number => (s < n && cls(s) & UPPERISH ? run(run(s, UPPERISH), LOWERISH) : -1);
  /** The whitespace alternatives from i (a \s code point): \s*[\r\n]+ | \s+(?!\S) | \s+ */
  const spaces = (i: number): number => {
    const w = run(i, SPACE);
    for (let p = w - 1; p >= i; p--) {
      const c = text.charCodeAt(p);
      if (c === 10 || c === 13) return p + 1;
    }
    if (w === n || w - i < 2) return w;
    return w - 1;
  };
  /** ` ?[^\s\p{L}\p{N}]+` then o200k's [\r\n/]* or cl100k's [\r\n]* from i: its end, or −1. */
  const other = (k: number): boolean => k < n && (cls(k) & (SPACE | LETTER | NUMBER)) === 0;
  const symbols = (i: number): number => {
    let s = i;
    if (text.charCodeAt(i) === 32 && other(i + 1)) s = i + 1;
    else if (!other(i)) return -1;
    let e = s;
    while (e < n && (cls(e) & (SPACE | LETTER | NUMBER)) === 0) e += width;
    for (;;) {
      const c = e < n ? text.charCodeAt(e) : -1;
      if (c === 10 || c === 13 || (o200k && c === 47)) e++;
      else return e;
    }
  };
  const numbers = (i: number): number => {
    let e = i;
    for (let k = 0; k < 3 && e < n && cls(e) & NUMBER; k++) e += width;
    return e;
  };

  if (o200k) {
    return (t, i) => {
      text = t;
      n = t.length;
      const p = prefix(i);
      let e: number;
      if (p && (e = wordTail(i + p)) >= 0) return contraction(e);
      if ((e = wordTail(i)) >= 0) return contraction(e);
      if (p && (e = upperWord(i + p)) >= 0) return contraction(e);
      if ((e = upperWord(i)) >= 0) return contraction(e);
      const bits = cls(i);
      if (bits & NUMBER) return numbers(i);
      if ((e = symbols(i)) >= 0) return e;
      if (cls(i) & SPACE) return spaces(i);
      return -1;
    };
  }
  return (t, i) => {
    text = t;
    n = t.length;
    let e = contraction(i);
    if (e > i) return e;
    const p = prefix(i);
    if (p && i + p < n && cls(i + p) & LETTER) return run(i + p, LETTER);
    if (cls(i) & LETTER) return run(i, LETTER);
    if (cls(i) & NUMBER) return numbers(i);
    if ((e = symbols(i)) >= 0) return e;
    if (cls(i) & SPACE) return spaces(i);
    return -1;
  };
}
