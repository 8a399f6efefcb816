import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { patched, readCorpus, STACK_TRACE, watchForCrashes, type PatchCase } from '../../corpus/corpus.js';
import { FakeSlackApi, waitFor } from './fake-slack-api.js';
import { slashCommandAnswer, slashCommandFields, startTestSlack, type TestSlack } from './slack-test-kit.js';

// The real Bolt app in Socket Mode, fed the malformed frames and interactivity payloads of the corpus.

interface FrameCase {
  why: string;
  text?: string;
  json?: unknown;
}

interface InteractionCase extends PatchCase {
  outcome: 'refused' | 'handled';
}

const frames = readCorpus<FrameCase[]>('socket-mode/frames.json');
const interactions = readCorpus<{ bases: Record<string, unknown>; cases: InteractionCase[] }>('interactions/slack.json');

let fake: FakeSlackApi;
let server: WebSocketServer;
let socket: WebSocket | undefined;
let connections = 0;
const received: Record<string, unknown>[] = [];
let slack: TestSlack;
const crashes = watchForCrashes();

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (connection) => {
    socket = connection;
    connections += 1;
    connection.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    connection.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0GSEF' } }));
  });
  fake.socketUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link/?ticket=test`;
  slack = await startTestSlack(fake, '2019-05-10', { kind: 'socket', appToken: 'xapp-test' });
});

afterAll(async () => {
  await slack.platform.stop();
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
  await fake.close();
});

const dropped = () => slack.logs.filter((e) => e.message === 'slack: dropped a malformed Socket Mode frame');

/** A valid slash command, answered in its ack: proof that the connection and the app still serve. */
async function stillAnswers(envelopeId: string): Promise<void> {
  socket!.send(JSON.stringify({ envelope_id: envelopeId, type: 'slash_commands', accepts_response_payload: true, payload: slashCommandFields(fake, 'help', 'U1', envelopeId) }));
  const ack = await waitFor(() => received.find((m) => m.envelope_id === envelopeId), `the ack of ${envelopeId}`);
  expect((await slashCommandAnswer(fake, ack.payload as Record<string, unknown>, envelopeId)).answer.text).toBe('GSEF bot commands');
}

describe('Slack Socket Mode fed malformed frames', () => {
  it('drops and logs every frame of the corpus, on the same connection, and still answers a valid command after them', async () => {
    for (const frame of frames) socket!.send(frame.text ?? JSON.stringify(frame.json));
    await stillAnswers('after-frames');
    expect(dropped()).toHaveLength(frames.length);
    for (const entry of dropped()) {
      expect(entry.level).toBe('warn');
      expect(Object.keys(entry.context).sort()).toEqual(['bytes', 'problem']);
    }
    expect(fake.succeeded('apps.connections.open')).toHaveLength(1);
    expect(crashes).toEqual([]);
  });

  it('drops the malformed interactivity payloads of the corpus and hands the others to the bot, which never shows a stack trace', async () => {
    const before = dropped().length;
    interactions.cases.forEach((c, i) => {
      const payload = patched(interactions.bases, c, { RESPONSE_URL: fake.responseUrl(`interaction-${i}`) });
      socket!.send(JSON.stringify({ envelope_id: `interaction-${i}`, type: 'interactive', accepts_response_payload: false, payload }));
    });
    await stillAnswers('after-interactions');
    expect(dropped().length - before).toBe(interactions.cases.filter((c) => c.outcome === 'refused').length);
    const sent = fake.calls.filter((c) => c.method !== 'auth.test' && c.method !== 'users.info').map((c) => JSON.stringify(c.body));
    expect(sent.filter((text) => STACK_TRACE.test(text))).toEqual([]);
    expect(crashes).toEqual([]);
  });

  it('still drops malformed frames on the connection made after Slack recycles the first', async () => {
    socket!.close();
    await waitFor(() => connections === 2, 'the new connection');
    const before = dropped().length;
    for (const text of ['null', JSON.stringify({ type: 'events_api', envelope_id: 'again', payload: null })]) socket!.send(text);
    await stillAnswers('after-reconnecting');
    expect(dropped().length - before).toBe(2);
    expect(crashes).toEqual([]);
  });
});
