// `npm run dev`: the reference host (`creditkit host`, started as a platform would, on SQLite in
// .demo-data/ with the demo organisations) and the Vite demo, together; Ctrl-C stops both.
import { spawn } from 'node:child_process';

const apiPort = process.env.CREDITKIT_API_PORT ?? '8787';
const children = [];
function start(name, command, args) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, CREDITKIT_API_PORT: apiPort } });
  child.on('exit', (code) => {
    console.log(`${name} exited (${code})`);
    for (const other of children) if (other !== child) other.kill();
    process.exit(code ?? 0);
  });
  children.push(child);
}
const seed = process.env.CREDITKIT_SEED === '0' ? 'organisations' : 'demo';
start('reference host', 'npx', ['tsx', 'src/cli/bin.ts', 'host', '--port', apiPort, '--host', '127.0.0.1', '--database', '.demo-data/creditkit-host.sqlite', '--seed', seed]);
start('vite', 'npx', ['vite', ...process.argv.slice(2)]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((c) => c.kill(signal)));
