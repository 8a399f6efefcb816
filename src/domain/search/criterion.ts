import type { Category, MemberKind, Region, Role } from '../vocabulary.js';

/**
 * One thing a filter understood in what the user typed: "afrique" is the region Africa,
 * "juillet" the month of July, "séoul" the city of Seoul.
 */
export type Criterion =
  | { kind: 'region'; region: Region }
  | { kind: 'place'; place: PlaceKey }
  | { kind: 'month'; month: number; year?: number }
  | { kind: 'year'; year: number }
  | { kind: 'category'; category: Category }
  | { kind: 'online' }
  | { kind: 'role'; role: Role }
  | { kind: 'member-kind'; memberKind: MemberKind };

export type CriterionKind = Criterion['kind'];

/** Every kind of criterion: what a question may name before it is known what it asks about. */
export const EVERY_CRITERION: ReadonlySet<CriterionKind> = new Set<CriterionKind>([
  'region',
  'place',
  'month',
  'year',
  'category',
  'online',
  'role',
  'member-kind',
]);

/** A city or a country, as one comparable string: `city:seoul`, `country:KR`. */
export type PlaceKey = `city:${string}` | `country:${string}`;

export function criterionKey(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'region':
      return `region:${criterion.region}`;
    case 'place':
      return criterion.place;
    case 'month':
      return `month:${criterion.year ?? ''}-${criterion.month}`;
    case 'year':
      return `year:${criterion.year}`;
    case 'category':
      return `category:${criterion.category}`;
    case 'online':
      return 'online';
    case 'role':
      return `role:${criterion.role}`;
    case 'member-kind':
      return `member-kind:${criterion.memberKind}`;
  }
}
