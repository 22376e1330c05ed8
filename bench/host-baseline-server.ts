// Baseline for bench/host.bench.ts: a bare Node http server that answers the same routes with
// fixed JSON (reading and parsing the POST body, as the host does), and nothing else: no
// token, no database, no rating. Prints "listening <url>".
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const balance = process.env.BASELINE_BALANCE ?? '{}';
const receipt = process.env.BASELINE_RECEIPT ?? '{}';

const server = createServer((req, res) => {
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(receipt) });
      res.end(receipt);
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(balance) });
  res.end(balance);
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}/api`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
