import pkg from '../../../package.json';

/** The app version the CLI writes into packages (the same package.json Electron reads). */
export const CLI_APP_VERSION: string = pkg.version;
