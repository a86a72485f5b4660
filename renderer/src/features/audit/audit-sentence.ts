/**
 * Every change-log row as one sentence in the reader's language ("Mục 9.3: điểm 0,25 → 0,50",
 * "Chốt số liệu lần 2"), never raw JSON or English keys. Pure, so it is unit-tested; unknown
 * actions fall back to the action's name from the catalogue with the record it concerns.
 */
import type { AuditEntry } from '@shared/ipc/audit';
import { printable } from '@shared/text';

type Lang = 'vi' | 'en';
type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? printable(v) : typeof v === 'number' ? String(v) : '');
const clip = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const quote = (s: string): string => `“${clip(s.replace(/\s+/gu, ' '))}”`;
/** '2026-12-15' → "15/12/2026"; null when it is not such a date. */
const viDate = (v: unknown): string | null => {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(v) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
};

function points(hundredths: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(hundredths / 100);
}

const W = {
  vi: {
    item: 'Mục', empty: '(trống)', na: 'không áp dụng', done: 'đạt', notDone: 'chưa đạt', pointsWord: 'điểm', level: 'mức', events: 'lần vi phạm', units: 'đơn vị',
    explanationSet: 'sửa giải trình thành', explanationCleared: 'xóa giải trình', finalised: 'Chốt số liệu lần', reopened: 'Mở lại số liệu để sửa, lý do:',
    docAdd: 'thêm tài liệu kiểm chứng', docUpdate: 'sửa tài liệu kiểm chứng', docRemove: 'gỡ tài liệu kiểm chứng', fileAdd: 'đính kèm tệp', fileRemove: 'gỡ tệp',
    form: 'Phiếu', question: 'câu', formBegin: 'bắt đầu nhập, người nhập', formSave: 'lưu phiếu', formDelete: 'xóa phiếu, lý do:', formImport: 'nạp từ bảng tính',
    verifyBegin: 'bắt đầu nhập lần 2, người nhập', verifyCompare: 'so sánh hai lần nhập:', differences: 'chỗ khác nhau', resolve: 'xử lý chênh lệch',
    correctedAnswer: '(sửa sau khi lưu)', secondPass: '(nhập lần 2)',
    setup: 'Thiết lập đơn vị', correct: 'Sửa thông tin thiết lập:', reason: 'lý do:', frameworkInstall: 'Cài bộ tiêu chí', frameworkReplace: 'Thay bộ tiêu chí', version: 'phiên bản',
    carried: 'chuyển số liệu', itemsWord: 'tiêu chí', setting: 'Đổi cài đặt', language: 'ngôn ngữ', keyer: 'người nhập phiếu',
    keyCreate: 'Tạo khóa ký', keyBackup: 'Sao lưu khóa ký', toFile: 'ra tệp', keyRestore: 'Khôi phục khóa ký', export: 'Xuất hồ sơ đã ký lần', file: 'tệp',
    overrides: 'vẫn gửi dù', SAMPLE_FRAMEWORK: 'đang dùng bộ tiêu chí mẫu', SURVEY_BELOW_MINIMUM: 'chưa đủ số phiếu tối thiểu', DEADLINE_PASSED: 'đã quá hạn gửi hồ sơ',
    deadline: 'Hạn gửi hồ sơ năm', deadlineNone: '(chưa có)', deadlineCleared: '(đã xóa)',
    fields: { unit_name: 'tên đơn vị', unit_code: 'mã đơn vị', province_code: 'mã tỉnh', reviewer_code: 'đơn vị thẩm định', officer_name: 'người thực hiện', officer_title: 'chức vụ', year: 'năm đánh giá' } as Record<string, string>,
  },
  en: {
    item: 'Item', empty: '(empty)', na: 'not applicable', done: 'achieved', notDone: 'not achieved', pointsWord: 'points', level: 'level', events: 'violations', units: 'units',
    explanationSet: 'explanation changed to', explanationCleared: 'explanation removed', finalised: 'Data finalised, time', reopened: 'Data reopened for correction, reason:',
    docAdd: 'evidence document added', docUpdate: 'evidence document changed', docRemove: 'evidence document removed', fileAdd: 'file attached', fileRemove: 'file removed',
    form: 'Form', question: 'question', formBegin: 'keying started by', formSave: 'form saved', formDelete: 'form deleted, reason:', formImport: 'loaded from a spreadsheet',
    verifyBegin: 'second pass started by', verifyCompare: 'the two passes compared:', differences: 'differences', resolve: 'difference resolved',
    correctedAnswer: '(corrected after saving)', secondPass: '(second pass)',
    setup: 'Unit set up', correct: 'Setup corrected:', reason: 'reason:', frameworkInstall: 'Framework installed', frameworkReplace: 'Framework replaced', version: 'version',
    carried: 'data carried over for', itemsWord: 'items', setting: 'Setting changed', language: 'language', keyer: 'form keyer',
    keyCreate: 'Signing key created', keyBackup: 'Signing key backed up', toFile: 'to file', keyRestore: 'Signing key restored', export: 'Signed dossier exported, revision', file: 'file',
    overrides: 'sent despite', SAMPLE_FRAMEWORK: 'the sample framework in use', SURVEY_BELOW_MINIMUM: 'fewer forms than the minimum', DEADLINE_PASSED: 'the submission deadline passed',
    deadline: 'Submission deadline', deadlineNone: '(none)', deadlineCleared: '(cleared)',
    fields: { unit_name: 'unit name', unit_code: 'unit code', province_code: 'province code', reviewer_code: 'reviewing unit', officer_name: 'officer', officer_title: 'title', year: 'year' } as Record<string, string>,
  },
};

