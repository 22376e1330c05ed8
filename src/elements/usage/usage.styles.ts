import { css } from 'lit';
import { theme } from '../common/theme.styles.js';
import { meterStyles } from '../common/meter.styles.js';
import { buttonStyles, fieldStyles, segmentedStyles } from '../controls/controls.styles.js';

export const styles = [
  theme,
  meterStyles,
  buttonStyles,
  fieldStyles,
  segmentedStyles,
  css`
    :host {
      display: block;
      --_bar: var(--credit-usage-bar-color, var(--_accent));
      --_anomaly: var(--credit-usage-anomaly-color, var(--_warning));
      --_chart-height: var(--credit-usage-chart-height, 10rem);
    }
    .base {
      display: grid;
      gap: var(--_s6);
      min-inline-size: 0;
      padding: var(--_s4);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-large);
      background: var(--_surface-raised);
      color: var(--_text);
      box-shadow: var(--_shadow-raised);
    }
    p {
      margin: 0;
    }
    .picker {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_s2) var(--_s3);
      container-type: inline-size;
    }
    /* A phone's card: tighter segments keep the three periods on one line where they fit (390 px). */
    @container (max-width: 21rem) {
      .picker .segmented .option {
        padding-inline: var(--_s2);
      }
    }
    /* The period segments may wrap in a narrow card (a phone, a sidebar) rather than overflow it. */
    .picker .segmented,
    .picker .segmented .options {
      max-inline-size: 100%;
    }
    .picker .segmented .options {
      flex-wrap: wrap;
    }
    .picker .segmented .option {
      flex: 1 1 auto;
    }
    .custom {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
    }
    .custom .input {
      inline-size: auto;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_s2) var(--_s3);
    }
    .total {
      color: var(--_text-muted);
      flex: 1 1 16rem;
    }
    .total .figure {
      display: block;
      color: var(--_text);
      font-size: var(--_fs-figure);
      font-weight: 700;
      line-height: 1.15;
      letter-spacing: -0.01em;
    }
    .status,
    .muted {
      color: var(--_text-muted);
    }
    .error,
    .offline {
      color: var(--_danger);
    }
    .stale {
      color: var(--_warning);
    }
    .heading {
      font-weight: var(--_weight-strong);
    }
    /* The chart: y-axis labels, gridlines, bars, a limit line, dates under it. */
    .chart {
      margin: 0;
      display: grid;
      gap: var(--_s3);
    }
    .chart-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: baseline;
      gap: var(--_s1) var(--_s3);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1) var(--_s3);
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .key {
      display: inline-flex;
      align-items: center;
      gap: var(--_s1);
    }
    .swatch {
      display: inline-block;
      inline-size: 0.75rem;
      block-size: 0.75rem;
      border-radius: 2px;
    }
    .bar-swatch {
      background: var(--_bar);
    }
    .limit-swatch {
      block-size: 0;
      border-block-start: 2px dashed var(--_danger);
      border-radius: 0;
    }
    .plot {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      column-gap: var(--_s2);
      row-gap: var(--_s1);
    }
    .y-axis {
      position: relative;
      min-inline-size: 2ch;
      block-size: var(--_chart-height);
      font-size: var(--_fs-caption);
      color: var(--_text-muted);
    }
    .y-tick {
      position: absolute;
      inset-inline-end: 0;
      transform: translateY(50%);
      line-height: 1;
      white-space: nowrap;
    }
    /* Reserve the widest label's width (the top tick) in the flow. */
    .y-tick:last-child {
      position: relative;
      display: block;
      inset-block-end: auto !important;
      transform: translateY(-50%);
    }
    .area {
      position: relative;
      block-size: var(--_chart-height);
      border-block-end: 1px solid var(--_border-strong);
      border-radius: 2px;
      touch-action: pan-y;
    }
    .grid-line {
      position: absolute;
      inset-inline: 0;
      border-block-start: 1px solid var(--_border);
    }
    .area svg {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      display: block;
      overflow: visible;
    }
    rect {
      fill: var(--_bar);
    }
    rect.active {
      fill: color-mix(in oklab, var(--_bar) 70%, var(--_text));
    }
    rect.anomalous {
      fill: var(--_anomaly);
    }
    .anomaly-swatch {
      background: var(--_anomaly);
    }
    /* An unusual day: a diamond over its bar, ringed in the surface colour so it reads on any bar or gridline. */
    .anomaly {
      position: absolute;
      inset-block-start: 0;
      inline-size: 0.625rem;
      block-size: 0.625rem;
      transform: translate(-50%, -50%) rotate(45deg);
      border: 2px solid var(--_surface-raised);
      border-radius: 2px;
      background: var(--_anomaly);
      pointer-events: none;
    }
    .tooltip-note {
      display: block;
      color: var(--_text-muted);
      white-space: normal;
      max-inline-size: 16rem;
    }
    .limit-line {
      position: absolute;
      inset-inline: 0;
      border-block-start: 2px dashed var(--_danger);
    }
    .tooltip {
      position: absolute;
      inset-block-start: 0;
      transform: translate(-50%, calc(-100% - 0.25rem));
      z-index: 1;
      padding: var(--_s1) var(--_s2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface-raised);
      box-shadow: var(--_shadow-overlay);
      font-size: var(--_fs-small);
      white-space: nowrap;
      pointer-events: none;
    }
    .tooltip.start {
      transform: translate(-1rem, calc(-100% - 0.25rem));
    }
    .tooltip.end {
      transform: translate(calc(-100% + 1rem), calc(-100% - 0.25rem));
    }
    .x-axis {
      position: relative;
      block-size: 1.25em;
      font-size: var(--_fs-caption);
      color: var(--_text-muted);
    }
    .x-tick {
      position: absolute;
      transform: translateX(-50%);
      white-space: nowrap;
    }
    /* Many thin bars: the end labels align with the plot's ends rather than hang over them. */
    .x-tick.first.edge {
      transform: none;
    }
    .x-tick.last.edge {
      transform: translateX(-100%);
    }
    table {
      border-collapse: collapse;
      inline-size: 100%;
    }
    th,
    td {
      padding: var(--_s1) var(--_s2);
      text-align: start;
      font-weight: normal;
      border-block-end: 1px solid var(--_border);
    }
    thead th {
      font-weight: var(--_weight-strong);
    }
    .num {
      text-align: end;
    }
    summary {
      cursor: pointer;
      color: var(--_accent);
      inline-size: fit-content;
      font-size: var(--_fs-small);
    }
    /* The breakdown: name and figures on one line, the share as a bar beneath, on any width. */
    .breakdown {
      display: grid;
      gap: var(--_s3);
    }
    .bars,
    .bars tbody {
      display: grid;
      gap: var(--_s3);
    }
    .bars tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto auto;
      column-gap: var(--_s3);
      row-gap: var(--_s1);
      align-items: baseline;
    }
    .bars th,
    .bars td {
      padding: 0;
      border: 0;
    }
    .bars .name {
      overflow-wrap: anywhere;
    }
    .bars .credits {
      font-weight: var(--_weight-strong);
    }
    .bars .share {
      min-inline-size: 3.5em;
      color: var(--_text-muted);
    }
    .bars .bar-cell {
      grid-column: 1 / -1;
      block-size: 0.375rem;
      border-radius: 999px;
      background: var(--_surface-alt);
      overflow: hidden;
    }
    .share-bar {
      display: block;
      block-size: 100%;
      border-radius: 999px;
      background: var(--_bar);
    }
    .limits {
      display: grid;
      gap: var(--_s2);
    }
    .limit {
      display: grid;
      gap: var(--_s1);
      font-size: var(--_fs-small);
    }
    .forecast {
      padding: var(--_s2) var(--_s3);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .chats {
      display: grid;
      gap: var(--_s2);
    }
    .chats ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chats li {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: var(--_s3);
      padding-block: var(--_s2);
      border-block-end: 1px solid var(--_border);
    }
    .chat-main {
      display: grid;
      min-inline-size: 0;
    }
    .chat-link {
      color: var(--_accent);
      text-underline-offset: 0.2em;
    }
    .chat-meta {
      color: var(--_text-muted);
      font-size: var(--_fs-small);
      overflow-wrap: anywhere;
    }
    .chat-cost {
      font-weight: var(--_weight-strong);
      white-space: nowrap;
    }
    @media (forced-colors: active) {
      rect,
      .share-bar,
      .bar-swatch {
        fill: CanvasText;
        background: CanvasText;
      }
    }
  `,
];
