/**
 * The English catalogue's shape, from the Vietnamese one: the same keys, and beside a sentence
 * that counts ("{{count}} days left") its singular `<key>_one` ("{{count}} day left").
 *
 * i18next picks the form with `t(key, { count })` and the language's plural rules: English has
 * "one" and "other", and looks for `<key>_one` or `<key>_other` before `<key>`; Vietnamese has
 * only "other", so its catalogue keeps the one plain key and never needs a suffix. The plain key
 * is therefore the English plural ("other") too. English may add `_one` keys and nothing else:
 * the compiler refuses any other extra key, and test/unit/catalogue-keys.test.ts checks that a
 * `_one` key stands beside a sentence with {{count}}.
 */
export type English<T> = { [K in keyof T]: T[K] extends string ? string : English<T[K]> } & {
  [K in keyof T as T[K] extends string ? `${K & string}_one` : never]?: string;
};
