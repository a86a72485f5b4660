import { describe, expect, it } from 'vitest';
import { isExecutableName, isOpenableName, MAX_FILE_NAME, safeFileName } from './file-name';

describe('safeFileName', () => {
  it('keeps an ordinary Vietnamese name as it is (NFC)', () => {
    expect(safeFileName('Kế hoạch CCHC 2026.pdf')).toBe('Kế hoạch CCHC 2026.pdf');
    expect(safeFileName('Ke\u0302\u0301 hoa\u0323ch.pdf')).toBe('Kế hoạch.pdf');
  });

  it.each([
    ['..\\..\\Windows\\evil.pdf', '_.._Windows_evil.pdf'],
    ['../../etc/passwd.pdf', '_.._etc_passwd.pdf'],
    ['a/b\\c.pdf', 'a_b_c.pdf'],
    ['C:\\Users\\lan\\bb.pdf', 'C__Users_lan_bb.pdf'],
  ])('path separators: %s → %s', (input, out) => {
    expect(safeFileName(input)).toBe(out);
    expect(safeFileName(input)).not.toMatch(/[/\\]/u);
  });

  it('drops control, bidi and zero-width characters', () => {
    expect(safeFileName('Kế hoạch\u202Efdp.exe')).toBe('Kế hoạchfdp.exe');
    expect(safeFileName('a\u0000b\u001b[2Kc\r\n.pdf')).toBe('ab[2Kc.pdf');
    expect(safeFileName('bi\u200bên\u2066 bản\u0085.pdf')).toBe('biên bản.pdf');
  });

  it('Windows: forbidden characters, reserved device names, trailing dots and spaces, leading dots', () => {
    expect(safeFileName('a<b>c:d"e|f?g*.pdf')).toBe('a_b_c_d_e_f_g_.pdf');
    for (const n of ['CON.pdf', 'con.pdf', 'NUL', 'Com1.docx', 'LPT9.xls', 'aux.tar.pdf', 'COM¹.pdf']) expect(safeFileName(n)).toMatch(/^_/u);
    expect(safeFileName('CONTRACT.pdf')).toBe('CONTRACT.pdf');
    expect(safeFileName('bien ban.pdf. . ')).toBe('bien ban.pdf');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('...')).toBe('tep');
    expect(safeFileName('')).toBe('tep');
  });

  it('bounds the length and keeps the extension', () => {
    const long = safeFileName(`${'Báo cáo '.repeat(60)}.docx`);
    expect([...long].length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(long.endsWith('.docx')).toBe(true);
  });
});

describe('what the app hands to the system to open', () => {
  it.each(['a.exe', 'A.EXE', 'x.bat', 'x.cmd', 'x.js', 'x.vbs', 'x.ps1', 'x.lnk', 'x.scr', 'x.msi', 'x.hta', 'x.jar', 'x.url', 'x.desktop', 'x.sh', 'x.appimage', 'x.pdf.exe', 'x.exe.', 'x.exe ', 'x.ex\u200be', '/tmp/a/x.com'])('refuses %s', (n) => {
    expect(isExecutableName(n) || !isOpenableName(n)).toBe(true);
    expect(isOpenableName(n)).toBe(false);
  });
  it.each(['a.pdf', 'b.docx', 'c.xlsx', 'd.png', 'e.jpg', 'f.odt', 'mẫu đăng ký.html', 'thu.eml', '/tmp/x/Kế hoạch.pdf'])('opens %s', (n) => {
    expect(isOpenableName(n)).toBe(true);
  });
  it('refuses a name without an extension (a program on Linux)', () => {
    expect(isOpenableName('/tmp/x/run')).toBe(false);
    expect(isOpenableName('noext.')).toBe(false);
  });
});
