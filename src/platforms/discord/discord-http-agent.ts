import { createRequire } from 'node:module';
import type { RESTOptions } from 'discord.js';

type Dispatcher = NonNullable<RESTOptions['agent']>;

/**
 * An HTTP agent for discord.js's REST client from discord.js's own copy of undici.
 *
 * Without one, its requests go through undici's process-wide "global dispatcher", which is
 * whichever undici copy was loaded first: Bolt's Socket Mode brings undici 7, discord.js undici 6.
 * When undici 7 comes first, every request discord.js sends with a file (the calendar's .ics) fails
 * inside undici ("action is not a function") and the asker gets an apology. Its own agent makes
 * discord.js independent of what else the process has loaded.
 */
export function discordHttpAgent(): Dispatcher {
  const fromDiscordJs = createRequire(import.meta.resolve('discord.js'));
  const fromRest = createRequire(fromDiscordJs.resolve('@discordjs/rest'));
  const { Agent } = fromRest('undici') as { Agent: new () => Dispatcher };
  return new Agent();
}
