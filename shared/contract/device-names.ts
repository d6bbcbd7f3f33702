/** Names of the device methods of the contract (schemas in devices.ts); no schema library here, for the preload. */
export const DEVICE_METHOD_NAMES = [] as const;
export type DeviceMethodName = (typeof DEVICE_METHOD_NAMES)[number];
