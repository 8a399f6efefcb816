import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../../src/catalog/schema.js';
import type { Asker } from '../../../src/domain/asker.js';
import { ReminderJournal } from '../../../src/reminders/reminder-journal.js';
import { memoryStore } from '../../../src/store/memory/memory-store.js';
import { SEOUL, testReminderRunner } from '../../support/test-reminder-runner.js';
import { waitFor } from '../../support/wait-for.js';
import type { RecordedCall } from './fake-slack-api.js';
import {
  buttonClickBody,
  buttonsOf,
  postSigned,
  sendSlashCommand,
  slackPlainText,
  useTestSlack,
  type PostedButton,
} from './slack-test-kit.js';

// The answer buttons of a steering committee reminder, posted through the real Bolt app to the fake
// Web API and pressed as Slack sends the presses: each runs `rsvp` as the person who pressed it.

const env = useTestSlack();

const STEERING = 'CSTEERING';
const secretariat: Asker = { platform: 'console', id: 'secretariat', isEditor: true };
/** Two representatives of the City of Seoul, one of RIPESS, and someone with no role. */
const [SEOUL_1, SEOUL_2, RIPESS, NOBODY] = ['U0SEOUL1', 'U0SEOUL2', 'U0NETWORK', 'U0NOBODY'];

let reminder: RecordedCall;
let buttons: PostedButton[];

beforeAll(async () => {
  const { bot } = env.slack;
  for (const grant of [
    `role grant slack:${SEOUL_1} city-of-seoul representative`,
    `role grant slack:${SEOUL_2} city-of-seoul representative`,
    `role grant slack:${RIPESS} ripess representative`,
  ])
    expect((await bot.answer(grant, secretariat, 'en')).status).toBe('ok');
  // The 14-day reminder of the July 2019 meeting (8 July), posted by the runner through the app.
  const settings: ReminderSettings = {
    offsets: ['P14D'],
    time: '09:00',
    targets: [{ platform: 'slack', channel: STEERING, languages: ['en'] }],
  };
  const runner = await testReminderRunner(settings, {
    posters: { slack: env.slack.platform },
    journal: new ReminderJournal(memoryStore()),
    clock: () => DateTime.fromISO('2019-06-24T09:00', { zone: SEOUL }),
    bot,
  });
  await runner.runDue();
  reminder = postsTo(STEERING)[0]!;
  buttons = buttonsOf(reminder.body.blocks);
});

function postsTo(channel: string): RecordedCall[] {
  return env.fake.succeeded('chat.postMessage').filter((c) => c.body.channel === channel);
}

let presses = 0;

/** Presses `button` of the reminder as `user`; returns the answer POSTed to the press's response URL. */
async function press(
  button: Pick<PostedButton, 'action_id' | 'value'>,
  user: string,
): Promise<Record<string, unknown>> {
  const responseId = `rsvp-${++presses}`;
  const [posted] = env.fake.messages.get(STEERING) ?? [];
  const message = { ...posted, text: reminder.body.text, blocks: reminder.body.blocks };
  const response = await postSigned(
    env.slack.url,
    buttonClickBody(
      env.fake,
      { action_id: button.action_id, value: button.value, text: 'I will attend' },
      { user, responseId, channel: STEERING, message },
    ),
  );
  expect(response.status).toBe(200);
  return waitFor(() => env.fake.responses(responseId)[0], `the answer to ${user}'s press`);
}

/** The lines of `attendance Q3 2019` as Slack shows it to the secretariat. */
async function attendanceLines(): Promise<string[]> {
  const { answer } = await sendSlashCommand(env, 'attendance Q3 2019', 'U0SECRETARIAT', `attendance-${++presses}`);
  return slackPlainText(answer.blocks).split('\n');
}

