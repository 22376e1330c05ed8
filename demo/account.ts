// The account page: the workspace's balance, usage and monthly statements. One provideCredit() on
// the container hands the SDK client to every element (no `.client` on each).
import '../src/elements/balance/index.js';
import '../src/elements/usage/index.js';
import '../src/elements/statement/index.js';
import { provideCredit } from '../src/elements/common/context.js';
import { client } from './demo-client.js';
import './site.js';

provideCredit(document.querySelector<HTMLElement>('#account')!, { client });
