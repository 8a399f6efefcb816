import type { QueuedNotice } from '../news/notice-queue.js';

/**
 * The outbox for `gsef reminders --status`: each notice waiting for delivery, with where it goes,
 * since when, how many attempts failed and the last error. A notice waits for a process running
 * its platform (`npm start` with Slack or Discord settings).
 */
export function outboxStatusLines(notices: readonly QueuedNotice[]): string[] {
  if (notices.length === 0) return ['outbox: empty (every newsletter notice was delivered)'];
  return [
    `outbox: ${notices.length} newsletter notice(s) waiting for delivery by a process running their platform`,
    ...notices.map((n) => {
      const queued = new Date(n.queuedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const error = n.lastError ? `  last error: ${n.lastError.replace(/\s+/g, ' ')}` : '';
      return `  #${n.id}  ${n.recipient.platform} ${n.recipient.kind} ${n.recipient.id}  queued ${queued}  attempts ${n.attempts}${error}  "${n.reply.title}"`;
    }),
  ];
}
