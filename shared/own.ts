/**
 * Lookups keyed by text that came from a person (a survey answer, an item code in a framework
 * or an entries file, a formula input name) must never reach an object's prototype: with a plain
 * object, `"constructor" in counts` is true and `entries["toString"]` is a function. Read such
 * records only through `own`, test membership with `Object.hasOwn`, and build records the code
 * fills from such keys with `ownRecord()` (no prototype at all). Lint refuses the `in` operator
 * in shared/ for the same reason.
 */

/** The record's own value for `key`, never an inherited one. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty record without a prototype: `"constructor"`, `"__proto__"` are ordinary keys in it. */
export function ownRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
