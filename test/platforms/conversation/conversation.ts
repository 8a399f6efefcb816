import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlatformAdapter } from '../../../src/messaging/platform-adapter.js';
import { reply } from '../../../src/reply/reply.js';

/**
 * One conversation with the bot, the same on every platform: written once here, as data and as
 * the steps a `PlatformDriver` plays on its platform, and asserted on what it means (an event's
 * title, an item's number, French words) rather than on one platform's rendering.
 */

/** The day the bot's clock is pinned to: its next events are in Bamako, 13–17 May 2019. */
export const NOW = '2019-05-10';

/** The people of the conversation; each driver gives them an identity on its platform. */
export type Person = 'member' | 'francophone' | 'editor';

/**
 * A platform, running the real bot, played from the outside as its people would: each method
 * resolves with the words people read (the answer, as plain text), whatever the platform's markup.
 */
export interface PlatformDriver {
  /** The adapter the platform runs, attached to the bot's outbox as `npm start` attaches it. */
  readonly adapter: PlatformAdapter;
  /** A channel of the platform the reminder goes to. */
  readonly reminderChannel: string;
  /** Whether the platform can tell what it posted (the adapter has `wasPosted`). */
  readonly knowsWhatItPosted: boolean;
  /** `person` types a command where the platform takes commands (`/gsef next-event`, a console line). */
  ask(command: string, person: Person): Promise<string>;
  /** The member sends news as people send it there: a direct message `news: …`, or the console's `news …`. */
  sendNews(text: string): Promise<string>;
  /** The editor approves item `number`: Approve under its editorial notice where there is one, else `newsletter approve N`. */
  approve(number: number): Promise<string>;
  /** A message the bot sent the member of its own accord (a direct message, a line at their console) holding every one of `words`. */
  toldMember(words: readonly string[]): Promise<string>;
  /** What the bot posted in `channel`, once it has. */
  postedIn(channel: string): Promise<string>;
  /** Stops the platform and whatever stands in for its servers. */
  stop(): Promise<void>;
}

const NEXT_EVENT = {
  en: ['Next GSEF event', 'RENAPESS General Assembly', 'Africa Policy Dialogue'],
  fr: ['Prochain événement du GSEF', 'Assemblée Générale du RENAPESS', 'Dialogue Politique Afrique'],
};
const NEWS =
  'Lyon opens a third place for social economy start-ups in the Confluence district, with twelve cooperatives.';
/** Items approved on 10 May go to the May edition. */
const EDITION = '2019-05';
const REMINDER = {
  ...reply('ok', 'Reminder: Steering Committee, Q2 2019, in 14 days', [
    { type: 'text', text: 'Online, last week of May. Please read the agenda before the meeting.' },
  ]),
  visibility: 'public' as const,
};
const REMINDER_MARK = 'sc-2019-q2@P14D';
/** The same meeting's next reminder, not yet posted. */
const LATER_REMINDER = { ...REMINDER, title: 'Reminder: Steering Committee, Q2 2019, in 3 days' };
const LATER_REMINDER_MARK = 'sc-2019-q2@P3D';

/** The number in "… as #12." */
function itemNumber(text: string): number {
  const found = /#(\d+)/.exec(text);
  if (!found) throw new Error(`no item number (#N) in: ${text}`);
  return Number(found[1]);
}

/**
 * The conversation's steps, as tests of the current `describe`, in order: each step goes on from
 * where the one before left the platform (the item it queued, the channel it posted in).
 */
export function converse(start: () => Promise<PlatformDriver>): void {
  let driver: PlatformDriver;
  let item: number;

  beforeAll(async () => {
    driver = await start();
  });
  afterAll(async () => {
    await driver?.stop();
  });

  it("answers next-event with the programme's next events", async () => {
    const answer = await driver.ask('next-event', 'member');
    for (const words of NEXT_EVENT.en) expect(answer).toContain(words);
  });

  it('answers the same in French to a French speaker', async () => {
    const answer = await driver.ask('next-event', 'francophone');
    for (const words of NEXT_EVENT.fr) expect(answer).toContain(words);
    expect(answer).not.toContain(NEXT_EVENT.en[1]);
  });

  it('takes a news item and gives its number', async () => {
    item = itemNumber(await driver.sendNews(NEWS));
    expect(item).toBeGreaterThan(0);
  });

  it('lets an editor approve it, and tells its author', async () => {
    const decision = await driver.approve(item);
    expect(decision).toContain(`#${item}`);
    expect(decision).toContain(EDITION);
    // Waits for the member's message (the test times out without it), then reads it: in English, theirs.
    const told = await driver.toldMember([`#${item}`, EDITION]);
    expect(told).toContain('approved');
  });

  it('posts a reminder to a channel, and knows it did where the platform can tell', async () => {
    const { adapter, reminderChannel: channel } = driver;
    expect(adapter.wasPosted !== undefined).toBe(driver.knowsWhatItPosted);
    expect(await adapter.wasPosted?.(channel, REMINDER, REMINDER_MARK)).toBe(
      driver.knowsWhatItPosted ? false : undefined,
    );
    await adapter.post(channel, REMINDER, REMINDER_MARK);
    expect(await driver.postedIn(channel)).toContain(REMINDER.title);
    expect(await adapter.wasPosted?.(channel, REMINDER, REMINDER_MARK)).toBe(
      driver.knowsWhatItPosted ? true : undefined,
    );
    expect(await adapter.wasPosted?.(channel, LATER_REMINDER, LATER_REMINDER_MARK)).toBe(
      driver.knowsWhatItPosted ? false : undefined,
    );
  });
}
