/**
 * The table of which role owns which screen (renderer/src/route-roles.ts), against the routes
 * App.tsx really declares and the screens each role's application menu opens: a route added
 * without an owner fails here, a redirect never lands on a screen the person may not see, and no
 * menu item opens a screen its role is turned away from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { redirectFor, ROUTE_ROLES, type RouteRule } from '../../renderer/src/route-roles';

vi.mock('electron', () => import('../helpers/fake-electron'));
const { menuScreens } = await import('../../electron/main/menu');

/** Every `<Route path="…">` of App.tsx, as written. */
function appPaths(): string[] {
  const app = readFileSync('renderer/src/App.tsx', 'utf8');
  return [...app.matchAll(/<Route\s+path="([^"]+)"/gu)].map((m) => m[1]!);
}

const rules = Object.entries(ROUTE_ROLES) as [string, RouteRule][];
const ROLES = ['commune', 'reviewer'] as const;

describe('the route table', () => {
  it('has every route of App.tsx, and nothing App.tsx does not route', () => {
    const paths = appPaths();
    // The setup screen's catch-all and the signed-in one: both "*", both in the table.
    expect(paths.length).toBeGreaterThan(20);
    for (const p of paths) expect(Object.keys(ROUTE_ROLES), `App.tsx route ${p} has no owner in route-roles.ts`).toContain(p);
    for (const [p] of rules) expect(paths, `route-roles.ts names ${p}, which App.tsx does not route`).toContain(p);
  });

  it('sends each role elsewhere only to a screen that role may open', () => {
    for (const [p, rule] of rules) {
      if (rule.elsewhere === undefined) continue;
      expect(rule.owner, p).not.toBe('both');
      const other = rule.owner === 'commune' ? 'reviewer' : 'commune';
      expect(redirectFor(other, rule.elsewhere), `${p} → ${rule.elsewhere}`).toBeNull();
      expect(Object.keys(ROUTE_ROLES), `${p} → ${rule.elsewhere}`).toContain(rule.elsewhere);
    }
  });

  it('turns the reviewing unit away from the commune\'s screens, to its own equivalents or Home', () => {
    expect(redirectFor('reviewer', '/assessment')).toBe('/review/appraisal');
    expect(redirectFor('reviewer', '/assessment/load')).toBe('/review/appraisal');
    expect(redirectFor('reviewer', '/assessment/summary')).toBe('/review/appraisal');
    expect(redirectFor('reviewer', '/package')).toBe('/review/import');
    expect(redirectFor('reviewer', '/framework')).toBe('/review/frameworks');
    for (const p of ['/survey', '/survey/', '/survey/verify', '/survey/forms', '/survey/results', '/survey/import']) expect(redirectFor('reviewer', p), p).toBe('/');
  });

  it('turns the commune away from the reviewing unit\'s screens, to its own frameworks or Home', () => {
    for (const p of ['/review/import', '/review/board', '/review/report', '/review/appraisal', '/review/appraisal/00001', '/review/enrolment', '/roster'])
      expect(redirectFor('commune', p), p).toBe('/');
    expect(redirectFor('commune', '/review/frameworks')).toBe('/framework');
  });

  it('lets each role open its own screens, the shared ones and (for the catch-all) any unknown path', () => {
    for (const p of ['/', '/keys', '/audit', '/settings', '/backup', '/about', '/no-such-screen'])
      for (const role of ROLES) expect(redirectFor(role, p), `${role} ${p}`).toBeNull();
    for (const p of ['/assessment', '/assessment/summary', '/package', '/survey/results', '/framework']) expect(redirectFor('commune', p), p).toBeNull();
    for (const p of ['/review/import', '/review/appraisal/00001', '/review/frameworks', '/roster']) expect(redirectFor('reviewer', p), p).toBeNull();
  });

  it('no item of a role\'s application menu opens a screen that role is turned away from', () => {
    for (const role of ROLES) {
      const paths = menuScreens(role).flatMap((e) => (e === 'separator' ? [] : [e.path]));
      expect(paths.length, role).toBeGreaterThan(5);
      for (const p of paths) expect(redirectFor(role, p), `${role} menu: ${p}`).toBeNull();
    }
  });
});
