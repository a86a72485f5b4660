/**
 * Which role owns which screen: the one table the router reads (App.tsx's RoleGate). A path of
 * the other role's sends the person to their own equivalent where there is one, else Home,
 * before any of the wrong screen is drawn. The main process refuses the other role's use cases
 * anyway (policy); this keeps the screens apart. Every `<Route path>` of App.tsx is a key here
 * (a unit test reads App.tsx): a route added without an owner fails it.
 */
import { matchPath } from 'react-router-dom';
import type { Role } from '@shared/identity';

export interface RouteRule {
  /** Both roles, or the one whose screen it is. */
  owner: Role | 'both';
  /** The other role's equivalent screen, when there is one; otherwise it goes Home. */
  elsewhere?: string;
}

export const ROUTE_ROLES = {
  '/': { owner: 'both' },
  '/keys': { owner: 'both' },
  '/audit': { owner: 'both' },
  '/settings': { owner: 'both' },
  '/backup': { owner: 'both' },
  '/about': { owner: 'both' },
  // The commune's: what it enters, keys and sends. The reviewing unit's counterpart reads or receives it.
  '/framework': { owner: 'commune', elsewhere: '/review/frameworks' },
  '/assessment': { owner: 'commune', elsewhere: '/review/appraisal' },
  '/assessment/load': { owner: 'commune', elsewhere: '/review/appraisal' },
  '/assessment/summary': { owner: 'commune', elsewhere: '/review/appraisal' },
  '/package': { owner: 'commune', elsewhere: '/review/import' },
  '/survey/*': { owner: 'commune' },
  // The reviewing unit's: the commune has no roster, board, appraisal or report of others.
  '/roster': { owner: 'reviewer' },
  '/review/import': { owner: 'reviewer' },
  '/review/board': { owner: 'reviewer' },
  '/review/report': { owner: 'reviewer' },
  '/review/appraisal': { owner: 'reviewer' },
  '/review/appraisal/:code': { owner: 'reviewer' },
  '/review/frameworks': { owner: 'reviewer', elsewhere: '/framework' },
  '/review/enrolment': { owner: 'reviewer' },
  // Any other path goes Home (App.tsx's catch-all).
  '*': { owner: 'both' },
} as const satisfies Record<string, RouteRule>;

export type RoutePath = keyof typeof ROUTE_ROLES;

const ORDERED = (Object.entries(ROUTE_ROLES) as [RoutePath, RouteRule][]).filter(([p]) => p !== '*');

/** The table's row for a location (its pattern and rule); undefined for a path no route has. */
export function routeRuleOf(pathname: string): { path: RoutePath; rule: RouteRule } | undefined {
  const hit = ORDERED.find(([p]) => matchPath({ path: p, end: true }, pathname) !== null);
  return hit ? { path: hit[0], rule: hit[1] } : undefined;
}

/**
 * Where a person of `role` opening `pathname` must go instead: null when the screen is theirs
 * (or shared, or unknown: the catch-all takes that one Home).
 */
export function redirectFor(role: Role, pathname: string): string | null {
  const found = routeRuleOf(pathname);
  if (!found || found.rule.owner === 'both' || found.rule.owner === role) return null;
  return found.rule.elsewhere ?? '/';
}
