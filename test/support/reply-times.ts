import type { ReplyTime } from '../../src/reply/reply.js';

/**
 * The time the presenter writes for a meeting on 27 January 2027 from 14:00 to 16:00 in Paris, for a
 * reader in Seoul (see test/presenters/meeting-time.test.ts): what the renderers are given.
 */
export const PARIS_FOR_SEOUL: ReplyTime = {
  type: 'time',
  start: Date.parse('2027-01-27T13:00:00Z'),
  end: Date.parse('2027-01-27T15:00:00Z'),
  organiser: '14:00–16:00 (Europe/Paris)',
  fallback: { start: 'Wednesday, 27 January 2027, 22:00', end: '00:00 (Asia/Seoul)' },
  text: 'Wednesday, 27 January 2027, 22:00–00:00 (Asia/Seoul), your time · 14:00–16:00 (Europe/Paris) for the organiser',
};

/** The same without a duration, for a channel (no reader): only a start. */
export const PARIS_START_ONLY: ReplyTime = {
  type: 'time',
  start: Date.parse('2027-01-27T13:00:00Z'),
  organiser: '14:00 (Europe/Paris)',
  fallback: { start: 'Wednesday, 27 January 2027, 14:00 (Europe/Paris)' },
  text: '14:00 (Europe/Paris)',
};
