/**
 * The device methods of the renderer contract (shared/contract/devices.ts).
 * The core registers them: registerHandlers(..., deviceHandlers(devices)).
 */
import type { DeviceMethodName } from '../../shared/contract/devices';
import type { HandlerMap } from '../rpc/registry';
import type { DeviceManager } from './device-manager';
import { testPrinter, testScale, testScanner } from './device-tests';
import { listPorts } from './serial/list-ports';

export function deviceHandlers(devices: DeviceManager): Pick<HandlerMap, DeviceMethodName> {
  return {
    'devices-ports': () => listPorts(),
    'devices-config-get': () => devices.config(),
    'devices-config-set': (config) => devices.configure(config),
    'devices-status': () => devices.status(),
    'devices-test': (input) => {
      switch (input.device) {
        case 'printer':
          return testPrinter(input.config);
        case 'scanner':
          return testScanner(input.config, input.wait_ms ?? 0);
        case 'scale':
          return testScale(input.config, input.wait_ms ?? 2000);
      }
    },
    'printer-test-page': () => devices.printTestPage(),
    'scale-read': () => devices.scaleNow(),
    'scale-zero': async () => {
      await devices.zeroScale();
      return { ok: true as const };
    },
    'scale-tare': async () => {
      await devices.tareScale();
      return { ok: true as const };
    },
  };
}
