import type { RespondArguments } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACK_ANSWER_BUDGET_MS, ackOrRespond } from '../../../src/platforms/slack/ack-or-respond.js';
import { recordingLogger } from './slack-test-kit.js';

const ANSWER: RespondArguments = { response_type: 'ephemeral', text: 'GSEF bot commands' };
const APOLOGY: RespondArguments = { response_type: 'ephemeral', text: 'Sorry' };

/** Records, in order, what was acknowledged (`ack`) and what went through the response URL (`respond`). */
function recorder(options: { ackFails?: boolean; respondFails?: boolean } = {}) {
  const sent: [string, unknown][] = [];
  const ack = vi.fn(async (message?: string | RespondArguments) => {
    if (options.ackFails) throw new Error('the socket is closed');
    sent.push(['ack', message]);
  });
  const respond = vi.fn(async (message: string | RespondArguments) => {
    if (options.respondFails) throw new Error('response URL failed');
    sent.push(['respond', message]);
    return new Response('ok');
  });
  return { sent, ack, respond };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ackOrRespond', () => {
  it('puts a message sent within the budget in the acknowledgement, and nothing else goes out', async () => {
    const { sent, ack, respond } = recorder();
    const delivery = ackOrRespond(ack, respond, recordingLogger().logger);
    await vi.advanceTimersByTimeAsync(ACK_ANSWER_BUDGET_MS - 1);
    await delivery.send(ANSWER);
    await delivery.close();
    await vi.advanceTimersByTimeAsync(ACK_ANSWER_BUDGET_MS);
    expect(sent).toEqual([['ack', ANSWER]]);
  });

  it('acknowledges empty when the budget runs out, then sends through the response URL', async () => {
    const { sent, ack, respond } = recorder();
    const delivery = ackOrRespond(ack, respond, recordingLogger().logger);
    await vi.advanceTimersByTimeAsync(ACK_ANSWER_BUDGET_MS - 1);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([['ack', undefined]]);
    await delivery.send(ANSWER);
    await delivery.close();
    expect(sent).toEqual([
      ['ack', undefined],
      ['respond', ANSWER],
    ]);
  });

  it('sends a second message through the response URL', async () => {
    const { sent, ack, respond } = recorder();
    const delivery = ackOrRespond(ack, respond, recordingLogger().logger);
    await delivery.send(ANSWER);
    await delivery.send(APOLOGY);
    await delivery.close();
    expect(sent).toEqual([
      ['ack', ANSWER],
      ['respond', APOLOGY],
    ]);
  });

  it('acknowledges empty at once when the work ends with nothing sent, and never again', async () => {
    const { sent, ack, respond } = recorder();
    const delivery = ackOrRespond(ack, respond, recordingLogger().logger);
    await delivery.close();
    await vi.advanceTimersByTimeAsync(2 * ACK_ANSWER_BUDGET_MS);
    expect(sent).toEqual([['ack', undefined]]);
    expect(ack).toHaveBeenCalledTimes(1);
  });

  it('sends through the response URL what the acknowledgement could not carry, and says so in the log', async () => {
    const { sent, ack, respond } = recorder({ ackFails: true });
    const { logger, entries } = recordingLogger();
    const delivery = ackOrRespond(ack, respond, logger);
    await delivery.send(ANSWER);
    await delivery.close();
    await vi.advanceTimersByTimeAsync(2 * ACK_ANSWER_BUDGET_MS);
    expect(sent).toEqual([['respond', ANSWER]]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(entries).toEqual([
      expect.objectContaining({ level: 'warn', message: expect.stringContaining('response URL') }),
    ]);
  });

  it('rejects when the response URL refuses a late message, so that the caller can apologize', async () => {
    const { ack, respond } = recorder({ respondFails: true });
    const delivery = ackOrRespond(ack, respond, recordingLogger().logger);
    await vi.advanceTimersByTimeAsync(ACK_ANSWER_BUDGET_MS);
    await expect(delivery.send(ANSWER)).rejects.toThrow('response URL failed');
  });
});
