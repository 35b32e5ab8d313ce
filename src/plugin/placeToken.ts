// WebAdmin's history tokens, as GWTP's ParameterTokenFormatter (gwtp-mvp-shared, bound as
// WebAdmin's TokenFormatter in ovirt-engine frontend/.../common/gin/BaseSystemModule.java:60)
// reads and writes them: `name;key=value;key=value`, hierarchy levels separated by `/`; inside a
// name, key or value `/ ; = \` are escaped as `\0 \1 \2 \3`, and the whole token passes through
// URL query-string encoding. A deep link to the Geo-Replication place is therefore
// `#gluster-georep;cluster=<id>;session=<id>`, and it is what WebAdmin itself keeps in the URL.

/** The Geo-Replication place's name token. */
export const PLACE_TOKEN = 'gluster-georep';

export interface PlaceRequest {
  /** The place's name token, e.g. `gluster-georep`, `volumes-general`. */
  name: string;
  /** Parameters in the order they appear. */
  params: Record<string, string>;
}

const ESCAPES: Record<string, string> = { '\\': '\\3', '/': '\\0', ';': '\\1', '=': '\\2' };
const UNESCAPES: Record<string, string> = { '0': '/', '1': ';', '2': '=', '3': '\\' };

/** ParameterTokenFormatter.customEscape: separators escaped, then URL.encodeQueryString. */
function escapePart(s: string): string {
  const escaped = s.replace(/[\\/;=]/g, (c) => ESCAPES[c]!);
  // GWT's URL.encodeQueryString is encodeURIComponent with spaces as '+'.
  return encodeURIComponent(escaped).replace(/%20/g, '+');
}

/** ParameterTokenFormatter.customUnescape (input already URL-decoded). Null when malformed. */
function unescapePart(s: string): string | null {
  // "Last character of string being unescaped cannot be '\'": an odd run of trailing escapes.
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === '\\'; i--) n++;
  if (n % 2 === 1) return null;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      // Unknown escapes are dropped, as customUnescape does.
      out += UNESCAPES[s[i + 1]!] ?? '';
      i++;
    } else out += c;
  }
  return out;
}

/** GWT URL.decodeQueryString: '+' is a space, then percent-decoding. Null when malformed. */
function decodeQueryString(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * One place request from a history token (without `#`), as toPlaceRequest reads it; null for
 * what GWTP rejects with a TokenFormatException (WebAdmin then reveals its default place).
 */
export function parsePlaceToken(token: string): PlaceRequest | null {
  const text = decodeQueryString(token.replace(/^#/, ''));
  return text === null ? null : parseDecoded(text);
}

/** unescapedStringToPlaceRequest: one level, already URL-decoded. */
function parseDecoded(text: string): PlaceRequest | null {
  const split = text.indexOf(';');
  if (split === 0) return null; // "Place history token is missing."
  if (split === -1) {
    const name = unescapePart(text);
    return name === null ? null : { name, params: {} };
  }
  const name = unescapePart(text.slice(0, split));
  if (name === null) return null;
  const params: Record<string, string> = {};
  for (const part of text.slice(split + 1).split(';')) {
    if (part === '') return null; // "Successive parameters require a single ';' between them."
    const kv = part.split('=');
    // Java's String.split drops trailing empty strings: "k=" is ["k"], allowed with an empty value.
    while (kv.length > 1 && kv[kv.length - 1] === '') kv.pop();
    if (kv.length === 1 && !part.endsWith('=')) return null;
    if (kv.length > 2) return null; // "Need exactly one key and one value."
    if (kv.length === 2 && part.endsWith('=')) return null;
    const key = unescapePart(kv[0]!);
    const value = kv.length === 2 ? unescapePart(kv[1]!) : '';
    if (key === null || value === null) return null;
    params[key] = value;
  }
  return { name, params };
}

/**
 * The last level of a history token (`a/b;k=v` is a hierarchy; WebAdmin's current place is its
 * tail: PlaceManagerImpl.getCurrentPlaceRequest). Null when GWTP would reject it.
 */
export function parseHistoryToken(hash: string): PlaceRequest | null {
  const text = hash.replace(/^#/, '');
  if (text.trim() === '') return null;
  const decoded = decodeQueryString(text);
  if (decoded === null) return null;
  const levels = decoded.split('/');
  if (levels.some((l) => l === '')) return null;
  // Every level must parse (toPlaceRequestHierarchy throws on any); the tail is the place.
  const requests = levels.map(parseDecoded);
  return requests.some((r) => r === null) ? null : requests[requests.length - 1]!;
}

/** A history token for a place request, as toPlaceToken writes it (parameters in order). */
export function formatPlaceToken(name: string, params: Record<string, string> = {}): string {
  let out = escapePart(name);
  for (const [k, v] of Object.entries(params)) out += `;${escapePart(k)}=${escapePart(v)}`;
  return out;
}
