// `npm run dev`: the reference host API (demo/server) and the Vite demo, together; Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

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
if (existsSync('demo/server/main.ts')) start('reference host', 'npx', ['tsx', 'demo/server/main.ts']);
start('vite', 'npx', ['vite', ...process.argv.slice(2)]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((c) => c.kill(signal)));