describe('the answer buttons of a reminder on Slack', () => {
  it('are the three answers, under the reminder posted to the channel', () => {
    expect(reminder.body.text).toBe('Reminder: Steering Committee, Q3 2019, in 14 days');
    // `gsef_each_`: buttons each reader presses for themselves, which a press does not take away.
    expect(buttons.map((b) => [b.action_id, b.text.text, b.value, b.style])).toEqual([
      ['gsef_each_0', 'I will attend', 'rsvp yes Q3 2019', 'primary'],
      ['gsef_each_1', 'I cannot attend', 'rsvp no Q3 2019', undefined],
      ['gsef_each_2', 'Not sure yet', 'rsvp maybe Q3 2019', undefined],
    ]);
  });

  it('record the answer of the member whose representative pressed, told to them alone', async () => {
    const answer = await press(buttons[0]!, SEOUL_1);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toBe('Noted: City of Seoul will attend — Steering Committee, Q3 2019.');
    const [current] = await env.slack.bot.services.attendance.current('sc-2019-q3');
    expect(current).toMatchObject({
      respondent: { kind: 'member', member: 'city-of-seoul' },
      answer: 'yes',
      by: { platform: 'slack', id: SEOUL_1 },
    });
  });

  it('pressed twice, leave the same answer', async () => {
    await press(buttons[2]!, RIPESS);
    const again = await press(buttons[2]!, RIPESS);
    expect(again.text).toBe('Noted: RIPESS is not sure yet — Steering Committee, Q3 2019.');
    const ripess = (await env.slack.bot.services.attendance.current('sc-2019-q3')).filter(
      (r) => r.respondent.kind === 'member' && r.respondent.member === 'ripess',
    );
    expect(ripess.map((r) => r.answer)).toEqual(['maybe']);
    const lines = await attendanceLines();
    expect(lines.filter((line) => line.includes('RIPESS'))).toHaveLength(1);
    expect(lines).toContain('Not sure yet (1)');
  });

  it('pressed at once by two representatives of one member, leave one answer, the same for every reader', async () => {
    const [yes, no] = await Promise.all([press(buttons[0]!, SEOUL_1), press(buttons[1]!, SEOUL_2)]);
    expect([yes.text, no.text]).toEqual([
      'Noted: City of Seoul will attend — Steering Committee, Q3 2019.',
      'Noted: City of Seoul cannot attend — Steering Committee, Q3 2019.',
    ]);
    const seoul = (await env.slack.bot.services.attendance.current('sc-2019-q3')).filter(
      (r) => r.respondent.kind === 'member' && r.respondent.member === 'city-of-seoul',
    );
    expect(seoul).toHaveLength(1);
    // Whichever came last, its answer and its author go together.
    const expected =
      seoul[0]!.answer === 'yes' ? { by: SEOUL_1, heading: 'Attending' } : { by: SEOUL_2, heading: 'Regrets' };
    expect(seoul[0]!.by.id).toBe(expected.by);
    const lines = await attendanceLines();
    expect(lines.filter((line) => line.includes('City of Seoul'))).toHaveLength(1);
    const seoulAt = lines.indexOf('City of Seoul');
    expect(lines[seoulAt + 1]).toContain(`slack:${expected.by}`);
    expect(lines.slice(0, seoulAt).findLast((line) => /\(\d+\)$/.test(line))).toMatch(
      new RegExp(`^${expected.heading}`),
    );
  });

  it('pressed by someone with no role, refuse politely and record nothing', async () => {
    const before = await env.slack.bot.services.attendance.history('sc-2019-q3');
    const answer = await press(buttons[0]!, NOBODY);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toMatch(/^Only steering committee representatives and advisors answer for a meeting\./);
    expect(answer.text).toContain('`/gsef roles representative`');
    expect(await env.slack.bot.services.attendance.history('sc-2019-q3')).toEqual(before);
  });

  it('with a tampered value, run nothing but the presser’s own answer', async () => {
    const before = await env.slack.bot.services.attendance.history('sc-2019-q3');
    const refused = await press({ action_id: buttons[0]!.action_id, value: 'rsvp yes Q9 2027' }, SEOUL_1);
    expect(refused).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(refused.text).toMatch(/^“Q9” is not a meeting/);
    expect(await env.slack.bot.services.attendance.history('sc-2019-q3')).toEqual(before);
    // What follows the answer is read as the meeting, whose reader skips the words it does not
    // know (the next meeting): the presser answers for their own member, and nothing else runs.
    const smuggled = await press(
      { action_id: buttons[0]!.action_id, value: `rsvp maybe; role grant slack:${NOBODY} secretariat` },
      SEOUL_1,
    );
    expect(smuggled.text).toBe('Noted: City of Seoul is not sure yet — Steering Committee, Q3 2019.');
    expect(await env.slack.bot.services.roles.grantsOf({ platform: 'slack', id: NOBODY })).toEqual([]);
  });

  it('for a meeting that is past, say so and record nothing', async () => {
    const answer = await press({ action_id: buttons[0]!.action_id, value: 'rsvp yes Q1 2019' }, SEOUL_1);
    expect(answer.text).toBe(
      'Steering Committee, Q1 2019 has already taken place: its attendance can no longer change.',
    );
    expect(await env.slack.bot.services.attendance.history('sc-2019-q1')).toEqual([]);
  });

  it('leave the reminder as it was posted: neither posted again nor changed', () => {
    expect(postsTo(STEERING)).toHaveLength(1);
    expect(env.fake.callsTo('chat.update')).toEqual([]);
    const replacing = env.fake.calls.filter(
      (c) => c.path.startsWith('/response/rsvp-') && c.body.replace_original === true,
    );
    expect(replacing).toEqual([]);
  });
});
