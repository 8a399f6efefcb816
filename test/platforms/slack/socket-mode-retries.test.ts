import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait-for.js';
import { useSocketModeSlack } from './fake-socket-mode.js';

// In Socket Mode Slack delivers an event again in a new envelope, with `retry_attempt` and the
// same event_id, when it did not see the acknowledgement in time: it is answered once.

const env = useSocketModeSlack();

/** An events_api envelope carrying a DM, as delivery number `attempt` (0: the first). */
function envelope(envelopeId: string, attempt: number): string {
  const event = {
    type: 'message',
    channel_type: 'im',
    user: 'UANA',
    text: 'news: The Seoul social economy centre opens its doors to forty new cooperatives.',
    ts: '1557446400.000100',
    channel: 'DSOCKET',
    event_ts: '1557446400.000100',
  };
  const payload = {
    token: 'legacy',
    team_id: 'T0GSEF',
    api_app_id: 'A0GSEF',
    event,
    type: 'event_callback',
    event_id: 'EvSOCKET1',
    event_time: 1557446400,
    authorizations: [{ team_id: 'T0GSEF', user_id: 'UBOT', is_bot: true }],
  };
  return JSON.stringify({
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: attempt,
    retry_reason: attempt === 0 ? '' : 'timeout',
    payload,
  });
}

describe('Slack events over Socket Mode', () => {
  it('answers an event once when Slack delivers it again with retry_attempt, and acknowledges every envelope', async () => {
    const answers = () => env.fake.succeeded('chat.postMessage').filter((c) => c.body.channel === 'DSOCKET');
    env.socketMode.socket.send(envelope('env-first', 0));
    await waitFor(() => answers().length > 0, 'the answer');
    env.socketMode.socket.send(envelope('env-retry-1', 1));
    env.socketMode.socket.send(envelope('env-retry-2', 2));
    await waitFor(
      () =>
        env.slack.logs.filter((e) => e.message.includes('repeat dropped') && e.context.eventId === 'EvSOCKET1')
          .length === 2,
      'both repeats dropped',
    );
    await waitFor(
      () =>
        ['env-first', 'env-retry-1', 'env-retry-2'].every((id) =>
          env.socketMode.received.some((frame) => frame.envelope_id === id),
        ),
      'every envelope acknowledged',
    );
    expect(answers()).toHaveLength(1);
    expect(answers()[0]!.body.text).toMatch(/^Thank you! Your news is in the newsletter queue as #\d+\.$/);
  });
});
