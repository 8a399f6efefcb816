import { defineCommand, type CommandContext } from '../src/dispatch/command.js';
import type { MessageKey } from '../src/i18n/message-keys.js';
import { reply, type Reply } from '../src/reply/reply.js';

/**
 * `tz [zone|reset]`: shows the time zone meeting times are written in for the asker and where it
 * comes from (their choice, their platform's profile, the bot's), sets it, or forgets the choice.
 */
export default defineCommand({
  name: 'tz',
  aliases: ['timezone', 'time-zone', 'fuseau', 'zona'],
  options: [{ name: 'zone', type: 'time-zone', required: false }],
  permission: 'everyone',
  // It writes the asker's choice: never answered from memory, never shared as a read-only answer.
  readOnly: false,
  async handle(ctx, { zone }) {
    if (zone === undefined) {
      const chosen = await ctx.zones.get(ctx.asker);
      const [shown, source] = chosen
        ? [chosen, 'chosen' as const]
        : ctx.asker.timeZone
          ? [ctx.asker.timeZone, 'platform' as const]
          : [defaultZone(ctx), 'default' as const];
      return zoneReply(ctx, `timeZone.current.${source}`, shown, [{ type: 'text', text: ctx.t('timeZone.how') }]);
    }
    if (zone === 'reset') {
      const had = await ctx.zones.forget(ctx.asker);
      return zoneReply(ctx, had ? 'timeZone.forgotten' : 'timeZone.notChosen', ctx.asker.timeZone ?? defaultZone(ctx));
    }
    await ctx.zones.set(ctx.asker, zone.zone);
    return zoneReply(ctx, 'timeZone.saved', zone.zone);
  },
});

/** The bot's zone, where it reckons days: the zone of its `now`. */
function defaultZone(ctx: CommandContext): string {
  return ctx.now.zoneName ?? 'UTC';
}

/** A sentence naming `zone` with its offset from UTC now ("UTC-05:00" says what `Etc/GMT+5` means). */
function zoneReply(ctx: CommandContext, key: MessageKey, zone: string, blocks: Reply['blocks'] = []): Reply {
  const offset = ctx.now.setZone(zone).toFormat('ZZ');
  return reply('ok', ctx.t(key, { zone, offset }), blocks);
}
