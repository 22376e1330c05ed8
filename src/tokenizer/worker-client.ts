// The main thread's side of count.worker.ts: one module worker, created on first use, requests
// matched by id. Where there is no Worker (Node) or it cannot start (CSP, a failed load),
// `countInWorker` rejects with WorkerUnavailable and the caller counts on its own thread.
import type { EncodingName } from './encodings.js';

export class WorkerUnavailable extends Error {
  override name = 'WorkerUnavailable';
}

type Factory = () => Worker;
/** `new URL(…, import.meta.url)` in this exact form is what Vite and other bundlers rewrite to the worker's chunk. */
let factory: Factory = () => new Worker(new URL('./count.worker.js', import.meta.url), { type: 'module' });
let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (tokens: number) => void; reject: (error: Error) => void }>();

/** Replaces how the worker is made (tests serve the TypeScript source); drops the current one. */
export function setWorkerFactory(make: Factory): void {
  factory = make;
  worker?.terminate();
  worker = undefined;
}

function failAll(error: Error): void {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
}

function start(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const w = factory();
    w.onmessage = ({ data }: MessageEvent<{ id: number; tokens?: number; error?: string }>) => {
      const request = pending.get(data.id);
      if (!request) return;
      pending.delete(data.id);
      if (typeof data.tokens === 'number') request.resolve(data.tokens);
      else request.reject(new WorkerUnavailable(data.error ?? 'the worker answered without a count'));
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      worker = null; // a worker that failed to load will not load on retry in this page
      w.terminate();
      failAll(new WorkerUnavailable(`the counting worker failed: ${event.message || 'it could not be loaded'}`));
    };
    return (worker = w);
  } catch {
    return (worker = null); // CSP or no module workers
  }
}

export function workerAvailable(): boolean {
  return typeof Worker !== 'undefined' && worker !== null;
}

/** Counts `text` in the worker; rejects with WorkerUnavailable, or with the signal's reason on abort. */
export function countInWorker(text: string, encoding: EncodingName, signal?: AbortSignal): Promise<number> {
  const w = start();
  if (!w) return Promise.reject(new WorkerUnavailable('no Web Worker here'));
  return new Promise<number>((resolve, reject) => {
    const id = nextId++;
    const onAbort = (): void => {
      pending.delete(id); // the worker finishes this count; its answer is ignored
      reject(signal!.reason);
    };
    pending.set(id, {
      resolve: (tokens) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(tokens);
      },
      reject: (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    w.postMessage({ id, text, encoding });
  });
}
