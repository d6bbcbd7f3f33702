import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINTER_PROFILE_IDS, SERIAL_BAUD_RATES, type DeviceConfig } from '../../shared/contract/devices';
import type { MethodOutput } from '../../shared/contract/methods';
import { coreApi } from '../transport/core-client';
import { useStatus } from '../stores/status';
import { useUi } from '../stores/ui';

type Device = keyof DeviceConfig;
type PortsFound = MethodOutput<'devices-ports'>;
type Port = PortsFound['ports'][number];
type Tried = { ok: boolean; message: string };

async function fetchPorts(): Promise<PortsFound | null> {
  const r = await coreApi()['devices-ports']({});
  if (r.ok) return r.value;
  useUi.getState().fail(r.error);
  return null;
}

const DEVICES: readonly Device[] = ['printer', 'scanner', 'scale'];
/** A device switched on starts from the commonest settings of the market's hardware. */
const DEFAULT_BAUD = 9600;

/** The printer address a port stands for: a serial port, or a USB printer's device file. */
const portAddress = (p: Port): string => (p.kind === 'usb-printer' ? `file:${p.path}` : `serial:${p.path}`);

function defaults(device: Device, ports: Port[]): NonNullable<DeviceConfig[Device]> {
  const serial = ports.find((p) => p.kind === 'serial')?.path ?? '/dev/ttyUSB0';
  if (device === 'printer')
    return { address: ports[0] ? portAddress(ports[0]) : 'tcp://192.168.1.50:9100', profile: 'generic-58' };
  if (device === 'scanner') return { path: serial, baud_rate: DEFAULT_BAUD, suffix: 'CR' };
  return { path: serial, baud_rate: DEFAULT_BAUD, protocol: 'st-gs-line' };
}

