import { describe, expect, it } from 'vitest';
import { NewsRules, type MessageFacts, type WriterKind } from '../../src/news/news-rules.js';

// The newsletter's rules, the same for every platform: each case changes one fact of a message
// the rules would otherwise take, and checks the one rule it is about.
const rules = new NewsRules({
  editors: { console: ['secretariat'], slackUsers: ['UEDITOR'], discordRoles: ['ROLE-EDITORS'] },
  newsChannels: { slack: ['CNEWS'], discord: ['DNEWS'] },
});

/** A person's post of its own in Slack's news channel, which the rules take as news. */
const post: MessageFacts = {
  platform: 'slack',
  author: { id: 'UANA', kind: 'person' },
  channel: 'CNEWS',
  direct: false,
  reply: false,
  addressesBot: false,
};
const writtenBy = (kind: WriterKind, id = 'UWRITER'): MessageFacts => ({ ...post, author: { id, kind } });

describe('a message the bot receives', () => {
  it("is news, as its writer's, when a person posts it in a news channel of its platform", () => {
    expect(rules.received(post)).toEqual({ action: 'news', authorId: 'UANA' });
    expect(rules.received({ ...post, platform: 'discord', channel: 'DNEWS' })).toEqual({
      action: 'news',
      authorId: 'UANA',
    });
  });

  it('goes to the intake, as its writer’s, when it is a direct message', () => {
    expect(rules.received({ ...post, channel: 'D1', direct: true })).toEqual({
      action: 'direct-message',
      authorId: 'UANA',
    });
  });

  it('is a comment, not news, when it replies to another message in a news channel', () => {
    expect(rules.received({ ...post, reply: true })).toEqual({ action: 'ignore' });
  });

  it('is a question when it names the bot, in a news channel or any other', () => {
    expect(rules.received({ ...post, addressesBot: true })).toEqual({ action: 'question' });
    expect(rules.received({ ...post, channel: 'CGENERAL', reply: true, addressesBot: true })).toEqual({
      action: 'question',
    });
  });

  it("is left alone in a channel that is not one of its platform's news channels", () => {
    expect(rules.received({ ...post, channel: 'CGENERAL' })).toEqual({ action: 'ignore' });
    expect(rules.received({ ...post, platform: 'discord' })).toEqual({ action: 'ignore' });
    expect(rules.received({ ...post, platform: 'console' })).toEqual({ action: 'ignore' });
  });

  it.each<WriterKind>(['self', 'bot', 'webhook', 'system'])(
    'is left alone when no person wrote it (%s), even a DM or a mention: the bot never answers itself or a bot',
    (kind) => {
      expect(rules.received(writtenBy(kind))).toEqual({ action: 'ignore' });
      expect(rules.received({ ...writtenBy(kind), direct: true })).toEqual({ action: 'ignore' });
      expect(rules.received({ ...writtenBy(kind), addressesBot: true })).toEqual({ action: 'ignore' });
    },
  );
});

describe('a message someone marks as news', () => {
  it('counts only when a person marks it', () => {
    expect(rules.markCounts({ id: 'UANA', kind: 'person' })).toBe(true);
    expect(rules.markCounts({ id: 'UAPPBOT', kind: 'bot' })).toBe(false);
  });

  it("is queued as its writer's when a person wrote it, whoever marks it, wherever it is", () => {
    expect(rules.marked({ ...writtenBy('person'), channel: 'CGENERAL', reply: true }, 'UMARKER')).toEqual({
      action: 'queue',
      authorId: 'UWRITER',
    });
  });

  it.each<WriterKind>(['bot', 'webhook'])("is queued as the marker's when a %s wrote it", (kind) => {
    expect(rules.marked(writtenBy(kind), 'UMARKER')).toEqual({ action: 'queue', authorId: 'UMARKER' });
  });

  it("is refused when it is one of the bot's own", () => {
    expect(rules.marked(writtenBy('self'), 'UMARKER')).toEqual({ action: 'refuse', reason: 'news.ownMessage' });
  });

  it("is refused when it is the platform's own (a join, a pin)", () => {
    expect(rules.marked(writtenBy('system'), 'UMARKER')).toEqual({ action: 'refuse', reason: 'news.systemMessage' });
  });
});

describe('who may moderate', () => {
  it('is a Slack user listed by id, and no other Slack user', () => {
    expect(rules.isEditor({ platform: 'slack', id: 'UEDITOR' })).toBe(true);
    expect(rules.isEditor({ platform: 'slack', id: 'UANA' })).toBe(false);
  });

  it('is a Discord member holding a listed role; nobody without it, nor anybody in a DM (no roles)', () => {
    expect(rules.isEditor({ platform: 'discord', id: '1', roles: ['ROLE-OTHER', 'ROLE-EDITORS'] })).toBe(true);
    expect(rules.isEditor({ platform: 'discord', id: '1', roles: ['ROLE-OTHER'] })).toBe(false);
    expect(rules.isEditor({ platform: 'discord', id: '1' })).toBe(false);
  });

  it('is a console user listed by name', () => {
    expect(rules.isEditor({ platform: 'console', id: 'secretariat' })).toBe(true);
    expect(rules.isEditor({ platform: 'console', id: 'mayor-of-bamako' })).toBe(false);
  });

  it("is known on one platform only: an id or a role listed for one is nobody's on another", () => {
    expect(rules.isEditor({ platform: 'console', id: 'UEDITOR' })).toBe(false);
    expect(rules.isEditor({ platform: 'slack', id: 'secretariat', roles: ['ROLE-EDITORS'] })).toBe(false);
    expect(rules.isEditor({ platform: 'teams', id: 'UEDITOR', roles: ['ROLE-EDITORS'] })).toBe(false);
  });
});
