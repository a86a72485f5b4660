/**
 * The report's paragraphs in Vietnamese, phrased as the seeds' reports phrase them
 * ("Chỉ số CCHC trung bình của các xã, thị trấn năm 2016 đạt 76,01%, tăng 1,11 điểm % so với
 * năm 2015; cao nhất là xã Bình Đào (83,52%), cao hơn mức trung bình 7,51 điểm %; …"),
 * every number recomputed from the figures and formatted vi-VN, plus a footnote saying how
 * the numbers were rounded. Pure: the same report always gives the same text.
 */
import { viCount, viDate, viHundredths, viPercent } from './format';
import type { CommuneRef, CommuneType, Extreme, Figures, RankedCommune, Report } from './types';

export interface ReportText {
  /** In order; the group lines are paragraphs of their own starting with "- ". */
  paragraphs: string[];
  footnote: string;
}

const NOUN: Record<CommuneType, string> = { xa: 'xã', phuong: 'phường', 'thi-tran': 'thị trấn', 'dac-khu': 'đặc khu' };
const NOUN_ORDER: readonly CommuneType[] = ['xa', 'phuong', 'thi-tran', 'dac-khu'];

/** "xã", "xã, thị trấn", "xã, phường, đặc khu": the kinds present, in a fixed order. */
export function unitNoun(types: Iterable<CommuneType>): string {
  const present = new Set(types);
  const nouns = NOUN_ORDER.filter((t) => present.has(t)).map((t) => NOUN[t]);
  return nouns.length > 0 ? nouns.join(', ') : 'đơn vị';
}

/** "xã Bình Đào"; a name that already says its kind ("Phường 1") is left alone. */
export function namedUnit(c: Pick<CommuneRef, 'name' | 'type'>): string {
  const noun = NOUN[c.type];
  return c.name.toLocaleLowerCase('vi').startsWith(`${noun} `) ? c.name : `${noun} ${c.name}`;
}

