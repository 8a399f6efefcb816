import { describe, expect, it, vi } from 'vitest';
import type { Asker } from '../../../src/domain/asker.js';
import type { Lang } from '../../../src/domain/vocabulary.js';
import { renderText } from '../../../src/reply/render-text.js';
import { SHARE_ACTION_ID } from '../../../src/platforms/slack/slack-ids.js';
import { waitFor } from '../../support/wait-for.js';
import type { FakeSlackApi } from './fake-slack-api.js';
import {
  acknowledgementOf,
  consoleLines,
  postSigned,
  responseUrlCalls,
  sendSlashCommand,
  shareClickBody,
  slackPlainText,
  slashCommandBody,
  type SlackTestEnv,
  type SlashCommandAnswer,
  useTestSlack,
} from './slack-test-kit.js';

const prepare = (fake: FakeSlackApi) => {
  fake.locales.set('UFR', 'fr-FR');
  fake.locales.set('UES', 'en-GB');
  fake.locales.set('UFRLATE', 'fr-FR');
};
const env = useTestSlack(prepare);
let responseIds = 0;

/** Sends `/gsef <text>` as `user` and returns the HTTP status and the answer, in the acknowledgement or through the response URL. */
async function command(text: string, user = 'U1'): Promise<SlashCommandAnswer & { status: number }> {
  return sendSlashCommand(env, text, user, `cmd${++responseIds}`);
}

/**
 * Proof that the bot has sent whatever it was going to send through the response URLs of the
 * requests answered so far: a Share click sent now is carried out through its own response URL,
 * and the fake has received it all. Absences are checked after it, never after a pause.
 */
async function laterShareCarriedOut(on: SlackTestEnv = env): Promise<void> {
  const id = `share${++responseIds}`;
  await postSigned(on.slack.url, shareClickBody(on.fake, 'help', 'U1', id));
  // Its last message is the deletion of the private copy: nothing of it is left to arrive later.
  await waitFor(
    () => on.fake.responses(id).some((message) => message.delete_original === true),
    'a later Share click carried out',
  );
}

/** What the console prints for the same text, as the same person, in `lang`. */
async function consoleAnswer(text: string, lang: Lang): Promise<string> {
  const asker: Asker = { platform: 'console', id: 'compare', isEditor: false };
  return renderText(await env.slack.bot.answer(text, asker, lang));
}

