import { requestPath } from '../../adapters/shared/request-path';

describe('requestPath', () => {
  it('gives what the URL parser gives, up to the escapes the parser adds (a plain path is returned as is)', () => {
    const targets = [
      '/',
      '/slack/events',
      '/slack/events?x=1&y=/../z',
      '/api/messages?',
      '/slack/./events',
      '/slack/x/../events',
      '/slack/%65vents',
      '/slack/events#frag',
      '/slack\\events',
      '//evil.example/slack/events',
      '/a b',
      '/ünïcode',
      '/slack/events/',
      '/.',
      '/..',
      'http://host/slack/events?q',
      '*',
    ];
    const parsed = (t: string): string => new URL(t, 'http://localhost').pathname;
    for (const target of targets) expect([target, parsed(requestPath(target)!)]).toEqual([target, parsed(target)]);
    expect(requestPath('/a b')).toBe('/a b');
  });

  it('names the endpoint for exactly the targets the URL parser routes there', () => {
    const routed = (t: string): boolean => new URL(t, 'http://localhost').pathname === '/slack/events';
    for (const t of ['/slack/events', '/slack/./events', '/slack/events?a', '/x/../slack/events', '/slack/events#a', '/slack/%65vents'])
      expect(requestPath(t) === '/slack/events').toBe(routed(t));
  });

  it('is undefined for a target that is not a URL', () => {
    expect(requestPath('http://[::1')).toBeUndefined();
  });
});
