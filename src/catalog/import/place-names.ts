import { LANGS } from '../../domain/vocabulary.js';
import type { City, Place, PlacesFile } from '../schema.js';
import { foldText } from './fold-text.js';

/** "Online" in the three languages, as the seed writes it ("En ligne"). */
const ONLINE = new Set(['online', 'en ligne', 'en linea', 'virtual', 'virtuel', 'visio', 'videoconference']);

/** A place cell read: a known place, a city to add to places.yaml, or why it cannot be read. */
export type PlaceReading = { place: Place } | { newCity: { name: string; country: string } } | { problem: string };

/**
 * Reads a place cell: a city id or name, a country code or name, "online", or the seed's
 * "City, Country" ("Paris, France", "Barcelone, Espagne"). Names are those of places.yaml in the
 * three languages and its aliases, matched without accents or case. A city the file does not know
 * but whose country it does is returned as a new city; the caller decides whether to add it.
 */
export function readPlace(cell: string, places: PlacesFile): PlaceReading {
  const folded = foldText(cell);
  if (ONLINE.has(folded)) return { place: { online: true } };
  const [cityName, countryName, ...rest] = cell.split(',').map((part) => part.trim());
  if (rest.length > 0 || cityName === undefined || cityName === '')
    return { problem: `"${cell}" is not a place: write a city, a country, "City, Country" or online` };
  const country = countryName === undefined ? undefined : countryCode(countryName, places);
  if (countryName !== undefined && country === undefined)
    return { problem: `"${countryName}" is not a country of places.yaml` };

  const cities = cityIds(cityName, places).filter(
    (id) => country === undefined || places.cities[id]!.country === country,
  );
  if (cities.length > 1)
    return { problem: `"${cityName}" names several cities (${cities.join(', ')}): write the city's id` };
  if (cities.length === 1) return { place: { city: cities[0]! } };
  if (countryName === undefined) {
    const code = countryCode(cityName, places);
    if (code !== undefined) return { place: { country: code } };
    return { problem: `"${cityName}" is not a city or a country of places.yaml` };
  }
  const elsewhere = cityIds(cityName, places);
  if (elsewhere.length > 0)
    return {
      problem: `"${cityName}" is in ${places.cities[elsewhere[0]!]!.country} in places.yaml, not in ${country}`,
    };
  return { newCity: { name: cityName, country: country! } };
}

function cityIds(name: string, places: PlacesFile): string[] {
  const folded = foldText(name);
  return Object.entries(places.cities)
    .filter(([id, city]) => id === name || namesOf(city).some((known) => foldText(known) === folded))
    .map(([id]) => id);
}

function countryCode(name: string, places: PlacesFile): string | undefined {
  const folded = foldText(name);
  return Object.entries(places.countries).find(
    ([code, country]) =>
      code === name.toUpperCase() ||
      [...LANGS.map((lang) => country.name[lang]), ...country.aliases].some((known) => foldText(known) === folded),
  )?.[0];
}

function namesOf(city: City): string[] {
  return [...LANGS.map((lang) => city.name[lang]), ...city.aliases];
}
