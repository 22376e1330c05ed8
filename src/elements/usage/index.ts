export * from './usage.js';
export { forecastMonth, type Forecast, type ForecastInput, type DayCredits } from './forecast.js';
import './usage.define.js';
