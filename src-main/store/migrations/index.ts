/** The explicit, ordered migration list: index + 1 is the user_version it produces. */
import * as m001 from './001-init';

export const MIGRATIONS: readonly { up: string }[] = [m001];
