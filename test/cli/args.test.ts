/**
 * The command table drives the parser: every command accepts exactly the options its entry
 * declares and refuses the others with one line naming the command that takes them. The checks
 * are generated from the table, so a new entry is checked too.
 */
import { parseCommandLine, usage, UsageError } from '../../adapters/cli/args';
import type { OptionSpecs } from '../../adapters/cli/command-spec';
import { COMMANDS } from '../../adapters/cli/commands';

const entries = Object.entries(COMMANDS) as [keyof typeof COMMANDS, { options: OptionSpecs; positionals: { min: number; max: number } }][];
const argsFor = (option: string, spec: OptionSpecs[string]): string[] => (spec.type === 'boolean' ? [`--${option}`] : [`--${option}`, 'x']);
const positionalsFor = (min: number): string[] => Array.from({ length: min }, (_, i) => `word${i}`);

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('aws-qa command line', () => {
  it('lists every command of the table in the usage, with its usage line', () => {
    for (const [name, spec] of Object.entries(COMMANDS)) expect(usage()).toContain(`aws-qa ${name} ${spec.usage}`);
  });

  describe.each(entries)('%s', (name, spec) => {
    const base = positionalsFor(spec.positionals.min);

    it.each(Object.entries(spec.options))('accepts its own --%s', (option, optionSpec) => {
      const line = parseCommandLine([name, ...argsFor(option, optionSpec), ...base]);
      expect(line).toMatchObject({ kind: 'run', name, positionals: base });
      expect(line.kind === 'run' && line.values[option]).toBe(optionSpec.type === 'boolean' ? true : 'x');
    });

    const foreign = entries
      .flatMap(([, other]) => Object.entries(other.options))
      .filter(([option]) => !Object.hasOwn(spec.options, option));
    if (foreign.length > 0) {
      it.each(foreign)('refuses --%s, which another command takes', (option, optionSpec) => {
        expect(usageError([name, ...argsFor(option, optionSpec), ...base])).toMatch(
          new RegExp(`^${name} does not take --${option} \\(\\w+`),
        );
      });
    }

    it('refuses an option no command takes', () => {
      expect(usageError([name, '--no-such-option', ...base])).toBe('unknown option --no-such-option');
    });

    if (Number.isFinite(spec.positionals.max)) {
      it(`refuses more than ${spec.positionals.max} arguments`, () => {
        expect(usageError([name, ...positionalsFor(spec.positionals.max + 1)])).toMatch(new RegExp(`^${name} takes `));
      });
    }
    if (spec.positionals.min > 0) {
      it(`needs at least ${spec.positionals.min} argument(s)`, () => {
        expect(usageError([name])).toMatch(new RegExp(`^${name} needs a `));
      });
    }

    it('gives its own help for --help', () => {
      expect(parseCommandLine([name, '--help'])).toEqual({ kind: 'help', command: name });
    });
  });

  it('gives each option name one type across commands (the command word is found with all of them)', () => {
    const types = new Map<string, Set<string>>();
    for (const [, spec] of entries)
      for (const [option, o] of Object.entries(spec.options)) types.set(option, (types.get(option) ?? new Set()).add(o.type));
    for (const [option, set] of types) expect([option, set.size]).toEqual([option, 1]);
  });

  it('finds the command word after options that come first', () => {
    expect(parseCommandLine(['--knowledge', 'kb', 'check'])).toEqual({
      kind: 'run',
      name: 'check',
      values: { knowledge: 'kb' },
      positionals: [],
    });
  });

  it('keeps a question that starts with a dash after --', () => {
    expect(parseCommandLine(['ask', '--', '-1 vs +1'])).toMatchObject({ kind: 'run', name: 'ask', positionals: ['-1 vs +1'] });
  });

  it('refuses a bare command line and an unknown command', () => {
    expect(usageError([])).toBe('');
    expect(usageError(['frobnicate'])).toBe(`unknown command "frobnicate" (the commands are ${Object.keys(COMMANDS).join(', ')})`);
  });
});
