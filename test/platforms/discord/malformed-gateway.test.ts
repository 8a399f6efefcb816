import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expanded, patched, readCorpus, readInteractions, STACK_TRACE, watchForCrashes } from '../../corpus/corpus.js';
import { createLogger } from '../../../src/logger.js';
import { restApiOf } from '../../../src/platforms/discord/discord-config.js';
import { startDiscord } from '../../../src/platforms/discord/start-discord.js';
import type { PlatformAdapter } from '../../../src/messaging/platform-adapter.js';
import { botAt } from '../../support/test-bot.js';
import { answerTo } from './discord-answers.js';
import { sendCommand } from './discord-payloads.js';
import { APPLICATION_ID, FakeDiscord } from './fake-discord.js';

// The real discord.js client against the fake gateway, fed the malformed packets and interactions of the corpus.

interface PacketCase {
  why: string;
  /** A text frame sent as it is. */
  text?: string;
  /** A frame sent as JSON. */
  packet?: unknown;
  /** A dispatch (op 0) of this type and data, with the next sequence number. */
  dispatch?: { t: string; d: unknown };
}

const packets = readCorpus<PacketCase[]>('discord-gateway/packets.json');
const interactions = readInteractions('discord');

let fake: FakeDiscord;
let platform: PlatformAdapter;
const logs: Record<string, unknown>[] = [];
const crashes = watchForCrashes();

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const logger = createLogger('info', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  platform = await startDiscord(
    await botAt('2019-05-10', logger),
    { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl) },
    logger,
  );
}, 30_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

function send(c: PacketCase): void {
  if (c.text !== undefined) fake.sendRaw(c.text);
  else if (c.dispatch) fake.dispatch(c.dispatch.t, expanded(c.dispatch.d));
  else fake.sendRaw(JSON.stringify(c.packet));
}

/** A valid `/gsef help`, answered: proof that the client and the bot still serve. */
async function stillAnswers(): Promise<void> {
  const answer = await answerTo(fake, sendCommand(fake, 'help'));
  expect(answer.data.embeds?.[0]?.title ?? answer.data.content).toBeTruthy();
}

const dropped = () => logs.filter((l) => l.message === 'discord: dropped a malformed gateway event');

/** Everything the bot sent Discord in answer (interaction callbacks, edits, messages), as text. */
const everythingSent = () =>
  fake.requests.filter((r) => r.method !== 'GET' && r.method !== 'PUT').map((r) => JSON.stringify(r.body));

describe('the Discord gateway fed malformed packets', () => {
  it('survives every packet of the corpus on the same connection, and still answers a valid command after them', async () => {
    const sessions = fake.gatewayOps.filter((op) => op.op === 2).length;
    for (const c of packets) send(c);
    await stillAnswers();
    expect(fake.gatewayOps.filter((op) => op.op === 2).length, 'no new session was needed').toBe(sessions);
    expect(crashes).toEqual([]);
  });

  it('logs what it drops on one line, without the payload', () => {
    expect(dropped().length).toBeGreaterThan(0);
    for (const entry of dropped()) {
      expect(entry.level).toBe('warn');
      expect(JSON.stringify(entry).length).toBeLessThan(2000);
    }
  });
});

describe('Discord interactions with missing or wrong-typed fields', () => {
  // Each case is followed by a valid command: once that is answered, the case has been handled (the gateway keeps order).
  it.each(interactions.cases)('$why: $outcome', async (c) => {
    const before = dropped().length;
    const id = fake.newId();
    fake.dispatch('INTERACTION_CREATE', patched(interactions.bases, c, { ID: id, TOKEN: `token-${id}` }));
    await stillAnswers();
    expect(dropped().length - before).toBe(c.outcome === 'refused' ? 1 : 0);
  });

  it('showed no stack trace and raised no uncaught error', () => {
    expect(everythingSent().filter((text) => STACK_TRACE.test(text))).toEqual([]);
    expect(crashes).toEqual([]);
  });
});
