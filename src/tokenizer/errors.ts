import { CreditError } from '../core/errors.js';

/** Bad input to the tokenizer (not a string, an unknown option value); names what is wrong. */
export class TokenizerError extends CreditError {
  override name = 'TokenizerError';
}

/** Throws unless `text` is a string, naming the function and what it got instead. */
export function assertText(text: unknown, where: string): asserts text is string {
  if (typeof text !== 'string') {
    const got = text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text;
    throw new TokenizerError(`${where}: text must be a string, got ${got}`);
  }
}
