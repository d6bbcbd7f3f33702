// A stand-in for Electron's main-process module, for running the bundled shell under plain Node:
// it records what the shell asks of Electron, and plays the window's page the way the renderer
// does: with the launch token from the URL fragment it calls the core over its loopback transport.
'use strict';
const { tmpdir } = require('node:os');
const report = (what, value) => process.stdout.write(`fake-electron ${what} ${JSON.stringify(value)}\n`);

async function actAsPage(url) {
  const u = new URL(url);
  const token = new URLSearchParams(u.hash.slice(1)).get('token');
  const call = async (headers) => {
    const res = await fetch(`${u.origin}/rpc/session-info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
    return { status: res.status, body: await res.json() };
  };
  report('rpc', await call({ 'x-markettill-token': token }));
  report('rpc-without-token', await call({}));
}

class BrowserWindow {
  constructor(opts) {
    this.listeners = {};
    this.webContents = {
      on: (ev, fn) => (this.listeners[ev] = fn),
      setWindowOpenHandler: (fn) => (this.openHandler = fn),
    };
    report('window', opts.webPreferences);
  }
  async loadURL(url) {
    report('loadURL', url);
    await actAsPage(url).catch((err) => report('page-error', String(err)));
  }
  once() {}
  show() {}
}

module.exports = {
  app: {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    on: () => {},
    quit: () => process.exit(0),
    exit: (code) => {
      report('exit', code);
      process.exit(code);
    },
    getPath: () => tmpdir(),
  },
  BrowserWindow,
  // One screen, as on most tills: no customer-display window.
  screen: {
    getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }],
    getPrimaryDisplay: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }),
  },
  dialog: { showErrorBox: (title, content) => report('error-box', { title, content }) },
};
