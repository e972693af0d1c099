import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/contract';

// window.api holds the contract's methods and nothing else: no ipcRenderer, no Node.
contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
