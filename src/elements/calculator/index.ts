export * from './calculator.js';
export { presetScenario, availablePresets, PRESET_IDS, type PresetId } from './presets.js';
export { parseNumber, type ParsedNumber, type NumberRule } from './parse-number.js';
import './calculator.define.js';
