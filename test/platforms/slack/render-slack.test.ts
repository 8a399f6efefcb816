import { describe, expect, it } from 'vitest';
import {
  MAX_BLOCKS,
  MAX_FIELD_TEXT,
  MAX_FIELDS_PER_SECTION,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
  renderSlack,
  type SlackBlock,
} from '../../../src/platforms/slack/render-slack.js';
import { reply, type Reply } from '../../../src/reply/reply.js';
import { PARIS_FOR_SEOUL, PARIS_START_ONLY } from '../../support/reply-times.js';

const options = { more: (hidden: number) => `…and ${hidden} more` };

/** Every text of a message with the limit Slack puts on it. */
function textsWithLimits(blocks: SlackBlock[]): [string, number][] {
  return blocks.flatMap((block): [string, number][] => {
    if (block.type === 'header') return [[block.text.text, MAX_HEADER_TEXT]];
    if (block.type === 'section')
      return [
        ...(block.text ? [[block.text.text, MAX_SECTION_TEXT] as [string, number]] : []),
        ...(block.fields ?? []).map((f): [string, number] => [f.text, MAX_FIELD_TEXT]),
      ];
    if (block.type === 'context')
      return block.elements.map((e): [string, number] => ['text' in e ? e.text : '', MAX_SECTION_TEXT]);
    return [];
  });
}

function expectWithinLimits(blocks: SlackBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  for (const [text, max] of textsWithLimits(blocks)) expect(text.length).toBeLessThanOrEqual(max);
  for (const block of blocks)
    if (block.type === 'section') expect((block.fields ?? []).length).toBeLessThanOrEqual(MAX_FIELDS_PER_SECTION);
}

