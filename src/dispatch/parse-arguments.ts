import type { KnowledgeBase } from '../domain/knowledge-base.js';
import type { CommandContext, CommandDefinition } from './command.js';
import {
  isAlwaysGiven,
  readsRestOfText,
  type ArgumentsOf,
  type OptionDeclaration,
  type OptionName,
} from './options.js';
import { FILTER_PARTS, readFilterParts, readOption } from './read-option.js';
import type { Reply } from '../reply/reply.js';

/** An option's value as a platform hands it over apart (Discord sends integers as numbers). */
export type OptionInput = string | number | boolean;

/**
 * What a (sub)command is given: the text after its name (the console, Slack, mentions, buttons),
 * or its option values by name (Discord's slash command).
 */
export type ArgumentInput =
  { kind: 'text'; text: string } | { kind: 'values'; values: ReadonlyMap<string, OptionInput> };

/** Why a (sub)command's arguments cannot be read. */
export type ArgumentProblem =
  | { kind: 'missing'; option: OptionDeclaration }
  /** `name` is what was refused: the option, or the part of a filter given apart (its region). */
  | { kind: 'invalid'; option: OptionDeclaration; name: OptionName; typed: string }
  | { kind: 'too-many'; typed: string };

/** Why a command cannot run as given: an argument problem, or no subcommand, or one it does not have. */
export type Problem =
  | ArgumentProblem
  | { kind: 'no-subcommand'; subcommands: readonly string[] }
  | { kind: 'unknown-subcommand'; typed: string; subcommands: readonly string[] };

/** A refusal, with the words that name what was refused (`newsletter approve`). */
export interface Refusal {
  path: readonly [string, ...string[]];
  problem: Problem;
}

/** Arguments read, bound to their handler. */
export type Bound = { ok: true; run(ctx: CommandContext): Reply | Promise<Reply> };

/**
 * Reads a (sub)command's arguments, from text or from values, through the same readers, so that
 * every platform gets the same values and the same refusals.
 *
 * Text is read in the order of the options: each takes one word, except the last when its type
 * reads the rest of the text (a filter, a name, a meeting, news). An optional option whose word
 * cannot be its value is skipped when the next option reads that word (`draft html`: no
 * edition, the HTML format); words left over are refused rather than ignored, since a stray word
 * usually means a mistake (`approve 12 13`).
 */
export function readArguments<const Os extends readonly OptionDeclaration[]>(
  options: Os,
  input: ArgumentInput,
  kb: KnowledgeBase,
): { ok: true; args: ArgumentsOf<Os> } | { ok: false; problem: ArgumentProblem } {
  const read = input.kind === 'text' ? readText(options, input.text, kb) : readValues(options, input.values, kb);
  if ('problem' in read) return { ok: false, problem: read.problem };
  for (const option of options) {
    if (option.name in read.args || !isAlwaysGiven(option)) continue;
    const absent = readOption(option, '', kb);
    if (absent.ok) read.args[option.name] = absent.value;
  }
  // The readers made each value from its option's declaration, which is what ArgumentsOf maps: the
  // one place the handler's types meet the values read at run time.
  return { ok: true, args: read.args as ArgumentsOf<Os> };
}

type Read = { args: Record<string, unknown> } | { problem: ArgumentProblem };

function readText(options: readonly OptionDeclaration[], text: string, kb: KnowledgeBase): Read {
  const args: Record<string, unknown> = {};
  let rest = text.trim();
  // Switches are words of their own anywhere in the text: taken out before the others are read in order.
  for (const option of options.filter((o) => o.type === 'flag')) {
    // Two hyphens, or the dash a phone or a Mac makes of them.
    const flag = new RegExp(`(^|\\s)(?:--|—|–)${option.name}(?=\\s|$)`, 'i');
    if (!flag.test(rest)) continue;
    args[option.name] = true;
    rest = rest.replace(flag, '').trim();
  }
  const positional = options.filter((o) => o.type !== 'flag');
  for (const [i, option] of positional.entries()) {
    if (rest === '') {
      if (option.required) return { problem: { kind: 'missing', option } };
      continue;
    }
    const word = readsRestOfText(option) ? rest : leadingWords(option, rest, kb);
    const read = readOption(option, word, kb);
    if (!read.ok) {
      const next = positional[i + 1];
      if (!option.required && next !== undefined && readOption(next, firstWord(rest), kb).ok) continue;
      return { problem: { kind: 'invalid', option, name: option.name, typed: read.typed } };
    }
    args[option.name] = read.value;
    rest = rest.slice(word.length).trimStart();
  }
  return rest === '' ? { args } : { problem: { kind: 'too-many', typed: firstWord(rest) } };
}

