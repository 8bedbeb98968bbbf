// SPDX-License-Identifier: EUPL-1.2
// Help texts, generated from the command definitions so they never drift from what is parsed.
import type { Command } from './command.ts';

export function generalHelp(commands: readonly Command[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.length), 'help [command]'.length);
  return [
    'radhus: the command line of Rådhus, the 24-hour town hall',
    '',
    'Usage: radhus <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help [command]'.padEnd(width)}  Show help for a command (or add --help to any command)`,
    '',
    'The data folder is DATA_DIR (default ./data), or the PostgreSQL server at DATABASE_URL.',
    'Every command migrates the database first. While `radhus serve` runs on a data folder, the',
    'other commands are carried out by that server; serve and migrate refuse to share it.',
    'All settings: docs/operations.md',
  ];
}

export function groupHelp(group: string, commands: readonly Command[]): string[] {
  const members = commands.filter((c) => c.name.startsWith(`${group} `));
  return [`Usage: radhus ${group} <${members.map((c) => c.name.split(' ')[1]).join('|')}> [options]`, '', ...members.flatMap((c) => commandHelp(c).concat(''))];
}

export function commandHelp(command: Command): string[] {
  const options = Object.entries(command.options);
  const synopsis = options.map(([name, spec]) => {
    const flag = spec.type === 'boolean' ? `--${name}` : `--${name} <${spec.value ?? name}>`;
    return spec.required ? flag : `[${flag}]`;
  });
  const width = Math.max(0, ...options.map(([name, spec]) => name.length + (spec.type === 'string' ? (spec.value ?? name).length + 3 : 0)));
  const positional = command.arguments ?? [];
  return [
    `radhus ${[command.name, ...positional.map((a) => `<${a.name}>`), ...synopsis].join(' ')}`,
    `  ${command.summary}`,
    ...(command.description ?? []).map((line) => `  ${line}`),
    ...(positional.length ? ['', '  Arguments:', ...positional.map((a) => `    <${a.name}>  ${a.description}`)] : []),
    ...(options.length ? ['', '  Options:'] : []),
    ...options.map(([name, spec]) => {
      const flag = spec.type === 'string' ? `${name} <${spec.value ?? name}>` : name;
      const choices = spec.choices ? ` (${spec.choices.join(', ')})` : '';
      return `    --${flag.padEnd(width)}  ${spec.description}${choices}${spec.required ? '' : ' [optional]'}`;
    }),
    ...(command.examples?.length ? ['', '  Examples:', ...command.examples.map((e) => `    ${e}`)] : []),
  ];
}
