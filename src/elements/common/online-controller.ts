// Online/offline for an element that shows host data: marks it offline on `offline`, and on
// `online` marks it back and calls `onBack` (a refresh). Shared by <credit-balance> and
// <credit-usage>.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class OnlineController implements ReactiveController {
  online = typeof navigator === 'undefined' ? true : navigator.onLine;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onBack: () => void,
  ) {
    host.addController(this);
  }

  readonly #onOnline = () => {
    this.online = true;
    this.host.requestUpdate();
    this.onBack();
  };

  readonly #onOffline = () => {
    this.online = false;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
  }
}