describe('/gsef over HTTP', () => {
  it('answers privately in the acknowledgement with what the console answers', async () => {
    const { status, answer, via } = await command('next-event africa');
    expect(status).toBe(200);
    expect(via).toBe('acknowledgement');
    expect(answer.response_type).toBe('ephemeral');
    const shown = slackPlainText(answer.blocks);
    const expected = consoleLines(await consoleAnswer('next-event africa', 'en'));
    expect(expected).toContain('Africa Policy Dialogue');
    for (const line of expected) expect(shown).toContain(line);
    expect(answer.text).toBe('Next GSEF event');
  });

  it('accepts the console text with its /gsef prefix and without any argument', async () => {
    const agenda = await command('/gsef agenda');
    expect(slackPlainText(agenda.answer.blocks)).toContain((await consoleAnswer('agenda', 'en')).split('\n')[0]);
    const help = await command('');
    expect(help.answer.text).toBe('GSEF bot commands');
  });

  it('answers in French for a user whose Slack locale is fr-FR', async () => {
    const { answer } = await command('next-event africa', 'UFR');
    const shown = slackPlainText(answer.blocks);
    for (const line of consoleLines(await consoleAnswer('next-event africa', 'fr'))) expect(shown).toContain(line);
    expect(JSON.stringify(answer.blocks)).toContain('Partager dans le canal');
  });

  it('answers in Spanish after `/gsef lang es`, whatever the Slack locale', async () => {
    const saved = await command('lang es', 'UES');
    expect(saved.answer.text).toBe('A partir de ahora le responderé en español.');
    const { answer } = await command('events july 2019', 'UES');
    const shown = slackPlainText(answer.blocks);
    for (const line of consoleLines(await consoleAnswer('events july 2019', 'es'))) expect(shown).toContain(line);
  });

  it('offers "Share in channel" with the command text on answers, not on a language choice or a refusal', async () => {
    const buttons = (answer: Record<string, unknown>) =>
      (answer.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
        .filter((b) => b.type === 'actions')
        .flatMap((b) => b.elements ?? []);
    expect(buttons((await command('next-event africa')).answer)).toEqual([
      expect.objectContaining({ action_id: SHARE_ACTION_ID, value: 'next-event africa' }),
    ]);
    expect(buttons((await command('lang fr', 'ULANG')).answer)).toEqual([]);
    expect(buttons((await command('nxt-event')).answer)).toEqual([]);
  });

  it('asks Slack for a user locale once, then remembers it', async () => {
    const before = env.fake.callsTo('users.info').filter((c) => c.body.user === 'UCACHE').length;
    await command('help', 'UCACHE');
    await command('agenda', 'UCACHE');
    await command('members', 'UCACHE');
    expect(env.fake.callsTo('users.info').filter((c) => c.body.user === 'UCACHE').length - before).toBe(1);
  });

  it('answers a quick command in the body of the HTTP response, and makes no request to its response URL', async () => {
    const id = `cmd${++responseIds}`;
    const response = await postSigned(env.slack.url, slashCommandBody(env.fake, 'help', 'U1', id));
    expect(response.status).toBe(200);
    const acknowledgement = await acknowledgementOf(response);
    expect(acknowledgement).toMatchObject({ response_type: 'ephemeral', text: 'GSEF bot commands' });
    expect(slackPlainText(acknowledgement!.blocks)).toContain('GSEF bot commands');
    await laterShareCarriedOut();
    expect(responseUrlCalls(env.fake, id)).toEqual([]);
  });

  it('sends the .ics file of `calendar` to the asker by direct message, and says so', async () => {
    const { answer } = await command('calendar africa', 'UCAL');
    expect(slackPlainText(answer.blocks)).toContain('I have sent you the .ics file in our direct messages.');
    const complete = await waitFor(
      () => env.fake.succeeded('files.completeUploadExternal').find((c) => c.body.channel_id === 'DUCAL'),
      'the upload',
    );
    expect(JSON.stringify(complete.body.files)).toContain('gsef-calendar.ics');
    const upload = env.fake.succeeded('upload').at(-1)!;
    expect(String(upload.body.raw)).toContain('BEGIN:VCALENDAR');
  });

  it('apologizes in the user language, in the acknowledgement, and logs the error when answering fails', async () => {
    const failing = vi.spyOn(env.slack.bot, 'answer').mockRejectedValueOnce(new Error('the answer failed'));
    const id = `cmd${++responseIds}`;
    try {
      const { answer, via } = await sendSlashCommand(env, 'agenda', 'UFR', id);
      expect(via).toBe('acknowledgement');
      expect(answer).toMatchObject({ response_type: 'ephemeral' });
      expect(answer.text).toContain('Désolé');
    } finally {
      failing.mockRestore();
    }
    expect(
      env.slack.logs.some(
        (e) =>
          e.level === 'error' &&
          e.context.listener === 'slash command' &&
          (e.context.error as Error).message === 'the answer failed',
      ),
    ).toBe(true);
    await laterShareCarriedOut();
    expect(responseUrlCalls(env.fake, id)).toEqual([]);
  });
});

/** The acknowledgement budget of the app that answers late: short, so that a late answer is seen at once. */
const LATE_BUDGET_MS = 50;

describe('/gsef answered after the acknowledgement', () => {
  const late = useTestSlack(prepare, undefined, { ackBudgetMs: LATE_BUDGET_MS });

  it('acknowledges empty once the budget is spent while Slack is slow to answer, without waiting for Slack, then answers through the response URL', async () => {
    const release = late.fake.hold('users.info');
    const id = `cmd${++responseIds}`;
    try {
      const started = performance.now();
      const response = await postSigned(late.slack.url, slashCommandBody(late.fake, 'agenda', 'USLOW', id));
      const body = await response.text();
      expect(response.status).toBe(200);
      expect(body).toBe('');
      // Timers may fire a millisecond early; a busy machine only makes it later.
      expect(performance.now() - started).toBeGreaterThanOrEqual(LATE_BUDGET_MS - 5);
      // Acknowledged while the fake still holds users.info: the acknowledgement did not wait for Slack.
      expect(late.fake.responses(id)).toEqual([]);
    } finally {
      release();
    }
    const answer = await waitFor(() => late.fake.responses(id)[0], 'the answer once users.info returns');
    expect(answer.response_type).toBe('ephemeral');
    expect(slackPlainText(answer.blocks)).toContain((await consoleAnswer('agenda', 'en')).split('\n')[0]);
    await laterShareCarriedOut(late);
    expect(responseUrlCalls(late.fake, id)).toHaveLength(1);
  });

  it('apologizes through the response URL, and logs the error, when a late answer cannot be delivered there', async () => {
    const release = late.fake.hold('users.info');
    late.fake.failNext('response', 1, { status: 500 });
    const id = `cmd${++responseIds}`;
    try {
      const response = await postSigned(late.slack.url, slashCommandBody(late.fake, 'agenda', 'UFRLATE', id));
      expect(await acknowledgementOf(response)).toBeUndefined();
    } finally {
      release();
    }
    const apology = await waitFor(() => late.fake.responses(id)[0], 'the apology');
    expect(apology.response_type).toBe('ephemeral');
    expect(apology.text).toContain('Désolé');
    expect(responseUrlCalls(late.fake, id).map((c) => c.status)).toEqual([500, 200]);
    expect(
      late.slack.logs.some(
        (e) => e.level === 'error' && e.context.listener === 'slash command' && e.context.asker === 'UFRLATE',
      ),
    ).toBe(true);
  });
});

describe('the HTTP endpoint', () => {
  it('refuses a bad signature and a timestamp older than 5 minutes with 401, and answers neither', async () => {
    const bad = await postSigned(env.slack.url, slashCommandBody(env.fake, 'help', 'U1', 'forged'), {
      secret: 'not-the-secret',
    });
    const stale = await postSigned(env.slack.url, slashCommandBody(env.fake, 'help', 'U1', 'stale'), {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect([bad.status, stale.status]).toEqual([401, 401]);
    await command('help');
    expect([...env.fake.responses('forged'), ...env.fake.responses('stale')]).toEqual([]);
  });

  it('lets nothing unverified reach the bot, however the endpoint is spelt (Bolt does not check again)', async () => {
    const body = slashCommandBody(env.fake, 'help', 'U1', 'unverified');
    const tries: { path: string; headers: Record<string, string> }[] = [
      { path: '/slack/events?retry=1', headers: {} },
      {
        path: '/slack/events#x',
        headers: {
          'x-slack-signature': `v0=${'0'.repeat(64)}`,
          'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        },
      },
      { path: '/slack/events', headers: { 'x-slack-signature': 'v0=', 'x-slack-request-timestamp': '1' } },
    ];
    const statuses = await Promise.all(
      tries.map(({ path, headers }) =>
        fetch(`${env.slack.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body,
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual([401, 401, 401]);
    await command('help');
    expect(env.fake.responses('unverified')).toEqual([]);
  });

  it('answers a malformed body with a 4xx and keeps serving', async () => {
    const json = await postSigned(env.slack.url, '{"type": "event_callback", ', { contentType: 'application/json' });
    const form = await postSigned(env.slack.url, 'payload=%7Bnot-json');
    expect(json.status).toBeGreaterThanOrEqual(400);
    expect(json.status).toBeLessThan(500);
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    const { answer } = await command('help');
    expect(answer.text).toBe('GSEF bot commands');
  });

  it('answers GET /healthz with 200 once ready', async () => {
    const response = await fetch(`${env.slack.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
