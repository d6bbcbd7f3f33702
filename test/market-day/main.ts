/** `npm run soak:market-day`: the full market day (size and seed from the environment, see env.ts); its last line is the JSON line. */
import { dayConfigFromEnv } from './env';
import { runMarketDay } from './run';

const r = await runMarketDay(dayConfigFromEnv());
console.log(JSON.stringify(r.line));
process.exit(r.line.failed_checks > 0 ? 1 : 0);
