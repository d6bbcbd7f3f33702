/**
 * vitest globalSetup: what the suites need that is not a file in the repo. The PostgreSQL runs of
 * the server suite use MT_TEST_PG_URL when it is given, else a cluster started here for this run
 * (setup/postgres.ts) and stopped when the run ends. Suites read it with inject('pgAdmin'); when the
 * cluster cannot start, only the suites that use it fail, with the reason.
 */
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL of a role that may create and drop databases, or why there is none. */
    pgAdmin: { url: string } | { error: string };
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.MT_TEST_PG_URL;
  if (given) {
    project.provide('pgAdmin', { url: given });
    return undefined;
  }
  try {
    const pg = await startTestPostgres();
    console.log(
      `PostgreSQL for this run: ${pg.version} on 127.0.0.1:${new URL(pg.url).port} (MT_TEST_PG_URL not set)`,
    );
    project.provide('pgAdmin', { url: pg.url });
    return () => pg.stop();
  } catch (err) {
    project.provide('pgAdmin', { error: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}
