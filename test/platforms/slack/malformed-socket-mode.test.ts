import { describe, expect, it } from 'vitest';
import { patched, readCorpus, readInteractions, STACK_TRACE, watchForCrashes } from '../../corpus/corpus.js';
import { waitFor } from '../../support/wait-for.js';
import { useSocketModeSlack } from './fake-socket-mode.js';
import { slashCommandAnswer, slashCommandFields } from './slack-test-kit.js';

// The real Bolt app in Socket Mode, fed the malformed frames and interactivity payloads of the corpus.

interface FrameCase {
  why: string;
  text?: string;
  json?: unknown;
}

const frames = readCorpus<FrameCase[]>('socket-mode/frames.json');
const interactions = readInteractions('slack');

const env = useSocketModeSlack();
const crashes = watchForCrashes();

const dropped = () => env.slack.logs.filter((e) => e.message === 'slack: dropped a malformed Socket Mode frame');

/** A valid slash command, answered in its ack: proof that the connection and the app still serve. */
async function stillAnswers(envelopeId: string): Promise<void> {
  env.socketMode.socket.send(
    JSON.stringify({
      envelope_id: envelopeId,
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommandFields(env.fake, 'help', 'U1', envelopeId),
    }),
  );
  const ack = await waitFor(
    () => env.socketMode.received.find((m) => m.envelope_id === envelopeId),
    `the ack of ${envelopeId}`,
  );
  expect((await slashCommandAnswer(env.fake, ack.payload as Record<string, unknown>, envelopeId)).answer.text).toBe(
    'GSEF bot commands',
  );
}

describe('Slack Socket Mode fed malformed frames', () => {
  it('drops and logs every frame of the corpus, on the same connection, and still answers a valid command after them', async () => {
    for (const frame of frames) env.socketMode.socket.send(frame.text ?? JSON.stringify(frame.json));
    await stillAnswers('after-frames');
    expect(dropped()).toHaveLength(frames.length);
    for (const entry of dropped()) {
      expect(entry.level).toBe('warn');
      expect(Object.keys(entry.context).sort()).toEqual(['bytes', 'problem']);
    }
    expect(env.fake.succeeded('apps.connections.open')).toHaveLength(1);
    expect(crashes).toEqual([]);
  });

  it('drops the malformed interactivity payloads of the corpus and hands the others to the bot, which never shows a stack trace', async () => {
    const before = dropped().length;
    interactions.cases.forEach((c, i) => {
      const payload = patched(interactions.bases, c, { RESPONSE_URL: env.fake.responseUrl(`interaction-${i}`) });
      env.socketMode.socket.send(
        JSON.stringify({
          envelope_id: `interaction-${i}`,
          type: 'interactive',
          accepts_response_payload: false,
          payload,
        }),
      );
    });
    await stillAnswers('after-interactions');
    expect(dropped().length - before).toBe(interactions.cases.filter((c) => c.outcome === 'refused').length);
    const sent = env.fake.calls
      .filter((c) => c.method !== 'auth.test' && c.method !== 'users.info')
      .map((c) => JSON.stringify(c.body));
    expect(sent.filter((text) => STACK_TRACE.test(text))).toEqual([]);
    expect(crashes).toEqual([]);
  });

  it('still drops malformed frames on the connection made after Slack recycles the first', async () => {
    env.socketMode.socket.close();
    await waitFor(() => env.socketMode.connections === 2, 'the new connection');
    const before = dropped().length;
    for (const text of ['null', JSON.stringify({ type: 'events_api', envelope_id: 'again', payload: null })])
      env.socketMode.socket.send(text);
    await stillAnswers('after-reconnecting');
    expect(dropped().length - before).toBe(2);
    expect(crashes).toEqual([]);
  });
});
