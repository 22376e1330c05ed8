// Group commit: usage events of one organisation that arrive while its previous write is in
// flight (or in the same turn of the event loop) share one transaction and one disk flush. The
// rules decide each event on its own; one refused event leaves the others standing. A caller's
// promise settles only after the transaction has committed, so a receipt is never sent for an
// event the database does not hold. A commit may take the events that arrived while it waited
// for the organisation's lock (`more`): with several processes on one organisation, that wait is
// where a process's events pile up, and each transaction taken is one fewer to wait for.

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
    /**
     * Writes one batch of one organisation in one transaction; a rejection fails every input of
     * it. `more()` takes the inputs queued since (up to the batch's limit) into the same batch:
     * their outcomes follow those of `inputs`.
     */
    private readonly commit: (orgId: string, inputs: I[], more: () => I[]) => Promise<Outcome<R>[]>,
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

  #take(orgId: string, count: number): Job<I, R>[] {
    const queue = this.#queues.get(orgId) ?? [];
    const jobs = queue.splice(0, count);
    if (!queue.length) this.#queues.delete(orgId);
    return jobs;
  }

  async #flush(orgId: string): Promise<void> {
    const jobs = this.#take(orgId, this.maxBatch);
    const more = (): I[] => {
      const late = this.#take(orgId, this.maxBatch - jobs.length);
      jobs.push(...late);
      return late.map((j) => j.input);
    };
    try {
      const outcomes = await this.commit(
        orgId,
        jobs.map((j) => j.input),
        more,
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
