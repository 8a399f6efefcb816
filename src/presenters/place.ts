import type { Place } from '../catalog/schema.js';
import type { PresenterContext } from './presenter-context.js';

/** "Seoul, South Korea", "Korea", "Online"; "place to be confirmed" when the seed gives none. */
export function formatPlace(ctx: PresenterContext, place: Partial<Place> | undefined): string {
  if (!place) return ctx.t('place.toBeConfirmed');
  if (place.online) return ctx.t('format.online');
  const city = place.city ? ctx.kb.city(place.city) : undefined;
  const code = city?.country ?? place.country;
  const country = code ? ctx.kb.country(code) : undefined;
  const names = [city?.name[ctx.lang], country?.name[ctx.lang]].filter((n): n is string => Boolean(n));
  // City-states (Singapore) would read "Singapore, Singapore".
  const unique = names.filter((name, i) => names.indexOf(name) === i);
  return unique.length > 0 ? unique.join(', ') : ctx.t('place.toBeConfirmed');
}
