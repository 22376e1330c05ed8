// Browser side of corpus.ts: the fixture files, fetched from the test server (the project root).
import type { CorpusFile } from './corpus.js';

const texts = new Map<string, Promise<string>>();
export function corpusText(file: CorpusFile): Promise<string> {
  let pending = texts.get(file);
  if (!pending) {
    pending = fetch(`/test/fixtures/tokenizer/${file}`).then((r) => {
      if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
      return r.text();
    });
    texts.set(file, pending);
  }
  return pending;
}
