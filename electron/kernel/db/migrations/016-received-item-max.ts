import type { Migration } from './index';

/**
 * The framework's maximum for each received item, recorded at import beside the recomputed points.
 * The council scores an item up to this maximum, never up to one the package declares (a package
 * declaring another maximum is flagged at import). NULL: an item received before this migration
 * (its declared maximum stands, as before) or an item the framework does not have.
 */
export const m016ReceivedItemMax: Migration = {
  version: 16,
  name: 'received-item-max',
  up(db) {
    db.exec(`ALTER TABLE received_items ADD COLUMN recomputed_max INTEGER CHECK (recomputed_max IS NULL OR recomputed_max >= 0);`);
  },
};
