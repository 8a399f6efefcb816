// Writes src/i18n/message-keys.ts, the type of every message key, from data/locales/en.yaml (the
// other locale files must have the same keys: `gsef check-data` verifies it). With --check it
// writes nothing and fails when the file is not what it would write: `npm run lint` runs it so,
// so that a key added to the locale file and not to the type (or the reverse) stops the build
// before tsc reports the calls that use it.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import * as prettier from 'prettier';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCALE = path.join(ROOT, 'data/locales/en.yaml');
const OUTPUT = path.join(ROOT, 'src/i18n/message-keys.ts');

/** The forms Intl.PluralRules may select; a map of only these, with `other`, is one plural message. */
const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** The keys of a locale tree: messages (a plural message by its own key) and lists of words. */
function keysOf(tree, prefix, keys) {
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') keys.messages.push(key);
    else if (Array.isArray(value)) keys.words.push(key);
    else if (isPlural(value)) keys.messages.push(key);
    else keysOf(value, key, keys);
  }
  return keys;
}

function isPlural(value) {
  const forms = Object.keys(value);
  return forms.includes('other') && forms.every((form) => PLURAL_FORMS.has(form) && typeof value[form] === 'string');
}

function union(keys) {
  return keys.length === 0
    ? 'never'
    : [...keys]
        .sort()
        .map((key) => `'${key}'`)
        .join(' | ');
}

async function generated() {
  const keys = keysOf(parse(await readFile(LOCALE, 'utf8')), '', { messages: [], words: [] });
  const source = `// Generated from data/locales/en.yaml by bin/generate-message-keys.js: do not edit, run
// \`npm run message-keys\` after changing the locale files' keys.

/**
 * The key of every message, as \`t()\` takes it. A plural message (\`key.one\`, \`key.other\`) is
 * one key, given with a \`count\`.
 */
export type MessageKey = ${union(keys.messages)};

/** The key of every list of words, as \`words()\` takes it. */
export type WordsKey = ${union(keys.words)};
`;
  return prettier.format(source, { ...(await prettier.resolveConfig(OUTPUT)), filepath: OUTPUT });
}

const wanted = await generated();
if (process.argv.includes('--check')) {
  const current = await readFile(OUTPUT, 'utf8').catch(() => '');
  if (current !== wanted) {
    process.stderr.write('src/i18n/message-keys.ts does not match data/locales/en.yaml: run `npm run message-keys`\n');
    process.exitCode = 1;
  }
} else {
  await writeFile(OUTPUT, wanted);
}
