/**
 * File names that came from somewhere else (a file a person attached, a name inside a package),
 * made safe to show and to write on any of the systems the app runs on, and the rule for which
 * files the app may hand to the system to open. Pure: used by main and by the features.
 */

/** Longest name kept, in characters (Windows allows 255 UTF-16 units per path component). */
export const MAX_FILE_NAME = 150;

// C0 and C1 controls, DEL, zero-width characters, bidi controls (a "Kế hoạch\u202Efdp.exe" shows as
// "Kế hoạchexe.pdf"), line and paragraph separators, the BOM.
// eslint-disable-next-line no-control-regex -- the class lists control characters on purpose, to remove them
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;
// Path separators and what Windows refuses in a name.
const FORBIDDEN = /[/\\<>:"|?*]/gu;
// Device names Windows reserves, with any extension ("CON.pdf" opens the console).
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/iu;

/**
 * A name safe as one path component everywhere: no separators, no control, bidi or zero-width
 * characters, none of Windows' forbidden characters or reserved device names, no leading dot (a
 * hidden file), no trailing dot or space, at most MAX_FILE_NAME characters with the extension kept.
 */
export function safeFileName(name: string, fallback = 'tep'): string {
  let s = name.normalize('NFC').replace(HIDDEN, '').replace(FORBIDDEN, '_').replace(/\s+/gu, ' ').trim();
  s = s.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
  const dot = s.lastIndexOf('.');
  let base = dot > 0 ? s.slice(0, dot) : s;
  let ext = dot > 0 ? s.slice(dot) : '';
  if (ext.length > 16) {
    base = s;
    ext = '';
  }
  if (base === '') base = fallback;
  if (RESERVED.test(base.split('.')[0]!.trim())) base = `_${base}`;
  const chars = [...base];
  if (chars.length + ext.length > MAX_FILE_NAME) base = chars.slice(0, Math.max(1, MAX_FILE_NAME - ext.length)).join('').trimEnd();
  return `${base}${ext}`;
}

/**
 * Extensions of files that run something when "opened" on Windows, macOS or a Linux desktop:
 * programs, scripts, installers, shortcuts, HTML applications, disk images. The app never hands
 * such a file to the system.
 */
export const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'msc', 'dll', 'sys', 'drv', 'ocx',
  'bat', 'cmd', 'ps1', 'ps1xml', 'psm1', 'psd1', 'psc1', 'vb', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'ws', 'wsf', 'wsc', 'wsh', 'hta',
  'lnk', 'url', 'scf', 'inf', 'reg', 'application', 'appref-ms', 'gadget', 'jar', 'jnlp', 'msix', 'appx', 'appxbundle', 'msixbundle',
  'settingcontent-ms', 'library-ms', 'searchconnector-ms', 'diagcab', 'chm', 'iso', 'img', 'vhd', 'vhdx',
  'sh', 'bash', 'zsh', 'csh', 'ksh', 'command', 'run', 'bin', 'desktop', 'appimage', 'deb', 'rpm', 'py', 'pyw', 'pl', 'rb', 'php',
  'app', 'pkg', 'dmg', 'workflow', 'action', 'terminal', 'tool',
]);

/** Whether the system would run something if asked to open this name (by its last extension). */
export function isExecutableName(name: string): boolean {
  const base = name.split(/[/\\]/u).pop() ?? '';
  const cleaned = base.replace(HIDDEN, '').replace(/[.\s]+$/u, '').toLowerCase();
  const dot = cleaned.lastIndexOf('.');
  return dot >= 0 && EXECUTABLE_EXTENSIONS.has(cleaned.slice(dot + 1));
}

/**
 * Whether the app may hand this file to the system's default program: it has an extension (a
 * name without one may be a program on Linux) and that extension is not an executable one.
 */
export function isOpenableName(name: string): boolean {
  const base = (name.split(/[/\\]/u).pop() ?? '').replace(HIDDEN, '').replace(/[.\s]+$/u, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 && !isExecutableName(base);
}
