import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait-for.js';
import { useSocketModeSlack } from './fake-socket-mode.js';
import {
  FAST_RETRIES,
  responseUrlCalls,
  shareClickPayload,
  slackPlainText,
  slashCommandAnswer,
  slashCommandFields,
} from './slack-test-kit.js';

const env = useSocketModeSlack();

/**
 * Proof that the bot has sent whatever it was going to send through the response URLs of the
 * envelopes acknowledged so far: a Share click sent now is carried out through its own response
 * URL, and the fake has received it all.
 */
async function laterShareCarriedOut(responseId: string): Promise<void> {
  env.socketMode.socket.send(
    JSON.stringify({
      envelope_id: `env-${responseId}`,
      type: 'interactive',
      accepts_response_payload: false,
      payload: shareClickPayload(env.fake, 'help', 'U1', responseId),
    }),
  );
  // Its last message is the deletion of the private copy: nothing of it is left to arrive later.
  await waitFor(
    () => env.fake.responses(responseId).some((message) => message.delete_original === true),
    'a later Share click carried out',
  );
}

describe('Slack over Socket Mode', () => {
  it('connects with the URL apps.connections.open gives, and listens on no port', () => {
    expect(env.fake.succeeded('apps.connections.open')).toHaveLength(1);
    expect(env.socketMode.socket).toBeDefined();
    expect(env.slack.platform.address).toBeUndefined();
  });

  it("acknowledges a slash-command envelope with the answer in the ack's payload, and posts nothing to the response URL", async () => {
    env.socketMode.socket.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: slashCommandFields(env.fake, 'next-event africa', 'U1', 'socket1'),
      }),
    );
    const ack = await waitFor(() => env.socketMode.received.find((m) => m.envelope_id === 'env-1'), 'the ack');
    expect(Object.keys(ack)).toEqual(['envelope_id', 'payload']);
    expect(env.socketMode.received.filter((m) => m.envelope_id === 'env-1')).toHaveLength(1);
    const { answer, via } = await slashCommandAnswer(env.fake, ack.payload as Record<string, unknown>, 'socket1');
    expect(via).toBe('acknowledgement');
    expect(answer.response_type).toBe('ephemeral');
    expect(slackPlainText(answer.blocks)).toContain('Africa Policy Dialogue');
    await laterShareCarriedOut('socket-share1');
    expect(responseUrlCalls(env.fake, 'socket1')).toEqual([]);
  });

  it('reconnects when the connection drops, even while Slack cannot be reached at first, and serves again', async () => {
    const attemptsPerCall = FAST_RETRIES.retries! + 1;
    env.fake.failNext('apps.connections.open', 2 * attemptsPerCall, { status: 500 });
    env.socketMode.socket.close();
    await waitFor(() => env.socketMode.connections === 2, 'the new connection');
    expect(env.slack.logs.filter((e) => e.level === 'warn' && e.message.includes('could not reconnect'))).toHaveLength(
      2,
    );
    env.socketMode.socket.send(
      JSON.stringify({
        envelope_id: 'env-2',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: slashCommandFields(env.fake, 'help', 'U1', 'socket2'),
      }),
    );
    const ack = await waitFor(
      () => env.socketMode.received.find((m) => m.envelope_id === 'env-2'),
      'the ack after reconnecting',
    );
    expect(
      (
        await slashCommandAnswer(
          env.fake,
          ack.payload as Record<string, unknown>,
          'socket2',
          'the answer after reconnecting',
        )
      ).answer.text,
    ).toBe('GSEF bot commands');
  });
});
