import { useCase } from '../../kernel/use-case';
import { listAudit } from './audit-repo';

export const readAuditLog = useCase('audit.list', {}, (app, filter: { entity?: string | undefined; limit?: number | undefined }) => listAudit(app.ctx, filter));
