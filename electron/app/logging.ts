/** The app's log (kernel/log), for the process entries: electron/main and the CLI. */
export type { Logger } from '../kernel/log/logger';
export { createFileLogger, logsDir, nullLogger } from '../kernel/log/logger';
