/** A moment as staff read it: the market's time zone, 24-hour clock. */
import { DEFAULT_TIME_ZONE } from '../../shared/time';

export const formatWhen = (ms: number): string =>
  new Date(ms).toLocaleString('zh-CN', { timeZone: DEFAULT_TIME_ZONE, hour12: false });
