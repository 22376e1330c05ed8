// The look of the controls, one module per control (styles/*.ts) so an element carries only what it
// uses: a bundler drops a module none of whose exports is used, but keeps every `css` call of a
// module it includes (4 KB of unused control styles were in the price list's chunk). All read the
// theme's private tokens (--_accent, --_border-strong, --_control-height …).

export { buttonStyles } from './styles/button.js';
export { fieldStyles } from './styles/field.js';
export { segmentedStyles } from './styles/segmented.js';
export { comboboxStyles } from './styles/combobox.js';
export { stepperStyles } from './styles/stepper.js';
export { disclosureStyles } from './styles/disclosure.js';
export { popoverStyles } from './styles/popover.js';
export { dropZoneStyles } from './styles/drop-zone.js';
export { badgeStyles } from './styles/badge.js';
