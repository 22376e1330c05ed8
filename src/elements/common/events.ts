// The creditkit event pattern: an Event subclass with typed data, bubbling and composed so a page
// can listen on the element or any ancestor. Subclass per event and list it in
// GlobalEventHandlersEventMap in the element's define file.

export class CreditEvent<Detail> extends Event {
  readonly detail: Detail;
  constructor(type: `credit-${string}`, detail: Detail, init: Omit<EventInit, 'bubbles' | 'composed'> = {}) {
    super(type, { ...init, bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Fired by any element that loads data and fails: `detail.error` is what went wrong. */
export class CreditErrorEvent extends CreditEvent<{ error: Error; source?: string }> {
  constructor(error: Error, source?: string) {
    super('credit-error', { error, ...(source !== undefined && { source }) });
  }
}
