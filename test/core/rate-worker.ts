// Runs in a module Web Worker: prices what it is sent with the same core the page uses.
import { parseCatalog, rate } from '../../src/core/index.js';

self.onmessage = (event: MessageEvent<{ catalog: unknown; usage: unknown }>) => {
  try {
    const charge = rate(parseCatalog(event.data.catalog), event.data.usage as never);
    self.postMessage({ ok: true, charge });
  } catch (error) {
    self.postMessage({ ok: false, name: (error as Error).name, message: (error as Error).message });
  }
};
