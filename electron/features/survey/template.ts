/**
 * "Tải mẫu bảng tính": an xlsx the commune can fill in Excel. Sheet 1 has one column per
 * question (header = question code, the question's text as the cell note); sheet 2 explains
 * every code and option. Written whole or not at all (kernel/files/atomic-write.ts).
 */
import ExcelJS from 'exceljs';
import type { SurveyDefinition, SurveyQuestion } from '../../../shared/framework/schema';
import { allQuestions } from '../../../shared/scoring/survey';
import { writeFileAtomic } from '../../kernel/files/atomic-write';

const TYPE_LABEL: Record<SurveyQuestion['type'], string> = {
  likert5: 'Mức độ hài lòng (1 chữ số)',
  single: 'Chọn một (1 chữ số)',
  yesno: 'Có/Không (1 chữ số)',
  number: 'Số',
  text: 'Chữ',
  date: 'Ngày (ngày/tháng/năm)',
};

export function buildSurveyTemplate(def: SurveyDefinition): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chỉ số CCHC';
  const questions = allQuestions(def);
  const forms = wb.addWorksheet('Phieu');
  forms.addRow(['so_phieu', ...questions.map((q) => q.code)]);
  forms.getRow(1).font = { bold: true };
  forms.getCell(1, 1).note = 'Số phiếu ghi trên phiếu giấy (mỗi phiếu một dòng, không trùng)';
  questions.forEach((q, i) => {
    forms.getCell(1, i + 2).note = `${q.text}${q.required ? ' (bắt buộc)' : ''}`;
    forms.getColumn(i + 2).width = q.type === 'text' ? 30 : q.type === 'date' ? 12 : 6;
  });
  forms.getColumn(1).width = 10;
  forms.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];

  const help = wb.addWorksheet('Huong_dan');
  help.addRow(['Mã câu', 'Câu hỏi', 'Loại', 'Bắt buộc', 'Mã phương án', 'Ý nghĩa']);
  help.getRow(1).font = { bold: true };
  help.addRow(['so_phieu', 'Số phiếu ghi trên phiếu giấy', 'Chữ hoặc số', 'Có', '', 'Không được trùng với phiếu khác']);
  for (const q of questions) {
    const options = q.options ?? [];
    help.addRow([q.code, q.text, TYPE_LABEL[q.type], q.required ? 'Có' : 'Không', options[0]?.value ?? '', options[0]?.label ?? '']);
    for (const o of options.slice(1)) help.addRow(['', '', '', '', o.value, o.label]);
  }
  help.addRow([]);
  help.addRow(['', 'Để trống ô nếu người trả lời không trả lời câu đó. Ngày ghi dạng 30/09/2026.']);
  help.getColumn(2).width = 80;
  help.getColumn(3).width = 24;
  help.getColumn(6).width = 40;
  return wb;
}

export async function writeSurveyTemplate(def: SurveyDefinition, path: string): Promise<void> {
  writeFileAtomic(path, new Uint8Array(await buildSurveyTemplate(def).xlsx.writeBuffer()));
}
