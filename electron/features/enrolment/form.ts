/**
 * The printed enrolment form (phiếu đăng ký khóa ký): A4 HTML that Chromium prints to PDF. The
 * fingerprint is what the reviewing unit compares with the request file, group by group, so it is
 * large, monospaced, and also a QR code. Signature and stamp boxes make it an official paper.
 */
import QRCode from 'qrcode';
import type { EnrolmentRequest } from '../../../shared/package/envelope';
import { escapeHtml as esc, viDate } from '../../kernel/files/html';

export async function enrolmentFormHtml(request: EnrolmentRequest, fingerprint: string, reviewerCode: string): Promise<string> {
  const qr = await QRCode.toString(fingerprint, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const groups = fingerprint.split('-');
  const rows = [groups.slice(0, 5), groups.slice(5, 10), groups.slice(10)].map((g) => `<div>${g.join('&nbsp;&nbsp;')}</div>`).join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Phiếu đăng ký khóa ký — ${esc(request.commune.name)}</title>
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
    <div><b>${esc(request.commune.name.toUpperCase())}</b>Mã xã: ${esc(request.commune.code)} — Mã tỉnh: ${esc(request.commune.provinceCode)}</div>
    <div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><u>Độc lập - Tự do - Hạnh phúc</u></div>
  </div>
  <h1>Phiếu đăng ký khóa ký số</h1>
  <div class="sub">dùng để ký hồ sơ Chỉ số cải cách hành chính gửi đơn vị thẩm định (mã ${esc(reviewerCode)})</div>
  <table class="facts">
    <tr><td>Tên xã, phường, đặc khu:</td><td><b>${esc(request.commune.name)}</b></td></tr>
    <tr><td>Mã đơn vị hành chính:</td><td>${esc(request.commune.code)}</td></tr>
    <tr><td>Người lập:</td><td>${esc(request.officer.name)} — ${esc(request.officer.title)}</td></tr>
    <tr><td>Mã khóa (key id):</td><td>${esc(request.key.keyId)}</td></tr>
    <tr><td>Ngày lập đề nghị:</td><td>${viDate(request.createdAt)}; hiệu lực từ ${viDate(request.validFrom)}</td></tr>
    <tr><td>Mã đề nghị:</td><td>${esc(request.requestId)}</td></tr>
  </table>
  <div class="fp" data-testid="fingerprint">
    ${qr}
    <div><div class="label">Dấu vân tay khóa (đối chiếu từng nhóm 4 ký tự với tệp đề nghị đăng ký):</div><div class="code">${rows}</div></div>
  </div>
  <p class="note">Đơn vị thẩm định chỉ duyệt khóa khi dấu vân tay trên phiếu này (có chữ ký, đóng dấu) trùng khớp với dấu vân tay hiển thị khi mở tệp đề nghị đăng ký. Phiếu không chứa khóa bí mật.</p>
  <div class="sign">
    <div><b>Người lập phiếu</b><br><i>(ký, ghi rõ họ tên)</i><div class="box"></div>${esc(request.officer.name)}</div>
    <div><b>Chủ tịch Ủy ban nhân dân</b><br><i>(ký tên, đóng dấu)</i><div class="box"></div></div>
  </div>
  <div class="foot">Chỉ số CCHC — phiếu đăng ký khóa ký, đề nghị ${esc(request.requestId)}</div>
</body></html>`;
}
