/**
 * Programming languages the knowledge base does not list by name are read as the language-support
 * aspect (`services.yml`'s `languages` ask words), not as unknown subjects that the knowledge base
 * lacks: "AppRunner only supports Python, I want Golang" asks about App Runner's language support.
 */
import { routerContext } from '../helpers/router-context';

const ctx = routerContext();

describe('a language name', () => {
  it.each(['does App Runner support golang?', 'can I run C# on Lambda?', 'typescript on lambda'])('asks for language support: %s', (q) => {
    const u = ctx.reader.read(q);
    expect(u.facets).toContain('languages');
    expect(u.words.subjects).toEqual([]);
  });

  it('does not make an unknown product a language', () => {
    expect(ctx.reader.read('does App Runner support IPv6?').words.subjects).toEqual(['ipv6']);
  });
});
