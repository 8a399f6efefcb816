import { DateTime } from 'luxon';
import { readCoreConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { createBot } from '../create-bot.js';
import { silentLogger } from '../logger.js';
import { planReminders, type PlannedReminder } from '../reminders/plan.js';
import { ReminderJournal } from '../reminders/reminder-journal.js';
import { outboxStatusLines } from './outbox-status.js';
import { REMINDERS_USAGE } from './tool-usage.js';
import { parseToolArgs, runTool, type Tool } from './tool.js';
import { openToolStore } from './tool-store.js';

/**
 * `gsef reminders --from YYYY-MM-DD --to YYYY-MM-DD [--json]`: the plan for a window (both days
 * included), posting nothing. `gsef reminders --status`: what was posted, what failed, what is next,
 * and the newsletter notices still waiting for delivery.
 */
export const remindersCli: Tool = (args, env, out, err) =>
  runTool('gsef reminders: ', env, err, async () => {
    const { values } = parseToolArgs(
      {
        args: [...args],
        options: {
          from: { type: 'string' },
          to: { type: 'string' },
          json: { type: 'boolean' },
          status: { type: 'boolean' },
          now: { type: 'string' },
        },
      },
      `usage: ${REMINDERS_USAGE}`,
    );
    const config = readCoreConfig(env, { now: values.now });
    const store = await openToolStore(config.storeUrl, 'gsef reminders', err);
    try {
      const bot = await createBot(config, store, silentLogger);
      const { kb } = bot;
      const { timeZone } = bot.services;
      const settings = {
        ...kb.catalog.settings.reminders,
        targets: [...bot.services.committee],
      };
      const plan = (from: DateTime, to: DateTime) => planReminders(kb, settings, timeZone, from, to);
      if (values.status) {
        const now = bot.services.clock().setZone(timeZone);
        const records = await new ReminderJournal(store).all();
        for (const { key, record } of records)
          out(
            `${record.status.padEnd(10)} ${record.due}  ${key}${record.late ? '  (late)' : ''}${record.foundInChannel ? '  (found in the channel, not posted again)' : ''}${record.reason ? `  ${record.reason}` : ''}`,
          );
        if (records.length === 0) out('No reminder has been posted from this store yet.');
        const next = plan(now, now.plus({ years: 1 }))[0];
        out(
          next
            ? `next: ${next.at.toISO({ suppressMilliseconds: true })}  ${next.key}`
            : 'next: none planned (no target configured?)',
        );
        for (const line of outboxStatusLines(await store.notices.list())) out(line);
        return 0;
      }
      const from = parseDay(values.from, '--from', timeZone);
      const to = parseDay(values.to, '--to', timeZone).plus({ days: 1 });
      if (to <= from) throw new ConfigError('--to', 'must not be before --from');
      const planned = plan(from, to);
      if (values.json) out(JSON.stringify(groupByTime(planned), null, 2));
      else if (planned.length === 0) out('No reminder in that window (are targets configured in data/settings.yaml?).');
      else
        for (const r of planned)
          out(
            `${r.at.toISO({ suppressMilliseconds: true })}  ${r.meeting.id.padEnd(11)} ${r.offset.padEnd(5)} ${r.meetingStart}${r.dateConfirmed ? '' : ' (week; date to be confirmed)'}  → ${r.target.platform}:${r.target.channel}`,
          );
      return 0;
    } finally {
      await store.close();
    }
  });

function parseDay(text: string | undefined, flag: string, zone: string): DateTime {
  if (!text) throw new ConfigError(flag, 'is required (YYYY-MM-DD)');
  const day = DateTime.fromISO(text, { zone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !day.isValid)
    throw new ConfigError(flag, `"${text}" is not a day such as 2027-01-01`);
  return day.startOf('day');
}

/** One entry per meeting, offset and time, with the channels it goes to. */
function groupByTime(planned: readonly PlannedReminder[]) {
  const groups = new Map<
    string,
    {
      at: string;
      meeting: string;
      meetingStart: string;
      dateConfirmed: boolean;
      offset: string;
      targets: { platform: string; channel: string; languages: string[] }[];
    }
  >();
  for (const r of planned) {
    const at = r.at.toISO({ suppressMilliseconds: true }) ?? '';
    const id = `${at}|${r.meeting.id}|${r.offset}`;
    const group = groups.get(id) ?? {
      at,
      meeting: r.meeting.id,
      meetingStart: r.meetingStart,
      dateConfirmed: r.dateConfirmed,
      offset: r.offset,
      targets: [],
    };
    group.targets.push({ platform: r.target.platform, channel: r.target.channel, languages: [...r.target.languages] });
    groups.set(id, group);
  }
  return [...groups.values()];
}
