// The account page: the workspace's balance and usage. One provideCredit() on the container hands
// the SDK client to both elements (no `.client` on each).
import '../src/elements/balance/index.js';
import '../src/elements/usage/index.js';
import { provideCredit } from '../src/elements/common/context.js';
import { client } from './demo-client.js';
import './site.js';

provideCredit(document.querySelector<HTMLElement>('#account')!, { client });
