import { join } from 'node:path';
import { startMain } from './start';

// The built layout: out/main/index.js beside out/renderer/ and out/preload/index.cjs.
void startMain({ rendererRoot: join(__dirname, '../renderer'), preload: join(__dirname, '../preload/index.cjs') });
