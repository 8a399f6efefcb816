import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { FakeSlackApi, waitFor } from './fake-slack-api.js';
import { FAST_RETRIES, responseUrlCalls, slackPlainText, slashCommandAnswer, slashCommandFields, startTestSlack, type TestSlack } from './slack-test-kit.js';

let fake: FakeSlackApi;
let server: WebSocketServer;
let socket: WebSocket | undefined;
let connections = 0;
const received: Record<string, unknown>[] = [];
let slack: TestSlack;

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

describe('Slack over Socket Mode', () => {
  it('connects with the URL apps.connections.open gives, and listens on no port', () => {
    expect(fake.succeeded('apps.connections.open')).toHaveLength(1);
    expect(socket).toBeDefined();
    expect(slack.platform.address).toBeUndefined();
  });

  it("acknowledges a slash-command envelope with the answer in the ack's payload, and posts nothing to the response URL", async () => {
    socket!.send(JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload: slashCommandFields(fake, 'next-event africa', 'U1', 'socket1') }));
    const ack = await waitFor(() => received.find((m) => m.envelope_id === 'env-1'), 'the ack');
    expect(Object.keys(ack)).toEqual(['envelope_id', 'payload']);
    expect(received.filter((m) => m.envelope_id === 'env-1')).toHaveLength(1);
    const { answer, via } = await slashCommandAnswer(fake, ack.payload as Record<string, unknown>, 'socket1');
    expect(via).toBe('acknowledgement');
    expect(answer.response_type).toBe('ephemeral');
    expect(slackPlainText(answer.blocks)).toContain('Africa Policy Dialogue');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(responseUrlCalls(fake, 'socket1')).toEqual([]);
  });

  it('reconnects when the connection drops, even while Slack cannot be reached at first, and serves again', async () => {
    const attemptsPerCall = FAST_RETRIES.retries! + 1;
    fake.failNext('apps.connections.open', 2 * attemptsPerCall, { status: 500 });
    socket!.close();
    await waitFor(() => connections === 2, 'the new connection');
    expect(slack.logs.filter((e) => e.level === 'warn' && e.message.includes('could not reconnect'))).toHaveLength(2);
    socket!.send(JSON.stringify({ envelope_id: 'env-2', type: 'slash_commands', accepts_response_payload: true, payload: slashCommandFields(fake, 'help', 'U1', 'socket2') }));
    const ack = await waitFor(() => received.find((m) => m.envelope_id === 'env-2'), 'the ack after reconnecting');
    expect((await slashCommandAnswer(fake, ack.payload as Record<string, unknown>, 'socket2', 'the answer after reconnecting')).answer.text).toBe('GSEF bot commands');
  });
});
