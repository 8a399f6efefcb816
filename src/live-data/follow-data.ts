import type { Lang } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../messaging/outbox.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import type { Store } from '../store/store.js';
import { ChangeAnnouncer } from './change-announcer.js';
import { dataProblemNotices } from './data-problem-notices.js';
import type { LiveKnowledge } from './live-knowledge.js';

export interface FollowDataOptions {
  store: Pick<Store, 'values' | 'claims'>;
  outbox: Pick<Outbox, 'toChannel'>;
  inLanguage(lang: Lang): PresenterContext;
  logger: Logger;
}

/**
 * Follows the data folder for the running bot: each version that loads is swapped in and its
 * calendar changes announced; problems and their fix are told to the secretariat. The calendar is
 * first compared with the version last announced, so what changed while the bot was down is
 * announced now, once the server has started: at 100 times the data, reading the record of the
 * last announcement, checking it and comparing it with the calendar takes 0.1 to 0.2 s, which
 * neither `/healthz` nor the first questions need wait for.
 */
export function followData(knowledge: LiveKnowledge, options: FollowDataOptions): { stop(): Promise<void> } {
  const { store, outbox, inLanguage, logger } = options;
  const announcer = new ChangeAnnouncer({
    values: store.values,
    claims: store.claims,
    messages: outbox,
    inLanguage,
    logger,
  });
  knowledge.listen({ swapped: (_, after) => announcer.announce(after) });
  knowledge.listen(dataProblemNotices({ knowledge, messages: outbox, claims: store.claims, inLanguage, logger }));
  void knowledge
    .start()
    .then(() => announcer.announce(knowledge.currentVersion()))
    .catch((error: unknown) => logger.error('could not announce the calendar changes', { error }));
  logger.info('following the data folder: changes are used without a restart');
  return {
    async stop() {
      await knowledge.stop();
      await announcer.stop();
    },
  };
}
