import { useCase } from '../../kernel/use-case';
import { yearChecklist } from './checklist';

/** "Việc cần làm năm YYYY" on the commune's Home (the reviewing unit has its own board). */
export const checklist = useCase('home.checklist', { roles: ['commune'] }, (app) => yearChecklist(app.ctx, app.keys.status()));
