// dist/creditkit.js: one self-contained module script for a plain <script type="module"> tag that
// defines every element, each loaded from a chunk beside it when the page first uses its tag
// (src/elements/script-tag.ts). The tokenizer's rank tables stay separate, lazily loaded chunks.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { minifyLiteralsVite } from './scripts/minify-literals.mjs';

export default defineConfig({
  publicDir: false,
  // lit's css/html/svg template text minified too (the JS minifier leaves it as written).
  plugins: [minifyLiteralsVite()],
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
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        // Licence comments stay; /* @__PURE__ */ marks only help a bundler that tree-shakes, and
        // this file is loaded as it is.
        comments: { legal: true, annotation: false, jsdoc: false },
        // What every element needs (lit, the common element layer, i18n, error types) in one chunk
        // rather than a dozen small ones: fewer requests, and it gzips better as one file. Likewise
        // decimal.js, and the rest of core with zod (catalog, rating): the elements that use one
        // use most of it, so a page with one element downloads about what it did with core in six
        // small chunks (±0.4 KB), and all files together are 1.3 KB smaller.
        codeSplitting: {
          groups: [
            { name: 'common', test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|src[\\/](elements[\\/]common|i18n)[\\/]|src[\\/]core[\\/](errors|validation|decimal-text|describe|catalog[\\/]names)\.ts$/ },
            { name: 'decimal', test: /node_modules[\\/]decimal\.js[\\/]|src[\\/]core[\\/]decimal\.ts$/ },
            { name: 'core', test: /node_modules[\\/]zod[\\/]|src[\\/]core[\\/](?!simulate[\\/])/ },
          ],
        },
      },
    },
  },
});
