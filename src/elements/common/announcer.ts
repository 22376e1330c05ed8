// A polite live region inside the element's shadow root: `announce(text)` makes screen readers
// read the text once, without moving focus. Render `announcer.render()` once in the template; the
// region exists from the first render so the first message is not lost.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class Announcer implements ReactiveController {
  #message = '';
  #clearTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The text currently in the live region. */
  get text(): string {
    return this.#message;
  }

  announce(text: string): void {
    // Empty first, then the text on the next frame: a repeated message is announced again.
    this.#message = '';
    this.host.requestUpdate();
    requestAnimationFrame(() => {
      this.#message = text;
      this.host.requestUpdate();
    });
    clearTimeout(this.#clearTimer);
    this.#clearTimer = setTimeout(() => {
      this.#message = '';
      this.host.requestUpdate();
    }, 10_000);
  }

  hostDisconnected(): void {
    clearTimeout(this.#clearTimer);
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#message}</div>`;
  }
}
