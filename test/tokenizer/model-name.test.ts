// In the test browser, counting by OpenAI model name is exact (the family table picks the encoding).
import { expect } from '@open-wc/testing';
import { countTokens } from '../../src/tokenizer/index.js';

describe('countTokens by OpenAI model name in the browser', () => {
  it('is exact for gpt-4o (o200k_base), not an estimate', async () => {
    const result = await countTokens('Hello, world!', { model: 'gpt-4o' });
    expect(result, JSON.stringify(result)).to.include({ exact: true, encoding: 'o200k_base', tokens: 4 });
  });
});
