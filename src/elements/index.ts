// `creditkit/elements`: defines every creditkit element.
import './chat-cost/index.js';
import './balance/index.js';
import './usage/index.js';
import './pricing-table/index.js';
import './calculator/index.js';
