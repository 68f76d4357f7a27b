// Small DOM helpers for the sidebar: element creation with text only (never HTML strings built
// from data, so Pinterest names cannot inject markup), and lookups that fail loudly.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The sidebar is missing #${id}.`);
  return element as T;
}

type Attributes = Record<string, string | boolean | undefined>;

/** Creates an element with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}

/** Puts a message next to a form field (or clears it) and marks the field invalid. */
export function fieldError(field: string, message: string | undefined): void {
  const slot = document.getElementById(`error-${field}`);
  if (!slot) return;
  slot.textContent = message ?? '';
  show(slot, Boolean(message));
  const control = document.querySelector(`[data-field="${field}"]`);
  if (control) control.setAttribute('aria-invalid', message ? 'true' : 'false');
}

export function clearFieldErrors(): void {
  document.querySelectorAll<HTMLElement>('[id^="error-"]').forEach((slot) => {
    fieldError(slot.id.slice('error-'.length), undefined);
  });
}
