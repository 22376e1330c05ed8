// dist/creditkit.js: one self-contained module script for a plain <script type="module"> tag that
// defines every element, each loaded from a chunk beside it when the page first uses its tag
// (src/elements/script-tag.ts). The tokenizer's rank tables stay separate, lazily loaded chunks.
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyLiteralsVite } from './scripts/minify-literals.mjs';

const WORKER = resolve(import.meta.dirname, 'src/tokenizer/count.worker.ts');
const WORKER_CLIENT = resolve(import.meta.dirname, 'src/tokenizer/worker-client.ts');
const WORKER_URL = "new URL('./count.worker.js', import.meta.url)";

/**
 * The token-count worker as a chunk of this build rather than a bundle of its own (what Vite does
 * with `new Worker(new URL(…))`): it then imports the tokenizer's code (BPE, pre-tokenizer, rank
 * table) and the rank files from the same chunks as the page does, so neither is shipped, nor
 * downloaded, twice. Those modules are DOM-free and in a chunk of their own ('bpe' below): the
 * worker never loads lit.
 */
function sharedCountWorker(): Plugin {
  let ref = '';
  return {
    name: 'creditkit-shared-count-worker',
    enforce: 'pre',
    buildStart() {
      ref = this.emitFile({ type: 'chunk', id: WORKER, name: 'count.worker' });
    },
    transform(code, id) {
      if (id.split('?')[0] !== WORKER_CLIENT) return null;
      if (!code.includes(WORKER_URL)) this.error(`${id} no longer makes its worker with ${WORKER_URL}`);
      return { code: code.replace(WORKER_URL, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`), map: null };
    },
  };
}

const RANK_FILE = /js-tiktoken[\\/](?:dist[\\/])?ranks[\\/]/;

/**
 * The rank tables ship without a source map: their code is one string literal, so a map would only
 * carry the 1–2 MB table again (as its sourcesContent) and map nothing a debugger needs.
 */
function noRankTableMaps(): Plugin {
  return {
    name: 'creditkit-no-rank-table-maps',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.moduleIds.some((id) => RANK_FILE.test(id))) continue;
        delete bundle[`${file.fileName}.map`];
        file.map = null;
        file.code = file.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      }
    },
  };
}

export default defineConfig({
  publicDir: false,
  // lit's css/html/svg template text minified too (the JS minifier leaves it as written).
  plugins: [minifyLiteralsVite(), sharedCountWorker(), noRankTableMaps()],
  // Files beside the bundle (the worker, the rank tables) are found relative to the bundle, wherever
  // a page serves it from (/dist/, a CDN path), not from the site's root.
  base: './',
  // The token-count worker as an ES module, so its rank tables stay lazily loaded chunks.
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: resolve(import.meta.dirname, 'src/elements/script-tag.ts'),
      formats: ['es'],
      fileName: () => 'creditkit.js',
    },
    rollupOptions: {
      // Vite leaves whitespace in an ES library build (for bundlers that re-minify it), but this file
      // is what a <script type="module"> tag loads as is: minified fully.
      output: {
        // The worker beside the other assets, where a page's CSP (worker-src) may name it.
        chunkFileNames: (chunk) => (chunk.name === 'count.worker' ? 'assets/[name]-[hash].js' : 'chunks/[name]-[hash].js'),
        minify: true,
        // Licence comments stay; /* @__PURE__ */ marks only help a bundler that tree-shakes, and
        // this file is loaded as it is.
        comments: { legal: true, annotation: false, jsdoc: false },
        // What every element needs (lit, the common element layer, i18n, error types) in one chunk
        // rather than a dozen small ones: fewer requests, and it gzips better as one file. Likewise
        // decimal.js, the catalog, zod, and the rest of core (rating): the elements that use
        // one use most of it, so a page with one element downloads about what it did with core in
        // six small chunks (±0.4 KB), and all files together are 1.3 KB smaller.
        codeSplitting: {
          groups: [
            // Only what a price list uses too: a page downloads all of this chunk, so the parts of
            // the shared layer that only other elements use (lit's repeat and guard, the online and
            // style-property controllers, downloads, meter styles, zod's issue mapping, the statement's
            // words) are left out. The controls nearly every element uses (button, badge, field and
            // segmented control: 1.6 KB here, 2.9 KB as four files) are in; the combobox, used by
            // the price list and the calculator only, is not. Those parts…
            { name: 'common', test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/](?!directives[\\/](repeat|guard)\.js|directive-helpers\.js)|src[\\/]i18n[\\/](?!statement-words)|src[\\/]elements[\\/]common[\\/](?!online-controller|style-props|download|meter\.styles)|src[\\/]elements[\\/]controls[\\/](segmented|icons|styles[\\/](button|badge|field|segmented))\.ts$|src[\\/]core[\\/](errors|decimal-text|describe|exchange-rates|catalog[\\/](names|key-modes|search))\.ts$/ },
            // … are in one chunk of their own rather than several small ones.
            { name: 'shared', test: /node_modules[\\/]lit-html[\\/](directives[\\/](repeat|guard)|directive-helpers)\.js$|src[\\/]elements[\\/]common[\\/](online-controller|style-props|download|meter\.styles)\.ts$|src[\\/]core[\\/]validation\.ts$/ },
            { name: 'bpe', test: /src[\\/]tokenizer[\\/](encodings|bpe|rank-table|pretokenize)\.ts$/ },
            { name: 'decimal', test: /node_modules[\\/]decimal\.js[\\/]|src[\\/]core[\\/]decimal\.ts$/ },
            // What a price list needs to validate and show a catalog, free of decimal.js and zod
            // (parseCatalog checks the schema's compiled shape): a page with only a
            // <credit-pricing-table> loads this, not the rating engine, decimal.js or zod.
            { name: 'catalog', test: /src[\\/]core[\\/](catalog[\\/](parse|shape|catalog-shape|scalars|vocabulary|prices|find|periods|service-tier-view)|instant|credits-to-money|units-for-credits)\.ts$/ },
            // zod with the schemas written in it (the catalog's, the SDK's contract, the planner's
            // scenario): for the elements that check what a host answers or a scenario link holds.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]core[\\/]catalog[\\/]schema\.ts$/ },
            // The comparison of two catalogs, loaded by a price list only when it has one to compare.
            // (diff.ts alone: with the module that uses it, the group would take the table's model
            // types along, and the table would load this chunk at once.)
            { name: 'catalog-diff', test: /src[\\/]core[\\/]catalog[\\/]diff\.ts$/ },
            { name: 'core', test: /src[\\/]core[\\/](?!simulate[\\/])/ },
            // The price list with what shows its model (list-view.ts and the modules it brings),
            // one file: the rows need both, and fetching the second only once the first has run
            // cost a round trip before the rows; as one file it is 0.9 KB smaller gzipped. The plan
            // cards stay apart (a catalog with packages only).
            // The combobox (the price list's and the calculator's) apart, or the group below would take it along.
            { name: 'combobox', test: /src[\\/]elements[\\/]controls[\\/](combobox|controls\.strings|styles[\\/]combobox)\.ts$/ },
            { name: 'pricing-table', test: /src[\\/]elements[\\/]pricing-table[\\/](?!plan-cards|packages|catalog-changes)/ },
          ],
        },
      },
    },
  },
});
