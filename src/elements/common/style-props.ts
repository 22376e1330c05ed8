// Inline style values (a bar's length, a meter's fill) set through the CSSOM, never as a `style`
// attribute: under a strict Content Security Policy (`style-src 'self'`, no 'unsafe-inline') the
// browser refuses style attributes, and lit's `styleMap` writes one on its first render.
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/** CSS property (as written in CSS: `inline-size`, `--bar-b`) → value; `undefined` removes it. */
export type StyleProps = Readonly<Record<string, string | undefined>>;

class StylePropsDirective extends Directive {
  #set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') throw new Error('styleProps() must be bound to a style attribute: style=${styleProps({…})}');
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.#set) if (props[name] === undefined) style.removeProperty(name);
    this.#set.clear();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#set.add(name);
    }
    return noChange;
  }
}

/** `style=${styleProps({ 'inline-size': '40%' })}`: CSP-safe inline styles. */
export const styleProps = directive(StylePropsDirective);
