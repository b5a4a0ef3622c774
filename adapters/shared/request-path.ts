/**
 * The path of an HTTP request target, as the URL parser would give it (`new URL(target,
 * base).pathname`), without parsing a URL for the common case: an origin-form target that is
 * plainly a path (starts with one `/`; no `%`, `#`, backslash or `.` segment) is its part before `?`
 * as is. Anything else goes through the URL parser. `undefined` when the target is not a URL at all.
 *
 * The two agree on which targets name a given plain path (the parser only adds percent-escapes to
 * such a path), so a route check made with this sees what a framework that parses URLs (Bolt) sees.
 */
export function requestPath(target: string): string | undefined {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  if (path.startsWith('/') && !path.startsWith('//') && !/[%#\\]|\/\./.test(path)) return path;
  try {
    return new URL(target, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}