describe('renderSlack', () => {
  it('cuts a 200-item list to 50 blocks, each section within 3,000 characters, ending with the "more" hint', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ title: `Event ${i + 1}`, details: ['x'.repeat(4000)] }));
    const { blocks } = renderSlack(reply('ok', '200 events', [{ type: 'list', heading: 'Coming next', items }]), {
      ...options,
      buttons: [{ actionId: 'share', label: 'Share', value: 'events' }],
    });
    expectWithinLimits(blocks);
    expect(blocks).toHaveLength(MAX_BLOCKS);
    const shownItems = blocks.filter((b) => b.type === 'section' && b.text?.text.startsWith('*Event ')).length;
    const hint = blocks.at(-2)!;
    expect(hint).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${200 - shownItems} more` }] });
    expect(blocks.at(-1)!.type).toBe('actions');
  });

  it('keeps a list that fits whole, one section per item', () => {
    const items = Array.from({ length: 34 }, (_, i) => ({
      title: `Event ${i + 1}`,
      details: ['13 – 17 May 2019 · Bamako, Mali'],
    }));
    const { blocks } = renderSlack(reply('ok', '34 events', [{ type: 'list', items }]), options);
    expect(blocks).toHaveLength(35);
    expect(JSON.stringify(blocks)).not.toContain('more');
  });

  it('escapes &, < and > in mrkdwn, so that text cannot mention, link or break the markup', () => {
    const answer: Reply = reply('invalid', 'Q&A <@U123> <!channel>', [
      { type: 'text', text: 'a < b & c > d' },
      { type: 'fields', lang: 'en', fields: [{ label: 'R&D', value: '<https://evil.example|click>' }] },
      { type: 'list', heading: 'A & B', items: [{ title: '<b>', details: ['&amp;'] }] },
      { type: 'note', text: '1 > 0' },
    ]);
    const { blocks, text } = renderSlack(answer, options);
    const all = JSON.stringify(blocks);
    expect(all).not.toMatch(/<[@!h]/);
    expect(all).toContain('Q&amp;A &lt;@U123&gt; &lt;!channel&gt;');
    expect(all).toContain('a &lt; b &amp; c &gt; d');
    expect(all).toContain('*R&amp;D*\\n&lt;https://evil.example|click&gt;');
    expect(all).toContain('&amp;amp;');
    expect(text).toBe('Q&amp;A &lt;@U123&gt; &lt;!channel&gt;');
  });

  it('splits a long text and more than 10 fields across sections, and shortens a long header, field and button label', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `Field ${i}`, value: 'v'.repeat(2500) }));
    const { blocks } = renderSlack(
      reply('ok', 'T'.repeat(400), [
        { type: 'text', text: 'word '.repeat(2000) },
        { type: 'fields', lang: 'en', fields },
      ]),
      {
        ...options,
        buttons: [{ actionId: 'a', label: 'L'.repeat(100), value: 'v' }],
      },
    );
    expectWithinLimits(blocks);
    expect(blocks.filter((b) => b.type === 'section' && b.text).length).toBe(4);
    expect(
      blocks.filter((b) => b.type === 'section' && b.fields).map((b) => (b.type === 'section' ? b.fields!.length : 0)),
    ).toEqual([10, 10, 3]);
    const actions = blocks.at(-1)!;
    expect(
      actions.type === 'actions' && actions.elements[0]!.type === 'button' && actions.elements[0]!.text.text.length,
    ).toBe(75);
  });

  it('never cuts inside an entity', () => {
    const { blocks } = renderSlack(
      reply('ok', 'T', [{ type: 'list', items: [{ title: 'x', details: ['&'.repeat(3000)] }] }]),
      options,
    );
    const section = blocks[1]!;
    expect(section.type === 'section' && section.text!.text).toMatch(/&amp;…$/);
  });

  it('drops a button whose value Slack would refuse', () => {
    const { blocks } = renderSlack(reply('ok', 'T'), {
      ...options,
      buttons: [{ actionId: 'a', label: 'Share', value: 'x'.repeat(2001) }],
    });
    expect(blocks.map((b) => b.type)).toEqual(['header']);
  });

  it('gives a button its style (Approve in green, Reject in red), and none to a plain one', () => {
    const { blocks } = renderSlack(reply('ok', 'News #3 to review'), {
      ...options,
      buttons: [
        { actionId: 'gsef_action_0', label: 'Approve', value: 'newsletter approve 3', style: 'primary' },
        { actionId: 'gsef_action_1', label: 'Reject', value: 'newsletter reject 3', style: 'danger' },
        { actionId: 'gsef_share', label: 'Share in channel', value: 'agenda' },
      ],
    });
    expect(blocks.at(-1)).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'gsef_action_0',
          text: { type: 'plain_text', text: 'Approve' },
          value: 'newsletter approve 3',
          style: 'primary',
        },
        {
          type: 'button',
          action_id: 'gsef_action_1',
          text: { type: 'plain_text', text: 'Reject' },
          value: 'newsletter reject 3',
          style: 'danger',
        },
        {
          type: 'button',
          action_id: 'gsef_share',
          text: { type: 'plain_text', text: 'Share in channel' },
          value: 'agenda',
        },
      ],
    });
  });
});

describe('a meeting time in Slack', () => {
  it("is written as Slack's date tokens, which each reader's client shows in their zone, with the organiser's time alongside", () => {
    const { blocks } = renderSlack(
      reply('ok', 'Steering Committee, Q1 2027', [
        { type: 'fields', lang: 'en', fields: [{ label: 'Time', value: PARIS_FOR_SEOUL }] },
        { type: 'list', items: [{ title: 'Steering Committee, Q1 2027', details: ['Online', PARIS_START_ONLY] }] },
      ]),
      options,
    );
    expect(blocks[1]).toEqual({
      type: 'section',
      fields: [
        {
          type: 'mrkdwn',
          text:
            '*Time*\n<!date^1801054800^{date_long_pretty} {time}|Wednesday, 27 January 2027, 22:00>' +
            '–<!date^1801062000^{time}|00:00 (Asia/Seoul)> · 14:00–16:00 (Europe/Paris)',
        },
      ],
    });
    expect(blocks[2]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          '*Steering Committee, Q1 2027*\nOnline\n' +
          '<!date^1801054800^{date_long_pretty} {time}|Wednesday, 27 January 2027, 14:00 (Europe/Paris)> · 14:00 (Europe/Paris)',
      },
    });
  });

  it('escapes what a fallback holds, so that it cannot close the token early or open a mention', () => {
    const hostile = { ...PARIS_START_ONLY, fallback: { start: '14:00 <!channel> & >' }, organiser: '<@U1>' };
    const { blocks } = renderSlack(
      reply('ok', 'x', [{ type: 'fields', lang: 'en', fields: [{ label: 'Time', value: hostile }] }]),
      options,
    );
    expect(JSON.stringify(blocks)).toContain('|14:00 &lt;!channel&gt; &amp; &gt;> · &lt;@U1&gt;');
  });
});

describe('a long text split into sections', () => {
  it('never splits an emoji in two when there is no space to split at', () => {
    const { blocks } = renderSlack(reply('ok', 'T', [{ type: 'text', text: `x${'🌱'.repeat(2000)}` }]), options);
    const texts = blocks.slice(1).map((b) => (b.type === 'section' ? b.text!.text : ''));
    expect(texts.join('')).toBe(`x${'🌱'.repeat(2000)}`);
    for (const text of texts) expect(text).toMatch(/^x?(?:🌱)+$/u);
  });
});
