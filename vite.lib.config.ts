// dist/creditkit.js: one self-contained module script that defines every element, for a plain
// <script type="module"> tag. The tokenizer's rank tables stay separate, lazily loaded chunks.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  // The token-count worker as an ES module, so its rank tables stay lazily loaded chunks.
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: resolve(import.meta.dirname, 'src/elements/index.ts'),
      formats: ['es'],
      fileName: () => 'creditkit.js',
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
