import type { KnowledgeBase } from '../domain/knowledge-base.js';
import type { LocaleContext } from '../i18n/locale-context.js';

/** What presenters use: words and dates in the asker's language, and the knowledge that names places, members and meetings. */
export interface PresenterContext extends LocaleContext {
  readonly kb: KnowledgeBase;
}
