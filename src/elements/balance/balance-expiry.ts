// The next credits to expire, when the host's balance carries them (credit grants with an expiry,
// issue 18): `nextExpiry: { credits, expiresAt }`. Optional: a host without grants sends nothing
// and the card shows no line. Read defensively, as a host's answer may predate the field.
import type { Balance } from '../../sdk/contract/balance.js';

export interface Expiry {
  credits: string;
  /** ISO instant. */
  expiresAt: string;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** The grant that expires next, or undefined when the balance names none (or names it malformed). */
export function nextExpiry(balance: Balance): Expiry | undefined {
  const value = (balance as Balance & { nextExpiry?: unknown }).nextExpiry;
  if (!value || typeof value !== 'object') return undefined;
  const { credits, expiresAt } = value as Partial<Record<keyof Expiry, unknown>>;
  if (typeof credits !== 'string' || !DECIMAL.test(credits) || /^0+(\.0+)?$/.test(credits)) return undefined;
  if (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))) return undefined;
  return { credits, expiresAt };
}
