import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../logger.js';

type SocketModeClient = SocketModeReceiver['client'];

/** 1 s, 2 s, 4 s… up to 30 s between attempts while Slack cannot be reached. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
}

/**
 * Reconnects a Socket Mode client whenever its connection drops (Slack recycles connections
 * routinely), until stopped. The client's own reconnection is turned off because it leaves a
 * rejected promise unhandled when Slack is unreachable at that moment, which ends the process;
 * here every failure is logged and tried again later.
 */
export function keepSocketConnected(
  client: SocketModeClient,
  logger: Logger,
  delayMs: (attempt: number) => number = reconnectDelayMs,
): { stop(): void } {
  let stopped = false;
  let attempt = 0;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;

  const reconnect = () => {
    if (stopped || pending) return;
    pending = true;
    timer = setTimeout(() => {
      timer = undefined;
      if (stopped) return;
      client.start().then(
        () => {
          attempt = 0;
          pending = false;
          logger.info('Slack Socket Mode reconnected');
        },
        (error: unknown) => {
          attempt += 1;
          pending = false;
          logger.warn('Slack Socket Mode could not reconnect; trying again', { attempt, error });
          reconnect();
        },
      );
    }, delayMs(attempt));
  };
  // While an attempt runs, its own failure schedules the next one: a drop then is not a new outage.
  client.on('disconnected', reconnect);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      client.off('disconnected', reconnect);
    },
  };
}
