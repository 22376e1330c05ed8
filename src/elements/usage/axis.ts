// The value axis of the usage chart: round ticks from 0 to just above the largest day, so the
// bars read against gridlines a person can name ("0, 100, 200, 300"). Display geometry only: the
// figures shown on the bars and in the table are the host's exact strings. DOM-free.

export interface Axis {
  /** The value at the top of the plot (the last tick), > 0. */
  top: number;
  /** Tick values from 0 to `top`, as plain decimal strings for the number formatter ("0", "2.5", "5"). */
  ticks: string[];
  /** The most decimals a tick has, for the formatter. */
  decimals: number;
}

const STEPS = [1, 2, 2.5, 5, 10];

/** Ticks for values from 0 to `max`, at a step of 1, 2, 2.5 or 5 × 10ⁿ, at most `intervals` of them. */
export function valueAxis(max: number, intervals = 4): Axis {
  if (!(Number.isFinite(max) && max > 0)) return { top: 1, ticks: ['0', '1'], decimals: 0 };
  const magnitude = 10 ** Math.floor(Math.log10(max / intervals));
  const factor = STEPS.find((m) => m * magnitude * intervals >= max) ?? 10;
  const step = factor * magnitude;
  const count = Math.max(1, Math.ceil(max / step - 1e-9));
  // Decimals of the step (2.5 × 10ⁿ has one more), so 0.1 + 0.2 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (factor === 2.5 ? 1 : 0));
  const ticks = Array.from({ length: count + 1 }, (_, i) => trimZeros((i * step).toFixed(decimals)));
  return { top: Number(ticks.at(-1)), ticks, decimals };
}

/** "2.50" → "2.5", "10.0" → "10", "100" stays. */
function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
