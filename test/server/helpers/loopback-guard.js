/**
 * `node -r ./test/server/helpers/loopback-guard.js …`: inside the process under test, every TCP
 * connection to anything but loopback is refused before it is attempted (the socket errors as if
 * the peer refused it) and reported on stderr as `LOOPBACK-GUARD refused <host>:<port>`. A test
 * that checks that nothing is sent elsewhere (a relay, a metadata address) runs the server with
 * this preloaded, so that a bug cannot put a packet on the network. Test-only.
 */
'use strict';
const net = require('node:net');

const original = net.Socket.prototype.connect;

function isLoopback(host) {
  const h = String(host)
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

net.Socket.prototype.connect = function guardedConnect(...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0]; // net.createConnection passes normalized args
  let host;
  let port;
  if (options !== null && typeof options === 'object') {
    if (options.path) return original.apply(this, args); // a Unix socket
    host = options.host ?? 'localhost';
    port = options.port;
  } else {
    port = options;
    host = typeof args[1] === 'string' ? args[1] : 'localhost';
  }
  if (isLoopback(host)) return original.apply(this, args);
  process.stderr.write(`LOOPBACK-GUARD refused ${host}:${port}\n`);
  const error = Object.assign(new Error(`connect ECONNREFUSED ${host}:${port} (loopback guard)`), { code: 'ECONNREFUSED' });
  process.nextTick(() => this.destroy(error));
  return this;
};
