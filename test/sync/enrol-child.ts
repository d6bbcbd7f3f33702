// A till at its first start: enrols with the code given (the real enrolment, src-main/sync/enrol.ts) and
// says so. The test holds the server's answer at the fault proxy and kills this process while it waits.
import { openTerminalDb } from '../../src-main/store/db';
import { enrol } from '../../src-main/sync/enrol';

const [dir, serverUrl, code] = process.argv.slice(2);
if (!dir || !serverUrl || !code) throw new Error('usage: enrol-child DIR SERVER_URL CODE');
const db = openTerminalDb(dir);
process.stdout.write('enrolling\n');
void enrol(db, dir, serverUrl, code, { attempts: 1, backoff_ms: 0 }).then((who) =>
  process.stdout.write(`enrolled ${who.terminal_id}\n`),
);
