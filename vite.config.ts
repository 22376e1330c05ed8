// The demo: a Vite multi-page site (every demo/*.html is a page), served beside the reference
// host (`creditkit host`, src/host), whose /api requests Vite proxies.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { writeDemoPages } from './scripts/demo-pages.mjs';

const demo = resolve(import.meta.dirname, 'demo');
// Every page in English and German, from its template in demo/pages (the written pages are not in git).
const pages = Object.fromEntries(writeDemoPages(demo).map((f) => [f.replace(/\.html$/, ''), resolve(demo, f)]));
const apiPort = Number(process.env.CREDITKIT_API_PORT ?? 8787);

const catalogDir = resolve(import.meta.dirname, 'catalog');

/** Serves catalog/*.json at /catalog/ in dev and preview, and copies them into the build. */
/** Rewrites the pages when a template in demo/pages changes, so `npm run dev` reloads them. */
function pageTemplates(): Plugin {
  return {
    name: 'creditkit-demo-pages',
    configureServer(server) {
      server.watcher.add(resolve(demo, 'pages'));
      server.watcher.on('change', (file) => {
        if (!file.startsWith(resolve(demo, 'pages'))) return;
        try {
          writeDemoPages(demo);
        } catch (error) {
          server.config.logger.error(String(error));
        }
      });
    },
  };
}

function catalogs(): Plugin {
  const serve = (server: { middlewares: { use: (fn: (req: any, res: any, next: () => void) => void) => unknown } }): void => {
    server.middlewares.use((req, res, next) => {
      const match = /^\/catalog\/([a-z0-9-]+\.json)(?:\?.*)?$/.exec(req.url ?? '');
      if (!match) return next();
      try {
        const body = readFileSync(resolve(catalogDir, match[1]!));
        // An ETag, so the pricing table's revalidation gets 304 while the file is unchanged.
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
        res.setHeader('etag', etag);
        res.setHeader('cache-control', 'no-cache');
        if (req.headers?.['if-none-match'] === etag) {
          res.statusCode = 304;
          return res.end();
        }
        res.setHeader('content-type', 'application/json');
        res.end(body);
      } catch {
        next();
      }
    });
  };
  return {
    name: 'creditkit-catalogs',
    configureServer: serve,
    configurePreviewServer: serve,
    generateBundle() {
      for (const file of readdirSync(catalogDir).filter((f) => f.endsWith('.json'))) {
        this.emitFile({ type: 'asset', fileName: `catalog/${file}`, source: readFileSync(resolve(catalogDir, file)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [catalogs(), pageTemplates()],
  // The token-count worker as an ES module: Vite's default (iife) would inline both rank tables into it.
  worker: { format: 'es' },
  root: demo,
  publicDir: resolve(import.meta.dirname, 'demo/public'),
  server: { port: Number(process.env.PORT ?? 5173), proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  preview: { port: Number(process.env.PORT ?? 4173), proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  // The tokenizer's rank tables are multi-megabyte chunks, loaded lazily only where text is counted.
  build: { outDir: resolve(import.meta.dirname, 'dist-demo'), emptyOutDir: true, chunkSizeWarningLimit: 4096, rollupOptions: { input: pages } },
});
