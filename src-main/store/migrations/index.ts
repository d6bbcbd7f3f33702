/** The explicit, ordered migration list: index + 1 is the user_version it produces. Never edit a shipped one. */
import * as m001 from './001-init';
import * as m002 from './002-tills';
import * as m003 from './003-tender-via';
import * as m004 from './004-tender-outcomes';
import * as m005 from './005-current-sale';
import * as m006 from './006-bargains';

export const MIGRATIONS: readonly { up: string }[] = [m001, m002, m003, m004, m005, m006];
