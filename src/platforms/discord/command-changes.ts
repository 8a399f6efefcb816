import { ApplicationCommandType, type APIApplicationCommand, type APIApplicationCommandOption } from 'discord.js';
import type { DiscordCommandBody } from './discord-commands.js';

/**
 * What a registration changes, by command as people see it (`/gsef`, or `"Send to GSEF newsletter"
 * (message command)`); `details` says which subcommands of an updated command changed.
 */
export interface CommandChanges {
  added: string[];
  updated: { name: string; details: string[] }[];
  removed: string[];
  unchanged: string[];
}

/**
 * Compares the commands Discord has (GET, with localizations) with those about to be sent. Only
 * what the bot sends is compared, with Discord's defaults filled in on both sides (an option
 * is not required unless it says so; no localizations is an empty map), so that a command
 * registered twice reads as unchanged.
 */
export function commandChanges(
  existing: readonly APIApplicationCommand[],
  wanted: readonly DiscordCommandBody[],
): CommandChanges {
  const changes: CommandChanges = { added: [], updated: [], removed: [], unchanged: [] };
  // A slash command and a message command may share a name: each kind is its own namespace.
  const before = new Map(existing.map((c) => [label(c), c]));
  for (const command of wanted) {
    const old = before.get(label(command));
    if (!old) changes.added.push(label(command));
    else if (same(canonical(old), canonical(command))) changes.unchanged.push(label(command));
    else
      changes.updated.push({
        name: label(command),
        details: optionChanges(old.options ?? [], 'options' in command ? (command.options ?? []) : []),
      });
  }
  const labels = new Set(wanted.map(label));
  changes.removed = existing.filter((c) => !labels.has(label(c))).map(label);
  return changes;
}

/** `/gsef` for a slash command; `"Send to GSEF newsletter" (message command)` for a menu one. */
function label(command: { name: string; type?: ApplicationCommandType }): string {
  switch (command.type ?? ApplicationCommandType.ChatInput) {
    case ApplicationCommandType.ChatInput:
      return `/${command.name}`;
    case ApplicationCommandType.Message:
      return `"${command.name}" (message command)`;
    case ApplicationCommandType.User:
      return `"${command.name}" (user command)`;
    default:
      return `"${command.name}" (command type ${command.type})`;
  }
}

/** One line per change, for `gsef discord-register`. */
export function formatCommandChanges(changes: CommandChanges): string[] {
  return [
    ...changes.added.map((name) => `added: ${name}`),
    ...changes.updated.map((u) => `updated: ${u.name}${u.details.length > 0 ? ` (${u.details.join('; ')})` : ''}`),
    ...changes.removed.map((name) => `removed: ${name}`),
    ...changes.unchanged.map((name) => `unchanged: ${name}`),
  ];
}

function optionChanges(
  before: readonly APIApplicationCommandOption[],
  after: readonly APIApplicationCommandOption[],
): string[] {
  const old = new Map(before.map((o) => [o.name, o]));
  const names = new Set(after.map((o) => o.name));
  const added = after.filter((o) => !old.has(o.name)).map((o) => o.name);
  const changed = after
    .filter((o) => old.has(o.name) && !same(canonical(old.get(o.name)!), canonical(o)))
    .map((o) => o.name);
  const removed = before.filter((o) => !names.has(o.name)).map((o) => o.name);
  return [
    ...(added.length > 0 ? [`new: ${added.join(', ')}`] : []),
    ...(changed.length > 0 ? [`changed: ${changed.join(', ')}`] : []),
    ...(removed.length > 0 ? [`gone: ${removed.join(', ')}`] : []),
    ...(added.length + changed.length + removed.length === 0 ? ['name, description or order'] : []),
  ];
}

type Canonical = string | number | boolean | Canonical[] | { [key: string]: Canonical };

/** The fields the bot sets, with Discord's defaults made explicit. */
function canonical(item: object): Canonical {
  const i = item as Record<string, unknown>;
  return {
    type: Number(i.type ?? 1),
    name: String(i.name),
    name_localizations: localizations(i.name_localizations),
    description: String(i.description ?? ''),
    description_localizations: localizations(i.description_localizations),
    required: i.required === true,
    autocomplete: i.autocomplete === true,
    choices: Array.isArray(i.choices)
      ? i.choices.map((c: { name: string; name_localizations?: unknown; value: string | number }) => ({
          name: c.name,
          name_localizations: localizations(c.name_localizations),
          value: c.value,
        }))
      : [],
    options: Array.isArray(i.options) ? i.options.map((o: object) => canonical(o)) : [],
  };
}

function localizations(map: unknown): Canonical {
  if (map === null || typeof map !== 'object') return {};
  return Object.fromEntries(
    Object.entries(map as Record<string, string | null>)
      .filter(([, v]) => typeof v === 'string')
      .sort(([a], [b]) => a.localeCompare(b)),
  ) as Canonical;
}

function same(a: Canonical, b: Canonical): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
