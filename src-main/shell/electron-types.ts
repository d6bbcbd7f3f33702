/**
 * The slice of Electron's API the shell uses. The shell receives these objects
 * instead of importing 'electron', so it is unit-tested here with fakes, and
 * typechecks on machines where Electron's package is absent.
 */
export interface WebContentsLike {
  on(event: 'will-navigate', listener: (e: { preventDefault(): void }, url: string) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface BrowserWindowOptions {
  /** where on the desktop (the customer display's window goes on the second screen) */
  x?: number;
  y?: number;
  fullscreen?: boolean;
  frame?: boolean;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  backgroundColor: string;
  show: boolean;
  /** No preload: the page talks to the core over its authenticated loopback transport, like any browser. */
  webPreferences: {
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    webSecurity: true;
    spellcheck: false;
  };
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): void;
  show(): void;
}

/** One screen as Electron's screen module describes it. */
export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface ElectronMainLike {
  app: {
    isPackaged: boolean;
    whenReady(): Promise<void>;
    on(event: 'window-all-closed' | 'before-quit', listener: () => void): void;
    quit(): void;
    exit(code: number): void;
    getPath(name: 'userData'): string;
  };
  BrowserWindow: new (opts: BrowserWindowOptions) => BrowserWindowLike;
  screen: { getAllDisplays(): DisplayLike[]; getPrimaryDisplay(): DisplayLike };
  dialog: { showErrorBox(title: string, content: string): void };
}
