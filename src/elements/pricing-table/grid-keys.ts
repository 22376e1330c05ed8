// The price list as one keyboard stop (the ARIA grid pattern across the groups' grids): Tab
// enters on the remembered cell (or the first row), the arrow keys move between rows and cells,
// Home / End to the row's ends, Ctrl+Home / Ctrl+End to the first / last row, Page Up / Down by
// ten rows; Tab leaves. A cell's button or link takes the focus in its place.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const PAGE = 10;

/** What the focus lands on in a cell: its button or link, else the cell itself. */
function targetOf(cell: Element): HTMLElement {
  return (cell.querySelector('button:not(.expand), a') ?? cell) as HTMLElement;
}

const visible = (node: Element) => node.getClientRects().length > 0;

export class GridKeys implements ReactiveController {
  /** The element that holds the Tab stop. */
  #current: HTMLElement | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The container of every grid. */
    private readonly container: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  /** After every render: exactly one cell of all the grids is in the Tab order. */
  hostUpdated(): void {
    const root = this.container();
    if (!root) return;
    let current = this.#current;
    if (!current?.isConnected || !root.contains(current)) {
      const first = root.querySelector('tbody tr');
      current = first ? targetOf(first.firstElementChild!) : undefined;
    }
    for (const node of root.querySelectorAll<HTMLElement>('[tabindex="0"]')) if (node !== current) node.tabIndex = -1;
    if (current && current.tabIndex !== 0) current.tabIndex = 0;
    this.#current = current;
  }

  /** The cells of the rows shown, by row (header rows included). */
  #rows(root: HTMLElement): Element[][] {
    // (a header row is `display: contents`: it has no box of its own, its cells do)
    return [...root.querySelectorAll('tr')]
      .map((tr) => [...tr.children].filter((c) => visible(c) && (c.matches('[tabindex]') || targetOf(c) !== c)))
      .filter((cells) => cells.length);
  }

  readonly focusin = (event: FocusEvent) => {
    const target = event.target as HTMLElement;
    if (target.tabIndex !== -1 && target.tabIndex !== 0) return;
    if (!target.closest('tr')) return;
    if (this.#current && this.#current !== target) this.#current.tabIndex = -1;
    target.tabIndex = 0;
    this.#current = target;
  };

  readonly keydown = (event: KeyboardEvent) => {
    const root = this.container();
    const cell = (event.target as Element).closest('th, td');
    if (!root || !cell || event.altKey || event.metaKey) return;
    const rows = this.#rows(root);
    let r = rows.findIndex((row) => row.includes(cell));
    if (r < 0) return;
    let c = rows[r]!.indexOf(cell);
    const last = rows.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        r = Math.min(last, r + 1);
        break;
      case 'ArrowUp':
        r = Math.max(0, r - 1);
        break;
      case 'ArrowRight':
        c += 1;
        break;
      case 'ArrowLeft':
        c -= 1;
        break;
      case 'PageDown':
        r = Math.min(last, r + PAGE);
        break;
      case 'PageUp':
        r = Math.max(0, r - PAGE);
        break;
      case 'Home':
        if (event.ctrlKey) r = 0;
        c = 0;
        break;
      case 'End':
        if (event.ctrlKey) r = last;
        c = Infinity;
        break;
      default:
        return;
    }
    event.preventDefault();
    const row = rows[r]!;
    const next = row[Math.max(0, Math.min(row.length - 1, c))];
    if (next) {
      const target = targetOf(next);
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      target.focus({ preventScroll: true });
    }
  };
}
