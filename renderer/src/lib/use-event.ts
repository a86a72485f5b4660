/** A screen listening to a main → renderer event (an import's progress), its payload typed; unsubscribed when the screen goes. */
import { useEffect, useRef } from 'react';
import type { EventName, EventPayloads } from '@shared/ipc/contract';
import { droppedFilesToken, listen } from './api';

export { droppedFilesToken };

export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => listen(event, (payload) => latest.current(payload)), [event]);
}
