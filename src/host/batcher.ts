// Group commit: usage events of one organisation that arrive while its previous write is in
// flight (or in the same turn of the event loop) share one transaction and one disk flush. The
// rules decide each event on its own; one refused event leaves the others standing. A caller's
// promise settles only after the transaction has committed, so a receipt is never sent for an
// event the database does not hold.

interface Job<I, R> {
  input: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/** What a commit gives back per input: the result, or why that input was refused. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export class Batcher<I, R> {
  readonly #queues = new Map<string, Job<I, R>[]>();
  /** Organisations with a commit in flight or scheduled: one at a time each, the next batch waits and grows. */
  readonly #busy = new Set<string>();

  constructor(
    /** Writes one batch of one organisation in one transaction; a rejection fails every input of it. */
    private readonly commit: (orgId: string, inputs: I[]) => Promise<Outcome<R>[]>,
    private readonly maxBatch = 500,
  ) {}

  run(orgId: string, input: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let queue = this.#queues.get(orgId);
      if (!queue) this.#queues.set(orgId, (queue = []));
      queue.push({ input, resolve, reject });
      this.#schedule(orgId);
    });
  }

  #schedule(orgId: string): void {
    if (this.#busy.has(orgId)) return;
    this.#busy.add(orgId);
    setImmediate(() => void this.#flush(orgId));
  }

  async #flush(orgId: string): Promise<void> {
    const queue = this.#queues.get(orgId) ?? [];
    const jobs = queue.splice(0, this.maxBatch);
    if (!queue.length) this.#queues.delete(orgId);
    try {
      const outcomes = await this.commit(
        orgId,
        jobs.map((j) => j.input),
      );
      jobs.forEach((job, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.error);
      });
    } catch (error) {
      for (const job of jobs) job.reject(error);
    } finally {
      this.#busy.delete(orgId);
      if (this.#queues.get(orgId)?.length) this.#schedule(orgId);
    }
  }
}
