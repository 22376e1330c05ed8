// Delivers the notification feed to the registered webhooks from the outbox in the database
// (table webhook_deliveries), so that delivery survives a crash and runs in any number of
// processes:
//
//   1. enqueue  a pending delivery per webhook for each notification recorded since (idempotent)
//   2. claim    due deliveries are leased to this process (a killed process's lease runs out)
//   3. deliver  POST, signed (signing.ts), with a timeout: a slow receiver never holds anything else up
//   4. finish   the attempt logged and the delivery moved on in one transaction: delivered (2xx),
//               due again after a backoff (30 s, 1 min, 2 min … at most an hour apart), or failed
//               once the next try would fall more than a day after the event
//
// At-least-once: a process killed between 3 and 4 leaves the delivery pending, and it is sent
// again when the lease ends; receivers de-duplicate on the event id.
import type { ClaimedDelivery, DeliveryAttempt, Store } from '../store/types.js';
import { signatureHeader, SIGNATURE_HEADER } from './signing.js';
import { checkWebhookUrl } from './urls.js';

export interface DelivererOptions {
  store: Store;
  /** The host's clock. */
  now: () => number;
  /** The JSON body of a delivery. */
  body: (delivery: ClaimedDelivery) => Promise<string>;
  /** Deliver to private and loopback addresses (a host in development). */
  allowPrivate: boolean;
  /** Resolves host names for the private-address check before each delivery. @default DNS */
  resolve?: (host: string) => Promise<string[]>;
  /** Looks for notifications nobody's charge raises (scheduled.ts), every `sweepMs`. */
  sweep?: () => Promise<void>;
  /** Per attempt, until the receiver's answer has arrived. @default 10000 */
  timeoutMs?: number;
  /** The first retry's delay; each next one doubles. @default 30000 */
  retryBaseMs?: number;
  /** @default 3600000 */
  retryMaxMs?: number;
  /** Deliveries are given up this long after the event. @default 86400000 (a day) */
  giveUpAfterMs?: number;
  /** How often the outbox is looked at. @default 1000 */
  pollMs?: number;
  /** @default 60000 */
  sweepMs?: number;
  /** Deliveries claimed at once. @default 20 */
  batch?: number;
  fetch?: typeof fetch;
}

export interface TickResult {
  enqueued: number;
  attempted: number;
  delivered: number;
}

/** The delay before retry number `attempt` (1 = after the first failure). */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(attempt - 1, 30), maxMs);
}

export class WebhookDeliverer {
  readonly #o: Required<Omit<DelivererOptions, 'sweep' | 'resolve'>> & Pick<DelivererOptions, 'sweep' | 'resolve'>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #lastSweep = -Infinity;
  #stopped = false;

  constructor(options: DelivererOptions) {
    this.#o = { timeoutMs: 10_000, retryBaseMs: 30_000, retryMaxMs: 3_600_000, giveUpAfterMs: 86_400_000, pollMs: 1_000, sweepMs: 60_000, batch: 20, fetch: globalThis.fetch, ...options };
  }

  /** Looks at the outbox every `pollMs` (the timer does not keep the process alive). */
  start(): void {
    this.#stopped = false;
    const loop = () => {
      if (this.#stopped) return;
      this.#running = this.tick()
        .catch((error: unknown) => console.warn(`creditkit host: webhook deliveries: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          this.#running = undefined;
          if (!this.#stopped) this.#timer = setTimeout(loop, this.#o.pollMs).unref();
        });
    };
    loop();
  }

  /** Stops looking and waits for the deliveries in flight (each ends by its timeout). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** One round: sweep when due, enqueue, claim, deliver, finish. */
  async tick(): Promise<TickResult> {
    const now = this.#o.now();
    if (this.#o.sweep && (now - this.#lastSweep >= this.#o.sweepMs || now < this.#lastSweep)) {
      this.#lastSweep = now;
      await this.#o.sweep();
    }
    const enqueued = await this.#o.store.enqueueDeliveries(new Date(now).toISOString());
    // The lease outlasts the attempt (timeout and finishing), so no other process takes it meanwhile.
    const leaseUntil = new Date(now + this.#o.timeoutMs * 2 + 5_000).toISOString();
    const claimed = await this.#o.store.claimDeliveries(new Date(now).toISOString(), leaseUntil, this.#o.batch);
    const outcomes = await Promise.all(claimed.map((d) => this.#deliver(d)));
    return { enqueued, attempted: claimed.length, delivered: outcomes.filter((o) => o === 'delivered').length };
  }

  async #deliver(d: ClaimedDelivery): Promise<DeliveryAttempt['outcome']> {
    const attempt = d.attempts + 1;
    const started = this.#o.now();
    const clock = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      // Again before each delivery: a name may resolve to a private address by now (DNS rebinding).
      if (!this.#o.allowPrivate) await checkWebhookUrl(d.url, false, this.#o.resolve);
      const body = await this.#o.body(d);
      const response = await this.#o.fetch(d.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#o.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'creditkit-webhooks/1',
          'creditkit-event-id': `evt_${d.notification.seq}`,
          'creditkit-delivery-attempt': String(attempt),
          [SIGNATURE_HEADER]: signatureHeader(d.secret, Math.floor(started / 1000), body),
        },
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => {});
      if (statusCode < 200 || statusCode >= 300) error = `answered ${statusCode}`;
    } catch (caught) {
      error = describeFailure(caught, this.#o.timeoutMs);
    }
    const outcome: DeliveryAttempt['outcome'] = error === null ? 'delivered' : this.#nextTry(d, attempt) === null ? 'failed' : 'retry';
    const next = outcome === 'retry' ? this.#nextTry(d, attempt) : null;
    await this.#o.store.finishDelivery(
      { deliveryId: d.id, webhookId: d.webhookId, attempt, at: new Date(started).toISOString(), statusCode, error: error?.slice(0, 500) ?? null, durationMs: Math.max(0, Date.now() - clock), outcome },
      next,
    );
    return outcome;
  }

  /** When to try again after failed attempt `attempt`; null when that would be more than a day after the event. */
  #nextTry(d: ClaimedDelivery, attempt: number): string | null {
    const at = this.#o.now() + retryDelayMs(attempt, this.#o.retryBaseMs, this.#o.retryMaxMs);
    return at > Date.parse(d.createdAt) + this.#o.giveUpAfterMs ? null : new Date(at).toISOString();
  }
}

/** A failed fetch in a few words: a timeout, a refused connection, a URL refused in production. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
