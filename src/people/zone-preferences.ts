import { ianaZone } from '../domain/time-zone.js';
import type { Logger } from '../logger.js';
import type { KeyValues } from '../store/store.js';
import { plainSchema } from '../store/stored-value.js';
import { PersonPreference } from './person-preference.js';

/** A zone as `tz` keeps it: an IANA name the zone database knows (a name it no longer knows is taken as no choice). */
const storedZone = plainSchema(
  (zone): zone is string => typeof zone === 'string' && ianaZone(zone) !== undefined,
  'an IANA time zone',
);

/** The time zone each person chose with `tz`, remembered in the store across restarts (`tz:<platform>:<id>`). */
export function zonePreferences(values: KeyValues, logger: Logger): PersonPreference<string> {
  return new PersonPreference('tz', storedZone, values, logger);
}