function Pick<T extends string | number>({
  label,
  value,
  options,
  onPick,
  testId,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onPick(v: T): void;
  testId: string;
}) {
  return (
    <label>
      {label}{' '}
      <select
        data-testid={testId}
        value={String(value)}
        onChange={(e) => onPick(options.find((o) => String(o) === e.target.value) ?? value)}
      >
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

type SerialLink = { path: string; baud_rate: (typeof SERIAL_BAUD_RATES)[number] };

/** The serial port and speed of a scanner or scale: a port the core found, or any path typed. */
function SerialFields({
  device,
  value,
  onChange,
}: {
  device: 'scanner' | 'scale';
  value: SerialLink;
  onChange(v: Partial<SerialLink>): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('devices.port')}{' '}
        <input
          data-testid={`${device}-port`}
          list="serial-ports"
          value={value.path}
          onChange={(e) => onChange({ path: e.target.value })}
        />
      </label>
      <Pick
        label={t('devices.baud')}
        testId={`${device}-baud`}
        value={value.baud_rate}
        options={SERIAL_BAUD_RATES}
        onPick={(baud_rate) => onChange({ baud_rate })}
      />
    </>
  );
}

/**
 * The settings' device setup: the saved printer / scanner / scale settings, the serial ports the
 * core finds, a test of each device with the settings on screen (not saved yet), and saving them.
 */
export function DeviceSetup() {
  const { t } = useTranslation();
  const [config, setConfig] = useState<DeviceConfig | null>(null);
  const [found, setFound] = useState<PortsFound>({ ports: [], error: null });
  const [tried, setTried] = useState<Partial<Record<Device, Tried>>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const fail = useUi((s) => s.fail);
  useEffect(() => {
    void coreApi()
      ['devices-config-get']({})
      .then((r) => (r.ok ? setConfig(r.value) : useUi.getState().fail(r.error)));
    void fetchPorts().then((v) => v && setFound(v));
  }, []);
  if (!config) return null;

  const change = (device: Device, value: DeviceConfig[Device]): void => {
    setConfig({ ...config, [device]: value });
    setTried((x) => ({ ...x, [device]: undefined }));
    setSaved(false);
  };
  const test = async (device: Device): Promise<void> => {
    setBusy(true);
    const r = await coreApi()['devices-test'](
      device === 'printer'
        ? { device, config: config.printer! }
        : device === 'scanner'
          ? { device, config: config.scanner!, wait_ms: 0 }
          : { device, config: config.scale!, wait_ms: 2000 },
    );
    setBusy(false);
    if (!r.ok) return fail(r.error);
    setTried((x) => ({ ...x, [device]: r.value }));
  };
  const save = async (): Promise<void> => {
    setBusy(true);
    const r = await coreApi()['devices-config-set'](config);
    setBusy(false);
    if (!r.ok) return fail(r.error);
    useStatus.setState({ devices: r.value });
    setSaved(true);
  };
  const { ports, error: portsError } = found;

  return (
    <div className="device-setup" data-testid="device-setup">
      <p>
        {t('devices.ports_found', { n: ports.length })}{' '}
        {portsError && <small data-testid="ports-error">{portsError}</small>}{' '}
        <button
          type="button"
          className="tab"
          data-testid="ports-refresh"
          onClick={() => void fetchPorts().then((v) => v && setFound(v))}
        >
          {t('devices.ports_refresh')}
        </button>
      </p>
      <datalist id="serial-ports">
        {ports
          .filter((p) => p.kind === 'serial')
          .map((p) => (
            <option key={p.path} value={p.path}>
              {p.manufacturer ?? ''}
            </option>
          ))}
      </datalist>
      <datalist id="device-ports">
        {ports.map((p) => (
          <option key={p.path} value={portAddress(p)}>
            {p.manufacturer ?? ''}
          </option>
        ))}
      </datalist>
      {DEVICES.map((device) => {
        const c = config[device];
        const result = tried[device];
        return (
          <fieldset key={device} className="choice" data-testid={`setup-${device}`}>
            <legend>{t(`settings.${device}`)}</legend>
            <label>
              <input
                type="checkbox"
                data-testid={`${device}-on`}
                checked={c !== null}
                onChange={(e) => change(device, e.target.checked ? defaults(device, ports) : null)}
              />{' '}
              {t('devices.connected')}
            </label>
            {config.printer && device === 'printer' && (
              <>
                <label>
                  {t('devices.address')}{' '}
                  <input
                    data-testid="printer-address"
                    list="device-ports"
                    value={config.printer.address}
                    onChange={(e) => change('printer', { ...config.printer!, address: e.target.value })}
                  />
                </label>
                <Pick
                  label={t('devices.profile')}
                  testId="printer-profile"
                  value={config.printer.profile}
                  options={PRINTER_PROFILE_IDS}
                  onPick={(profile) => change('printer', { ...config.printer!, profile })}
                />
              </>
            )}
            {device === 'scanner' && config.scanner && (
              <SerialFields
                device="scanner"
                value={config.scanner}
                onChange={(v) => change('scanner', { ...config.scanner!, ...v })}
              />
            )}
            {device === 'scale' && config.scale && (
              <SerialFields
                device="scale"
                value={config.scale}
                onChange={(v) => change('scale', { ...config.scale!, ...v })}
              />
            )}
            {config.scanner && device === 'scanner' && (
              <Pick
                label={t('devices.suffix')}
                testId="scanner-suffix"
                value={config.scanner.suffix}
                options={['CR', 'LF', 'CRLF'] as const}
                onPick={(suffix) => change('scanner', { ...config.scanner!, suffix })}
              />
            )}
            {config.scale && device === 'scale' && (
              <Pick
                label={t('devices.protocol')}
                testId="scale-protocol"
                value={config.scale.protocol}
                options={['st-gs-line', 'aclas-os2x'] as const}
                onPick={(protocol) => change('scale', { ...config.scale!, protocol })}
              />
            )}
            {c !== null && (
              <button
                type="button"
                className="secondary"
                data-testid={`${device}-try`}
                disabled={busy}
                onClick={() => void test(device)}
              >
                {t('devices.try')}
              </button>
            )}
            {result && (
              <p className={result.ok ? 'ok' : 'warn'} role="status" data-testid={`${device}-tried`}>
                {t(result.ok ? 'devices.try_ok' : 'devices.try_failed')}
                {result.message}
              </p>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        className="primary big"
        data-testid="devices-save"
        disabled={busy}
        onClick={() => void save()}
      >
        {t('devices.save')}
      </button>
      {saved && (
        <span role="status" data-testid="devices-saved">
          {t('devices.saved')}
        </span>
      )}
    </div>
  );
}
