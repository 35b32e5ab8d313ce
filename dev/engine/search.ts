// The subset of the engine's search language the emulator understands: `field=value`,
// `field!=value`, joined by `and`; values may be "quoted" (the SyntaxChecker takes everything up
// to the next `"`; there is no escape inside quotes) and may use `*` as a wildcard.
// The engine answers a search it cannot parse (unknown field, bad syntax) with an empty list, not
// an error, and so does the emulator: parseSearch returns null and the caller lists nothing.

export type FieldKind = 'text' | 'enum';

export interface SearchField<T> {
  kind: FieldKind;
  /** A list matches when any of its values does (a VM's disks on several storage domains). */
  get: (o: T) => string | number | string[] | undefined;
}

export type SearchFields<T> = Record<string, SearchField<T>>;

interface Condition {
  field: string;
  negate: boolean;
  value: string;
}

const CONDITION = /^([A-Za-z_][\w.]*)\s*(!=|=)\s*("[^"]*"|[^\s"]+)/;

function parseConditions(text: string): Condition[] | null {
  const out: Condition[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const m = CONDITION.exec(rest);
    if (!m) return null;
    const raw = m[3]!;
    const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    out.push({ field: m[1]!.toLowerCase(), negate: m[2] === '!=', value });
    rest = rest.slice(m[0].length).trim();
    if (rest === '') break;
    const and = /^and\s+/i.exec(rest);
    if (!and) return null;
    rest = rest.slice(and[0].length);
  }
  return out;
}

// Enum values compare without case or underscores: the engine accepts `status=up` and
// `status=nonresponsive` against its NonResponsive host status.
const normalizeEnum = (s: string): string => s.toLowerCase().replace(/_/g, '');

function matcher(kind: FieldKind, pattern: string, caseSensitive: boolean): (v: string) => boolean {
  const fold =
    kind === 'enum'
      ? normalizeEnum
      : caseSensitive
        ? (s: string) => s
        : (s: string) => s.toLowerCase();
  const p = fold(pattern);
  if (!p.includes('*')) return (v) => fold(v) === p;
  const re = new RegExp(
    '^' +
      p
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return (v) => re.test(fold(v));
}

/** A predicate for the search text, or null when the engine would not understand it. */
export function parseSearch<T>(
  text: string,
  fields: SearchFields<T>,
  caseSensitive: boolean,
): ((o: T) => boolean) | null {
  const conditions = parseConditions(text);
  if (!conditions) return null;
  const tests: ((o: T) => boolean)[] = [];
  for (const c of conditions) {
    const f = fields[c.field];
    if (!f) return null;
    const match = matcher(f.kind, c.value, caseSensitive);
    tests.push((o) => {
      const v = f.get(o);
      const hit = Array.isArray(v) ? v.some((x) => match(x)) : v !== undefined && match(String(v));
      return c.negate ? !hit : hit;
    });
  }
  return (o) => tests.every((t) => t(o));
}
