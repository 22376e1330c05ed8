// The credits that expire next, when the host's balance names them (credit grants with an expiry:
// `expiring: { credits, at, lastDay }`). A host without grants sends nothing, and none of a
// balance of zero credits is shown: the card then has no expiry line.
import type { Balance } from '../../sdk/contract/balance.js';

export interface Expiry {
  credits: string;
  /** The last UTC day the credits can be spent (YYYY-MM-DD): "expire on 31 Dec" for a grant that ends at midnight on 1 Jan. */
  lastDay: string;
}

export function nextExpiry(balance: Balance): Expiry | undefined {
  const e = balance.expiring;
  if (!e || /^0+(\.0+)?$/.test(e.credits)) return undefined;
  return { credits: e.credits, lastDay: e.lastDay };
}
