import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceRef, ReportDocument } from '../../../shared/package/envelope';
import type { ItemEntry } from '../../../shared/scoring/engine';
import type { SurveyTally } from '../../../shared/scoring/survey';
import { assessmentSnapshot } from '../assessment/snapshot';
import { activeFramework } from '../framework/active';
import { surveySnapshot, surveyTallyFor } from '../survey/snapshot';
import type { ServiceContext } from '../../kernel/context';
import type { EvidenceFile, ReportSources } from './report-sources';
import { assessmentFromEntries } from './report-sources';

/**
 * The report's content from what the commune really entered: items, explanations, evidence
 * documents and files (assessmentSnapshot), the lock, and the survey. Files are embedded once
 * each, by SHA-256 (the evidence store is content-addressed), whatever number of items
 * attach them.
 */
export interface SurveySource {
  survey: ReportSources['survey'];
  /** The tally that scores the survey items; none until the survey feature provides one. */
  tally?(ctx: ServiceContext): SurveyTally | undefined;
}

/** The keyed questionnaires and their counts (a framework without a survey has none). */
export const surveyReportSource: SurveySource = {
  survey(ctx) {
    if (!activeFramework(ctx).framework.survey) return { questionnaires: [], counts: { forms: 0, questions: [] } };
    const snap = surveySnapshot(ctx);
    return {
      questionnaires: snap.forms.map((f) => ({ formNo: f.formNo, answers: f.answers })),
      counts: {
        forms: snap.tally.forms,
        questions: Object.entries(snap.tally.questions).map(([questionCode, q]) => ({ questionCode, ...q })),
      },
    };
  },
  tally: surveyTallyFor,
};

export function liveReportSources(dataDir: string, survey: SurveySource = surveyReportSource): ReportSources {
  return {
    survey: (ctx) => survey.survey(ctx),
    assessment(ctx: ServiceContext) {
      const snap = assessmentSnapshot(ctx, survey.tally?.(ctx));
      const entries: Record<string, ItemEntry> = {};
      const explanations: Record<string, string | null> = {};
      const files = new Map<string, EvidenceRef[]>();
      const documents = new Map<string, ReportDocument[]>();
      Object.assign(entries, snap.criterionEntries);
      for (const item of snap.items) {
        if (item.entry) entries[item.code] = item.entry;
        explanations[item.code] = item.explanation;
        files.set(item.code, item.files.map((f) => ({ id: f.sha256, name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256 })));
        documents.set(item.code, item.documents.map((d) => ({ number: d.number, date: d.date, issuer: d.issuer, summary: d.summary, locator: d.locator })));
      }
      const part = assessmentFromEntries(snap.framework, entries, explanations, (c) => files.get(c) ?? [], survey.tally?.(ctx), (c) => documents.get(c) ?? [], snap.unitType);
      return {
        ...part,
        lock: {
          locked: snap.lock.finalised,
          lockedAt: snap.lock.finalised ? snap.lock.changedAt : null,
          revision: snap.lock.revision,
        },
      };
    },
    evidenceFiles(ctx: ServiceContext): EvidenceFile[] {
      const snap = assessmentSnapshot(ctx);
      const seen = new Map<string, EvidenceFile>();
      for (const item of snap.items) {
        for (const f of item.files) {
          if (seen.has(f.sha256)) continue;
          const path = join(dataDir, f.storagePath);
          seen.set(f.sha256, { id: f.sha256, name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, read: () => readFileSync(path) });
        }
      }
      return [...seen.values()];
    },
  };
}
