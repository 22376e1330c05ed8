// Host processes for the multi-process tests: `creditkit host` started as a platform would (a
// child process each), and a round-robin HTTP proxy on loopback in front of them that answers
// 502 (problem+json) when the process it picked is gone, as a load balancer would.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port>/api */
  url: string;
  port: number;
  exited: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `creditkit host` on `database`; resolves once it listens. */
export function startHostProcess(database: string, args: string[] = [], port = 0): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'host', '--port', String(port), '--database', database, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CREDITKIT_DEMO_TOKENS: '1' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (http:\/\/127\.0\.0\.1:(\d+)\/api)/.exec(out);
      if (!match) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume(); // keep draining its log
      resolve({
        child,
        url: match[1]!,
        port: Number(match[2]),
        exited,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`creditkit host exited before listening (${code}): ${out}`)));
  });
}

export interface Proxy {
  url: string;
  /** Requests answered 502 because the chosen process did not answer. */
  badGateway: number;
  close(): Promise<void>;
}

/** A round-robin proxy on loopback: request i goes to upstream i mod n. */
export async function roundRobinProxy(upstreams: () => readonly { port: number }[]): Promise<Proxy> {
  let next = 0;
  const state = { badGateway: 0 };
  const server: Server = createServer((req, res) => {
    const list = upstreams();
    const target = list[next++ % list.length]!;
    const upstream = request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
      reply.on('error', () => res.destroy());
    });
    upstream.on('error', () => {
      state.badGateway++;
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { 'content-type': 'application/problem+json', 'retry-after': '0' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Bad gateway', status: 502 }));
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    get badGateway() {
      return state.badGateway;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
