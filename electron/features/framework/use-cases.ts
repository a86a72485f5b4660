import type { Framework } from '../../../shared/framework/schema';
import { ANY_ROLE } from '../../kernel/policy';
import { useCase } from '../../kernel/use-case';
import { activeFramework } from './active';
import { readFrameworkFile } from './frameworks';
import { previewReplaceFramework, replaceFramework } from './replace';

/** A framework file the user chose, read and validated (before setup too: setup may use it). */
export const readFramework = useCase('framework.read', {}, (_app, input: { path: string }) => readFrameworkFile(input.path));

export const frameworkInUse = useCase('framework.active', { roles: ANY_ROLE }, (app) => activeFramework(app.ctx).framework);

export const previewReplace = useCase('framework.previewReplace', { roles: ANY_ROLE }, (app, input: { framework: Framework }) =>
  previewReplaceFramework(app.ctx, input.framework),
);

/** A finalised self-assessment is what gets exported: switching frameworks under it would bypass the lock. */
export const replace = useCase('framework.replace', { roles: ANY_ROLE, lock: true }, (app, input: { framework: Framework }) =>
  replaceFramework(app.ctx, input.framework),
);
