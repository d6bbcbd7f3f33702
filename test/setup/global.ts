/**
 * vitest globalSetup: what the suites need that is not a file in the repo. The PostgreSQL runs of
 * the server suite use MT_TEST_PG_URL when it is given, else a cluster started here for this run
 * (setup/postgres.ts) and stopped when the run ends. Suites read the URL with inject('pgAdminUrl').
 */
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL of a role that may create and drop databases. */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.MT_TEST_PG_URL;
  if (given) {
    project.provide('pgAdminUrl', given);
    return undefined;
  }
  const pg = await startTestPostgres();
  console.log(`PostgreSQL for this run: ${pg.version} on 127.0.0.1:${new URL(pg.url).port} (MT_TEST_PG_URL not set)`);
  project.provide('pgAdminUrl', pg.url);
  return () => pg.stop();
}
