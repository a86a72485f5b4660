import { pathToFileURL } from 'node:url';
import { frameworkCommand, frameworkHelp } from '../../features/framework/commands';
import { enrolCommand, enrolHelp } from '../../features/enrolment/commands';
import { initCommand, initHelp } from '../../features/setup/commands';
import { finaliseCommand, finaliseHelp, reopenCommand } from '../../features/assessment/lock-commands';
import { loadCommand, loadHelp } from '../../features/assessment/commands';
import { keysCommand, keysHelp } from '../../features/keys/commands';
import { exportCommand, exportHelp, verifyCommand, verifyHelp } from '../../features/export/commands';
import { surveyCommand, surveyHelp } from '../../features/survey/commands';
import type { CliIO } from '../../kernel/commands/io';
import { processIO, reportError, UsageError } from '../../kernel/commands/io';

type Command = (args: string[], io: CliIO) => Promise<number>;

/** Each command: its runner and its help text. Add new commands here. */
const COMMANDS: Record<string, { run: Command; help: string }> = {
  init: { run: initCommand, help: initHelp },
  framework: { run: frameworkCommand, help: frameworkHelp },
  load: { run: loadCommand, help: loadHelp },
  finalise: { run: finaliseCommand, help: finaliseHelp },
  reopen: { run: reopenCommand, help: '' },
  keys: { run: keysCommand, help: keysHelp },
  enrol: { run: enrolCommand, help: enrolHelp },
  export: { run: exportCommand, help: exportHelp },
  verify: { run: verifyCommand, help: verifyHelp },
  survey: { run: surveyCommand, help: surveyHelp },
};

export function helpText(): string {
  return ['chiso — Chỉ số CCHC cấp xã, giao diện dòng lệnh', '', ...Object.values(COMMANDS).map((c) => c.help).filter(Boolean), ''].join('\n');
}

/** Run one command line; returns the exit code (0 ok, 1 refused/invalid, 2 usage). */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`không có lệnh "${name}"`);
    return await command.run(args, io);
  } catch (err) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const code = (err as { code?: string }).code ?? '';
    if (err instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      reportError(io, err instanceof UsageError ? err : new UsageError((err as Error).message));
      return 2;
    }
    reportError(io, err);
    return 1;
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
