import type { Database } from 'better-sqlite3';
import { m001Initial } from './001-initial';
import { m002Assessment } from './002-assessment';
import { m003Survey } from './003-survey';
import { m004KeysExports } from './004-keys-exports';
import { m005KeyTrust } from './005-key-trust';
import { m006ReviewerRole } from './006-reviewer-role';
import { m007Roster } from './007-roster';
import { m008ReceivedPackages } from './008-received-packages';
import { m009UnitType } from './009-unit-type';
import { m010History } from './010-history';
import { m011Appraisal } from './011-appraisal';
import { m012ReceivedBytes } from './012-received-bytes';
import { m013KeyVetted } from './013-key-vetted';
import { m014ReceivedCompleteness } from './014-received-completeness';
import { m015ExportItems } from './015-export-items';
import { m016ReceivedItemMax } from './016-received-item-max';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Ordered, append-only. Never edit a migration that has shipped: add a new one.
 * Each migration has a test that migrates to N−1, inserts, migrates to N, asserts.
 */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002Assessment, m003Survey, m004KeysExports, m005KeyTrust, m006ReviewerRole, m007Roster, m008ReceivedPackages, m009UnitType, m010History, m011Appraisal, m012ReceivedBytes, m013KeyVetted, m014ReceivedCompleteness, m015ExportItems, m016ReceivedItemMax];

export const LATEST_VERSION = MIGRATIONS.length;
