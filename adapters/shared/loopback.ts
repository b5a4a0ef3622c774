/**
 * What counts as "this machine": loopback host names and addresses. The one loopback check, used
 * everywhere: by the configuration (may local mode bind `HOST`?), by the startup warning, by local
 * mode to accept only loopback `Host`s (DNS rebinding) and to reply only to loopback `serviceUrl`s
 * (no relay).
 */
import { isIP } from 'node:net';

/** True for `localhost`, an address in 127.0.0.0/8, `::1` (bracketed or not) or an IPv4-mapped 127.x. */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h) || /^::ffff:7f[0-9a-f]{2}:/.test(h);
  return false;
}

/** `HOST` as `listen()` takes it: `[::1]` → `::1` (brackets belong in URLs, not in bind addresses). */
export function bindAddress(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}

/** True for a `HOST` that can be bound: an IPv4 or IPv6 address (bracketed or not) or a host name. */
export function isBindableHost(host: string): boolean {
  const h = bindAddress(host);
  return isIP(h) !== 0 || (!/^\[/.test(host) && /^([a-z0-9-]+\.)*[a-z0-9-]+\.?$/i.test(h));
}

/** True for the wildcard addresses (every interface). */
export const isAnyAddress = (host: string): boolean => ['0.0.0.0', '::', '0:0:0:0:0:0:0:0'].includes(bindAddress(host));

/** The host name of a `Host` header value (`name:port`, `[v6]:port`), lower-cased; undefined when malformed. */
export function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  try {
    const url = new URL(`http://${hostHeader}`);
    if (url.username || url.password || url.pathname !== '/' || `${url.host}` === '') return undefined;
    return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

/** The origin (`http://host:port`) of `url`, or undefined when it is not an http(s) URL. */
export function httpOrigin(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when a reply may be sent to `serviceUrl` without authentication: it is an http(s) URL on a
 * loopback host, or its origin is one of `allowedOrigins`.
 */
export function serviceUrlAllowed(serviceUrl: unknown, allowedOrigins: readonly string[] = []): boolean {
  if (typeof serviceUrl !== 'string') return false;
  const origin = httpOrigin(serviceUrl);
  if (!origin) return false;
  if (isLoopbackHostname(new URL(origin).hostname)) return true;
  return allowedOrigins.some((allowed) => httpOrigin(allowed) === origin);
}
