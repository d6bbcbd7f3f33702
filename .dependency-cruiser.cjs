// The process boundaries of README.md's Layout table, and no import cycles, checked by
// `npm run lint` (depcruise). Tests (*.test.ts[x]) belong to the test process and may import
// anything; so does src-renderer's build config, which runs in Node.
const TEST = '\\.test\\.tsx?$';
const NOT_PRODUCT = [TEST, '^src-renderer/vite\\.config\\.ts$', '^src-renderer/test-support/'];
const OTHER_PROCESSES = {
  'src-main': ['^src-renderer/', '^src-server/', '^src-sim/'],
  'src-renderer': ['^src-main/', '^src-server/', '^src-sim/'],
  'src-server': ['^src-main/', '^src-renderer/', '^src-sim/'],
  'src-sim': ['^src-main/', '^src-renderer/', '^src-server/'],
};

/** A folder of the product may import only `shared/` and its own files (and packages). */
const processRules = Object.entries(OTHER_PROCESSES).map(([folder, others]) => ({
  name: `${folder}-imports-only-shared`,
  comment: `${folder}/ may import shared/, never another process (README.md, Layout).`,
  severity: 'error',
  from: { path: `^${folder}/`, pathNot: NOT_PRODUCT },
  to: { path: [...others, '^test/', '^bin/', '^bench/'] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles hide which module owns what; split the shared part out instead.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ imports nothing from Node, Electron, the DOM-bound packages or another process.',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: {
        path: [
          '^src-',
          '^test/',
          '^bin/',
          '^bench/',
          '^node_modules/(electron|react|react-dom|better-sqlite3|serialport)/',
        ],
      },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ runs in the renderer too: no Node built-ins.',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a sandboxed page: no Node built-ins, no Electron, no native modules.',
      severity: 'error',
      from: { path: '^src-renderer/', pathNot: NOT_PRODUCT },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-native-or-electron',
      severity: 'error',
      from: { path: '^src-renderer/', pathNot: NOT_PRODUCT },
      to: { path: '^node_modules/(electron|better-sqlite3|serialport)/' },
    },
    {
      name: 'server-and-sim-no-electron',
      severity: 'error',
      from: { path: '^src-(server|sim)/' },
      to: { path: '^node_modules/electron/' },
    },
    ...processRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|build|dist|\\.data|test-artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
    },
  },
};
