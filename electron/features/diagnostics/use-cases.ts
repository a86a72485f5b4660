import type { Destination } from '../../kernel/ports';
import { useCase } from '../../kernel/use-case';
import { writeSupportBundle } from './support-bundle';

/** Anyone, even before setup (a failed setup is when support is needed most), with or without the lock. */
export const supportBundle = useCase('diagnostics.supportBundle', {}, (app, input: { folder: Destination }) => writeSupportBundle(app, input.folder));
