import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * How long an answer may take and still go in the acknowledgement of a slash command. Slack shows
 * the user an error when the acknowledgement has not reached it within 3 seconds of sending the
 * command; the other half is left for the network both ways, Slack's own side and a busy event
 * loop. A slower answer follows through the response URL.
 */
export const ACK_ANSWER_BUDGET_MS = 1500;

/** Where the messages of one Slack request go, the acknowledgement first while it is still open. */
export interface AckOrRespond {
  /**
   * Sends a message: in the acknowledgement (the HTTP response's body, or the Socket Mode
   * envelope's payload) while it is still open, else through the response URL. Rejects when
   * neither could take it.
   */
  send(message: RespondArguments): Promise<void>;
  /** Acknowledges with no message if nothing was sent yet; call it once the work is over. */
  close(): Promise<void>;
}

/**
 * Acknowledges a request exactly once: with the first message sent within `budgetMs`, else with no
 * message when the budget runs out, after which messages go through the response URL. A message
 * the acknowledgement could not carry (Socket Mode while the socket is down) goes through the
 * response URL too, so that nothing is lost.
 */
export function ackOrRespond(
  ack: AckFn<string | RespondArguments>,
  respond: RespondFn,
  logger: Logger,
  budgetMs = ACK_ANSWER_BUDGET_MS,
): AckOrRespond {
  let acknowledged = false;
  let emptyAck: Promise<void> | undefined;
  const ackEmpty = () => {
    acknowledged = true;
    emptyAck = ack().catch((error: unknown) => logger.error('could not acknowledge a Slack request', { error }));
  };
  const timer = setTimeout(() => {
    if (!acknowledged) ackEmpty();
  }, budgetMs);
  return {
    async send(message) {
      if (!acknowledged) {
        acknowledged = true;
        clearTimeout(timer);
        try {
          await ack(message);
          return;
        } catch (error) {
          logger.warn('could not answer in the acknowledgement; answering through the response URL', { error });
        }
      }
      // Slack learns of the request from the acknowledgement: the response URL comes after it.
      await emptyAck;
      await respond(message);
    },
    async close() {
      clearTimeout(timer);
      if (!acknowledged) ackEmpty();
      await emptyAck;
    },
  };
}
