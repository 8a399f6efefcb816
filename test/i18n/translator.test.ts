import { describe, expect, it } from 'vitest';
import { localeContext } from '../../src/i18n/locale-context.js';
import type { MessageKey } from '../../src/i18n/message-keys.js';
import { Translator } from '../../src/i18n/translator.js';
import type { Lang } from '../../src/domain/vocabulary.js';

// Messages of the translator's own shapes (the locale files are checked elsewhere): keys made for
// the test, hence the casts.
const messages = new Map<string, string>([
  ['plain', 'No placeholder, but {braces with spaces} and a lone {'],
  ['greeting', 'Hello {name}, type {cmd} help'],
  ['twice', '{a}{a}-{b}{missing}'],
  ['items.one', '{count} item'],
  ['items.other', '{count} items'],
]);
const translator = new Translator({ en: messages, fr: messages, es: messages } as Record<
  Lang,
  ReadonlyMap<string, string>
>);
const t = (key: string, params?: Record<string, string | number>, defaults?: Record<string, string | number>) =>
  translator.t('en', key as MessageKey, params, defaults);

describe('Translator.t', () => {
  it('returns a message without placeholders as it is', () => {
    expect(t('plain')).toBe('No placeholder, but {braces with spaces} and a lone {');
    expect(t('plain', { braces: 'x' })).toBe('No placeholder, but {braces with spaces} and a lone {');
  });

  it('fills every placeholder, as often as it comes, and leaves one without a value as it is', () => {
    expect(t('twice', { a: 'A', b: 0 })).toBe('AA-0{missing}');
    expect(t('greeting', { name: 'Ana' })).toBe('Hello Ana, type {cmd} help');
  });

  it('inserts values literally: no replacement patterns, no placeholder read in a value', () => {
    expect(t('greeting', { name: "$& $' {cmd}", cmd: '/gsef' })).toBe("Hello $& $' {cmd}, type /gsef help");
  });

  it('takes the call’s own parameters before the defaults, and the defaults where the call has none', () => {
    expect(t('greeting', { name: 'Ana' }, { cmd: '/gsef', name: 'default' })).toBe('Hello Ana, type /gsef help');
    expect(t('greeting', undefined, { cmd: '/gsef' })).toBe('Hello {name}, type /gsef help');
  });

  it('chooses the plural form by the count, the call’s own before the defaults’', () => {
    expect(t('items', { count: 1 })).toBe('1 item');
    expect(t('items', { count: 2 }, { count: 1 })).toBe('2 items');
    expect(t('items', undefined, { count: 1 })).toBe('1 item');
  });

  it('says which message is missing', () => {
    expect(() => t('nothing')).toThrow('No message "nothing" in en.yaml');
  });
});

describe('localeContext.t', () => {
  it('fills the context’s parameters, the call’s own first', () => {
    const ctx = localeContext(translator, 'en', 'UTC', { cmd: '/gsef', name: 'context' });
    expect(ctx.t('greeting' as MessageKey)).toBe('Hello context, type /gsef help');
    expect(ctx.t('greeting' as MessageKey, { name: 'Ana' })).toBe('Hello Ana, type /gsef help');
  });
});
