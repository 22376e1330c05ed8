// Counts tokens off the main thread: { id, text, encoding } in, { id, tokens } or { id, error } out.
// Loads (and caches) the rank file inside the worker, so the page's thread never parses it.
import { loadEncoding, type EncodingName } from './encodings.js';

interface Scope {
  onmessage: ((event: MessageEvent<{ id: number; text: string; encoding: EncodingName }>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = globalThis as unknown as Scope;

scope.onmessage = async ({ data }) => {
  try {
    const counter = await loadEncoding(data.encoding);
    scope.postMessage({ id: data.id, tokens: counter.count(data.text) });
  } catch (error) {
    scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
