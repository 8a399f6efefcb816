import type { CommandDefinition } from './command.js';
import { LANGS } from '../domain/vocabulary.js';
import { normalize } from '../domain/search/normalize.js';
import type { WordsKey } from '../i18n/message-keys.js';
import type { Translator } from '../i18n/translator.js';

/** The commands a question may reveal: those with phrases under `intents.<name>` in the locale files. */
type IntentCommand = WordsKey extends infer K ? (K extends `intents.${infer N}` ? N : never) : never;

function hasIntents(name: string, translator: Translator): name is IntentCommand {
  return translator.has('en', `intents.${name}`);
}

/**
 * Turns a question addressed to the bot ("@gsef when is the next event in Africa?", "quand est
 * la prochaine réunion du comité ?") into the command text that answers it ("next-event africa",
 * "agenda"), or undefined when it cannot tell. A message that already starts with a command name
 * is taken as that command. The phrases that reveal each command are in the locale files under
 * `intents.<command>`, in every language, whatever the asker's language.
 */
export function questionToCommand(
  question: string,
  commands: readonly CommandDefinition[],
  translator: Translator,
): string | undefined {
  const folded = normalize(question.replace(/^\/?gsef\b/i, ''));
  if (folded === '') return undefined;
  const [first = ''] = folded.split(' ');
  if (commands.some((c) => c.name === first || c.aliases.includes(first)))
    return question.trim().replace(/^\/?gsef\s*/i, '');
  // The longest phrase found wins: "next steering committee meeting" beats "next".
  let best: { command: string; at: number; length: number } | undefined;
  const padded = ` ${folded} `;
  for (const { name } of commands) {
    if (!hasIntents(name, translator)) continue;
    for (const lang of LANGS) {
      for (const phrase of translator.words(lang, `intents.${name}`)) {
        const words = normalize(phrase);
        const at = padded.indexOf(` ${words} `);
        if (words !== '' && at >= 0 && (!best || words.length > best.length))
          best = { command: name, at, length: words.length };
      }
    }
  }
  if (!best) return undefined;
  const rest = `${padded.slice(0, best.at)} ${padded.slice(best.at + best.length + 2)}`.trim().replace(/\s+/g, ' ');
  return `${best.command} ${rest}`.trim();
}
