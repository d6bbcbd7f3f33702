/** The explicit, ordered migration list: index + 1 is the user_version it produces. Never edit a shipped one. */
import * as m001 from './001-init';
import * as m002 from './002-tills';
import * as m003 from './003-tender-via';

export const MIGRATIONS: readonly { up: string }[] = [m001, m002, m003];
