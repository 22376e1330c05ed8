// The two exact encodings. Each rank file (1–2 MB of JS) is fetched by its own dynamic import()
// with a literal specifier, so bundlers emit it as a separate chunk that only a page that counts
// tokens ever downloads; the compact table is built once and cached per encoding.
import { BpeCounter } from './bpe.js';
import { RankTable } from './rank-table.js';

export const ENCODINGS = ['o200k_base', 'cl100k_base'] as const;
export type EncodingName = (typeof ENCODINGS)[number];

interface RankFile {
  pat_str: string;
  bpe_ranks: string;
}

export function isEncodingName(name: unknown): name is EncodingName {
  return name === 'o200k_base' || name === 'cl100k_base';
}

/** The rank file of one encoding; separate literal imports keep each in its own chunk. */
function importRanks(name: EncodingName): Promise<{ default: RankFile }> {
  switch (name) {
    case 'o200k_base':
      return import('js-tiktoken/ranks/o200k_base');
    case 'cl100k_base':
      return import('js-tiktoken/ranks/cl100k_base');
  }
}

let importer: (name: EncodingName) => Promise<{ default: RankFile }> = importRanks;

/** Replaces how rank files load and forgets loaded encodings (tests simulate an offline load); no argument restores it. */
export function setRankImporter(load?: (name: EncodingName) => Promise<{ default: RankFile }>): void {
  importer = load ?? importRanks;
  loaded.clear();
  ready.clear();
}

/** Builds a counter from a rank file's data (also what the worker calls). */
export function counterFromRanks(ranks: RankFile): BpeCounter {
  return new BpeCounter(new RankTable(ranks.bpe_ranks), ranks.pat_str);
}

const loaded = new Map<EncodingName, Promise<BpeCounter>>();
const ready = new Map<EncodingName, BpeCounter>();

/** The counter of `name`, loading its ranks on first use. A failed load is not cached, so a later call retries. */
export function loadEncoding(name: EncodingName): Promise<BpeCounter> {
  let pending = loaded.get(name);
  if (!pending) {
    pending = importer(name).then((module) => {
      const counter = counterFromRanks(module.default);
      ready.set(name, counter);
      return counter;
    });
    pending.catch(() => loaded.delete(name));
    loaded.set(name, pending);
  }
  return pending;
}

/** The counter of `name` if it is already loaded (synchronous paths use it), else undefined. */
export function loadedEncoding(name: EncodingName): BpeCounter | undefined {
  return ready.get(name);
}
