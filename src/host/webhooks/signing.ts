// How a delivery is signed, and how a receiver checks it (the same code is in src/host/README.md):
//
//   Creditkit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
//
// The timestamp is inside the signed text, so a captured delivery cannot be replayed later than
// the receiver's tolerance (5 minutes by default) nor its body changed; the receiver compares in
// constant time and de-duplicates on the event id (at-least-once delivery).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'creditkit-signature';
export const DEFAULT_TOLERANCE_S = 300;

/** A new signing secret: 32 random bytes. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function signatureOf(secret: string, timestampS: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex');
}

/** The header's value for `body` signed at `timestampS`. */
export function signatureHeader(secret: string, timestampS: number, body: string): string {
  return `t=${timestampS},v1=${signatureOf(secret, timestampS, body)}`;
}

/**
 * True when `header` signs `body` with `secret` at a time within `toleranceS` of `nowS`. Any v1
 * may match (a receiver rotating secrets may get several).
 */
export function verifySignature(header: string | null | undefined, body: string, secret: string, nowS = Math.floor(Date.now() / 1000), toleranceS = DEFAULT_TOLERANCE_S): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowS - t) > toleranceS) return false;
  const expected = Buffer.from(signatureOf(secret, t, body), 'hex');
  return parts.some(([k, v]) => k === 'v1' && typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) && timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
