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
  const watched = new WatchedContext(context);
  return { context: watched, dependence: () => watched.dependence };
}

/**
 * The context `watchedContext` gives: what may be read freely copied, what marks the answer read
 * through getters. A class, not a spread object with getters of its own: one shape for every
 * answer, its getters made once (a spread object took 7 % of a computed answer's time). Its
 * watched parts are getters of the class, not properties of the object: a context is passed on
 * as it is, never spread into another (which would drop them).
 */
class WatchedContext implements CommandContext {
  dependence: Dependence = 'none';
  readonly lang: CommandContext['lang'];
  readonly t: CommandContext['t'];
  readonly words: CommandContext['words'];
  readonly has: CommandContext['has'];
  readonly formatDate: CommandContext['formatDate'];
  readonly formatDayOf: CommandContext['formatDayOf'];
  readonly kb: CommandContext['kb'];
  readonly readerZone: CommandContext['readerZone'];
  readonly defaultLang: CommandContext['defaultLang'];
  readonly commands: CommandContext['commands'];
  readonly roles: CommandContext['roles'];
  readonly committee: CommandContext['committee'];

  constructor(private readonly watched: CommandContext) {
    this.lang = watched.lang;
    this.t = watched.t;
    this.words = watched.words;
    this.has = watched.has;
    this.formatDate = watched.formatDate;
    this.formatDayOf = watched.formatDayOf;
    this.kb = watched.kb;
    this.readerZone = watched.readerZone;
    this.defaultLang = watched.defaultLang;
    this.commands = watched.commands;
    this.roles = watched.roles;
    this.committee = watched.committee;
  }

  get today(): string {
    if (this.dependence === 'none') this.dependence = 'day';
    return this.watched.today;
  }

  /** `value`, noting that the answer read what no key holds. */
  private unrepeatable<T>(value: T): T {
    this.dependence = 'unrepeatable';
    return value;
  }

  get now(): CommandContext['now'] {
    return this.unrepeatable(this.watched.now);
  }
  get asker(): CommandContext['asker'] {
    return this.unrepeatable(this.watched.asker);
  }
  get languages(): CommandContext['languages'] {
    return this.unrepeatable(this.watched.languages);
  }
  get zones(): CommandContext['zones'] {
    return this.unrepeatable(this.watched.zones);
  }
  get news(): CommandContext['news'] {
    return this.unrepeatable(this.watched.news);
  }
  get pendingNews(): CommandContext['pendingNews'] {
    return this.unrepeatable(this.watched.pendingNews);
  }
  get notices(): CommandContext['notices'] {
    return this.unrepeatable(this.watched.notices);
  }
  get people(): CommandContext['people'] {
    return this.unrepeatable(this.watched.people);
  }
  get proposals(): CommandContext['proposals'] {
    return this.unrepeatable(this.watched.proposals);
  }
  get minutes(): CommandContext['minutes'] {
    return this.unrepeatable(this.watched.minutes);
  }
  get attendance(): CommandContext['attendance'] {
    return this.unrepeatable(this.watched.attendance);
  }
  // An arrow, as the context's own: handlers pass it on unbound (`ctx.inLanguage` as a function).
  readonly inLanguage: CommandContext['inLanguage'] = (lang) => this.unrepeatable(this.watched.inLanguage(lang));
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
