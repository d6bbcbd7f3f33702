/** Names of the device methods of the contract (schemas in devices.ts); no schema library here. */
export const DEVICE_METHOD_NAMES = [
  'devices-ports',
  'devices-config-get',
  'devices-config-set',
  'devices-status',
  'devices-test',
  'printer-test-page',
  'print-jobs-recent',
  'print-reprint',
  'scale-read',
  'scale-zero',
  'scale-tare',
] as const;
export type DeviceMethodName = (typeof DEVICE_METHOD_NAMES)[number];

/** Names of the customer-display methods (schemas in display.ts). */
export const DISPLAY_METHOD_NAMES = ['display-show', 'display-get'] as const;
export type DisplayMethodName = (typeof DISPLAY_METHOD_NAMES)[number];
