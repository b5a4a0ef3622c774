/** `.env.example` lists every variable the server reads, each with its true default (issue 24 item 12). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema, parseConfig } from '../../adapters/server/config';
import { ROOT } from './helpers/server';

/** `# NAME=value` lines: every variable, commented out. */
const variables = [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^# ([A-Za-z_]+)=(.*)$/gm)].map(
  ([, name, value]) => [name, value] as const,
);

describe('.env.example', () => {
  it('names every variable of the configuration schema, and nothing else', () => {
    expect(variables.map(([name]) => name).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('gives each default as the server takes it: uncommented, it configures exactly what no variable does', () => {
    const defaults = Object.fromEntries(variables.filter(([, value]) => value !== ''));
    expect(Object.keys(defaults).length).toBeGreaterThan(10);
    expect(parseConfig(defaults, ROOT)).toEqual(parseConfig({}, ROOT));
  });
});
