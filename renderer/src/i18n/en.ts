import { en as diagnosticsEn } from '../features/diagnostics/i18n';
import { en as checklistEN } from '../features/home/i18n';
import { en as deadlineSettingEN } from '../features/settings/i18n';
import { en as rosterEn } from '../features/review/roster/i18n';
import { en as reviewFrameworksEn } from '../features/review/frameworks/i18n';
import { en as assessmentEN } from '../features/commune/assessment/i18n';
import { errorMessages, fieldMessages } from '@shared/i18n/errors';
import { en as packageEn } from '../features/commune/package/i18n';
import { en as reviewImportEn } from '../features/review/import/i18n';
import { en as reviewReportEn } from '../features/review/report/i18n';
import { en as appraisalEn } from '../features/review/appraisal/i18n';
import { en as communeAppraisalEn } from '../features/commune/appraisal/i18n';
import { en as backupEn } from '../features/backup/i18n';
import { en as reviewEnrolmentEn } from '../features/review/enrolment/i18n';
import type { Resources } from './vi';
import { en as surveyEn } from '../features/commune/survey/i18n';

/** English: every key of vi.ts, checked by the compiler. */
export const en: Resources = {
  app: { name: 'PAR Index', subtitle: 'Commune administrative reform index' },
  nav: { home: 'Home', assessment: 'Self-assessment', framework: 'Criteria framework', audit: 'Change log', backup: 'Backup and restore', settings: 'Settings', about: 'About', reviewerKey: 'The unit\'s signing key' },
  common: {
    loading: 'Loading…', save: 'Save', cancel: 'Cancel', back: 'Back', next: 'Continue',
    details: 'Technical details', sample: 'Sample (for reference)', points: 'points', none: '—', retry: 'Try again', print: 'Print…', printed: 'Sent to the printer.',
  },
  roles: {
    commune: 'Commune, ward or special zone', communeHint: 'Self-assess, key in survey forms and send the dossier to the reviewing unit.',
    district: 'Reviewing unit', districtHint: 'District Office of Home Affairs (before 7/2025) or provincial Department of Home Affairs: receive, appraise, rank, report.',
    levelDistrict: 'District Office of Home Affairs (before 7/2025)', levelProvince: 'Provincial Department of Home Affairs',
    communeShort: 'Commune self-assessment', districtShort: 'District office — reviewing', provinceShort: 'Provincial department — reviewing',
  },
  setup: {
    unitType: 'Unit type (decides which variant of the criteria is scored)', unitTypes: { xa: 'Commune (xã)', phuong: 'Ward (phường)', 'dac-khu': 'Special zone (đặc khu)', 'thi-tran': 'Town (thị trấn, before 7/2025)' },
    title: 'First-run setup', intro: 'Choose this computer\'s role. Everything is stored on this computer; no network is needed.',
    step1: 'Step 1/2: Role', step2: 'Step 2/2: Unit details',
    level: 'Reviewing level', unitCodeCommune: 'Commune code (5 digits)', unitCodeDistrict: 'District code (3 digits)', unitCodeProvince: 'Province code of the department (2 digits)',
    unitNameCommune: 'Commune, ward or special zone name', unitNameReviewer: 'Unit name', unitNamePlaceholderCommune: 'e.g. Xã Bình Đào', unitNamePlaceholderReviewer: 'e.g. Sở Nội vụ tỉnh Quảng Trị',
    provinceCode: 'Province code (2 digits)', reviewerCode: 'Reviewing unit code', reviewerHint: 'The province code (2 digits) when sending to the provincial department; a district code (3 digits) for data before 7/2025.',
    officerName: 'Officer\'s full name', officerTitle: 'Position', officerTitlePlaceholder: 'e.g. Office and statistics officer',
    year: 'Assessment year', framework: 'Criteria framework', frameworkSample: 'Use the sample framework shipped with the app (to learn; the province issues the official one)',
    frameworkFile: 'Choose the framework file issued by the province (JSON)…', frameworkChosen: 'Chosen: {{title}} — province {{province}}, year {{year}}, items: {{items}}',
    submit: 'Finish setup', saving: 'Saving…', optional: '(optional)',
  },
  home: {
    welcome: 'Hello, {{name}}', identity: 'Unit', unitCode: 'Unit code', province: 'Province', reviewer: 'Reviewing unit',
    year: 'Assessment year', officer: 'Officer', role: 'Role', since: 'Set up on',
    framework: 'Criteria framework in use', frameworkVersion: 'Version {{version}} · year {{year}} · SHA-256 {{sha}}',
    fields: 'Fields', field: 'Field', items: 'Items', maxPoints: 'Max points', total: 'Total',
    groups: 'Groups by index', groupFrom: 'from {{percent}}', sampleWarning: 'This is a SAMPLE framework for reference, not an official provincial document. Replace it with the framework issued by the Department of Home Affairs before scoring for real.',
    sampleWarningReviewer: 'This is a SAMPLE framework for reference, not an official provincial document. Add the province\'s official framework (Criteria frameworks screen) before appraising for real.',
    communeLead: 'This computer self-assesses the PAR Index of {{name}} for {{year}} against the framework below.',
    reviewerLead: 'This computer appraises the {{year}} PAR Index of the communes and wards under {{name}}.',
  },
  framework: {
    title: 'Criteria framework', replaceTitle: 'Replace the framework', choose: 'Choose a new framework file (JSON)…',
    replaceIntro: 'When the province issues its official framework (or a revision), choose the file to apply it. Entries of items that keep their code and scoring move over; the old entries stay stored, nothing is lost.',
    chosenMeta: 'province {{province}}, year {{year}}, version {{version}}, items: {{items}}',
    yearMismatch: 'Note: this framework is for {{fw}}, while the unit is assessing {{unit}}. Check that this is the right file.',
    carried: 'Entries of {{count}} items will move over.', carried_one: 'Entries of {{count}} item will move over.',
    droppedIntro: '{{count}} items have entries that cannot move (enter them again under the new framework):',
    droppedIntro_one: '{{count}} item has entries that cannot move (enter them again under the new framework):',
    reasons: { ITEM_GONE: 'not in the new framework', RULE_CHANGED: 'scored differently', LEVEL_GONE: 'the chosen level no longer exists', NA_NOT_ALLOWED: 'the new framework does not allow "not applicable"' },
    apply: 'Apply the new framework', replaced: 'Applied “{{title}}”: items moved: {{carried}}; to enter again: {{dropped}}.',
  },
  dateInput: {
    placeholder: 'dd/mm/yyyy', pick: 'Pick a date on the calendar', pickShort: 'Calendar', prevMonth: 'Previous month', nextMonth: 'Next month', monthYear: '{{month}}/{{year}}',
    weekdays: 'Mo Tu We Th Fr Sa Su',
    problem: {
      FORMAT: 'Type the date as day/month/year, e.g. 15/02/2026.',
      MONTH: 'The month must be 01 to 12 (day first, then month: 15/02/2026).',
      DAY: 'That month has no such day. Check the day.',
      YEAR: 'The year must be 1900 to 2100, with 4 digits.',
    },
  },
  setupCorrection: {
    title: 'Correct the setup',
    intro: 'Correct the name, unit code, province code, reviewing unit, officer or year if mistyped. The next dossier carries the new values; every correction goes to the change log.',
    fields: { unitName: 'Unit name', unitCode: 'Unit code', provinceCode: 'Province code (2 digits)', reviewerCode: 'Reviewing unit code', officerName: 'Officer name', officerTitle: 'Title', year: 'Assessment year', unitType: 'Unit type' },
    introReviewer: 'Correct the name, unit code, province code, officer or year if mistyped. Every correction goes to the change log.',
    reason: 'Reason for the correction', reasonHint: 'Required once a dossier has been sent.', reasonHintReviewer: 'Optional; it goes to the change log.',
    save: 'Save the corrections', saved: 'Saved. The next dossier carries the new values.', savedReviewer: 'Saved.',
  },
  settings: { title: 'Settings', language: 'Interface language', vi: 'Tiếng Việt', en: 'English', saved: 'Saved.' },
  audit: {
    title: 'Change log', intro: 'Every data change is recorded: who, when, old → new. The log cannot be edited or deleted.',
    otherAction: 'Other change',
    at: 'When', actor: 'Who', action: 'Action', entity: 'Record', change: 'Change', empty: 'No changes yet.',
    entities: { survey_form: 'Survey form', evidence_document: 'Evidence', evidence_file: 'Attached file', assessment_entry: 'Item result', assessment: 'Self-assessment', identity: 'Unit', framework: 'Framework', setting: 'Setting', package: 'Dossier', key: 'Signing key', enrolment: 'Key enrolment', enrolled_key: 'Enrolled key' },
    actions: { 'survey.form.begin': 'Form keying started', 'survey.answer': 'Answer keyed', 'survey.answer.correct': 'Answer corrected', 'survey.answer.verify': 'Answer re-keyed (verification)', 'survey.form.save': 'Form saved', 'survey.form.delete': 'Form deleted', 'survey.form.import': 'Form imported from a spreadsheet', 'survey.verify.begin': 'Form re-keyed (verification)', 'survey.verify.compare': 'Passes compared', 'survey.verify.resolve': 'Difference resolved',
      'assessment.entry': 'Item result entered', 'assessment.explanation': 'Explanation edited', 'assessment.finalise': 'Finalised', 'assessment.reopen': 'Reopened', 'evidence.document.add': 'Evidence added', 'evidence.document.update': 'Evidence edited', 'evidence.document.remove': 'Evidence removed', 'evidence.file.add': 'File attached', 'evidence.file.remove': 'File removed',
      'framework.replace': 'Framework replaced', 'identity.setup': 'Unit set up', 'identity.correct': 'Setup corrected', 'framework.install': 'Framework installed', 'framework.import': 'Framework added', 'framework.publish': 'Signed framework published', 'framework.importSigned': 'Signed framework received', 'setting.set': 'Setting changed', 'settings.deadline': 'Submission deadline typed',
      'key.create': 'Signing key created', 'key.backup': 'Signing key backed up', 'key.restore': 'Signing key restored', 'key.rotate': 'Signing key rotated',
      'package.export': 'Signed dossier exported', 'enrolment.request': 'Key enrolment requested', 'enrolment.accept': 'Reviewing unit key pinned',
      'key.rotate.start': 'Key rotation statement made', 'key.rotate.accept': 'Switched to the new key', 'key.rotate.cancel': 'Key rotation cancelled', 'enrolment.repin': 'New reviewing unit key pinned', 'enrolment.reject': 'Enrolment request rejected', 'rotation.receive': 'Key rotation statement received', 'package.import': 'Commune dossier received', 'roster.add': 'Commune added to the roster', 'roster.import': 'Roster loaded', 'roster.rename': 'Commune renamed', 'roster.type': 'Unit type changed', 'roster.deadline': 'Deadline set', 'roster.activate': 'Commune reactivated', 'roster.deactivate': 'Commune deactivated',
      'enrolment.approve': 'Key enrolment approved', 'enrolment.revoke': 'Key revoked', 'enrolment.rotate': 'New key enrolled (rotation)',
    },
  },
  about: {
    title: 'About', body: 'PAR Index helps communes self-assess their administrative reform index, key in survey forms and send a signed dossier to the reviewing unit, which receives, checks, appraises and ranks. The app works offline; data stays on this computer.',
    version: 'Version {{version}} · data schema {{schema}} · {{platform}}',
  },
  assessment: assessmentEN,
  survey: surveyEn,
  errors: { ...errorMessages.en, title: 'That did not work' },
  fields: fieldMessages.en,
  package: packageEn,
  checklist: checklistEN,
  deadlineSetting: deadlineSettingEN,
  roster: rosterEn,
  diagnostics: diagnosticsEn,
  reviewFrameworks: reviewFrameworksEn,
  reviewImport: reviewImportEn,
  reviewReport: reviewReportEn,
  appraisal: appraisalEn,
  communeAppraisal: communeAppraisalEn,
  backup: backupEn,
  reviewEnrolment: reviewEnrolmentEn,
};
