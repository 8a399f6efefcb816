import { Info } from 'luxon';

/** The longest zone name taken (the data's own cap on time zones); the longest IANA name has 32 characters. */
const MAX_ZONE_LENGTH = 64;
/** The characters of IANA zone names (`America/Port-au-Prince`, `Etc/GMT+5`): anything else names no zone. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/**
 * The IANA time zone `typed` names, in any case (`europe/madrid`), spelt as the zone database
 * spells it (`Europe/Madrid`); undefined for anything else: an offset (`+02:00`), luxon's `local`
 * or `system`, a city alone. An old name the database keeps as a link (`America/Montreal`) is
 * taken as typed: it stays valid, and the person sees the name they chose. The zone data is read
 * only here, when someone chooses a zone.
 */
export function ianaZone(typed: string): string | undefined {
  const text = typed.trim();
  if (text.length > MAX_ZONE_LENGTH || !ZONE_NAME.test(text) || !Info.isValidIANAZone(text)) return undefined;
  const spelt = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  return spelt.toLowerCase() === text.toLowerCase() ? spelt : text;
}
