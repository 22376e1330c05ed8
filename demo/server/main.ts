// `npm run dev` starts this beside Vite: the reference host on CREDITKIT_API_PORT (8787) with
// its database in CREDITKIT_DATA_DIR (.demo-data/, gitignored). Prints "listening <url>" once ready.
import { startServer } from './server.js';

const port = Number(process.env.CREDITKIT_API_PORT ?? 8787);
const dataDir = process.env.CREDITKIT_DATA_DIR ?? '.demo-data';
// CREDITKIT_SEED=0 starts with the organisations and users only (no top-ups, no usage).
const seed = process.env.CREDITKIT_SEED !== '0';
// CREDITKIT_SQLITE_SYNC=NORMAL trades power-cut durability for speed (a process crash still loses nothing).
const durability = process.env.CREDITKIT_SQLITE_SYNC === 'NORMAL' ? 'NORMAL' : 'FULL';
const server = await startServer({ port, dataDir, seed, durability, host: process.env.CREDITKIT_API_HOST ?? '127.0.0.1' });
console.log(`listening ${server.url} (data in ${dataDir})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close().then(() => process.exit(0));
  });
}
