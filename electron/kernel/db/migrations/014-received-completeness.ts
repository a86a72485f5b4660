import type { Migration } from './index';

/**
 * What a received package says of its own completeness: the `completeness` block of the commune
 * report (items entered, forms saved against the minimum and target, and the pre-export warnings
 * the commune overrode with its reason), kept as canonical JSON beside the package's row so the
 * board, the appraisal header, `chiso status` and the report read it without parsing the package's
 * raw bytes (megabytes with the evidence inlined) once per commune. NULL: a package from an earlier
 * version, which carries none.
 *
 * Packages received before this migration are filled from the raw bytes kept in
 * received_package_bytes (the envelope is JSON: its `payload` is the report), so the older rows say
 * the same as the new ones.
 */
export const m014ReceivedCompleteness: Migration = {
  version: 14,
  name: 'received-completeness',
  up(db) {
    db.exec(`
      ALTER TABLE received_packages ADD COLUMN completeness_json TEXT CHECK (completeness_json IS NULL OR json_valid(completeness_json));
      UPDATE received_packages SET completeness_json = (
        SELECT CASE WHEN json_valid(CAST(b.bytes AS TEXT)) THEN json_extract(CAST(b.bytes AS TEXT), '$.payload.completeness') END
        FROM received_package_bytes b WHERE b.package_id = received_packages.id
      );
    `);
  },
};
