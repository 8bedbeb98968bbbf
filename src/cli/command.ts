// SPDX-License-Identifier: EUPL-1.2
// What a command is. Most commands take an open AppContext and an Output, so they run the same in
// their own process and inside a running server (sent over its command socket).
import type { Config } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import type { Output } from './io.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Placeholder in usage lines, e.g. "slug". */
  value?: string;
  required?: boolean;
  /** Allowed values (compared after `normalise`). */
  choices?: readonly string[];
  normalise?: (value: string) => string;
  /** A file path: made absolute in the caller's folder before the command may run inside the server. */
  path?: boolean;
}

export type Values = Record<string, string | boolean | undefined>;

interface CommandSpec {
  /** One or two words: "migrate", "token create". */
  name: string;
  summary: string;
  description?: string[];
  options: Record<string, OptionSpec>;
  /** Required positional arguments, in order (e.g. `events replay <consumer>`); their values are in `values` by name. */
  arguments?: { name: string; description: string; normalise?: (value: string) => string }[];
  /** Rules across options (e.g. "one of --id and --token"); each string is a usage problem. */
  check?: (values: Values) => string[];
  examples?: string[];
}

export interface CommandEnv {
  ctx: AppContext;
  values: Values;
  io: Output;
  /** Who runs it, recorded as the creator of tokens and tenants ("cli:alice"). */
  operator: string;
  /** Migrations applied while opening the database for this command. */
  migrated: string[];
}

export interface ContextCommand extends CommandSpec {
  kind: 'context';
  /** May run inside a live server that holds the data folder. */
  remote: boolean;
  /** Domain field names that differ from the option that sets them (officialNumber → number). */
  fieldFlags?: Record<string, string>;
  /** Migrations applied on opening go to stdout for this command (migrate), to stderr for others. */
  reportsMigrations?: boolean;
  /**
   * Works on the archive's tables and files alone, never on a capability's consumers, jobs or
   * set-up: run on its own, it opens the database without loading src/modules.ts (a smaller
   * process; the export's memory). Walking ctx.modules then throws.
   */
  withoutModules?: true;
  run(env: CommandEnv): Promise<number>;
}

/** Commands that own the process: they open (or never open) the database themselves. */
export interface ProcessCommand extends CommandSpec {
  kind: 'process';
  run(env: { config: Config; values: Values; io: Output }): Promise<number>;
}

export type Command = ContextCommand | ProcessCommand;

/** A mistake on the command line: exit code 2, and the message says what to fix. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

export const text = (values: Values, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};
