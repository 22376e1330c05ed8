// The one service search of the price list and the calculator (issue 14.11: the calculator missed
// "claude sonnet", which the price list found).
import { expect } from '@open-wc/testing';
import { matchesSearch, searchTerms, type Catalog } from '../../../src/core/index.js';
import { loadCatalog } from '../load.js';

let gptbots: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
});
const find = (query: string) => gptbots.services.filter((s) => matchesSearch(s, searchTerms(query))).map((s) => s.id);

describe('service search', () => {
  it('finds a service by words of its brand and model in any order and case', () => {
    expect(find('claude sonnet')).to.include('anthropic/claude-4.5-sonnet-200k');
    expect(find('SONNET   Claude')).to.deep.equal(find('claude sonnet'));
    for (const id of find('claude sonnet')) expect(id).to.match(/claude.*sonnet/);
  });
  it('finds by the English brand, an alias, and with the punctuation left out', () => {
    expect(find('alibaba qwen turbo')).to.include('alibaba/qwen-turbo-1m');
    expect(find('Ali Qwen-Turbo')).to.include('alibaba/qwen-turbo-1m');
    expect(find('gpt4o mini')).to.include('openai/gpt-4o-mini-128k');
    expect(find('gpt4o')).to.deep.equal(find('gpt-4o'));
    // Full-width letters read as their ASCII form (NFKC).
    expect(find('ｃｌａｕｄｅ')).to.deep.equal(find('claude'));
  });
  it('an empty query matches everything, a word nobody has matches nothing', () => {
    expect(find('  ')).to.have.length(gptbots.services.length);
    expect(find('claude zebra')).to.deep.equal([]);
  });
});
