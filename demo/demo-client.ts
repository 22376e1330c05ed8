// The demo's SDK client: a short-lived token from the reference host's demo endpoint (a real
// platform's backend would issue it for the signed-in user), renewed a minute before it expires.
import { createClient, refreshingToken, type IssuedToken } from '../src/sdk/index.js';

export const getToken = refreshingToken(async (signal) => {
  const response = await fetch('/api/demo/token', { method: 'POST', signal });
  if (!response.ok) throw new Error(`the demo host gave no token (HTTP ${response.status}); is it running (npm run dev)?`);
  return (await response.json()) as IssuedToken;
});

export const client = createClient({ baseUrl: '/api', getToken });

/** The demo host's top-up (a real platform would open its checkout): 1,000 credits. */
export async function demoTopUp(): Promise<Response> {
  const response = await fetch('/api/demo/top-up', {
    method: 'POST',
    headers: { authorization: `Bearer ${await getToken({ forceRefresh: false, signal: new AbortController().signal })}`, 'content-type': 'application/json' },
    body: JSON.stringify({ credits: '1000' }),
  });
  client.invalidate();
  return response;
}
