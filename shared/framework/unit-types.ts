/**
 * One framework, several unit types (xã / phường / đặc khu): a node may apply to some types only
 * (`unitTypes`) and may say what differs for some types (`variants`: another maximum, rule, N/A
 * treatment, floor, total, group bands, number of questionnaires). resolveForUnitType turns a
 * framework into the plain framework one unit type is scored against; the engine and the
 * validator work on that. A framework with neither key resolves to itself.
 */
import type { Framework, FrameworkCriterion, FrameworkField, FrameworkItem, UnitType } from './schema';

export interface Resolved {
  framework: Framework;
  unitType: UnitType;
  /** Maps a path in the resolved framework back to the place in the file that produced it. */
  sourcePath(path: string): string;
}

/** Does anything in the framework depend on the unit type? */
export function hasUnitTypeVariants(fw: Framework): boolean {
  if ((fw.variants?.length ?? 0) > 0 || (fw.survey?.variants?.length ?? 0) > 0) return true;
  return fw.fields.some(
    (f) =>
      f.unitTypes !== undefined ||
      (f.variants?.length ?? 0) > 0 ||
      f.criteria.some((c) => c.unitTypes !== undefined || (c.variants?.length ?? 0) > 0 || c.items.some((i) => i.unitTypes !== undefined || (i.variants?.length ?? 0) > 0)),
  );
}

const applies = (node: { unitTypes?: UnitType[] | undefined }, ut: UnitType): boolean => node.unitTypes === undefined || node.unitTypes.includes(ut);

function variantFor<V extends { unitTypes: UnitType[] }>(variants: V[] | undefined, ut: UnitType): { v: V; index: number } | null {
  const index = (variants ?? []).findIndex((v) => v.unitTypes.includes(ut));
  return index < 0 ? null : { v: variants![index]!, index };
}

/** Copy of `node` without the unit-type keys, with the variant's keys laid over it. */
function overlay<N extends object>(node: N, variant: object | undefined, keys: readonly string[]): { node: N; overridden: string[] } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'unitTypes' && k !== 'variants') out[k] = v;
  const overridden: string[] = [];
  if (variant) {
    for (const k of keys) {
      if (Object.hasOwn(variant, k)) {
        out[k] = (variant as Record<string, unknown>)[k];
        overridden.push(k);
      }
    }
  }
  return { node: out as N, overridden };
}

const ITEM_KEYS = ['maxPoints', 'rule', 'scoringText', 'notApplicable', 'notApplicablePoints'] as const;
const CRITERION_KEYS = ['maxPoints', 'floor', 'notApplicablePoints'] as const;
const FIELD_KEYS = ['maxPoints', 'floor'] as const;

interface Place {
  src: string;
  variant: string | null;
  overridden: string[];
}

/** The framework as one unit type is scored against it. */
export function resolveForUnitType(fw: Framework, unitType: UnitType): Resolved {
  if (!hasUnitTypeVariants(fw)) return { framework: { ...fw, unitTypes: [unitType] }, unitType, sourcePath: (p) => p };
  const places = new Map<string, Place>(); // resolved prefix → where it came from
  const fields: FrameworkField[] = [];
  fw.fields.forEach((field, fi) => {
    if (!applies(field, unitType)) return;
    const criteria: FrameworkCriterion[] = [];
    const fPath = `fields[${fi}]`;
    field.criteria.forEach((criterion, ci) => {
      if (!applies(criterion, unitType)) return;
      const cPath = `${fPath}.criteria[${ci}]`;
      const items: FrameworkItem[] = [];
      criterion.items.forEach((item, ii) => {
        if (!applies(item, unitType)) return;
        const iPath = `${cPath}.items[${ii}]`;
        const found = variantFor(item.variants, unitType);
        const base = found && Object.hasOwn(found.v, 'notApplicable') ? { ...item, notApplicablePoints: undefined } : item;
        const { node, overridden } = overlay(base, found?.v, ITEM_KEYS);
        if (node.notApplicablePoints === undefined) delete (node as { notApplicablePoints?: number }).notApplicablePoints;
        places.set(`fields[${fields.length}].criteria[${criteria.length}].items[${items.length}]`, { src: iPath, variant: found ? `${iPath}.variants[${found.index}]` : null, overridden });
        items.push(node);
      });
      if (items.length === 0) return;
      const found = variantFor(criterion.variants, unitType);
      const { node, overridden } = overlay(criterion, found?.v, CRITERION_KEYS);
      places.set(`fields[${fields.length}].criteria[${criteria.length}]`, { src: cPath, variant: found ? `${cPath}.variants[${found.index}]` : null, overridden });
      criteria.push({ ...node, items });
    });
    if (criteria.length === 0) return;
    const found = variantFor(field.variants, unitType);
    const { node, overridden } = overlay(field, found?.v, FIELD_KEYS);
    places.set(`fields[${fields.length}]`, { src: fPath, variant: found ? `${fPath}.variants[${found.index}]` : null, overridden });
    fields.push({ ...node, criteria });
  });

  const top = variantFor(fw.variants, unitType);
  const { node: rest, overridden: topKeys } = overlay(fw, top?.v, ['totalMax', 'groups']);
  places.set('', { src: '', variant: top ? `variants[${top.index}]` : null, overridden: topKeys });
  let survey = fw.survey;
  if (survey) {
    const sv = variantFor(survey.variants, unitType);
    const { node, overridden } = overlay(survey, sv?.v, ['targetForms', 'minForms']);
    places.set('survey', { src: 'survey', variant: sv ? `survey.variants[${sv.index}]` : null, overridden });
    survey = node;
  }
  const framework: Framework = { ...rest, unitTypes: [unitType], fields, ...(survey ? { survey } : {}) };

  const sourcePath = (path: string): string => {
    const m = /^(fields\[\d+\](?:\.criteria\[\d+\](?:\.items\[\d+\])?)?|survey)?(.*)$/u.exec(path);
    const prefix = m?.[1] ?? '';
    const tail = m?.[2] ?? path;
    const place = places.get(prefix);
    if (!place) return path;
    const key = /^\.?([A-Za-z]+)/u.exec(tail)?.[1];
    if (key && place.variant && place.overridden.includes(key)) {
      const rest2 = prefix === '' ? tail.slice(key.length) : tail.slice(key.length + 1);
      return `${place.variant}.${key}${rest2}`;
    }
    return `${place.src}${tail}`;
  };
  return { framework, unitType, sourcePath };
}

const cache = new WeakMap<Framework, Map<UnitType, Framework> | null>();

/**
 * The framework for `unitType` (cached per framework object: a framework is never changed in
 * place once parsed — change a copy). Without a unit type the framework's first listed type
 * is used, and `assumed` says so.
 */
export function frameworkFor(fw: Framework, unitType?: UnitType | null): { framework: Framework; unitType: UnitType; assumed: boolean } {
  const ut = unitType ?? fw.unitTypes[0]!;
  const assumed = unitType === undefined || unitType === null;
  let perType = cache.get(fw);
  if (perType === undefined) {
    // The engine runs on every keystroke: walk the tree for variants once per framework.
    perType = hasUnitTypeVariants(fw) ? new Map() : null;
    cache.set(fw, perType);
  }
  if (perType === null) return { framework: fw, unitType: ut, assumed };
  let resolved = perType.get(ut);
  if (!resolved) {
    resolved = resolveForUnitType(fw, ut).framework;
    perType.set(ut, resolved);
  }
  return { framework: resolved, unitType: ut, assumed };
}
