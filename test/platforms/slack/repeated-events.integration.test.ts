import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../../src/bot.js';
import { dropRepeatedEvents, EVENT_CLAIM_PREFIX } from '../../../src/platforms/slack/drop-repeated-events.js';
import { startSlack, type SlackAdapter } from '../../../src/platforms/slack/start-slack.js';
import type { Store } from '../../../src/store/store.js';
import { BACKENDS, SHARED_BACKENDS, storesClosedAfterEach } from '../../support/store-fixtures.js';
import { botAt } from '../../support/test-bot.js';
import { waitFor } from '../../support/wait-for.js';
import { FakeSlackApi, type RecordedCall } from './fake-slack-api.js';
import { FAST_RETRIES, recordingLogger, slackSignature, SIGNING_SECRET, type LogEntry } from './slack-test-kit.js';

// Slack delivers an event again, with the same event_id, when it did not see the acknowledgement
// in time (X-Slack-Retry-Num / X-Slack-Retry-Reason): every instance sharing the store handles it once.

let fake: FakeSlackApi;
const running: SlackAdapter[] = [];
const open = storesClosedAfterEach();

beforeAll(async () => {
  fake = await FakeSlackApi.start();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((platform) => platform.stop()));
});

afterAll(async () => {
  await fake?.close();
});

/** The bots' clock. */
const now = DateTime.fromISO('2019-05-10T10:00', { zone: 'Asia/Seoul' });

interface Instance {
  url: string;
  logs: LogEntry[];
}