/** "A", "A và B", "A, B và C". */
export function listAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} và ${parts.at(-1) as string}`;
}

function points(h: number): string {
  return `${viHundredths(h)} điểm %`;
}

function extremeText(e: Extreme): string {
  return `${listAnd(e.tied.map(namedUnit))} (${viPercent(e.index)})`;
}

function summary(report: Report, nouns: string): string {
  const { figures: f, ranking } = report;
  const { year, basis } = ranking.options;
  const index = basis === 'self' ? 'Chỉ số CCHC tự đánh giá' : 'Chỉ số CCHC';
  if (f.mean === null || !f.highest || !f.lowest) {
    return `Năm ${year} chưa có ${nouns} nào có ${basis === 'self' ? 'chỉ số tự đánh giá' : 'chỉ số thẩm định'} để xếp hạng.`;
  }
  const lastYear = f.lastYear;
  let text = `${index} trung bình của các ${nouns} năm ${year} đạt ${viPercent(f.mean)}`;
  if (f.meanChange !== null && lastYear !== null) {
    const c = f.meanChange;
    text += c > 0 ? `, tăng ${points(c)} so với năm ${lastYear}` : c < 0 ? `, giảm ${points(-c)} so với năm ${lastYear}` : `, bằng năm ${lastYear}`;
  }
  if (f.communes === 1) return `${text} (chỉ có ${namedUnit(f.highest)} được xếp hạng).`;
  text += `; cao nhất là ${extremeText(f.highest)}`;
  if (f.highestGapToMean !== null && f.highestGapToMean > 0) text += `, cao hơn mức trung bình ${points(f.highestGapToMean)}`;
  text += `; thấp nhất là ${extremeText(f.lowest)}`;
  if (f.lowestGapToMean !== null && f.lowestGapToMean > 0) text += `, thấp hơn mức trung bình ${points(f.lowestGapToMean)}`;
  if (f.ratio !== null) text += `; chênh lệch giữa cao nhất và thấp nhất ${viHundredths(f.ratio)} lần`;
  return `${text}.`;
}

function groupLines(report: Report, byCode: Map<string, RankedCommune>, nouns: string): string[] {
  const nonEmpty = report.figures.groups.filter((g) => g.members.length > 0);
  if (nonEmpty.length === 0) return [];
  const head = `Kết quả Chỉ số CCHC năm ${report.ranking.options.year} của các ${nouns} chia thành ${viCount(nonEmpty.length)} nhóm:`;
  const lines = nonEmpty.map((g, i) => {
    const members = g.members.map((code) => byCode.get(code) as RankedCommune);
    const end = i === nonEmpty.length - 1 ? '.' : ';';
    return `- ${g.label}, gồm ${viCount(members.length)} ${unitNoun(members.map((m) => m.type))}: ${members.map((m) => m.name).join(', ')}${end}`;
  });
  return [head, ...lines];
}

function names(codes: readonly string[], byCode: Map<string, RankedCommune>): string {
  return codes.map((code) => byCode.get(code)?.name ?? code).join(', ');
}

function surveyText(f: Figures, byCode: Map<string, RankedCommune>): string | null {
  const parts: string[] = [];
  if (f.forms) {
    let t = `thu về ${viCount(f.forms.collected)}/${viCount(f.forms.target)} phiếu`;
    if (f.forms.share !== null) t += ` (${viPercent(f.forms.share)})`;
    if (f.forms.belowTarget.length > 0) t += `, chưa đủ phiếu: ${names(f.forms.belowTarget, byCode)}`;
    parts.push(t);
  }
  if (f.survey) {
    let t = `điểm điều tra bình quân ${viHundredths(f.survey.averagePoints)}/${viHundredths(f.survey.averageMax)} điểm`;
    if (f.survey.share !== null) t += ` (đạt ${viPercent(f.survey.share)} số điểm tối đa)`;
    parts.push(t);
  }
  return parts.length > 0 ? `Điều tra xã hội học: ${parts.join('; ')}.` : null;
}

function fieldsText(f: Figures): string | null {
  if (f.fields.length === 0) return null;
  const parts = f.fields.map((x) => {
    const share = x.share === null ? '' : ` (${viPercent(x.share)})`;
    return `${x.title ?? `lĩnh vực ${x.code}`} ${viHundredths(x.averagePoints)}/${viHundredths(x.averageMax)} điểm${share}`;
  });
  return `Điểm bình quân theo lĩnh vực: ${parts.join('; ')}.`;
}

function lostText(f: Figures, nouns: string): string | null {
  if (f.lostItems.length === 0) return null;
  const parts = f.lostItems.map(
    (i) => `${i.code}${i.title ? ` ${i.title}` : ''} (bị trừ tổng cộng ${viHundredths(i.lost)} điểm, ${viCount(i.communesLosing)}/${viCount(i.communes)} ${nouns})`,
  );
  return `Các nội dung bị trừ nhiều điểm nhất: ${parts.join('; ')}.`;
}

function receiptText(f: Figures, byCode: Map<string, RankedCommune>): string | null {
  const s = f.submissions;
  if (!s) return null;
  let t = `Đã nhận hồ sơ của ${viCount(s.received)}/${viCount(s.tracked)} đơn vị`;
  if (s.deadline !== null) {
    t += s.late.length > 0 ? `; gửi sau hạn ${viDate(s.deadline)}: ${names(s.late, byCode)}` : `; tất cả gửi đúng hạn ${viDate(s.deadline)}`;
  }
  if (s.notReceived.length > 0) t += `; chưa gửi: ${names(s.notReceived, byCode)}`;
  return `${t}.`;
}

function footnote(report: Report): string {
  const { basis, rounding, groupOn } = report.ranking.options;
  const f = report.figures;
  const rule = rounding === 'half-up' ? 'làm tròn nửa lên (từ 5 trở lên thì làm tròn lên)' : 'bỏ các chữ số sau chữ số thập phân thứ hai (không làm tròn lên)';
  const parts = [
    `Chỉ số của từng đơn vị tính theo ${basis === 'self' ? 'điểm tự đánh giá (chưa thẩm định)' : 'điểm thẩm định'}, lấy 2 chữ số thập phân theo quy tắc ${rule}`,
    'chỉ số trung bình là trung bình cộng các chỉ số đã làm tròn, lấy 2 chữ số thập phân theo cùng quy tắc; mức tăng, giảm và chênh lệch với mức trung bình tính bằng điểm phần trăm (điểm %) từ các số đã làm tròn; tỷ lệ cao nhất/thấp nhất lấy 2 chữ số thập phân theo cùng quy tắc',
    `nhóm xếp theo ${groupOn === 'exact' ? 'chỉ số chưa làm tròn' : 'chỉ số đã làm tròn'}; các đơn vị bằng chỉ số thì cùng hạng và xếp theo thứ tự chữ cái`,
  ];
  if (f.lastYearMeanSource === 'published') parts.push('chỉ số trung bình năm trước lấy theo số đã công bố');
  if (f.lastYearMeanSource === 'computed') parts.push('chỉ số trung bình năm trước tính lại từ chỉ số năm trước của các đơn vị');
  return `Ghi chú: ${parts.join('; ')}.`;
}

export function reportParagraphs(report: Report): ReportText {
  const { ranking, figures: f } = report;
  const byCode = new Map(ranking.communes.map((c) => [c.code, c]));
  const ranked = ranking.communes.slice(0, ranking.rankedCount);
  const nouns = unitNoun(ranking.communes.map((c) => c.type));
  const paragraphs = [summary(report, nouns), ...groupLines(report, byCode, unitNoun(ranked.map((c) => c.type)))];
  if (f.unranked.length > 0) {
    const what = ranking.options.basis === 'self' ? 'chỉ số tự đánh giá' : 'chỉ số thẩm định';
    paragraphs.push(`${viCount(f.unranked.length)} ${unitNoun(f.unranked.map((c) => byCode.get(c)?.type ?? 'xa'))} chưa có ${what} nên chưa xếp hạng: ${names(f.unranked, byCode)}.`);
  }
  if (ranking.options.basis === 'appraised' && f.pendingAppraisal.communes.length > 0) {
    paragraphs.push(
      `Còn ${viCount(f.pendingAppraisal.items)} tiêu chí của ${viCount(f.pendingAppraisal.communes.length)} đơn vị giữ nguyên điểm tự chấm, chưa được thẩm định lại: ${names(f.pendingAppraisal.communes, byCode)}.`,
    );
  }
  for (const p of [surveyText(f, byCode), fieldsText(f), lostText(f, nouns), receiptText(f, byCode)]) if (p) paragraphs.push(p);
  return { paragraphs, footnote: footnote(report) };
}
