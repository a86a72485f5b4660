import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Api } from '../../shared/ipc/api';
import { buildApi } from '../../shared/ipc/api';
import { CHANNELS, EVENTS } from '../../shared/ipc/contract';

// Exactly one function per channel of the contract, plus `on` for the declared main → renderer
// events. ipcRenderer itself is never exposed. Only the name lists are bundled from the contract
// (see electron.vite.config.ts), so this sandboxed script needs nothing but Electron.
const api: Api = buildApi(
  CHANNELS,
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    // The renderer is not trusted to pass a declared event: check the name at run time too.
    if (!EVENTS.includes(event)) return () => undefined;
    const wrapped = (_e: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
);

// A drop: the paths come from Electron (a File the page made has none), go to main on a channel
// the renderer's api does not have, and come back as a one-shot token (electron/main/drop.ts).
api.pathsForDroppedFiles = async (files) => {
  const paths = Array.from(files, (f) => webUtils.getPathForFile(f)).filter((p) => p !== '');
  if (paths.length === 0) return null;
  return (await ipcRenderer.invoke('drop:hold', paths)) as string | null;
};

contextBridge.exposeInMainWorld('api', api);