/** One instance of the bot on Slack over HTTP, with its own port, over `store`. */
async function instance(store: Store): Promise<Instance> {
  const { logger, entries } = recordingLogger();
  const pinned = await botAt('2019-05-10', logger, store);
  const bot = new Bot({ ...pinned.services, clock: () => now });
  const platform = await startSlack(
    bot,
    {
      botToken: 'xoxb-test',
      connection: { kind: 'http', signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' },
      apiUrl: fake.apiUrl,
    },
    logger,
    { retryConfig: FAST_RETRIES },
  );
  bot.services.outbox.attach(platform);
  running.push(platform);
  return { url: `http://127.0.0.1:${platform.address!.port}`, logs: entries };
}

let sequence = 0;

/** A news DM, as the Events API delivers it, with an event_id of its own. */
function newsMessage(channel: string): { body: string; eventId: string } {
  sequence += 1;
  const ts = `1557446400.${String(sequence).padStart(6, '0')}`;
  const eventId = `EvREPEAT${sequence}`;
  const event = {
    type: 'message',
    channel_type: 'im',
    user: 'UANA',
    text: `news: The Seoul social economy centre opens its doors to forty new cooperatives (${sequence}).`,
    ts,
    channel,
    event_ts: ts,
  };
  const body = JSON.stringify({
    token: 'legacy',
    team_id: 'T0GSEF',
    api_app_id: 'A0GSEF',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1557446400,
    authorizations: [{ team_id: 'T0GSEF', user_id: 'UBOT', is_bot: true }],
  });
  return { body, eventId };
}

/** Delivers exactly these signed bytes, as a first delivery or as Slack's retry number `retry`. */
async function deliver(to: Instance, body: string, retry?: number): Promise<void> {
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${to.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
      ...(retry === undefined ? {} : { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' }),
    },
    body,
  });
  expect(response.status).toBe(200);
}

function answersIn(channel: string): RecordedCall[] {
  return fake.succeeded('chat.postMessage').filter((c) => c.body.channel === channel);
}

function dropped(on: Instance, eventId: string): boolean {
  return on.logs.some((e) => e.message.includes('repeat dropped') && e.context.eventId === eventId);
}

describe.each(SHARED_BACKENDS)('two instances sharing one $name store', ({ name, freshUrl }) => {
  it('answer a news DM once when Slack delivers it again to either, and queue it once', async () => {
    const store = await open(await freshUrl());
    const [a, b] = [await instance(store), await instance(store)];
    const channel = `D${name.toUpperCase()}1`;
    const { body, eventId } = newsMessage(channel);
    await deliver(a, body);
    const [answer] = await waitFor(() => answersIn(channel).length > 0 && answersIn(channel), 'the answer');
    expect(answer!.body.text).toMatch(/^Thank you! Your news is in the newsletter queue as #\d+\.$/);
    await deliver(b, body, 1);
    await deliver(a, body, 2);
    await waitFor(() => dropped(a, eventId) && dropped(b, eventId), 'both repeats dropped');
    expect(answersIn(channel)).toHaveLength(1); // no "already in the queue" beside the "Thank you"
    expect(await store.news.list()).toHaveLength(1);
  });

  it('answer once when the same event reaches both at the same moment', async () => {
    const store = await open(await freshUrl());
    const [a, b] = [await instance(store), await instance(store)];
    const channel = `D${name.toUpperCase()}2`;
    const { body, eventId } = newsMessage(channel);
    await Promise.all([deliver(a, body), deliver(b, body, 1), deliver(a, body, 2), deliver(b, body, 3)]);
    await waitFor(() => answersIn(channel).length > 0, 'the answer');
    await waitFor(
      () =>
        [a, b]
          .flatMap((i) => i.logs)
          .filter((e) => e.message.includes('repeat dropped') && e.context.eventId === eventId).length === 3,
      'three repeats dropped',
    );
    expect(answersIn(channel)).toHaveLength(1);
  });

  it('handle a retry whose first delivery was claimed by a process that died, once its lease has run out', async () => {
    const store = await open(await freshUrl());
    const a = await instance(store);
    const channel = `D${name.toUpperCase()}3`;
    const { body, eventId } = newsMessage(channel);
    // The first delivery was acknowledged and claimed, then its process died before handling it.
    expect(
      await store.claims.claim(
        EVENT_CLAIM_PREFIX + eventId,
        'a-process-that-died',
        now.minus({ minutes: 4 }).toMillis(),
        3 * 60_000,
      ),
    ).toBe(true);
    await deliver(a, body, 1);
    await waitFor(() => answersIn(channel).length > 0, 'the answer to the retry');
    await deliver(a, body, 2);
    await waitFor(() => dropped(a, eventId), 'the next retry dropped');
    expect(answersIn(channel)).toHaveLength(1);
  });

  it('drop a retry while the first delivery is still being handled elsewhere (its lease holds)', async () => {
    const store = await open(await freshUrl());
    const a = await instance(store);
    const channel = `D${name.toUpperCase()}4`;
    const { body, eventId } = newsMessage(channel);
    expect(
      await store.claims.claim(
        EVENT_CLAIM_PREFIX + eventId,
        'another-instance-at-work',
        now.minus({ minutes: 1 }).toMillis(),
        3 * 60_000,
      ),
    ).toBe(true);
    await deliver(a, body, 1);
    await waitFor(() => dropped(a, eventId), 'the retry dropped');
    expect(answersIn(channel)).toHaveLength(0);
  });
});

/** Whether the store keeps no claim at all on `key`: only then does a probe with an endless lease get it (and it is deleted again). */
async function keepsNoClaim(store: Store, key: string, atMs: number): Promise<boolean> {
  const free = await store.claims.claim(key, 'probe', atMs, 100 * 365 * 24 * 3_600_000);
  if (free) await store.claims.forget(key, Number.MAX_SAFE_INTEGER);
  return free;
}

describe.each(BACKENDS)('the record of handled events in the $name store', ({ freshUrl }) => {
  it('holds while Slack may retry, then is deleted (bounded storage), with the claims of deliveries that died', async () => {
    const store = await open(await freshUrl());
    const { logger } = recordingLogger();
    let at = now;
    const middleware = dropRepeatedEvents({ claims: store.claims, clock: () => at }, logger);
    const handled: string[] = [];
    // What Bolt hands a global middleware for an Events API delivery, reduced to what this one reads.
    const deliverEvent = (eventId: string) =>
      middleware({
        body: { type: 'event_callback', event_id: eventId },
        context: {},
        next: async () => void handled.push(eventId),
      } as unknown as Parameters<typeof middleware>[0]);

    await store.claims.claim(`${EVENT_CLAIM_PREFIX}EvDIED`, 'a-process-that-died', at.toMillis(), 3 * 60_000);
    await deliverEvent('EvKEPT');
    at = at.plus({ hours: 1 });
    await deliverEvent('EvKEPT'); // a retry an hour later: still remembered
    expect(handled).toEqual(['EvKEPT']);
    expect(await keepsNoClaim(store, `${EVENT_CLAIM_PREFIX}EvKEPT`, at.toMillis())).toBe(false);
    at = at.plus({ hours: 2 });
    await deliverEvent('EvLATER'); // an event handled later sweeps what lapsed long ago
    expect(await keepsNoClaim(store, `${EVENT_CLAIM_PREFIX}EvKEPT`, at.toMillis())).toBe(true);
    expect(await keepsNoClaim(store, `${EVENT_CLAIM_PREFIX}EvDIED`, at.toMillis())).toBe(true);
    expect(await keepsNoClaim(store, `${EVENT_CLAIM_PREFIX}EvLATER`, at.toMillis())).toBe(false);
  });
});
