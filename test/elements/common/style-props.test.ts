// styleProps sets inline styles through the CSSOM: a strict CSP (style-src without
// 'unsafe-inline') refuses a written `style` attribute, which lit's styleMap writes on first render.
import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleProps } from '../../../src/elements/common/style-props.js';

describe('styleProps', () => {
  it('sets, changes and removes properties without ever writing a style attribute', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const written: string[] = [];
    const original = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      if (name.toLowerCase() === 'style') written.push(value);
      return original.call(this, name, value);
    };
    try {
      const draw = (props: Record<string, string | undefined>) => render(html`<span style=${styleProps(props)}></span>`, host);
      draw({ 'inline-size': '40%', '--bar-b': 'red' });
      const span = host.querySelector('span')!;
      expect(span.style.inlineSize).to.equal('40%');
      expect(span.style.getPropertyValue('--bar-b')).to.equal('red');
      draw({ 'inline-size': '75%' });
      expect(span.style.inlineSize).to.equal('75%');
      expect(span.style.getPropertyValue('--bar-b'), 'a property no longer given is removed').to.equal('');
      draw({ 'inline-size': undefined });
      expect(span.style.inlineSize).to.equal('');
    } finally {
      Element.prototype.setAttribute = original;
    }
    expect(written).to.deep.equal([]);
  });

  it('refuses to be bound anywhere but a style attribute', () => {
    const host = document.createElement('div');
    expect(() => render(html`<span title=${styleProps({})}></span>`, host)).to.throw(/style attribute/);
  });
});
