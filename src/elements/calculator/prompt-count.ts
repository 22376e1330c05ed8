// Token counting of the pasted prompts, one @lit/task per workload: a new text aborts the count
// still running for that workload (its result is dropped), and the count waits for a short pause
// in typing. The tokenizer is imported on first use only, so a page that never counts never
// downloads a rank table.
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Catalog } from '../../core/index.js';

export interface PromptCount {
  tokens: number;
  exact: boolean;
  /** The encoding (exact) or method (estimate) that counted. */
  label: string;
}

export type PromptCountState = { state: 'idle' } | { state: 'counting' } | { state: 'done'; count: PromptCount } | { state: 'unavailable' };

interface TokenizerModule {
  countTokens?: (text: string, options?: { model?: string; catalog?: Catalog }) => Promise<{ tokens: number; exact: boolean; encoding?: string; method?: string }>;
}

type Args = readonly [text: string, service: string];

/** Milliseconds of calm after the last keystroke before a prompt is counted. */
const PAUSE = 150;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

export class PromptCounter {
  readonly #tasks = new Map<number, Task<Args, PromptCount>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly catalog: () => Catalog | undefined,
  ) {}

  /** Counts `text` for workload `key` with the tokenizer of `service` (after a pause in typing); "" clears it. */
  count(key: number, text: string, service: string): void {
    let task = this.#tasks.get(key);
    if (!task) {
      task = new Task<Args, PromptCount>(this.host, {
        autoRun: false,
        task: async ([prompt, model], { signal }) => {
          if (!prompt) return initialState;
          await pause(PAUSE, signal);
          const tokenizer = (await import('../../tokenizer/index.js')) as unknown as TokenizerModule;
          if (typeof tokenizer.countTokens !== 'function') throw new Error('no countTokens');
          const catalog = this.catalog();
          const r = await tokenizer.countTokens(prompt, { model, ...(catalog && { catalog }) });
          signal.throwIfAborted();
          return { tokens: r.tokens, exact: r.exact, label: r.encoding ?? r.method ?? '' };
        },
      });
      this.#tasks.set(key, task);
    }
    void task.run([text, service]);
  }

  state(key: number): PromptCountState {
    const task = this.#tasks.get(key);
    switch (task?.status) {
      case TaskStatus.PENDING:
        return { state: 'counting' };
      case TaskStatus.COMPLETE:
        return { state: 'done', count: task.value! };
      case TaskStatus.ERROR:
        return { state: 'unavailable' };
      default:
        return { state: 'idle' };
    }
  }

  /** Forgets every count (a new scenario was loaded). */
  clear(): void {
    for (const task of this.#tasks.values()) {
      task.abort();
      this.host.removeController(task);
    }
    this.#tasks.clear();
  }
}