/** The label of a tier ("Đầy đủ") by item and level id, from the framework in use; undefined when unknown. */
export type LevelLabel = (itemCode: string, level: string) => string | undefined;

/** What a clerk entered for one item, in words. */
export function entryWords(entry: unknown, lang: Lang, levelLabel?: (level: string) => string | undefined): string {
  const w = W[lang];
  if (entry === null || entry === undefined) return w.empty;
  const e = obj(entry);
  if (e['notApplicable'] === true) return w.na;
  const input = obj(e['input']);
  switch (input['type']) {
    case 'manual': return `${w.pointsWord} ${points(Number(input['points']), lang)}`;
    case 'binary': return input['done'] === true ? w.done : w.notDone;
    case 'tiered': {
      const label = levelLabel?.(String(input['level']));
      return label ? quote(printable(label)) : `${w.level} ${str(input['level'])}`;
    }
    case 'bands': case 'ratio': case 'ratio-target': return `${str(input['numerator'])}/${str(input['denominator'])}`;
    case 'deduction': return `${str(input['events'])} ${w.events}`;
    case 'increment': return `${str(input['units'])} ${w.units}`;
    case 'formula': return Object.entries(obj(input['values'])).map(([k, v]) => `${printable(k)} = ${str(v)}`).join(', ');
    default: return w.empty;
  }
}

function answerWords(v: unknown, lang: Lang): string {
  return v === null || v === undefined || v === '' ? W[lang].empty : typeof v === 'string' ? quote(printable(v)) : str(v);
}

