import { expect } from '@open-wc/testing';
import { fillUrlTemplate } from '../../../src/elements/common/url-template.js';

describe('fillUrlTemplate', () => {
  it('fills {names} percent-encoded, so a value cannot change the path or scheme', () => {
    expect(fillUrlTemplate('/billing/top-up?credits={credits}', { credits: '1000' })).to.equal('/billing/top-up?credits=1000');
    expect(fillUrlTemplate('/chats/{chatId}', { chatId: '../admin?x=1#y' })).to.equal('/chats/..%2Fadmin%3Fx%3D1%23y');
    expect(fillUrlTemplate('https://pay.example/{org}/top-up', { org: 'a b' })).to.equal('https://pay.example/a%20b/top-up');
    expect(fillUrlTemplate('/x/{unknown}', {})).to.equal('/x/{unknown}');
    expect(fillUrlTemplate('/x/{toString}', {})).to.equal('/x/{toString}'); // not a prototype's value
  });

  it('gives no link for a template that is not http(s) or relative', () => {
    expect(fillUrlTemplate('javascript:alert({id})', { id: '1' })).to.equal(undefined);
    expect(fillUrlTemplate(' JavaScript:alert(1)', {})).to.equal(undefined);
    expect(fillUrlTemplate('data:text/html,<b>x</b>', {})).to.equal(undefined);
    expect(fillUrlTemplate('', {})).to.equal(undefined);
    expect(fillUrlTemplate(undefined, {})).to.equal(undefined);
  });
});
