// Which URLs a webhook may point at. Always http(s), without credentials in the URL. A host in
// production (not listening on loopback) refuses private, loopback, link-local and other
// non-public addresses, as literal IPs or as a name that resolves to one: a webhook must not let
// anyone with an administrator's token make the host call into its own network. The check runs
// at registration and again before each delivery (a name may resolve elsewhere later).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { HostError } from '../problems.js';

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

/** True for an address no public webhook lives at (IPv4-mapped IPv6 judged as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const invalid = (detail: string) => new HostError(422, 'invalid-webhook', 'The webhook URL is not allowed', detail, [{ path: 'url', message: detail }]);

/** The URL checked; a 422 naming what is wrong. `allowPrivate`: a host in development, where receivers run on loopback. */
export async function checkWebhookUrl(text: string, allowPrivate: boolean, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`"${text.slice(0, 100)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`the scheme is ${url.protocol.slice(0, -1)}; a webhook is http or https`);
  if (url.username || url.password) throw invalid('a webhook URL must not contain credentials (the deliveries are signed)');
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) throw invalid(`${host} is a loopback address; in production a webhook must be public`);
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw invalid(`${host} does not resolve`);
  }
  const bad = addresses.find(isPrivateAddress);
  if (bad !== undefined) throw invalid(`${host} is a private or loopback address (${bad}); in production a webhook must be public`);
  return url;
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}
