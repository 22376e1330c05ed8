// Saves a file from inside an element: a Blob URL clicked through a temporary link in the
// element's shadow root (no popup, CSP-safe: no inline script, no data: URL navigation).

/** Offers `blob` as a download named `name`. */
export function downloadBlob(root: Node, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  // The click has started the download; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers `text` as a download named `name`. */
export function downloadText(root: Node, text: string, name: string, type: string): void {
  downloadBlob(root, new Blob([text], { type }), name);
}
