import type { Place } from '../catalog/schema.js';
import type { PresenterContext } from './presenter-context.js';

/** "Seoul, South Korea", "Korea", "Online"; "place to be confirmed" when the seed gives none. */
export function formatPlace(ctx: PresenterContext, place: Partial<Place> | undefined): string {
  if (!place) return ctx.t('place.toBeConfirmed');
  if (place.online) return ctx.t('format.online');
  const city = place.city ? ctx.kb.city(place.city) : undefined;
  const code = city?.country ?? place.country;
  const country = code ? ctx.kb.country(code) : undefined;
  // Two names at most, put together without arrays: every item of a list has a place.
  const cityName = city?.name[ctx.lang];
  const countryName = country?.name[ctx.lang];
  if (!cityName) return countryName || ctx.t('place.toBeConfirmed');
  // City-states (Singapore) would read "Singapore, Singapore".
  return countryName && countryName !== cityName ? `${cityName}, ${countryName}` : cityName;
}
