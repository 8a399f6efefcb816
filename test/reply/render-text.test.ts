import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/reply/render-text.js';
import { reply } from '../../src/reply/reply.js';
import { PARIS_FOR_SEOUL, PARIS_START_ONLY } from '../support/reply-times.js';

describe('a meeting time in plain text', () => {
  it("is its text: the reader's time with the organiser's alongside, in a field and in a list", () => {
    const text = renderText(
      reply('ok', 'Steering Committee, Q1 2027', [
        { type: 'fields', lang: 'fr', fields: [{ label: 'Heure', value: PARIS_FOR_SEOUL }] },
        { type: 'list', items: [{ title: 'Steering Committee, Q1 2027', details: ['Online', PARIS_START_ONLY] }] },
      ]),
    );
    expect(text).toBe(
      [
        'Steering Committee, Q1 2027',
        '',
        `Heure\u00a0: ${PARIS_FOR_SEOUL.text}`,
        '',
        '• Steering Committee, Q1 2027',
        '    Online',
        '    14:00 (Europe/Paris)',
      ].join('\n'),
    );
  });
});
