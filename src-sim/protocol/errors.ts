/**
 * The closed set of error codes the simulator answers with, and their HTTP
 * statuses, following WeChat Pay API v3 (`{code, message}` bodies).
 */
export const ERROR_STATUS = {
  PARAM_ERROR: 400,
  INVALID_REQUEST: 400,
  ORDER_CLOSED: 400,
  ORDERPAID: 400,
  USERPAYING: 400,
  NO_STATEMENT_EXIST: 400,
  STATEMENT_CREATING: 400,
  SIGN_ERROR: 401,
  NO_AUTH: 403,
  NOTENOUGH: 403,
  NOT_ENOUGH: 403,
  TRADE_ERROR: 403,
  RULE_LIMIT: 403,
  OUT_TRADE_NO_USED: 403,
  ORDER_NOT_EXIST: 404,
  RESOURCE_NOT_EXISTS: 404,
  FREQUENCY_LIMITED: 429,
  SYSTEM_ERROR: 500,
  BANKERROR: 500,
} as const;

export type SimErrorCode = keyof typeof ERROR_STATUS;

export class SimError extends Error {
  readonly status: number;
  constructor(
    readonly code: SimErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export function errorBody(e: SimError): { code: string; message: string; detail?: Record<string, unknown> } {
  return e.detail === undefined
    ? { code: e.code, message: e.message }
    : { code: e.code, message: e.message, detail: e.detail };
}
