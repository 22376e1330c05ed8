// The price list as one keyboard stop (the ARIA grid pattern across the groups' grids): Tab
// enters on the remembered cell (or the first row), the arrow keys move between rows and cells,
// Home / End to the row's ends, Ctrl+Home / Ctrl+End to the first / last row, Page Up / Down by
// ten rows; Tab leaves. A cell's button or link takes the focus in its place.
import { settleRows } from './rows.js';

const PAGE = 10;

/** What the focus lands on in a cell: its button or link, else the cell itself (made focusable then). */
function targetOf(cell: Element): HTMLElement {
  const target = (cell.querySelector('button:not(.expand), a') ?? cell) as HTMLElement;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  return target;
}

/** A cell the arrow keys stop at: any shown cell but the action column's header (no visible text). */
const navigable = (cell: Element) => visible(cell) && !(cell.tagName === 'TH' && cell.classList.contains('action-cell'));

const visible = (node: Element) => node.getClientRects().length > 0;

/** The cell (or its button or link) that holds each list's Tab stop, by the list's container. */
const current = new WeakMap<Element, HTMLElement>();

/** After every render: exactly one cell of all the grids in `root` is in the Tab order. */
export function syncTabStop(root: HTMLElement | null | undefined): void {
  if (!root) return;
  let stop = current.get(root);
  if (!stop?.isConnected || !root.contains(stop)) {
    const first = root.querySelector('tbody tr');
    stop = first ? targetOf(first.firstElementChild!) : undefined;
  }
  for (const node of root.querySelectorAll<HTMLElement>('[tabindex="0"]')) if (node !== stop) node.tabIndex = -1;
  if (!stop) {
    current.delete(root);
    return;
  }
  if (stop.tabIndex !== 0) stop.tabIndex = 0;
  current.set(root, stop);
}

/** The cells the arrow keys reach, by row (header rows included). */
function rowsOf(root: Element): Element[][] {
  // (a header row is `display: contents`: it has no box of its own, its cells do)
  return [...root.querySelectorAll('tr')]
    .map((tr) => [...tr.children].filter(navigable))
    .filter((cells) => cells.length);
}

/** `@focusin` on the container: the focused cell takes the Tab stop (a click or the jump list moved it). */
export function gridFocusin(event: FocusEvent): void {
  const root = event.currentTarget as Element;
  const target = event.target as HTMLElement;
  if ((target.tabIndex !== -1 && target.tabIndex !== 0) || !target.closest('tr')) return;
  const before = current.get(root);
  if (before && before !== target) before.tabIndex = -1;
  target.tabIndex = 0;
  current.set(root, target);
}

/** `@keydown` on the container of the grids. */
export function gridKeydown(event: KeyboardEvent): void {
  const root = event.currentTarget as Element;
  const cell = (event.target as Element).closest('th, td');
  if (!cell || event.altKey || event.metaKey) return;
  // Every row in place before moving (the first render leaves rows below the fold for after its first paint).
  settleRows((root.getRootNode() as ShadowRoot).host ?? root);
  const rows = rowsOf(root);
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
}
