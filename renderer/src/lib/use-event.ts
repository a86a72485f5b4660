/** A screen listening to a main → renderer event (an import's progress), its payload typed; unsubscribed when the screen goes. */
import { useEffect, useRef } from 'react';
import type { EventName, EventPayloads } from '@shared/ipc/contract';
import { listen } from './api';

export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => listen(event, (payload) => latest.current(payload)), [event]);
}
