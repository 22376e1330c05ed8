// The few fixed words of the controls, in English and German.
import { defineStrings } from '../../i18n/index.js';

export interface ControlStrings {
  noMatches: string;
  /** The step buttons of a stepper: "Decrease Users". */
  decrease: (label: string) => string;
  increase: (label: string) => string;
  /** The file drop zone. */
  dropFile: string;
  chooseFile: string;
  close: string;
}

export const controlStrings = defineStrings<ControlStrings>({
  en: {
    noMatches: 'No matches',
    decrease: (label) => `Decrease ${label}`,
    increase: (label) => `Increase ${label}`,
    dropFile: 'Drop a file here',
    chooseFile: 'or choose one',
    close: 'Close',
  },
  de: {
    noMatches: 'Keine Treffer',
    decrease: (label) => `${label} verringern`,
    increase: (label) => `${label} erhöhen`,
    dropFile: 'Datei hier ablegen',
    chooseFile: 'oder auswählen',
    close: 'Schließen',
  },
});
