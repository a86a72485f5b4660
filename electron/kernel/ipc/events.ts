import type { EventName, EventPayloads } from '../../../shared/ipc/contract';

/**
 * Main → renderer notifications (the menu's navigation, an import's progress): the window sends
 * them to its web contents, the e2e harness to the page, the command line nowhere. The preload
 * forwards only the declared EVENTS.
 */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export const emitNowhere: EmitEvent = () => undefined;