/** One row of the change log as a sentence; `actionName` names actions this module does not know. */
export function auditSentence(e: AuditEntry, lang: Lang, actionName: (action: string) => string, levelLabel?: LevelLabel): string {
  const w = W[lang];
  const o = obj(e.old);
  const n = obj(e.new);
  const item = (code: unknown) => `${w.item} ${str(code)}`;
  const form = (no: unknown) => `${w.form} ${str(no)}`;
  switch (e.action) {
    case 'assessment.entry':
      return `${item(e.entityKey)}: ${entryWords(e.old, lang, (l) => levelLabel?.(e.entityKey, l))} → ${entryWords(e.new, lang, (l) => levelLabel?.(e.entityKey, l))}`;
    case 'assessment.explanation':
      return typeof e.new === 'string' ? `${item(e.entityKey)}: ${w.explanationSet} ${quote(printable(e.new))}` : `${item(e.entityKey)}: ${w.explanationCleared}`;
    case 'assessment.finalise':
      return `${w.finalised} ${str(n['revision'])}`;
    case 'assessment.reopen':
      return `${w.reopened} ${quote(str(n['reason']))}`;
    case 'evidence.document.add':
    case 'evidence.document.update':
    case 'evidence.document.remove': {
      const d = e.action === 'evidence.document.remove' ? o : n;
      const verb = e.action === 'evidence.document.add' ? w.docAdd : e.action === 'evidence.document.update' ? w.docUpdate : w.docRemove;
      return `${item(d['itemCode'])}: ${verb} ${str(d['number'])}${d['issuer'] ? ` (${str(d['issuer'])})` : ''}`;
    }
    case 'evidence.file.add':
    case 'evidence.file.remove': {
      const f = e.action === 'evidence.file.add' ? n : o;
      return `${item(f['itemCode'])}: ${e.action === 'evidence.file.add' ? w.fileAdd : w.fileRemove} ${quote(str(f['name']))}`;
    }
    case 'survey.answer':
    case 'survey.answer.correct':
    case 'survey.answer.verify': {
      const tag = e.action === 'survey.answer.correct' ? ` ${w.correctedAnswer}` : e.action === 'survey.answer.verify' ? ` ${w.secondPass}` : '';
      return `${form(n['formNo'])}, ${w.question} ${str(n['code'])}: ${answerWords(o['value'], lang)} → ${answerWords(n['value'], lang)}${tag}`;
    }
    case 'survey.form.begin': return `${form(n['formNo'])}: ${w.formBegin} ${str(n['keyedBy'])}`;
    case 'survey.form.save': return `${form(n['formNo'])}: ${w.formSave}`;
    case 'survey.form.delete': return `${form(o['formNo'])}: ${w.formDelete} ${quote(str(n['reason']))}`;
    case 'survey.form.import': return `${form(n['formNo'])}: ${w.formImport}`;
    case 'survey.verify.begin': return `${form(n['formNo'])}: ${w.verifyBegin} ${str(n['keyedBy'])}`;
    case 'survey.verify.compare': return `${form(n['formNo'])}: ${w.verifyCompare} ${str(n['differences'])} ${w.differences}`;
    case 'survey.verify.resolve': return `${form(n['formNo'])}, ${w.question} ${str(n['code'])}: ${w.resolve} → ${answerWords(n['value'], lang)}`;
    case 'identity.setup': return `${w.setup}: ${str(n['unit_name'])} (${str(n['unit_code'])}), ${str(n['year'])}`;
    case 'identity.correct': {
      const changes = Object.keys(o).map((f) => `${w.fields[f] ?? printable(f)} ${str(o[f]) || w.empty} → ${str(n[f]) || w.empty}`);
      return `${w.correct} ${changes.join('; ')}${n['reason'] ? `; ${w.reason} ${quote(str(n['reason']))}` : ''}`;
    }
    case 'framework.install': return `${w.frameworkInstall} ${str(n['id'])}, ${w.version} ${str(n['version'])}`;
    case 'framework.replace': return `${w.frameworkReplace}: ${str(o['framework'])} ${str(o['version'])} → ${str(n['framework'])} ${str(n['version'])}, ${w.carried} ${str(n['carried'])} ${w.itemsWord}`;
    case 'setting.set': {
      const name = e.entityKey === 'language' ? w.language : e.entityKey === 'surveyKeyer' ? w.keyer : printable(e.entityKey);
      return `${w.setting} ${name}: ${str(e.old) || w.empty} → ${str(e.new) || w.empty}`;
    }
    case 'settings.deadline': {
      // The year (rows from before it was logged name it only as the record's key), the date replaced and the new one.
      const year = str(n['year']) || printable(e.entityKey);
      return `${w.deadline} ${year}: ${viDate(o['typed']) ?? w.deadlineNone} → ${viDate(n['typed']) ?? w.deadlineCleared}`;
    }
    case 'key.create': return `${w.keyCreate} ${str(n['keyId'])}`;
    case 'key.backup': return `${w.keyBackup} ${printable(e.entityKey)} ${w.toFile} ${str(n['file'])}`;
    case 'key.restore': return `${w.keyRestore} ${str(n['keyId'])}`;
    case 'package.export': {
      const overrides = Array.isArray(n['overrides']) ? (n['overrides'] as unknown[]).map(obj) : [];
      const why = overrides.length > 0
        ? `; ${w.overrides} ${overrides.map((x) => (w as unknown as Record<string, string>)[String(x['code'])] ?? printable(String(x['code']))).join(', ')}, ${w.reason} ${quote(str(overrides[0]!['reason']))}`
        : '';
      return `${w.export} ${str(n['revision'])} (${w.file} ${str(n['fileName'])})${why}`;
    }
    default:
      return `${actionName(e.action)} — ${printable(e.entityKey)}`;
  }
}
