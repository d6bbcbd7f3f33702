/** Operations: liveness and this API's own OpenAPI document. */
import { z } from 'zod';
import { PUBLIC, defineApi } from './route';

export const opsApi = {
  healthz: defineApi({
    id: 'healthz',
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness and database reachability',
    tag: 'ops',
    auth: PUBLIC,
    response: z.object({ ok: z.literal(true) }),
  }),
  openapi: defineApi({
    id: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    summary: 'This document: every route, its schemas, statuses, roles and stall scoping',
    tag: 'ops',
    auth: PUBLIC,
    response: z.record(z.string(), z.unknown()),
  }),
};
