import { createHash, randomUUID } from 'node:crypto';
import type { Settings } from '../catalog/schema.js';
import type { KnowledgeSource } from '../domain/knowledge-source.js';
import type { Lang } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../messaging/outbox.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import { reply, type Reply } from '../reply/reply.js';
import type { Claims } from '../store/claims.js';
import type { DataListener } from './live-knowledge.js';

/** How many problems a notice lists; `gsef check-data` shows them all. */
const LISTED_PROBLEMS = 10;

/** How long a notice's claim keeps other processes sharing the store from telling it again. */
const CLAIM_MS = 60 * 60_000;

export interface DataProblemNoticeOptions {
  knowledge: KnowledgeSource;
  messages: Pick<Outbox, 'toChannel'>;
  claims: Claims;
  inLanguage(lang: Lang): PresenterContext;
  logger: Logger;
}

/**
 * Tells the secretariat, in the admin channels of settings.yaml (else the newsletter's editorial
 * channels), in the default language, that changed data files have problems and that the bot
 * keeps the last good data; and, once they load again, that they are fixed. The live source
 * reports each distinct set of problems once; a claim in the store keeps other processes sharing
 * it from telling the same again.
 */
export function dataProblemNotices(options: DataProblemNoticeOptions): DataListener {
  const owner = randomUUID();
  let lastProblems: string | undefined;

  async function tell(claimKey: string, notice: (ctx: PresenterContext) => Reply): Promise<void> {
    const { knowledge, messages, claims, inLanguage, logger } = options;
    if (!(await claims.claim(claimKey, owner, Date.now(), CLAIM_MS))) return;
    const { settings } = knowledge.current().catalog;
    const channels = Object.entries(adminChannels(settings));
    if (channels.length === 0) {
      logger.warn(
        'no admin or editorial channel is set in settings.yaml: the secretariat is not told of data problems',
      );
      return;
    }
    const message = notice(inLanguage(settings.defaultLanguage));
    for (const [platform, channel] of channels) if (channel) await messages.toChannel(platform, channel, message);
  }

  return {
    async refused(problems) {
      lastProblems = digest(problems);
      await tell(`data-problems:${lastProblems}`, (ctx) => problemsNotice(ctx, problems));
    },
    async fixed() {
      await tell(`data-fixed:${lastProblems ?? ''}`, (ctx) => ({
        ...reply('ok', ctx.t('dataReload.fixed')),
        visibility: 'public',
      }));
    },
  };
}

/** Where the secretariat is told of the data: the admin channels, else the editorial ones. */
function adminChannels(settings: Settings): Partial<Record<string, string>> {
  return settings.admin ?? settings.newsletter.editorialChannels;
}

function problemsNotice(ctx: PresenterContext, problems: readonly string[]): Reply {
  const listed = problems.slice(0, LISTED_PROBLEMS).map((problem) => ({ title: problem, details: [] }));
  const more = problems.length - listed.length;
  return {
    ...reply('error', ctx.t('dataReload.problems', { count: problems.length }), [
      { type: 'list', items: listed },
      { type: 'note', text: more > 0 ? ctx.t('dataReload.more', { count: more }) : ctx.t('dataReload.checkData') },
    ]),
    visibility: 'public',
  };
}

function digest(problems: readonly string[]): string {
  return createHash('sha256').update(problems.join('\n')).digest('hex').slice(0, 32);
}