function readValues(
  options: readonly OptionDeclaration[],
  values: ReadonlyMap<string, OptionInput>,
  kb: KnowledgeBase,
): Read {
  const args: Record<string, unknown> = {};
  const valueOf = (name: string) => {
    const value = values.get(name);
    const text = value === undefined ? '' : String(value).trim();
    return text === '' ? undefined : text;
  };
  for (const option of options) {
    if (option.type === 'event-filter' || option.type === 'member-filter') {
      const region = valueOf(FILTER_PARTS.region);
      // Members have no month: a month given for them is not read.
      const month = option.type === 'event-filter' ? valueOf(FILTER_PARTS.month) : undefined;
      const read = readFilterParts(option, { text: valueOf(option.name) ?? '', region, month }, kb);
      if (!read.ok) return { problem: { kind: 'invalid', option, name: FILTER_PARTS[read.part], typed: read.typed } };
      args[option.name] = read.value;
      continue;
    }
    const text = valueOf(option.name);
    if (text === undefined) {
      if (option.required) return { problem: { kind: 'missing', option } };
      continue;
    }
    const read = readOption(option, text, kb);
    if (!read.ok) return { problem: { kind: 'invalid', option, name: option.name, typed: read.typed } };
    args[option.name] = read.value;
  }
  return { args };
}

function firstWord(text: string): string {
  return /^\S*/.exec(text)?.[0] ?? '';
}

/**
 * The words an option reads: its first word, or the first two for a meeting named with its year
 * apart (`Q1 2027`, `T1 2027`, `2027 Q1`, as `agenda` and `rsvp` take it), so that the year is not
 * taken for the text that follows (`minutes Q1 2027` asks for those minutes, recording none).
 */
function leadingWords(option: OptionDeclaration, text: string, kb: KnowledgeBase): string {
  const two = /^\S+\s+\S+/.exec(text)?.[0];
  return option.type === 'meeting-code' && two !== undefined && readOption(option, two, kb).ok ? two : firstWord(text);
}

/** What a command is given: its text, or (Discord) the subcommand chosen and its option values. */
export type InvocationInput =
  | { kind: 'text'; text: string }
  | { kind: 'values'; subcommand: string | undefined; values: ReadonlyMap<string, OptionInput> };

/**
 * Reads what a command is given into its handler and arguments, or a refusal. In text, a first
 * word that names a subcommand chooses it; a hidden subcommand (the form of the bot's own
 * buttons, `news confirm <code>`) is chosen only when its arguments read, so that news which
 * happens to start with "confirm" is still news. Values name their subcommand, never a hidden one.
 */
export function readInvocation(
  command: CommandDefinition,
  input: InvocationInput,
  kb: KnowledgeBase,
): Bound | { ok: false; refusal: Refusal } {
  return input.kind === 'text'
    ? readCommandText(command, input.text.trim(), kb)
    : readCommandValues(command, input, kb);
}

function readCommandText(command: CommandDefinition, text: string, kb: KnowledgeBase): Bound | Refused {
  const typed = firstWord(text);
  const subcommand = command.subcommands.find((s) => s.name === typed.toLowerCase());
  if (subcommand) {
    const read = subcommand.form.read({ kind: 'text', text: text.slice(typed.length) }, kb);
    if (read.ok) return read;
    if (!(subcommand.hidden && command.form)) return refused([command.name, subcommand.name], read.problem);
  }
  if (command.form) return bound(command.form.read({ kind: 'text', text }, kb), [command.name]);
  return refused(
    [command.name],
    typed === ''
      ? { kind: 'no-subcommand', subcommands: offered(command) }
      : { kind: 'unknown-subcommand', typed, subcommands: offered(command) },
  );
}

function readCommandValues(
  command: CommandDefinition,
  input: Extract<InvocationInput, { kind: 'values' }>,
  kb: KnowledgeBase,
): Bound | Refused {
  const values = { kind: 'values', values: input.values } as const;
  if (input.subcommand === undefined) {
    if (command.form) return bound(command.form.read(values, kb), [command.name]);
    return refused([command.name], { kind: 'no-subcommand', subcommands: offered(command) });
  }
  const subcommand = command.subcommands.find((s) => s.name === input.subcommand && !s.hidden);
  if (!subcommand)
    return refused([command.name], {
      kind: 'unknown-subcommand',
      typed: input.subcommand,
      subcommands: offered(command),
    });
  return bound(subcommand.form.read(values, kb), [command.name, subcommand.name]);
}

type Refused = { ok: false; refusal: Refusal };

function refused(path: Refusal['path'], problem: Problem): Refused {
  return { ok: false, refusal: { path, problem } };
}

function bound(read: Bound | { ok: false; problem: ArgumentProblem }, path: Refusal['path']): Bound | Refused {
  return read.ok ? read : refused(path, read.problem);
}

/** The subcommands people may choose (not the hidden forms of buttons). */
function offered(command: CommandDefinition): string[] {
  return command.subcommands.filter((s) => !s.hidden).map((s) => s.name);
}
