// A tiny DOM helper. Every value ends up in the page through
// createTextNode / attribute setters / properties, never as markup, so text
// from the server or the user can not inject HTML.

export type Child = Node | string | number | null | undefined | false | Child[];

export type Attrs = Record<string, unknown>;

const BOOLEAN_PROPS = new Set([
  'checked',
  'disabled',
  'readOnly',
  'multiple',
  'selected',
  'hidden',
  'open',
]);

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        node.addEventListener(
          key.slice(2).toLowerCase(),
          value as EventListener,
        );
      } else if (key === 'class') {
        node.className = String(value);
      } else if (key === 'testid') {
        node.setAttribute('data-testid', String(value));
      } else if (key === 'value') {
        (node as unknown as { value: string }).value = String(value);
      } else if (BOOLEAN_PROPS.has(key)) {
        (node as unknown as Record<string, boolean>)[key] = Boolean(value);
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

export function errorBox(message: string): HTMLElement {
  return el('div', { class: 'error', role: 'alert', testid: 'error' }, message);
}

export function note(message: string, testid?: string): HTMLElement {
  return el('p', { class: 'note', testid }, message);
}

export function loading(message: string): HTMLElement {
  return el('p', { class: 'loading', testid: 'loading' }, message);
}
