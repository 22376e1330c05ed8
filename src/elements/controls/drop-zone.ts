// A file drop zone: drop a file on it, or activate it (click, Enter, Space) to choose one. The
// native file input fills the zone, invisible, so the keyboard, screen readers and the picker
// work as they do for any file input; only the look is ours.
import { html, type TemplateResult } from 'lit';
import type { Language } from '../../i18n/index.js';
import { controlStrings } from './controls.strings.js';
import { upload } from './icons.js';

export interface DropZoneOptions {
  id: string;
  /** What the file is for ("Import a scenario (JSON)"): the input's name. */
  label: string;
  /** `accept` of the file input (".json,application/json"). */
  accept: string;
  language: Language;
  onFile: (file: File) => void;
}

export function dropZone(o: DropZoneOptions): TemplateResult {
  const s = controlStrings(o.language);
  const zone = (event: Event) => (event.currentTarget as HTMLElement);
  const over = (event: DragEvent) => {
    event.preventDefault();
    zone(event).classList.add('over');
  };
  const leave = (event: DragEvent) => zone(event).classList.remove('over');
  const drop = (event: DragEvent) => {
    event.preventDefault();
    zone(event).classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) o.onFile(file);
  };
  const picked = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file again is a new choice
    if (file) o.onFile(file);
  };
  return html`<div class="drop-zone" @dragover=${over} @dragleave=${leave} @drop=${drop}>
    ${upload}<strong>${o.label}</strong><span>${s.dropFile} <span class="link">${s.chooseFile}</span></span>
    <input id=${o.id} type="file" accept=${o.accept} aria-label=${o.label} @change=${picked} />
  </div>`;
}
