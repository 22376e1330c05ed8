// The engine is isomorphic: a module Web Worker prices exactly what the page prices.
import { expect } from '@open-wc/testing';
import { parseCatalog, rate } from '../../src/core/index.js';
import { loadJson } from './load.js';

function inWorker(catalog: unknown, usage: unknown): Promise<Record<string, unknown>> {
  const worker = new Worker(new URL('./rate-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ catalog, usage });
  });
}

describe('core in a Web Worker', () => {
  it('prices meinGPT\'s chat to the same exact charge as the page', async () => {
    const json = await loadJson('/catalog/meingpt.json');
    const usage = [{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 }, { service: 'meingpt/tool-call', requests: 2 }];
    const result = await inWorker(json, usage);
    expect(result.ok).to.equal(true);
    expect(result.charge).to.deep.equal(rate(parseCatalog(json), usage));
    expect((result.charge as { credits: string }).credits).to.equal('2.6533');
  });

  it('reports errors by name and message across the boundary', async () => {
    const result = await inWorker(await loadJson('/catalog/gptbots.json'), { service: 'google/gemma-3-4b', inputTokens: 1 });
    expect(result).to.deep.equal({ ok: false, name: 'NotOfferedError', message: 'google/gemma-3-4b is not offered with key mode "platform" (no input price)' });
  });
});
