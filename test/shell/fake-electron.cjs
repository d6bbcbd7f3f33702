// A stand-in for Electron's main-process module, for running the bundled shell under plain Node:
// it records what the shell asks of Electron and calls the IPC handler the way a renderer would.
'use strict';
const { tmpdir } = require('node:os');
const handlers = new Map();
const windows = [];
const report = (what, value) => process.stdout.write(`fake-electron ${what} ${JSON.stringify(value)}\n`);

class BrowserWindow {
  constructor(opts) {
    this.opts = opts;
    this.listeners = {};
    this.webContents = {
      on: (ev, fn) => (this.listeners[ev] = fn),
      setWindowOpenHandler: (fn) => (this.openHandler = fn),
      send: (channel, event) => report('event', { channel, event }),
      isDestroyed: () => false,
    };
    windows.push(this);
    report('window', opts.webPreferences);
  }
  async loadFile(path) {
    report('loadFile', path);
    const handle = handlers.get('markettill:rpc');
    const frame = { senderFrame: { url: `file://${path}` } };
    report('rpc', await handle(frame, 'session-info', {}));
    report('rpc-untrusted', await handle({ senderFrame: { url: 'https://evil.example/' } }, 'session-info', {}));
  }
  once() {}
  show() {}
}

module.exports = {
  app: {
    whenReady: () => Promise.resolve(),
    on: () => {},
    quit: () => process.exit(0),
    getPath: () => tmpdir(),
  },
  BrowserWindow,
  ipcMain: { handle: (channel, fn) => handlers.set(channel, fn) },
};
