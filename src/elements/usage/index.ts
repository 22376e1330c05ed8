export * from './usage.js';
export * from './usage.events.js';
export { forecastMonth, type Forecast, type ForecastInput, type DayCredits } from './forecast.js';
import './usage.define.js';
