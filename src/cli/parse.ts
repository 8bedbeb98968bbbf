// SPDX-License-Identifier: EUPL-1.2
// Turns argv into a command and its option values, or a UsageError that says exactly what to fix.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type Command, type Values } from './command.ts';

export type Parsed =
  | { kind: 'run'; command: Command; values: Values }
  | { kind: 'help'; command?: Command; group?: string };

export function parseCommandLine(argv: string[], commands: readonly Command[]): Parsed {
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const words = leadingWords(argv);
  if (words[0] === 'help') return helpFor(words.slice(1), commands);
  if (words.length === 0) {
    if (wantsHelp) return { kind: 'help' };
    throw new UsageError(argv.length ? `a command comes first, before ${argv[0]}` : 'no command given');
  }
  const command = findCommand(words, commands);
  if (!command) {
    const group = commands.filter((c) => c.name.startsWith(`${words[0]} `));
    if (group.length && wantsHelp) return { kind: 'help', group: words[0]! };
    if (group.length && words.length === 1)
      throw new UsageError(`"${words[0]}" needs a subcommand: ${group.map((c) => c.name).join(', ')}`, words[0]);
    if (group.length) throw new UsageError(`unknown command "${words.slice(0, 2).join(' ')}"; the ${words[0]} commands are: ${group.map((c) => c.name).join(', ')}`, words[0]);
    throw new UsageError(`unknown command "${words[0]}"; the commands are: ${commands.map((c) => c.name).join(', ')}`);
  }
  if (wantsHelp) return { kind: 'help', command };
  const rest = argv.slice(command.name.split(' ').length);
  return { kind: 'run', command, values: parseOptions(command, rest) };
}

function parseOptions(command: Command, args: string[]): Values {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(command.options)) options[name] = { type: spec.type };
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError(explainParseError(error as Error & { code?: string }, command), command.name);
  }
  const positional = command.arguments ?? [];
  if (parsed.positionals.length > positional.length)
    throw new UsageError(
      positional.length
        ? `unexpected argument "${parsed.positionals[positional.length]}"; ${command.name} takes ${positional.map((a) => `<${a.name}>`).join(' ')}${Object.keys(command.options).length ? ` and options (${optionList(command)})` : ' only'}`
        : `unexpected argument "${parsed.positionals[0]}"; ${command.name} takes only options (${optionList(command)})`,
      command.name,
    );

  const problems: string[] = [];
  const values: Values = {};
  positional.forEach((a, i) => {
    const given = parsed.positionals[i];
    values[a.name] = given !== undefined && a.normalise ? a.normalise(given) : given;
  });
  const absent = positional.filter((a) => values[a.name] === undefined);
  if (absent.length) problems.push(`missing ${absent.map((a) => `<${a.name}>`).join(' ')}`);
  for (const [name, spec] of Object.entries(command.options)) {
    let value = parsed.values[name];
    if (typeof value === 'string' && spec.normalise) value = spec.normalise(value);
    if (typeof value === 'string' && spec.choices && !spec.choices.includes(value))
      problems.push(`--${name} must be one of ${spec.choices.join(', ')} (got "${value}")`);
    values[name] = value;
  }
  const missing = Object.entries(command.options).filter(([name, spec]) => spec.required && values[name] === undefined);
  if (missing.length) problems.unshift(`missing ${missing.map(([name, spec]) => `--${name} <${spec.value ?? name}>`).join(', ')}`);
  problems.push(...(command.check?.(values) ?? []));
  if (problems.length) throw new UsageError(problems.join('; '), command.name);
  return values;
}

function explainParseError(error: Error & { code?: string }, command: Command): string {
  const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  const name = flag.replace(/^-+/, '');
  const spec = command.options[name];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag} for "${command.name}"; ${optionList(command)}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (spec?.type === 'boolean') return `--${name} is a switch and takes no value`;
      return `--${name} needs a value: --${name} <${spec?.value ?? name}>`;
    default:
      return error.message;
  }
}

function optionList(command: Command): string {
  const names = Object.keys(command.options).map((n) => `--${n}`);
  return names.length ? `its options are ${names.join(', ')}` : 'it takes no options';
}

function leadingWords(argv: string[]): string[] {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  return words;
}

function findCommand(words: string[], commands: readonly Command[]): Command | undefined {
  // Longest name first: `open311 key create` before a two-word command.
  return commands.find((c) => c.name === words.slice(0, 3).join(' ')) ?? commands.find((c) => c.name === words.slice(0, 2).join(' ')) ?? commands.find((c) => c.name === words[0]);
}

function helpFor(words: string[], commands: readonly Command[]): Parsed {
  if (words.length === 0) return { kind: 'help' };
  const command = findCommand(words, commands);
  if (command) return { kind: 'help', command };
  if (commands.some((c) => c.name.startsWith(`${words[0]} `))) return { kind: 'help', group: words[0]! };
  throw new UsageError(`no help for "${words.join(' ')}": there is no such command; the commands are: ${commands.map((c) => c.name).join(', ')}`);
}
