import type { PresenterContext } from './presenter-context.js';
import type { Criterion } from '../domain/search/criterion.js';
import type { Filter } from '../domain/search/filter.js';
import { formatMonth, monthName } from '../i18n/format-date.js';

/** What a filter understood, in words: "region: Africa · month: July 2019 · words: forum". */
export function describeFilter(ctx: PresenterContext, filter: Filter): string {
  const parts = filter.understood.map((c) => describeCriterion(ctx, c));
  if (filter.keywords.length > 0) parts.push(ctx.t('filter.words', { words: filter.keywords.join(' ') }));
  return parts.join(' · ');
}

function describeCriterion(ctx: PresenterContext, criterion: Criterion): string {
  switch (criterion.kind) {
    case 'region':
      return ctx.t('filter.region', { region: ctx.t(`region.${criterion.region}`) });
    case 'place': {
      const [kind, id] = criterion.place.split(':') as ['city' | 'country', string];
      const name = kind === 'city' ? ctx.kb.city(id)?.name[ctx.lang] : ctx.kb.country(id)?.name[ctx.lang];
      return ctx.t('filter.place', { place: name ?? id });
    }
    case 'month':
      return ctx.t('filter.month', {
        month: criterion.year
          ? formatMonth(criterion.year, criterion.month, ctx.lang)
          : monthName(criterion.month, ctx.lang),
      });
    case 'year':
      return ctx.t('filter.year', { year: criterion.year });
    case 'category':
      return ctx.t('filter.category', { category: ctx.t(`category.${criterion.category}`) });
    case 'online':
      return ctx.t('format.online');
    case 'role':
      return ctx.t('filter.role', { role: ctx.t(`role.${criterion.role}`) });
    case 'member-kind':
      return ctx.t('filter.kind', { kind: ctx.t(`memberKind.${criterion.memberKind}`) });
  }
}
