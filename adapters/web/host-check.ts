/**
 * The DNS-rebinding guard of local mode and the playground: a request is served only when its
 * `Host` names this machine (a loopback name or address) or the configured public host, and its
 * `Origin`, when a browser sends one, is such a host too. A web page on another site that makes its
 * own name resolve to 127.0.0.1 still sends its own name as `Host`, so it is refused (403).
 */
import type { IncomingMessage } from 'node:http';
import { hostnameOf, isLoopbackHostname } from '../shared/loopback';

/** A predicate over requests: loopback hosts, plus `publicHost` when given. */
export function hostPolicy(publicHost?: string): (req: IncomingMessage) => boolean {
  const extra = publicHost?.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const allowed = (hostname: string | undefined): boolean => hostname !== undefined && (isLoopbackHostname(hostname) || hostname === extra);
  return (req) => {
    if (!allowed(hostnameOf(req.headers.host))) return false;
    const origin = req.headers.origin;
    if (origin === undefined || origin === 'null') return origin === undefined;
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && allowed(url.hostname.replace(/^\[(.*)\]$/, '$1'));
    } catch {
      return false;
    }
  };
}
