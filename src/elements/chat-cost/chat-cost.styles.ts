import { css } from 'lit';
import { theme } from '../common/theme.styles.js';
import { buttonStyles, popoverStyles } from '../controls/controls.styles.js';

export const styles = [
  theme,
  buttonStyles,
  popoverStyles,
  css`
    :host {
      display: block;
      font-size: var(--credit-chat-cost-font-size, 0.875rem);
      --_gap: var(--credit-chat-cost-gap, 0.25rem);
    }
    .base {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_gap) var(--_s2);
    }
    /* A forced theme may differ from the page's: the words beside the pill then sit on the element's own surface. */
    :host([theme]) .base {
      background: var(--_surface);
      border-radius: var(--_radius-small);
    }
    p {
      margin: 0;
    }
    /* The pill: the total as a compact button that opens the breakdown. */
    .pill {
      display: inline-flex;
      align-items: center;
      gap: 0.375em;
      min-block-size: 1.75rem;
      max-inline-size: 100%;
      padding: 0.125rem 0.625rem;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_surface-alt);
      color: var(--_text);
      font: inherit;
      line-height: 1.3;
      cursor: pointer;
      -webkit-tap-highlight-color: transparent;
      text-align: start;
    }
    .pill:hover {
      background: var(--_hover);
      border-color: var(--_border-strong);
    }
    .pill[aria-expanded='true'] {
      border-color: var(--_accent);
      background: var(--_accent-surface);
    }
    .pill.estimate {
      border-style: dashed;
      border-color: var(--_border-strong);
      background: var(--_surface);
    }
    .pill .total {
      font-weight: var(--_weight-strong);
      white-space: nowrap;
    }
    .pill .money {
      color: var(--_text-muted);
      white-space: nowrap;
    }
    .pill .approx {
      color: var(--_text-muted);
    }
    .pill > .icon {
      color: var(--_text-muted);
      transition: transform 150ms ease;
    }
    .pill[aria-expanded='true'] > .icon {
      transform: rotate(180deg);
    }
    /* The breakdown in its popover. */
    [popover].panel {
      font-size: inherit;
      inline-size: max-content;
      max-inline-size: min(24rem, calc(100vw - 1rem));
    }
    .panel-title {
      margin-block-end: var(--_s2);
      font-weight: var(--_weight-strong);
    }
    .breakdown {
      border-collapse: collapse;
      inline-size: 100%;
    }
    th,
    td {
      padding: 0.25rem 0.5rem;
      text-align: start;
      font-weight: normal;
      vertical-align: baseline;
    }
    th:first-child {
      padding-inline-start: 0;
    }
    td:last-child {
      padding-inline-end: 0;
    }
    thead th {
      color: var(--_text-muted);
      font-size: 0.8em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      border-block-end: 1px solid var(--_border);
    }
    .terms {
      display: block;
      color: var(--_text-muted);
      font-size: var(--_fs-small);
    }
    tbody td.num {
      white-space: nowrap;
    }
    tfoot th,
    tfoot td {
      border-block-start: 1px solid var(--_border);
      font-weight: var(--_weight-strong);
    }
    .num {
      text-align: end;
    }
    .note {
      margin-block-start: var(--_s2);
      color: var(--_text-muted);
      font-size: var(--_fs-small);
    }
    /* estimated 2.10 → billed 2.65: the estimate fades out and is struck, the bill arrives. */
    .comparison {
      color: var(--_text-muted);
      font-size: var(--_fs-small);
    }
    .comparison .was {
      text-decoration: line-through;
      animation: credit-was 600ms ease-out;
    }
    .comparison .now {
      display: inline-block;
      color: var(--_text);
      font-weight: var(--_weight-strong);
      animation: credit-now 600ms ease-out;
    }
    @keyframes credit-was {
      from {
        text-decoration-color: transparent;
        color: var(--_text);
      }
    }
    @keyframes credit-now {
      from {
        opacity: 0;
        transform: translateY(0.25em);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .comparison .was,
      .comparison .now,
      .pill > .icon {
        animation: none;
        transition: none;
      }
    }
    .status {
      color: var(--_text-muted);
    }
    .error {
      color: var(--_danger);
    }
    .detail {
      color: var(--_text-muted);
    }
    .status .button {
      min-block-size: 24px;
      padding: 0 var(--_s2);
      margin-inline-start: var(--_s1);
    }
    @media (forced-colors: active) {
      .pill {
        border: 1px solid ButtonText;
      }
    }
  `,
];
