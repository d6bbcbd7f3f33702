/** Preload entry, bundled to CommonJS by build.mjs: a sandboxed preload may only require 'electron'. */
import type { ElectronPreloadLike } from './electron-types';
import { exposeApi } from './preload-api';

// eslint-disable-next-line @typescript-eslint/no-require-imports
exposeApi(require('electron') as ElectronPreloadLike);
