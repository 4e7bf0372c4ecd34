// Building DOM nodes safely: text only ever goes in as text nodes, attributes through setAttribute, and never an
// event-handler or style attribute (the CSP forbids them; listeners are added with addEventListener).
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  for (const [name, value] of Object.entries(props?.attrs ?? {})) {
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refusing attribute ${name}`);
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** A real <button type="button"> with a click listener. */
export function button(label: string, onClick: (ev: MouseEvent) => void, props?: Props): HTMLButtonElement {
  const b = h('button', { ...props, attrs: { type: 'button', ...props?.attrs } }, label);
  b.addEventListener('click', onClick);
  return b;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
