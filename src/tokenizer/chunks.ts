// Places where a text can be cut so that counting the parts separately gives exactly the count
// of the whole: no pre-token of tiktoken's patterns (o200k_base, cl100k_base) crosses the cut, and
// the pieces before it come out the same whether or not the text goes on. Two kinds:
// - after a "\n" when the next character is neither whitespace nor "/" (a newline run ends
//   there, and only o200k's "[\r\n/]*" tail could run on, through a "/");
// - before a " " that sits between two letters (the word ends at the space; the space starts the
//   next word's piece).
// Both only look at code units next to the cut, so an edit two units away leaves a cut valid.

const LETTER = /\p{L}/u;
const SPACE_OR_SLASH = /[\s/]/u;

function isLetter(code: number): boolean {
  // A surrogate half is never taken for a letter: astral letters just do not make cuts.
  return code < 0x80 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) : (code < 0xd800 || code > 0xdfff) && LETTER.test(String.fromCharCode(code));
}

/** Whether counting text[0, at) and text[at, …) separately equals counting the whole. */
export function isCut(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const here = text.charCodeAt(at);
  if (before === 10) return !SPACE_OR_SLASH.test(text[at]!);
  return here === 32 && at + 1 < text.length && isLetter(before) && isLetter(text.charCodeAt(at + 1));
}

/** Splits `text` into pieces of at least `target` code units (the last may be shorter) at cuts. */
export function splitAtCuts(text: string, target: number): string[] {
  const parts: string[] = [];
  let from = 0;
  while (text.length - from > target) {
    let at = from + target;
    while (at < text.length && !isCut(text, at)) at++;
    if (at >= text.length) break;
    parts.push(text.slice(from, at));
    from = at;
  }
  parts.push(text.slice(from));
  return parts;
}
