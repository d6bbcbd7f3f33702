import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILES, type Identity } from './protocol/keys';

export const SIM_CONFIG_FILE = 'sim-config.json';

/**
 * What the settlement server needs to talk to this institution, written to
 * `<dataDir>/sim-config.json` on every start (the URL changes with the port).
 * Everything here is what a real institution hands a service provider at
 * signing; pointing the server at a real one means replacing these values.
 */
export interface SimConfig {
  version: 1;
  base_url: string;
  sp_mchid: string;
  sp_appid: string;
  api_v3_key: string;
  platform_public_key_id: string;
  platform_public_key_pem: string;
  platform_public_key_file: string;
  merchant_api: { mchid: string; serial_no: string; private_key_file: string; public_key_file: string };
  merchant_keys_dir: string;
  portal: { register_key_url: string; token: string };
  test_control: boolean;
}

export function buildSimConfig(
  id: Identity,
  dataDir: string,
  baseUrl: string,
  testControl: boolean,
): SimConfig {
  return {
    version: 1,
    base_url: baseUrl,
    sp_mchid: id.spMchid,
    sp_appid: id.spAppid,
    api_v3_key: id.apiV3Key,
    platform_public_key_id: id.platformSerial,
    platform_public_key_pem: id.platformPublicPem,
    platform_public_key_file: join(dataDir, FILES.platformPublic),
    merchant_api: {
      mchid: id.spMchid,
      serial_no: id.merchantSerial,
      private_key_file: join(dataDir, FILES.merchantPrivate),
      public_key_file: join(dataDir, FILES.merchantPublic),
    },
    merchant_keys_dir: join(dataDir, FILES.merchantKeysDir),
    portal: { register_key_url: `${baseUrl}/v3/sim/portal/merchant-keys`, token: id.portalToken },
    test_control: testControl,
  };
}

export function writeSimConfig(dataDir: string, cfg: SimConfig): void {
  writeFileSync(join(dataDir, SIM_CONFIG_FILE), JSON.stringify(cfg, null, 2), { mode: 0o600 });
}
