/**
 * The only way the pane builds DOM: elements, attributes and text nodes. There is no HTML parsing
 * anywhere (no innerHTML), so a hedged item named `<img src=x onerror=alert(1)>` is just text.
 */
export type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined>;

function apply(node: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    // Event handlers are attached with addEventListener, never as attribute text.
    if (/^on/i.test(name)) throw new Error(`Refusing to set the event attribute ${name}`);
    node.setAttribute(name, value === true ? "" : String(value));
  }
}

function append(node: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  apply(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  apply(node, attrs);
  append(node, children);
  return node;
}

export function replaceChildren(node: Node, ...children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}

export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
