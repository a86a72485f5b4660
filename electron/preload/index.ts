import { contextBridge, ipcRenderer } from 'electron';
import type { Api } from '../../shared/ipc/api';
import { buildApi } from '../../shared/ipc/api';
import { CHANNELS, EVENTS } from '../../shared/ipc/channels';

// Exactly one function per channel, plus `on` for the declared main → renderer events.
// ipcRenderer itself is never exposed.
const api: Api = buildApi(
  CHANNELS,
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    if (!(EVENTS as readonly string[]).includes(event)) return () => undefined;
    const wrapped = (_e: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
);

contextBridge.exposeInMainWorld('api', api);
