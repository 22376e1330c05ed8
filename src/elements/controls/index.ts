// The elements' own controls: small lit pieces rendered inside an element's shadow root (so ARIA
// references stay within one root), accessible by the ARIA Authoring Practices patterns,
// bilingual and styled by the theme's tokens. Import the styles of the controls an element uses.
export { segmented, type SegmentedOption, type SegmentedOptions } from './segmented.js';
export { Combobox, type ComboboxOption, type ComboboxRender } from './combobox.js';
export { stepper, type StepperOptions } from './stepper.js';
export { disclosure, type DisclosureOptions } from './disclosure.js';
export { Popover } from './popover.js';
export { dropZone, type DropZoneOptions } from './drop-zone.js';
export {
  buttonStyles,
  fieldStyles,
  segmentedStyles,
  comboboxStyles,
  stepperStyles,
  disclosureStyles,
  popoverStyles,
  dropZoneStyles,
  badgeStyles,
} from './controls.styles.js';
export { controlStrings, type ControlStrings } from './controls.strings.js';
export * as icons from './icons.js';
