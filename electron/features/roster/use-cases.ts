import { useCase } from '../../kernel/use-case';
import type { RosterTableRow } from './roster-file';
import { addCommune, allDeadlines, editCommune, removeCommune, importRoster, listCommunes, previewRoster, renameCommune, setCommuneActive, setCommuneType, setDeadline } from './roster';

const REVIEWER = { roles: ['reviewer'] } as const;

/** Every commune of the unit, in Vietnamese alphabetical order. */
export const communes = useCase('roster.list', REVIEWER, (app, input: { activeOnly?: boolean } | undefined) => listCommunes(app.ctx, input ?? {}));

/** What importing a roster file would do to every row; writes nothing. */
export const previewRosterImport = useCase('roster.preview', REVIEWER, (app, input: { rows: readonly RosterTableRow[] }) => previewRoster(app.ctx, input.rows));

/** Import a roster file: all rows or none (ROSTER_INVALID lists every refused row). */
export const importRosterFile = useCase('roster.import', REVIEWER, (app, input: { rows: readonly RosterTableRow[] }) => importRoster(app.ctx, input.rows));

export const addOneCommune = useCase('roster.add', REVIEWER, (app, input: { code: string; name: string; type: string }) => addCommune(app.ctx, input));
export const renameOneCommune = useCase('roster.rename', REVIEWER, (app, input: { code: string; name: string }) => renameCommune(app.ctx, input.code, input.name));
export const retypeOneCommune = useCase('roster.retype', REVIEWER, (app, input: { code: string; type: string }) => setCommuneType(app.ctx, input.code, input.type));
export const setCommuneActivity = useCase('roster.setActive', REVIEWER, (app, input: { code: string; active: boolean }) => setCommuneActive(app.ctx, input.code, input.active));

export const setReportDeadline = useCase('roster.deadline', REVIEWER, (app, input: { year: number; deadline: string }) => setDeadline(app.ctx, input.year, input.deadline));
export const reportDeadlines = useCase('roster.deadlines', REVIEWER, (app) => allDeadlines(app.ctx));

/** Name, type and active at once (the roster screen's edit). */
export const editOneCommune = useCase('roster.edit', REVIEWER, (app, input: { code: string; name?: string | undefined; type?: string | undefined; active?: boolean | undefined }) => editCommune(app.ctx, input));
/** A commune added by mistake, while nothing names it (COMMUNE_IN_USE otherwise). */
export const removeOneCommune = useCase('roster.remove', REVIEWER, (app, input: { code: string }) => removeCommune(app.ctx, input.code));
