/**
 * The printed enrolment and key rotation forms (phiếu đăng ký / đổi khóa ký): A4 HTML that
 * Chromium prints to PDF. The fingerprint is what the reviewing unit compares with the file,
 * group by group, so it is large, monospaced, and also a QR code. Signature and stamp boxes make
 * it an official paper.
 */
import QRCode from 'qrcode';
import type { EnrolmentRequest, KeyRotation } from '../../../shared/package/envelope';
import { escapeHtml as esc, viDate } from '../../kernel/files/html';

/** One printed paper form (enrolment or rotation): the same layout, the fingerprint large and as a QR code. */
interface PaperForm {
  /** Document title (followed by the unit's name). */
  title: string;
  heading: string;
  sub: string;
  unit: { name: string; code: string; provinceCode: string };
  facts: { label: string; value: string; bold?: boolean }[];
  fingerprintLabel: string;
  fingerprint: string;
  note: string;
  officerName: string;
  foot: string;
}

async function paperFormHtml(f: PaperForm): Promise<string> {
  const qr = await QRCode.toString(f.fingerprint, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const groups = f.fingerprint.split('-');
  const rows = [groups.slice(0, 5), groups.slice(5, 10), groups.slice(10)].map((g) => `<div>${g.join('&nbsp;&nbsp;')}</div>`).join('');
  const facts = f.facts.map((x) => `<tr><td>${esc(x.label)}</td><td>${x.bold ? `<b>${esc(x.value)}</b>` : esc(x.value)}</td></tr>`).join('\n    ');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(f.title)} — ${esc(f.unit.name)}</title>
<style>
  @page { size: A4; margin: 18mm 18mm 16mm 18mm; }
  body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; color: #000; margin: 0; }
  .head { display: flex; justify-content: space-between; text-align: center; font-size: 12pt; }
  .head > div:first-child { width: 40%; } .head > div:last-child { width: 58%; } .head b { display: block; white-space: nowrap; }
  h1 { text-align: center; font-size: 16pt; margin: 14mm 0 2mm; text-transform: uppercase; }
  .sub { text-align: center; font-style: italic; margin-bottom: 8mm; }
  table.facts { border-collapse: collapse; width: 100%; margin-bottom: 6mm; }
  table.facts td { padding: 1.5mm 2mm; vertical-align: top; } table.facts td:first-child { width: 42%; }
  .fp { display: flex; gap: 8mm; align-items: center; border: 1.5pt solid #000; padding: 5mm; margin: 4mm 0 6mm; }
  .fp .code { font-family: "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace; font-size: 19pt; font-weight: bold; line-height: 1.6; letter-spacing: 0.5pt; }
  .fp svg { width: 38mm; height: 38mm; flex: none; }
  .fp .label { font-size: 11pt; margin-bottom: 2mm; }
  .note { font-size: 11pt; margin-bottom: 8mm; }
  .sign { display: flex; justify-content: space-between; text-align: center; }
  .sign > div { width: 46%; } .box { height: 32mm; border: 0.75pt dashed #555; margin-top: 3mm; }
  .foot { position: fixed; bottom: 0; left: 0; right: 0; font-size: 9pt; color: #444; text-align: center; }
</style></head>
<body>
  <div class="head">
    <div><b>${esc(f.unit.name.toUpperCase())}</b>Mã xã: ${esc(f.unit.code)} — Mã tỉnh: ${esc(f.unit.provinceCode)}</div>
    <div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><u>Độc lập - Tự do - Hạnh phúc</u></div>
  </div>
  <h1>${esc(f.heading)}</h1>
  <div class="sub">${esc(f.sub)}</div>
  <table class="facts">
    ${facts}
  </table>
  <div class="fp" data-testid="fingerprint">
    ${qr}
    <div><div class="label">${esc(f.fingerprintLabel)}</div><div class="code">${rows}</div></div>
  </div>
  <p class="note">${esc(f.note)}</p>
  <div class="sign">
    <div><b>Người lập phiếu</b><br><i>(ký, ghi rõ họ tên)</i><div class="box"></div>${esc(f.officerName)}</div>
    <div><b>Chủ tịch Ủy ban nhân dân</b><br><i>(ký tên, đóng dấu)</i><div class="box"></div></div>
  </div>
  <div class="foot">${esc(f.foot)}</div>
</body></html>`;
}

export function enrolmentFormHtml(request: EnrolmentRequest, fingerprint: string, reviewerCode: string): Promise<string> {
  return paperFormHtml({
    title: 'Phiếu đăng ký khóa ký',
    heading: 'Phiếu đăng ký khóa ký số',
    sub: `dùng để ký hồ sơ Chỉ số cải cách hành chính gửi đơn vị thẩm định (mã ${reviewerCode})`,
    unit: request.commune,
    facts: [
      { label: 'Tên xã, phường, đặc khu:', value: request.commune.name, bold: true },
      { label: 'Mã đơn vị hành chính:', value: request.commune.code },
      { label: 'Người lập:', value: `${request.officer.name} — ${request.officer.title}` },
      { label: 'Mã khóa (key id):', value: request.key.keyId },
      { label: 'Ngày lập đề nghị:', value: `${viDate(request.createdAt)}; hiệu lực từ ${viDate(request.validFrom)}` },
      { label: 'Mã đề nghị:', value: request.requestId },
    ],
    fingerprintLabel: 'Dấu vân tay khóa (đối chiếu từng nhóm 4 ký tự với tệp đề nghị đăng ký):',
    fingerprint,
    note: 'Đơn vị thẩm định chỉ duyệt khóa khi dấu vân tay trên phiếu này (có chữ ký, đóng dấu) trùng khớp với dấu vân tay hiển thị khi mở tệp đề nghị đăng ký. Phiếu không chứa khóa bí mật.',
    officerName: request.officer.name,
    foot: `Chỉ số CCHC — phiếu đăng ký khóa ký, đề nghị ${request.requestId}`,
  });
}

/**
 * The printed key rotation form (phiếu đổi khóa ký): the NEW key's fingerprint, signed and
 * stamped, which the reviewing unit compares before it approves the rotation. The statement's
 * own signatures (old and new key) are not enough: whoever stole the old key could make them.
 */
export function rotationFormHtml(input: {
  rotation: KeyRotation;
  statementSha256: string;
  newFingerprint: string;
  unit: { name: string; code: string; provinceCode: string };
  officer: { name: string; title: string };
  reviewerCode: string;
}): Promise<string> {
  const { rotation } = input;
  return paperFormHtml({
    title: 'Phiếu đổi khóa ký',
    heading: 'Phiếu đổi khóa ký số',
    sub: `đề nghị đơn vị thẩm định (mã ${input.reviewerCode}) thay khóa ký hồ sơ Chỉ số cải cách hành chính của xã`,
    unit: input.unit,
    facts: [
      { label: 'Tên xã, phường, đặc khu:', value: input.unit.name, bold: true },
      { label: 'Mã đơn vị hành chính:', value: input.unit.code },
      { label: 'Người lập:', value: `${input.officer.name} — ${input.officer.title}` },
      { label: 'Khóa đang dùng (mã khóa):', value: rotation.oldKeyId },
      { label: 'Khóa mới (mã khóa):', value: rotation.newKey.keyId, bold: true },
      { label: 'Ngày lập; hiệu lực từ:', value: `${viDate(rotation.createdAt)}; ${viDate(rotation.effectiveFrom)}` },
      { label: 'Mã văn bản đổi khóa:', value: input.statementSha256.slice(0, 16).toUpperCase() },
    ],
    fingerprintLabel: 'Dấu vân tay khóa MỚI (đối chiếu từng nhóm 4 ký tự với văn bản đổi khóa):',
    fingerprint: input.newFingerprint,
    note: 'Đơn vị thẩm định chỉ duyệt đổi khóa khi dấu vân tay khóa mới trên phiếu này (có chữ ký, đóng dấu) trùng khớp với dấu vân tay hiển thị khi mở văn bản đổi khóa; chữ ký của khóa cũ trên văn bản không đủ. Cho đến khi có tệp duyệt, xã vẫn ký hồ sơ bằng khóa đang dùng. Phiếu không chứa khóa bí mật.',
    officerName: input.officer.name,
    foot: `Chỉ số CCHC — phiếu đổi khóa ký, văn bản ${input.statementSha256.slice(0, 16).toUpperCase()}`,
  });
}
