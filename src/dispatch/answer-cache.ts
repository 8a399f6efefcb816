import { BoundedMap } from '../bounded-map.js';
import type { KnowledgeBase } from '../domain/knowledge-base.js';
import type { Reply } from '../reply/reply.js';
import type { CommandContext } from './command.js';

/**
 * What an answer turned out to depend on, beyond its key and its version of the data: nothing,
 * today's date, or something no key holds (the exact time, the asker, the store's services).
 */
export type Dependence = 'none' | 'day' | 'unrepeatable';

/**
 * A context that notes what is read from it, so that an answer is kept only when what it read is
 * known: today's date (kept until the day changes), or nothing that varies at all. Reading the
 * exact time (`calendar`'s timestamp), the asker, or a service that holds state (news, language
 * and zone choices, notices) makes the answer one that is never kept.
 */
export function watchedContext(context: CommandContext): { context: CommandContext; dependence: () => Dependence } {
  let dependence: Dependence = 'none';
  const unrepeatable = <T>(value: T): T => {
    dependence = 'unrepeatable';
    return value;
  };
  const watched: CommandContext = {
    ...context,
    get today() {
      if (dependence === 'none') dependence = 'day';
      return context.today;
    },
    get now() {
      return unrepeatable(context.now);
    },
    get asker() {
      return unrepeatable(context.asker);
    },
    get languages() {
      return unrepeatable(context.languages);
    },
    get zones() {
      return unrepeatable(context.zones);
    },
    get news() {
      return unrepeatable(context.news);
    },
    get pendingNews() {
      return unrepeatable(context.pendingNews);
    },
    get notices() {
      return unrepeatable(context.notices);
    },
    get people() {
      return unrepeatable(context.people);
    },
    get proposals() {
      return unrepeatable(context.proposals);
    },
    get minutes() {
      return unrepeatable(context.minutes);
    },
    get attendance() {
      return unrepeatable(context.attendance);
    },
    inLanguage: (lang) => unrepeatable(context.inLanguage(lang)),
  };
  return { context: watched, dependence: () => dependence };
}

interface Kept {
  reply: Reply;
  /** The day it was computed on, when it depends on it. */
  day: string | undefined;
}

/**
 * Answers already given, for one version of the data at a time: a new version empties it, so no
 * answer outlives the data it came from. Keys are chosen by the caller from everything an answer
 * is computed from besides the data and the clock (the text, the language, where it is asked);
 * entries that depend on the day are kept only for that day. The least recently used go first
 * beyond `capacity`, whatever people type. Kept replies are frozen: whoever receives one shares
 * it with the next asker.
 */
export class AnswerCache {
  private kb: KnowledgeBase | undefined;
  private entries: BoundedMap<string, Kept> | undefined;

  /** `capacity` 0 keeps nothing: every answer is computed (the benchmark's measure of that cost). */
  constructor(private readonly capacity: number) {}

  /** The answer kept under `key` for `kb`, if it is still the one a fresh computation would give `today`. */
  get(kb: KnowledgeBase, key: string, today: string): Reply | undefined {
    if (kb !== this.kb || !this.entries) return undefined;
    const kept = this.entries.get(key);
    if (kept === undefined) return undefined;
    if (kept.day !== undefined && kept.day !== today) {
      this.entries.delete(key);
      return undefined;
    }
    return kept.reply;
  }

  /**
   * Keeps `reply`, computed from `kb` on `today`, when what it read allows; an apology (a handler
   * that failed, a store that did not answer) is never kept. Returns the reply to give.
   */
  keep(kb: KnowledgeBase, key: string, today: string, reply: Reply, dependence: Dependence): Reply {
    if (dependence === 'unrepeatable' || reply.status === 'error' || this.capacity === 0) return reply;
    if (kb !== this.kb || !this.entries) {
      this.kb = kb;
      this.entries = new BoundedMap(this.capacity);
    }
    const frozen = deepFreeze(reply);
    this.entries.set(key, { reply: frozen, day: dependence === 'day' ? today : undefined });
    return frozen;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
