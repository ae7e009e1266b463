/**
 * ninjs `uri` must be an absolute URI (schema `format: uri`, RFC 3986 §4.3). A story's uri is any
 * string, so one that is not a URI is carried reversibly as `urn:khabar:uri:<escaped>`.
 */

const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const REG_NAME = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})";
const USERINFO = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})";
const QUERY = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})";
/**
 * RFC 3986 §3 absolute URI, without IP-literal hosts: scheme ":" hier-part ["?" query] ["#" fragment].
 * Deliberately a subset of what JSON Schema validators accept, so whatever passes here validates.
 */
const ABSOLUTE_URI = new RegExp(
  `^[A-Za-z][A-Za-z0-9+\\-.]*:(?://(?:${USERINFO}*@)?${REG_NAME}*(?::\\d*)?(?:/${PCHAR}*)*` +
  `|/(?:${PCHAR}+(?:/${PCHAR}*)*)?|${PCHAR}+(?:/${PCHAR}*)*)(?:\\?${QUERY}*)?(?:#${QUERY}*)?$`,
);

/** Prefix of a story uri that is carried escaped because it is not an absolute URI. */
export const ESCAPED_URI_PREFIX = 'urn:khabar:uri:';

/** True when `s` is an absolute URI in the sense above. */
export function isAbsoluteUri(s: string): boolean {
  return ABSOLUTE_URI.test(s);
}

/**
 * The ninjs uri for a story uri: unchanged when it is an absolute URI, else (or when it already starts
 * with {@link ESCAPED_URI_PREFIX}) the prefix plus the uri with every UTF-16 unit other than
 * `A–Z a–z 0–9 - .` written `_hhhh`, which keeps even lone surrogates.
 */
export function toNinjsUri(uri: string): string {
  if (isAbsoluteUri(uri) && !uri.startsWith(ESCAPED_URI_PREFIX)) return uri;
  let out = ESCAPED_URI_PREFIX;
  for (let i = 0; i < uri.length; i++) {
    const c = uri[i]!;
    out += /[A-Za-z0-9.-]/.test(c) ? c : `_${uri.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** The story uri for a ninjs uri: the inverse of {@link toNinjsUri}; other uris are kept as they are. */
export function fromNinjsUri(uri: string): string {
  if (!uri.startsWith(ESCAPED_URI_PREFIX)) return uri;
  const rest = uri.slice(ESCAPED_URI_PREFIX.length);
  if (!/^(?:[A-Za-z0-9.-]|_[0-9a-f]{4})*$/.test(rest)) return uri;
  return rest.replace(/_([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
