import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { FakeSlackApi, waitFor } from './fake-slack-api.js';
import { startTestSlack, type TestSlack } from './slack-test-kit.js';

// In Socket Mode Slack delivers an event again in a new envelope, with `retry_attempt` and the
// same event_id, when it did not see the acknowledgement in time: it is answered once.

let fake: FakeSlackApi;
let server: WebSocketServer;
let socket: WebSocket | undefined;
const acknowledged: string[] = [];
let slack: TestSlack;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (connection) => {
    socket = connection;
    connection.on('message', (data) => acknowledged.push(String((JSON.parse(String(data)) as { envelope_id?: unknown }).envelope_id)));
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

/** An events_api envelope carrying a DM, as delivery number `attempt` (0: the first). */
function envelope(envelopeId: string, attempt: number): string {
  const event = { type: 'message', channel_type: 'im', user: 'UANA', text: 'news: The Seoul social economy centre opens its doors to forty new cooperatives.', ts: '1557446400.000100', channel: 'DSOCKET', event_ts: '1557446400.000100' };
  const payload = { token: 'legacy', team_id: 'T0GSEF', api_app_id: 'A0GSEF', event, type: 'event_callback', event_id: 'EvSOCKET1', event_time: 1557446400, authorizations: [{ team_id: 'T0GSEF', user_id: 'UBOT', is_bot: true }] };
  return JSON.stringify({ envelope_id: envelopeId, type: 'events_api', accepts_response_payload: false, retry_attempt: attempt, retry_reason: attempt === 0 ? '' : 'timeout', payload });
}

describe('Slack events over Socket Mode', () => {
  it('answers an event once when Slack delivers it again with retry_attempt, and acknowledges every envelope', async () => {
    const answers = () => fake.succeeded('chat.postMessage').filter((c) => c.body.channel === 'DSOCKET');
    socket!.send(envelope('env-first', 0));
    await waitFor(() => answers().length > 0, 'the answer');
    socket!.send(envelope('env-retry-1', 1));
    socket!.send(envelope('env-retry-2', 2));
    await waitFor(() => slack.logs.filter((e) => e.message.includes('repeat dropped') && e.context.eventId === 'EvSOCKET1').length === 2, 'both repeats dropped');
    await waitFor(() => ['env-first', 'env-retry-1', 'env-retry-2'].every((id) => acknowledged.includes(id)), 'every envelope acknowledged');
    expect(answers()).toHaveLength(1);
    expect(answers()[0]!.body.text).toMatch(/^Thank you! Your news is in the newsletter queue as #\d+\.$/);
  });
});
