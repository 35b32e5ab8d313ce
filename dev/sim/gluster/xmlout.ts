// A tiny XML writer that formats exactly as the gluster CLI does (libxml2's xmlTextWriter with
// indentation): a standalone declaration, two-space indentation, `<x/>` for empty elements, text
// elements on one line, and the one mixed-content element gluster prints (`<brick>` in volume
// info) written inline.

export interface XNode {
  name: string;
  attrs?: [string, string][];
  /** Text content. With children, the node is written inline as mixed content (text first). */
  text?: string;
  children?: XNode[];
}

/** Element with text content (numbers are printed as gluster prints them). */
export function el(name: string, text?: string | number | null): XNode {
  return text === undefined || text === null ? { name } : { name, text: String(text) };
}

/** Element with child elements. */
export function parent(name: string, children: XNode[]): XNode {
  return { name, children };
}

export function escapeText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function open(n: XNode): string {
  const attrs = (n.attrs ?? []).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  return `<${n.name}${attrs}`;
}

function inline(n: XNode): string {
  const kids = n.children ?? [];
  if (!kids.length && (n.text === undefined || n.text === '')) return `${open(n)}/>`;
  return `${open(n)}>${escapeText(n.text ?? '')}${kids.map(inline).join('')}</${n.name}>`;
}

function write(n: XNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const kids = n.children ?? [];
  if (n.text !== undefined && n.text !== '' && kids.length) {
    out.push(pad + inline(n));
  } else if (kids.length) {
    out.push(`${pad}${open(n)}>`);
    for (const k of kids) write(k, depth + 1, out);
    out.push(`${pad}</${n.name}>`);
  } else if (n.text === undefined || n.text === '') {
    out.push(`${pad}${open(n)}/>`);
  } else {
    out.push(`${pad}${open(n)}>${escapeText(n.text)}</${n.name}>`);
  }
}

/** The whole document as gluster prints it, with the trailing newline. */
export function xmlDocument(root: XNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'];
  write(root, 0, out);
  return out.join('\n') + '\n';
}

/** `<cliOutput><opRet/><opErrno/><opErrstr/>...body</cliOutput>` */
export function cliOutput(opRet: number, opErrno: number, opErrstr: string, body: XNode[]): string {
  return xmlDocument(
    parent('cliOutput', [
      el('opRet', opRet),
      el('opErrno', opErrno),
      el('opErrstr', opErrstr),
      ...body,
    ]),
  );
}
