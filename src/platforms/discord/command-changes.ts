import type { APIApplicationCommand, APIApplicationCommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/** What a registration changes, by command name; `details` says which subcommands of an updated command changed. */
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
export function commandChanges(existing: readonly APIApplicationCommand[], wanted: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): CommandChanges {
  const changes: CommandChanges = { added: [], updated: [], removed: [], unchanged: [] };
  const before = new Map(existing.map((c) => [c.name, c]));
  for (const command of wanted) {
    const old = before.get(command.name);
    if (!old) changes.added.push(command.name);
    else if (same(canonical(old), canonical(command))) changes.unchanged.push(command.name);
    else changes.updated.push({ name: command.name, details: optionChanges(old.options ?? [], command.options ?? []) });
  }
  const names = new Set(wanted.map((c) => c.name));
  changes.removed = existing.filter((c) => !names.has(c.name)).map((c) => c.name);
  return changes;
}

/** One line per change, for `gsef discord-register`. */
export function formatCommandChanges(changes: CommandChanges): string[] {
  return [
    ...changes.added.map((name) => `added: /${name}`),
    ...changes.updated.map((u) => `updated: /${u.name}${u.details.length > 0 ? ` (${u.details.join('; ')})` : ''}`),
    ...changes.removed.map((name) => `removed: /${name}`),
    ...changes.unchanged.map((name) => `unchanged: /${name}`),
  ];
}

function optionChanges(before: readonly APIApplicationCommandOption[], after: readonly APIApplicationCommandOption[]): string[] {
  const old = new Map(before.map((o) => [o.name, o]));
  const names = new Set(after.map((o) => o.name));
  const added = after.filter((o) => !old.has(o.name)).map((o) => o.name);
  const changed = after.filter((o) => old.has(o.name) && !same(canonical(old.get(o.name)!), canonical(o))).map((o) => o.name);
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
    choices: Array.isArray(i.choices) ? i.choices.map((c: { name: string; name_localizations?: unknown; value: string | number }) => ({ name: c.name, name_localizations: localizations(c.name_localizations), value: c.value })) : [],
    options: Array.isArray(i.options) ? i.options.map((o: object) => canonical(o)) : [],
  };
}

function localizations(map: unknown): Canonical {
  if (map === null || typeof map !== 'object') return {};
  return Object.fromEntries(Object.entries(map as Record<string, string | null>).filter(([, v]) => typeof v === 'string').sort(([a], [b]) => a.localeCompare(b))) as Canonical;
}

function same(a: Canonical, b: Canonical): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
