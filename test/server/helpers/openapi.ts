/** Reading our own /openapi.json the way an outside client would: the list of operations, their roles and scoping, and filled-in paths. */
export interface Op {
  method: string;
  path: string;
  operationId: string;
  staff: boolean;
  terminal: boolean;
  roles: string[];
  scoped: string[];
  pathParams: string[];
  queryParams: { name: string; required: boolean }[];
  example: unknown;
}

type RawOp = {
  operationId: string;
  security?: Record<string, unknown>[];
  'x-roles'?: string[];
  'x-stall-scoped'?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: { 'application/json': { example?: unknown } } };
};

export function operations(doc: unknown): Op[] {
  const paths = (doc as { paths: Record<string, Record<string, RawOp>> }).paths;
  const ops: Op[] = [];
  for (const [path, byMethod] of Object.entries(paths)) {
    for (const [method, o] of Object.entries(byMethod)) {
      const schemes = (o.security ?? []).flatMap((s) => Object.keys(s));
      ops.push({
        method: method.toUpperCase(),
        path,
        operationId: o.operationId,
        staff: schemes.includes('staffSession'),
        terminal: schemes.includes('terminalSignature'),
        roles: o['x-roles'] ?? [],
        scoped: o['x-stall-scoped'] ?? [],
        pathParams: (o.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (o.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true })),
        example: o.requestBody?.content['application/json'].example,
      });
    }
  }
  return ops;
}

/** The op's URL with path parameters (and required query parameters) filled from `values`. */
export function urlFor(op: Op, values: Record<string, string>, fallback = 'X'): string {
  const path = op.path.replace(/\{([A-Za-z_]+)\}/g, (_m, name: string) =>
    encodeURIComponent(values[name] ?? fallback),
  );
  const q = op.queryParams
    .filter((p) => p.required || p.name in values)
    .map((p) => `${p.name}=${encodeURIComponent(values[p.name] ?? fallback)}`);
  return q.length > 0 ? `${path}?${q.join('&')}` : path;
}

/** Every string leaf of a JSON value, by path, with a function that rebuilds the value with that leaf replaced. */
export function stringLeaves(
  v: unknown,
  set: (x: unknown) => unknown = (x) => x,
): { path: string; replace: (s: string) => unknown }[] {
  if (typeof v === 'string') return [{ path: '', replace: (s) => set(s) }];
  if (Array.isArray(v))
    return v.flatMap((x, i) =>
      stringLeaves(x, (nx) => set(v.map((y, j) => (j === i ? nx : y)))).map((l) => ({
        ...l,
        path: `[${i}]${l.path}`,
      })),
    );
  if (v && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) =>
      stringLeaves(x, (nx) => set({ ...v, [k]: nx })).map((l) => ({ ...l, path: `.${k}${l.path}` })),
    );
  }
  return [];
}
