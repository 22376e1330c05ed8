// A scripted fetch for loader tests: answers requests in order, records If-None-Match and aborts.
export interface FakeResponse {
  status?: number;
  body?: unknown;
  etag?: string;
  /** The body as it is (a CSV, say) instead of `body` as JSON. */
  text?: string;
  /** More response headers (content-type, content-disposition). */
  headers?: Record<string, string>;
  /** Keep the response pending until the request is aborted or `release()` is called. */
  hold?: boolean;
}

export interface FakeRequest {
  url: string;
  ifNoneMatch: string | undefined;
  aborted: boolean;
}

export type FakeFetch = ((input: string, init?: RequestInit) => Promise<Response>) & {
  requests: FakeRequest[];
  /** Resolves when every request made so far has answered or been aborted. */
  settled(): Promise<void>;
  release(): void;
};

export function fakeFetch(script: FakeResponse[]): FakeFetch {
  const queue = [...script];
  const pending: Promise<unknown>[] = [];
  const releases: (() => void)[] = [];
  const requests: FakeRequest[] = [];
  const fn = ((input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const record: FakeRequest = { url: input, ifNoneMatch: headers.get('if-none-match') ?? undefined, aborted: false };
    requests.push(record);
    const next = queue.shift() ?? { status: 599 };
    const promise = new Promise<Response>((resolve, reject) => {
      const answer = () => {
        const status = next.status ?? 200;
        const body = status === 304 ? null : (next.text ?? (next.body === undefined ? null : JSON.stringify(next.body)));
        resolve(new Response(body, { status, headers: { ...next.headers, ...(next.etag && { etag: next.etag }) } }));
      };
      init.signal?.addEventListener('abort', () => {
        record.aborted = true;
        reject(new DOMException('aborted', 'AbortError'));
      });
      if (next.hold) releases.push(answer);
      else queueMicrotask(answer);
    });
    pending.push(promise.catch(() => {}));
    return promise;
  }) as FakeFetch;
  fn.requests = requests;
  fn.settled = async () => {
    let count = -1;
    while (count !== pending.length) {
      count = pending.length;
      await Promise.all(pending);
      await new Promise((r) => setTimeout(r));
    }
  };
  fn.release = () => releases.splice(0).forEach((r) => r());
  return fn;
}
