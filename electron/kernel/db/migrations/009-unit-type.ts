import type { Migration } from './index';

/**
 * The commune's type (xã / phường / đặc khu; thị trấn before 7/2025): a framework's variants give each type its own
 * maxima, applicable items and survey minimum, so the engine must know which one it scores.
 * Null for an installation set up before it was asked (scored as the framework's first type,
 * and said so) and for a reviewing unit.
 */
export const m009UnitType: Migration = {
  version: 9,
  name: 'unit-type',
  up(db) {
    db.exec(`ALTER TABLE identity ADD COLUMN unit_type TEXT CHECK (unit_type IS NULL OR unit_type IN ('xa', 'phuong', 'dac-khu', 'thi-tran'));`);
  },
};
